//! Demo walkthroughs: the demo portal (a scripted history run forward by the
//! engine, `assets/demo/`), guided tours (`assets/tours/`), and recordings.

pub mod cast;
pub mod portal;
pub mod tour;

pub use portal::{DemoPortal, build_demo};
