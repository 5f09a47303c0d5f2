//! Presenting a tour in the TUI: `]` performs the next step as a presenter
//! would (through the same messages and effects as keys and clicks), `[`
//! puts the portal back as it was before the previous step.

use crossterm::event::{Event, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

use super::drive;
use super::effect::{Effect, HoverAt, WindowAt};
use super::effects::{Backend, load_accounts, reload};
use super::keymap::Key;
use super::message::{Loaded, Msg};
use super::state::{App, Focus, MainTab, TourView};
use super::update::{pick_network, press_labelled};
use crate::demo::tour::{Opening, TabName, Tour, TourAction, TourStep};
use crate::error::{Error, Result};
use crate::store::accounts::{self, ListCursor};
use crate::store::actions;
use crate::tui::action::Action;

/// The portal and the presenter's place before a step.
pub struct Snapshot {
    db: rusqlite::Connection,
    actor: String,
    tab: MainTab,
    overlay: Option<super::dialogs::Dialog>,
    hover: Option<crate::lifecycle::AccountId>,
    top: Option<ListCursor>,
    /// `PRAGMA data_version` when it was taken: it moves only when another
    /// connection commits, so a rewind can tell that someone else wrote.
    data_version: i64,
}

/// The tour being presented and the portal before each step performed: it
/// drives the app through the same messages and effects as keys do, and
/// nothing in `effects` calls back into it.
pub struct Player {
    tour: Tour,
    snapshots: Vec<Snapshot>,
}

/// Readies a tour: the panel shows its first step.
pub fn start(app: &mut App, tour: Tour) -> Player {
    // The tour's words and expectations are its language's.
    crate::i18n::set(tour.lang);
    app.tour = Some(TourView {
        title: tour.title.clone(),
        steps: tour
            .steps
            .iter()
            .map(|s| (s.title.clone(), s.narration.clone()))
            .collect(),
        done: 0,
        hidden: false,
    });
    Player {
        tour,
        snapshots: Vec::new(),
    }
}

/// `]`: snapshot, then perform the next step.
pub fn next_step(player: &mut Player, store: &mut Backend, app: &mut App) -> Result<()> {
    let Some(view) = &app.tour else { return Ok(()) };
    let index = view.done;
    let Some(step) = player.tour.steps.get(index).cloned() else {
        return Ok(());
    };
    let snapshot = Snapshot {
        data_version: store.portal.data_version()?,
        db: store.portal.snapshot()?,
        actor: store.actor.clone(),
        tab: app.tab,
        overlay: app.overlay.clone(),
        hover: app.accounts.hover,
        top: app.accounts.top.clone(),
    };
    player.snapshots.push(snapshot);
    if let Some(view) = &mut app.tour {
        view.done = index + 1;
    }
    perform_step(store, app, &step).map_err(|message| {
        Error::other(
            "tour",
            crate::tr!(
                "tour-error-step",
                step = index + 1,
                title = step.title.clone(),
                why = message
            ),
        )
    })
}

/// `[`: back to the portal as it was before the previous step.
pub fn step_back(player: &mut Player, store: &mut Backend, app: &mut App) -> Result<()> {
    let Some(taken) = player.snapshots.last().map(|s| s.data_version) else {
        app.toast(crate::tr!("tour-at-start"));
        return Ok(());
    };
    // Restoring would erase what another process wrote since the snapshot
    // (a user added from the CLI, a second admin's disconnect).
    if store.portal.data_version()? != taken {
        player.snapshots.clear();
        return Err(Error::conflict(
            "changed_elsewhere",
            crate::tr!("tour-changed-elsewhere"),
        ));
    }
    let Some(snapshot) = player.snapshots.pop() else {
        return Ok(());
    };
    store.portal.restore(&snapshot.db)?;
    store.actor = snapshot.actor;
    app.tab = snapshot.tab;
    app.overlay = snapshot.overlay;
    app.accounts.hover = snapshot.hover;
    app.accounts.top = snapshot.top;
    app.filter_input = None;
    app.accounts.filter = None;
    if let Some(view) = &mut app.tour {
        view.done = view.done.saturating_sub(1);
    }
    app.toast(crate::tr!("tour-went-back"));
    refresh(store, app)
}

/// The screen brought up to date.
fn refresh(store: &mut Backend, app: &mut App) -> Result<()> {
    let messages = reload(store, app)?;
    drive::apply(store, app, messages);
    Ok(())
}

fn send(store: &mut Backend, app: &mut App, msg: Msg) {
    drive::message(store, app, msg);
}

fn act(store: &mut Backend, app: &mut App, action: Action) {
    send(store, app, Msg::Act(action));
}

fn effects(store: &mut Backend, app: &mut App, list: Vec<Effect>) {
    for effect in list {
        drive::effect(store, app, effect);
    }
}

/// Performs a step's actions in order; stops at the first that cannot run.
pub fn perform_step(
    store: &mut Backend,
    app: &mut App,
    step: &TourStep,
) -> std::result::Result<(), String> {
    for action in &step.actions {
        match action {
            TourAction::User(email) => effects(store, app, vec![Effect::SwitchUser(email.clone())]),
            TourAction::Tab(tab) => {
                app.overlay = None;
                act(
                    store,
                    app,
                    match tab {
                        TabName::Accounts => Action::TabAccounts,
                        TabName::Publishing => Action::TabPublishing,
                        TabName::Notifications => Action::TabNotifications,
                        TabName::Activity => Action::TabActivity,
                    },
                );
            }
            TourAction::Select(handle) => select(store, app, handle)?,
            TourAction::Open(opening) => {
                app.focus = Focus::List;
                let action = match opening {
                    Opening::Disconnect => Action::Disconnect,
                    Opening::Reconnect => Action::Reconnect,
                    Opening::Remove => Action::Remove,
                    Opening::Connect => Action::Connect,
                    Opening::Detail => Action::Confirm,
                    Opening::Clock => Action::Clock,
                    Opening::UserPicker => Action::SwitchUser,
                    Opening::Help => Action::Help,
                };
                act(store, app, action);
            }
            TourAction::Press(label) => {
                let list = press_labelled(app, label)?;
                effects(store, app, list);
            }
            TourAction::Type(text) => {
                for c in text.chars() {
                    send(store, app, Msg::Text(InputRequest::InsertChar(c)));
                }
            }
            TourAction::Key(name) => {
                let key = Key::parse(name)?;
                let modifiers = if key.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                let event = Event::Key(KeyEvent::new(key.code, modifiers));
                if let Some(msg) = app.translate(&event) {
                    send(store, app, msg);
                }
            }
            TourAction::Network(network) => {
                let list = pick_network(app, *network)?;
                effects(store, app, list);
            }
            TourAction::Advance(by) => effects(
                store,
                app,
                vec![Effect::AdvanceClock {
                    seconds: by.num_seconds(),
                }],
            ),
            TourAction::NextEvent => effects(store, app, vec![Effect::ClockToNextEvent]),
            TourAction::Tier(tier) => {
                let tier = *tier;
                store
                    .run(|s| actions::set_tier(s, tier))
                    .map_err(|e| e.to_string())?;
                app.toast(crate::tr!("toast-tier-set", tier = tier.label()));
                refresh(store, app).map_err(|e| e.to_string())?;
            }
            TourAction::NetworkEvent(report) => {
                let id = app
                    .accounts
                    .hover
                    .ok_or_else(|| crate::tr!("tour-error-select-first"))?;
                let report = *report;
                let now = store.now_flag;
                store
                    .portal
                    .run(now, None, |s| actions::network_event(s, id, report))
                    .map_err(|e| e.to_string())?;
                refresh(store, app).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}

/// Hovers an account by handle, keeping the list in place when it is on
/// screen.
fn select(store: &mut Backend, app: &mut App, handle: &str) -> std::result::Result<(), String> {
    if app.tab != MainTab::Accounts {
        act(store, app, Action::TabAccounts);
    }
    app.overlay = None;
    app.focus = Focus::List;
    if let Some(row) = app
        .accounts
        .rows
        .iter()
        .find(|r| r.account.handle == handle)
    {
        app.accounts.hover = Some(row.account.id);
        return Ok(());
    }
    let record = store
        .run(|s| {
            let conn = s.conn();
            let id = accounts::id_by_handle(conn, handle)?.ok_or_else(|| accounts::not_found(0))?;
            let record = accounts::record(conn, id)?;
            Ok((record.account.is_hidden(s.instant()), record))
        })
        .map_err(|_| crate::tr!("tour-error-gone", handle = handle))?;
    if record.0 {
        return Err(crate::tr!("tour-error-hidden", handle = handle));
    }
    let cursor = ListCursor::of(&record.1.account);
    let hover = HoverAt::Id(record.1.account.id);
    let window =
        load_accounts(store, app, WindowAt::From(cursor), hover).map_err(|e| e.to_string())?;
    send(store, app, Msg::Loaded(Loaded::Accounts(window)));
    Ok(())
}
