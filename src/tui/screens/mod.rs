//! The four tabs of Settings > Social, one file each: every screen owns its
//! pane, answers the actions its list gets, and draws itself from its pane
//! and a small read-only `Context`, never the whole state. `update` routes
//! to the current one.

pub mod accounts;
pub mod activity;
pub mod kit;
pub mod notifications;
pub mod publishing;

pub use kit::{Context, Land, Paged, Reply, Seek, empty, paged_action, row_rect};
