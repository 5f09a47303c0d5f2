//! The terminal UI: its update loop on a test backend, its snapshots, its
//! config, and the real binary in a pseudo-terminal. One test binary, each
//! file a module. `cargo test --test tui NAME` runs one test.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod house;
mod tui_config;
mod tui_frame_time;
mod tui_pty;
mod tui_snapshots;
mod tui_update;
