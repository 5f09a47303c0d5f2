//! The command line, the store, the watch and its deliveries, the demo and
//! the trust checks: one test binary (one link instead of eleven), each
//! file a module. `cargo test --test cli NAME` runs one test.

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod cli_contract;
mod delivery;
mod demo;
mod italian;
mod postgres;
mod rules_cli;
mod shell_fit;
mod store;
mod sweep_properties;
mod trust;
mod watch;
