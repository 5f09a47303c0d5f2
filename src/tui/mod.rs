//! The terminal UI (TUI.md): the suite's Settings > Social > Accounts page in
//! a terminal. Input becomes a `Msg`, `update` changes the `state` and
//! returns effects, `effects` run them against the portal and return
//! messages, `view` draws. `drive` is the one way through; `run` the loop.
//! Layers, lowest first (no module imports one above it): action, keymap,
//! theme, config, place, hits, format, effect, worker, signin; dialogs,
//! screens; state, message; translate, apply, update; view, effects; drive;
//! tour; run, headless.

pub mod action;
pub mod apply;
pub mod config;
pub mod dialogs;
pub mod drive;
pub mod effect;
pub mod effects;
pub mod format;
pub mod headless;
pub mod hits;
pub mod keymap;
pub mod message;
pub mod place;
pub mod run;
pub mod screens;
pub mod signin;
pub mod state;
pub mod theme;
pub mod tour;
pub mod translate;
pub mod update;
pub mod view;
pub mod worker;

pub use run::{
    EventSource, Options, Runtime, TICK, TerminalEvents, draw_frame, handle_event, pump_work,
    reload, run, run_effect, run_loop,
};
