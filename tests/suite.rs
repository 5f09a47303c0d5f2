//! Every integration test in one binary (issue 19): one link, and one pool
//! of test threads, so the slow waits of some tests overlap the work of
//! others. `cargo test --test suite NAME` runs the tests whose name holds
//! NAME (`delivery::`, `tui_pty::`).

#[macro_use]
#[path = "common/mod.rs"]
mod common;

#[path = "cli/mod.rs"]
mod cli;
#[path = "tui/mod.rs"]
mod tui;
