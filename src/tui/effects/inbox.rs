//! The Notifications tab's effects: read marks, and failed deliveries sent
//! again.

use super::backend::Backend;
use super::reload::{done_then_reload, reload};
use crate::error::Result;
use crate::store::notifications;
use crate::tui::effect::Effect;
use crate::tui::message::Msg;
use crate::tui::state::App;

pub fn perform(backend: &mut Backend, app: &App, effect: Effect) -> Result<Vec<Msg>> {
    match effect {
        Effect::MarkRead(id) => {
            backend.run(|s| {
                let me = s.require_actor()?;
                notifications::mark_read(s.conn(), me.id, id)
            })?;
            reload(backend, app)
        }
        Effect::MarkAllRead => {
            let n = backend.run(|s| {
                let me = s.require_actor()?;
                notifications::mark_all_read(s.conn(), me.id)
            })?;
            done_then_reload(backend, app, crate::tr!("toast-marked-read", count = n))
        }
        Effect::RetryDeliveries => {
            let ids: Vec<i64> = app.failed_deliveries.iter().map(|d| d.id).collect();
            let queued = backend.run(|s| {
                let mut queued = 0usize;
                for id in &ids {
                    if s.one_of_several(|s| crate::store::actions::retry_delivery(s, *id))?
                        .is_ok()
                    {
                        queued += 1;
                    }
                }
                Ok(queued)
            })?;
            let toast = crate::tr!("toast-deliveries-queued", count = queued);
            done_then_reload(backend, app, toast)
        }
        _ => Ok(Vec::new()),
    }
}
