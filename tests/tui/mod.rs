//! The terminal UI: its update loop on a test backend, its snapshots, its
//! config, the house rules, and the real binary in a pseudo-terminal, each
//! file a module of the one test binary (`tests/suite.rs`).

mod house;
mod tui_config;
mod tui_frame_time;
mod tui_pty;
mod tui_sign_in;
mod tui_snapshots;
mod tui_update;
