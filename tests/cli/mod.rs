//! The command line, the store, the watch and its deliveries, the demo and
//! the trust checks, each file a module of the one test binary
//! (`tests/suite.rs`).

mod admin_settings;
mod chat_formats;
mod cli_contract;
mod deadlines;
mod delivery;
mod demo;
mod digests;
mod italian;
mod metrics;
mod oauth;
mod postgres;
mod postgres_tls;
mod rules_cli;
mod shell_fit;
mod store;
mod sweep_properties;
mod trust;
mod watch;
