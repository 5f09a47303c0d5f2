//! Switchboard: keep a company's social accounts connected to its marketing
//! suite. The rules (`lifecycle`), the portal database (`store`), the clock
//! abstraction (`clock`) and the scripting face (`cli`) are separate rooms.

pub mod address;
pub mod cli;
pub mod clock;
pub mod delivery;
pub mod demo;
pub mod error;
pub mod files;
pub mod i18n;
pub mod ics;
pub mod keeper;
pub mod keys;
pub mod lifecycle;
pub mod logging;
pub mod metrics;
pub mod oauth;
pub mod present;
pub mod signals;
pub mod store;
pub mod tui;
pub mod watch;
pub mod zone;
