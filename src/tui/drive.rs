//! One way through: an effect runs against the portal, the messages it
//! returns go to `update`, and whatever effects those ask for run in turn.

use super::effect::Effect;
use super::effects::{self, Backend};
use super::message::Msg;
use super::state::App;
use super::update::update;

/// Runs an effect and applies what it brought back.
pub fn effect(backend: &mut Backend, app: &mut App, effect: Effect) {
    if held_back(backend, app, &effect) {
        return;
    }
    let messages = effects::perform(backend, app, effect);
    apply(backend, app, messages);
}

/// Applies messages in order, running the effects each asks for.
pub fn apply(backend: &mut Backend, app: &mut App, messages: Vec<Msg>) {
    for msg in messages {
        message(backend, app, msg);
    }
}

/// One message through `update`, then its effects.
pub fn message(backend: &mut Backend, app: &mut App, msg: Msg) {
    for next in update(app, msg) {
        effect(backend, app, next);
    }
}

/// While the clock moves on a worker (which holds the portal between its
/// steps), what writes waits for it: the toast says so.
pub fn held_back(backend: &Backend, app: &mut App, effect: &Effect) -> bool {
    if backend.work.is_some() && effect.writes() {
        update(app, Msg::Failed(crate::tr!("toast-clock-moving")));
        return true;
    }
    false
}
