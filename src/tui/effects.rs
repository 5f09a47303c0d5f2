//! Runs `update`'s effects against the portal and puts what comes back into
//! the state. A reload first brings the portal up to now (R12) when the write
//! lock is free; reads never wait for it. Previews and actions are the
//! store's, exactly as the CLI runs them.

use chrono::Duration;

use super::app::{Access, Anchor, App, Dialog, Effect, HoverAt, MainTab, Overlay, Seen};
use super::dialogs;
use crate::clock::{ClockSource, Now, effective_now};
use crate::error::{Error, Result};
use crate::lifecycle::Instant;
use crate::lifecycle::time::advance;
use crate::store::accounts::{self, ListCursor, ListFilter};
use crate::store::{self, Portal, Session, actions, notifications, posts, previews, users};

/// The portal as the TUI holds it.
pub struct Store {
    pub portal: Portal,
    pub actor: String,
    /// `--now`, until the clock is moved from the TUI.
    pub now_flag: Option<Instant>,
    data_version: i64,
    /// The tour being presented, with its snapshots.
    pub tour: Option<super::tour::Player>,
    /// A long clock move running on a worker.
    pub work: Option<super::worker::ClockMove>,
}

/// How long a screen's catch-up sweep waits for the write lock: a key must
/// be answered within a frame or two, so it does not wait.
const SWEEP_WAIT: std::time::Duration = std::time::Duration::from_millis(20);
/// How long an action (a confirmed dialog) waits for the write lock.
const ACTION_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

impl Store {
    pub fn new(portal: Portal, actor: String, now_flag: Option<Instant>) -> Store {
        let _ = portal.set_busy_timeout(ACTION_WAIT);
        Store {
            portal,
            actor,
            now_flag,
            data_version: 0,
            tour: None,
            work: None,
        }
    }

    /// A command that writes (an action, a refusal to audit): it waits for
    /// another process's write lock at most `ACTION_WAIT`.
    pub fn run<T>(&mut self, command: impl FnOnce(&mut Session<'_>) -> Result<T>) -> Result<T> {
        let actor = self.actor.clone();
        self.portal.run(self.now_flag, Some(&actor), command)
    }

    /// A read for the screen: never waits for the write lock (issue 7).
    pub fn read<T>(&mut self, command: impl FnOnce(&mut Session<'_>) -> Result<T>) -> Result<T> {
        let actor = self.actor.clone();
        self.portal.read(self.now_flag, Some(&actor), command)
    }

    /// Brings the portal up to now (R12) if the write lock can be had at
    /// once; false while another process holds it (the screen says so and
    /// tries again on the next tick).
    pub fn catch_up(&mut self) -> Result<bool> {
        self.portal.set_busy_timeout(SWEEP_WAIT)?;
        let swept = self.portal.run(self.now_flag, None, |_| Ok(()));
        self.portal.set_busy_timeout(ACTION_WAIT)?;
        match swept {
            Ok(()) => Ok(true),
            Err(e) if e.code() == "busy" => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Whether another process changed the portal since we last looked
    /// (`PRAGMA data_version`).
    pub fn changed_elsewhere(&mut self) -> bool {
        let version = self.portal.data_version().unwrap_or(self.data_version);
        let changed = version != self.data_version;
        self.data_version = version;
        changed
    }
}

/// Runs one effect; failures become a dialog or a toast, never a crash.
pub fn perform(store: &mut Store, app: &mut App, effect: Effect) {
    let result = match effect {
        Effect::Reload => reload(store, app),
        Effect::LoadAccounts { anchor, hover } => load_accounts(store, app, anchor, hover),
        Effect::OpenDetail(id) => open_detail(store, app, id),
        Effect::PrepareDisconnect(id) => prepare_disconnect(store, app, id),
        Effect::PrepareReconnect(id) => prepare_reconnect(store, app, id),
        Effect::PrepareRemove(id) => prepare_remove(store, app, id),
        Effect::PrepareConnect => prepare_connect(store, app),
        Effect::LoadConnectNetwork(network) => load_connect_network(store, app, network),
        Effect::Disconnect(seen) => store
            .run(|s| actions::disconnect(s, seen.id, Some(seen.version)))
            .map(|(record, canceled)| {
                app.toast(crate::tr!(
                    "toast-disconnected",
                    handle = record.account.handle.clone(),
                    count = canceled
                ))
            })
            .and_then(|()| reload(store, app))
            .or_else(|e| show_again_if_changed(store, app, e, Effect::PrepareDisconnect(seen.id))),
        Effect::Reconnect(seen) => store
            .run(|s| actions::reconnect(s, seen.id, Some(seen.version)))
            .map(|done| {
                let id = done.account.account.id;
                app.missed_after_reconnect = (done.missed_posts > 0).then_some(id);
                let reschedule = if done.missed_posts > 0 {
                    format!(
                        " · {}",
                        crate::tr!(
                            "toast-press-to-reschedule",
                            key = app.keymap.key_label(super::action::Action::Reschedule)
                        )
                    )
                } else {
                    String::new()
                };
                app.toast(format!(
                    "{}{reschedule}",
                    crate::tr!(
                        "toast-reconnected",
                        handle = done.account.account.handle.clone(),
                        resumed = done.resumed_posts,
                        missed = done.missed_posts
                    )
                ));
                app.accounts.hover = Some(id);
            })
            .and_then(|()| reload(store, app))
            .or_else(|e| show_again_if_changed(store, app, e, Effect::PrepareReconnect(seen.id))),
        Effect::Remove(seen, typed) => store
            .run(|s| actions::remove(s, seen.id, &typed, Some(seen.version)))
            .map(|deleted| app.toast(crate::tr!("toast-removed", count = deleted)))
            .and_then(|()| load_accounts(store, app, Anchor::Start, HoverAt::First))
            .or_else(|e| show_again_if_changed(store, app, e, Effect::PrepareRemove(seen.id))),
        Effect::ConnectAll(network, handles) => connect_all(store, app, network, handles),
        Effect::CheckHandle {
            network,
            handle,
            name,
        } => check_handle(store, app, network, handle, name),
        Effect::AdvanceClock { seconds } => move_clock(store, app, |now, _| {
            advance(now, Duration::seconds(seconds))
                .map_err(|message| Error::invalid("clock_out_of_range", message))
        }),
        Effect::ClockToNextEvent => move_clock(store, app, |now, next| {
            next.filter(|n| *n > now).ok_or_else(|| {
                Error::other("no_event", "nothing is scheduled to happen: no next event")
            })
        }),
        Effect::OpenUserPicker => store
            .read(|s| {
                let me = s.require_actor()?;
                Ok((
                    users::list(s.conn())?,
                    crate::store::outbox::channels_of(s.conn(), me.id)?,
                ))
            })
            .map(|(users, channels)| {
                let index = users
                    .iter()
                    .position(|u| u.email == store.actor)
                    .unwrap_or(0);
                app.overlay = Some(Overlay::UserPicker {
                    users,
                    index,
                    channels,
                });
            }),
        Effect::OpenDeliveries => store
            .read(|s| {
                let me = s.require_actor()?;
                Ok((
                    me.email.clone(),
                    crate::store::outbox::channels_of(s.conn(), me.id)?,
                ))
            })
            .map(|(email, channels)| {
                app.overlay = Some(Overlay::Dialog(Dialog::Deliveries(
                    crate::tui::dialogs::Deliveries::new(
                        email,
                        &channels,
                        crate::tui::config::allows_private_webhooks(),
                    ),
                )));
            }),
        Effect::SetChannels { email: on, webhook } => {
            let email = store.actor.clone();
            let change = crate::store::actions::ChannelChange {
                email: Some(on),
                webhook: Some(webhook),
                lang: None,
                allow_private_webhooks: crate::tui::config::allows_private_webhooks(),
            };
            store
                .run(|s| crate::store::actions::set_channels(s, &email, &change))
                .map(|(_, channels)| {
                    app.toast(crate::tr!(
                        "toast-deliveries-saved",
                        email = email.clone(),
                        mail = crate::tr!(if channels.email {
                            "word-on"
                        } else {
                            "word-off"
                        }),
                        webhook = crate::tr!(if channels.webhook.is_some() {
                            "word-on"
                        } else {
                            "word-off"
                        })
                    ))
                })
        }
        Effect::RetryDeliveries => {
            let ids: Vec<i64> = app.failed_deliveries.iter().map(|d| d.id).collect();
            store
                .run(|s| {
                    let mut queued = 0usize;
                    for id in &ids {
                        if s.one_of_several(|s| crate::store::actions::retry_delivery(s, *id))?
                            .is_ok()
                        {
                            queued += 1;
                        }
                    }
                    Ok(queued)
                })
                .map(|n| app.toast(crate::tr!("toast-deliveries-queued", count = n)))
                .and_then(|()| reload(store, app))
        }
        Effect::SwitchUser(email) => {
            store.actor = email.clone();
            app.toast(crate::tr!("toast-acting-as", email = email.clone()));
            reload(store, app)
        }
        Effect::MarkRead(id) => store
            .run(|s| {
                let me = s.require_actor()?;
                notifications::mark_read(s.conn(), me.id, id)
            })
            .and_then(|()| reload(store, app)),
        // The tour player runs these (`tui::run_effect`), never this module.
        Effect::TourNext | Effect::TourBack => Ok(()),
        Effect::MarkAllRead => store
            .run(|s| {
                let me = s.require_actor()?;
                notifications::mark_all_read(s.conn(), me.id)
            })
            .map(|n| app.toast(crate::tr!("toast-marked-read", count = n)))
            .and_then(|()| reload(store, app)),
        Effect::StopWork => {
            if let Some(work) = &store.work {
                work.stop();
                app.toast(crate::tr!("toast-stopping"));
            }
            Ok(())
        }
        Effect::OpenClockPicker => {
            app.overlay = Some(Overlay::ClockPicker {
                index: 0,
                demo: false,
            });
            Ok(())
        }
        Effect::UnsetClock => {
            let actor = store.actor.clone();
            store
                .portal
                .run_at(
                    |_| Ok(crate::clock::system_clock()),
                    Some(&actor),
                    actions::unset_demo_clock,
                )
                .map(|()| {
                    store.now_flag = None;
                    app.toast(crate::tr!("toast-system-clock"));
                })
                // Said in the TUI's terms, not the CLI's flags (issue 18,
                // item 5): the menu offers this only when it can be done,
                // so only another process's sweep meanwhile gets here.
                .map_err(|error| match &error {
                    crate::error::Error::State(
                        crate::lifecycle::StateRefusal::ClockBackwards { .. },
                    ) => {
                        let until = store
                            .portal
                            .info()
                            .ok()
                            .and_then(|info| info.swept_until)
                            .map(|t| crate::tui::view::long_date(app.zone, t))
                            .unwrap_or_default();
                        crate::error::Error::other(
                            "clock_backwards",
                            crate::tr!("error-tui-clock-back", until = until),
                        )
                    }
                    _ => error,
                })
                .and_then(|()| reload(store, app))
        }
        Effect::PrepareBulk(kind, ids) => {
            store.run(|s| previews::bulk(s, kind, &ids)).map(|lines| {
                app.overlay = Some(Overlay::Dialog(Dialog::Bulk(dialogs::BulkDialog::new(
                    kind, lines,
                ))))
            })
        }
        Effect::Bulk(kind, seen) => bulk(store, app, kind, seen),
        Effect::OpenCompose(account) => open_compose(store, app, account),
        Effect::FindPostable(text) => store
            .read(|s| previews::postable_accounts(s, Some(&text), COMPOSE_CHOICES))
            .map(|found| {
                if let Some(Overlay::Dialog(Dialog::Compose(compose))) = &mut app.overlay {
                    compose.candidates = found;
                    compose.row = 0;
                }
            }),
        Effect::SavePost { account, at, text } => store
            .run(|s| match at {
                Some(at) => actions::schedule_post(s, account, at, &text),
                None => actions::draft_post(s, account, &text),
            })
            .map(|post| {
                app.toast(if post.scheduled_at.is_some() {
                    crate::tr!("toast-post-scheduled", id = post.id)
                } else {
                    crate::tr!("toast-post-drafted", id = post.id)
                });
            })
            .and_then(|()| reload(store, app)),
        Effect::OpenReschedule(id) => open_reschedule(store, app, id),
        Effect::RescheduleMissed(account) => store
            .read(|s| posts::first_missed(s.conn(), account))
            .and_then(|missed| match missed {
                Some(id) => open_reschedule(store, app, id),
                None => {
                    app.toast(crate::tr!("toast-no-missed"));
                    Ok(())
                }
            }),
        Effect::ReschedulePost { id, at } => store
            .run(|s| actions::reschedule_post(s, id, at))
            .map(|post| {
                let when = post
                    .scheduled_at
                    .map(crate::lifecycle::time::format_instant)
                    .unwrap_or_default();
                app.toast(crate::tr!(
                    "toast-post-rescheduled",
                    id = post.id,
                    when = when
                ));
            })
            .and_then(|()| reload(store, app)),
        Effect::OpenCancelPost(id) => store
            .run(|s| previews::post_change(s, id, "cancel_post"))
            .map(|line| {
                app.overlay = Some(Overlay::Dialog(Dialog::CancelPost(
                    dialogs::CancelPost::new(line),
                )))
            }),
        Effect::CancelPost(id) => store
            .run(|s| actions::cancel_post(s, id))
            .map(|post| app.toast(format!("Post #{} canceled", post.id)))
            .and_then(|()| reload(store, app)),
    };
    if let Err(error) = result {
        report(store, app, &error);
    }
    // Our own writes are not "elsewhere".
    store.changed_elsewhere();
}

/// A confirmed action refused because the account changed since its dialog
/// opened: the dialog is shown again, prepared from the account as it is now,
/// with a toast that says why.
fn show_again_if_changed(
    store: &mut Store,
    app: &mut App,
    error: Error,
    prepare: Effect,
) -> Result<()> {
    if error.code() != "account_changed" {
        return Err(error);
    }
    reload(store, app)?;
    perform(store, app, prepare);
    app.toast_error(crate::tr!("toast-account-changed"));
    Ok(())
}

/// Takes the worker's reports: progress for the footer, and at the end the
/// toast and a reload. Returns whether it is still working.
pub fn pump_work(store: &mut Store, app: &mut App) -> bool {
    let Some(work) = &store.work else {
        return false;
    };
    let mut finished = None;
    for report in work.reports() {
        match report {
            super::worker::Report::Step { swept_to, applied } => {
                if let Some(view) = &mut app.work {
                    view.swept_to = swept_to;
                    view.applied = applied;
                }
            }
            done => finished = Some(done),
        }
    }
    let Some(done) = finished else {
        return true;
    };
    store.work = None;
    app.work = None;
    store.now_flag = None;
    match done {
        super::worker::Report::Done {
            clock,
            tally,
            stopped,
        } => {
            let text = if stopped {
                format!(
                    "{} · {}",
                    crate::tr!("toast-stopped"),
                    tally.describe(clock)
                )
            } else {
                tally.describe(clock)
            };
            let _ = reload(store, app);
            app.toast(text);
        }
        super::worker::Report::Failed(error) => report(store, app, &error),
        super::worker::Report::Step { .. } => {}
    }
    store.changed_elsewhere();
    false
}

/// A failed effect: logged, shown (a refusal as a dialog, else a toast), and
/// the screen brought up to date.
pub fn report(store: &mut Store, app: &mut App, error: &Error) {
    tracing::error!(
        code = error.code(),
        "{}",
        crate::present::escape_control(&error.to_string())
    );
    show_error(app, error);
    let _ = reload(store, app);
}

fn show_error(app: &mut App, error: &Error) {
    match error {
        Error::Denied { message, .. } => {
            app.overlay = Some(Overlay::Dialog(Dialog::refused(
                crate::tr!("refused-not-allowed"),
                super::view::sentence(message),
            )))
        }
        Error::State(_) | Error::Conflict { .. } => {
            app.overlay = Some(Overlay::Dialog(Dialog::refused(
                crate::tr!("refused-cannot-now"),
                super::view::sentence(&error.to_string()),
            )))
        }
        _ => app.toast_error(error.to_string()),
    }
}

/// Refetches the header and the current tab.
pub fn reload(store: &mut Store, app: &mut App) -> Result<()> {
    app.busy = !store.catch_up()?;
    let session = store.read(|s| previews::standing(s))?;
    let granted = session.access == Access::Granted;
    app.session = Some(session);
    if !granted {
        return Ok(());
    }
    match app.tab {
        MainTab::Accounts => {
            let anchor = app.accounts.top.clone().map_or(Anchor::Start, Anchor::From);
            load_accounts(store, app, anchor, HoverAt::Keep)
        }
        MainTab::Publishing => {
            let (tab, limit) = (app.posts.tab, capacity(app));
            load_page(store, &mut app.posts.list, |s, seek| {
                posts::tab_page(s.conn(), tab, seek, limit)
            })
        }
        MainTab::Notifications => {
            let limit = capacity(app);
            let (failed, count) =
                store.read(|s| crate::store::reads::failed_deliveries(s, FAILED_SHOWN))?;
            app.failed_deliveries = failed;
            app.failed_delivery_count = count;
            load_page(store, &mut app.inbox, |s, seek| {
                let me = s.require_actor()?;
                notifications::page_newest(s.conn(), me.id, seek, limit)
            })
        }
        MainTab::Activity => {
            let (account, limit) = (app.activity_account, capacity(app));
            load_page(store, &mut app.activity, |s, seek| {
                store::audit::page_newest(s.conn(), account, seek, limit)
            })
        }
    }
}

/// Loads a paged list's page where it is anchored; a page past either end
/// comes back empty, and that end is loaded instead (`Paged::take`).
fn load_page<T, C: Copy>(
    store: &mut Store,
    list: &mut super::screens::Paged<T, C>,
    fetch: impl Fn(&mut crate::store::Session<'_>, super::screens::Seek<C>) -> Result<Vec<T>>,
) -> Result<()> {
    loop {
        let seek = list.seek;
        let rows = store.read(|s| fetch(s, seek))?;
        if !list.take(rows) {
            return Ok(());
        }
    }
}

/// How many failed deliveries the Notifications tab names, above the inbox.
pub const FAILED_SHOWN: usize = 3;

fn capacity(app: &App) -> usize {
    app.hits.list_capacity.clamp(5, 200)
}

/// Loads the Accounts list window (one row more than fits, to know there is more).
pub fn load_accounts(
    store: &mut Store,
    app: &mut App,
    anchor: Anchor,
    hover: HoverAt,
) -> Result<()> {
    let limit = capacity(app) + 1;
    let text = app.accounts.filter.clone();
    let (state, order) = (app.accounts.state, app.accounts.order);
    let top = app.accounts.top.clone();
    let (rows, hidden, hidden_matches) = store.read(|s| {
        let filter = ListFilter {
            text: text.as_deref(),
            state,
            order,
            ..ListFilter::list(s.instant())
        };
        let conn = s.conn();
        let mut rows = match &anchor {
            Anchor::Start => accounts::window(conn, filter, accounts::Anchor::Start, limit)?,
            Anchor::From(cursor) => {
                accounts::window(conn, filter, accounts::Anchor::From(cursor), limit)?
            }
            Anchor::End => accounts::window(conn, filter, accounts::Anchor::End, limit - 1)?,
            Anchor::Around(cursor) => {
                // Half a screen above it, more when it is near the end.
                let after = accounts::window(conn, filter, accounts::Anchor::From(cursor), limit)?;
                let above = (limit / 2).max(limit.saturating_sub(after.len() + 1));
                let before =
                    accounts::window(conn, filter, accounts::Anchor::Before(cursor), above)?;
                match before.first() {
                    Some(first) => accounts::window(
                        conn,
                        filter,
                        accounts::Anchor::From(&ListCursor::of(&first.account)),
                        limit,
                    )?,
                    None => after,
                }
            }
            Anchor::Back(n) => {
                let before = match &top {
                    Some(top) => accounts::window(conn, filter, accounts::Anchor::Before(top), *n)?,
                    None => Vec::new(),
                };
                match before.first() {
                    Some(first) => accounts::window(
                        conn,
                        filter,
                        accounts::Anchor::From(&ListCursor::of(&first.account)),
                        limit,
                    )?,
                    None => accounts::window(conn, filter, accounts::Anchor::Start, limit)?,
                }
            }
        };
        // The window's first row went away (removed, hidden): start over.
        if rows.is_empty() && !matches!(anchor, Anchor::Start) {
            rows = accounts::window(conn, filter, accounts::Anchor::Start, limit)?;
        }
        // A filter that shows nothing may match hidden accounts (R8): the
        // screen says so rather than "none" (issue 18, item 10).
        let hidden_matches = if rows.is_empty() && filter.text.is_some_and(|t| !t.trim().is_empty())
        {
            let everyone = ListFilter {
                include_hidden: true,
                ..filter
            };
            accounts::window(conn, everyone, accounts::Anchor::Start, 100)?.len()
        } else {
            0
        };
        Ok((
            rows,
            accounts::hidden_count(conn, s.instant())?,
            hidden_matches,
        ))
    })?;
    let pane = &mut app.accounts;
    pane.top = rows.first().map(|r| ListCursor::of(&r.account));
    pane.hidden = hidden;
    pane.hidden_matches = hidden_matches;
    let still_there = |id: AccountIdOpt| id.filter(|id| rows.iter().any(|r| r.account.id == *id));
    pane.hover = match hover {
        HoverAt::Keep => still_there(pane.hover).or(rows.first().map(|r| r.account.id)),
        HoverAt::First => rows.first().map(|r| r.account.id),
        HoverAt::Last => rows.last().map(|r| r.account.id),
        HoverAt::Id(id) => still_there(Some(id)).or(rows.first().map(|r| r.account.id)),
    };
    pane.rows = rows;
    Ok(())
}

type AccountIdOpt = Option<crate::lifecycle::AccountId>;

fn open_detail(store: &mut Store, app: &mut App, id: i64) -> Result<()> {
    let detail = store.read(|s| previews::detail(s, id))?;
    app.overlay = Some(Overlay::Detail(detail));
    Ok(())
}

fn prepare_disconnect(store: &mut Store, app: &mut App, id: i64) -> Result<()> {
    let preview = store.run(|s| previews::disconnect(s, id))?;
    app.overlay = Some(Overlay::Dialog(Dialog::Disconnect(
        dialogs::Disconnect::new(preview),
    )));
    Ok(())
}

fn prepare_reconnect(store: &mut Store, app: &mut App, id: i64) -> Result<()> {
    let preview = store.run(|s| previews::reconnect(s, id))?;
    app.overlay = Some(Overlay::Dialog(Dialog::Reconnect(dialogs::Reconnect::new(
        preview,
    ))));
    Ok(())
}

fn prepare_remove(store: &mut Store, app: &mut App, id: i64) -> Result<()> {
    let preview = store.run(|s| previews::remove(s, id))?;
    app.overlay = Some(Overlay::Dialog(Dialog::Remove(dialogs::Remove::new(
        preview,
    ))));
    Ok(())
}

fn prepare_connect(store: &mut Store, app: &mut App) -> Result<()> {
    // R10a; a refusal goes through the store, so it is audited (R10e).
    store.run(previews::connect)?;
    app.overlay = Some(Overlay::Dialog(Dialog::Connect(dialogs::Connect::new())));
    Ok(())
}

fn load_connect_network(
    store: &mut Store,
    app: &mut App,
    network: crate::lifecycle::Network,
) -> Result<()> {
    let (known, now) = store.read(|s| {
        Ok((
            accounts::reconnectable_of_network(s.conn(), network, 200)?,
            s.instant(),
        ))
    })?;
    app.overlay = Some(Overlay::Dialog(Dialog::Connect(
        dialogs::Connect::accounts(network, known, now),
    )));
    Ok(())
}

/// The Connect dialog's typed handle, checked against the portal: a new
/// account, a known one a reconnect brings back, or why it cannot be added.
fn check_handle(
    store: &mut Store,
    app: &mut App,
    network: crate::lifecycle::Network,
    handle: String,
    name: Option<String>,
) -> Result<()> {
    let name = match name {
        Some(n) => match actions::check_name(&n, "an account name") {
            Ok(n) => Some(n),
            Err(e) => return settle(app, Err(e.to_string())),
        },
        None => None,
    };
    // The whole check the command line makes (unsafe characters too), then
    // lifecycle's one decision (issue 19, item 2).
    let handle = match actions::normalize_handle(&handle) {
        Ok(handle) => handle,
        Err(e) => return settle(app, Err(e.to_string())),
    };
    let (known, others) = store.read(|s| {
        let known = match accounts::find_by_handle(s.conn(), network, &handle)? {
            Some(account) => Some(accounts::record(s.conn(), account.id)?),
            None => None,
        };
        let others = match known {
            Some(_) => Vec::new(),
            None => accounts::handles_of_network(s.conn(), network)?,
        };
        Ok((known, others))
    })?;
    use crate::lifecycle::handle::ConnectPlan;
    let plan = crate::lifecycle::handle::plan(&handle, known.as_ref().map(|r| &r.account), &others);
    let checked = match plan {
        ConnectPlan::New => Ok(dialogs::ConnectEntry {
            handle,
            name,
            known: None,
            locked: false,
            checked: true,
        }),
        ConnectPlan::AlreadyConnected(account) => Err(crate::tr!(
            "connect-already-connected",
            handle = account.handle.clone(),
            network = network.label()
        )),
        ConnectPlan::DeletedOnNetwork(account) => Err(crate::tr!(
            "connect-deleted",
            handle = account.handle.clone(),
            network = network.label()
        )),
        ConnectPlan::LooksLike {
            id,
            handle: existing,
        } => Err(crate::tr!(
            "error-handle-lookalike",
            handle = handle.clone(),
            existing = existing,
            id = id
        )),
        ConnectPlan::Reconnect(account) => Ok(dialogs::ConnectEntry {
            handle: account.handle.clone(),
            name: None,
            known: known.clone(),
            locked: false,
            checked: true,
        }),
    };
    settle(app, checked)
}

fn settle(
    app: &mut App,
    checked: std::result::Result<dialogs::ConnectEntry, String>,
) -> Result<()> {
    if let Some(Overlay::Dialog(Dialog::Connect(connect))) = &mut app.overlay {
        connect.settle_handle(checked);
    }
    Ok(())
}

/// Runs a bulk action; the marks go, and the toast (or a dialog, when some
/// were refused) gives each account's result.
fn bulk(
    store: &mut Store,
    app: &mut App,
    kind: crate::store::actions::Bulk,
    seen: Vec<Seen>,
) -> Result<()> {
    let targets: Vec<(crate::lifecycle::AccountId, Option<i64>)> =
        seen.iter().map(|s| (s.id, Some(s.version))).collect();
    let results = store.run(|s| actions::bulk(s, kind, &targets))?;
    app.accounts.marked.clear();
    let done = results.iter().filter(|r| r.outcome.is_ok()).count();
    let failures: Vec<String> = results
        .iter()
        .filter_map(|r| match &r.outcome {
            Ok(_) => None,
            Err(e) => Some(format!("#{}: {e}", r.id)),
        })
        .collect();
    reload(store, app)?;
    if failures.is_empty() {
        app.toast(match kind {
            crate::store::actions::Bulk::Reconnect => {
                crate::tr!("toast-bulk-reconnected", count = done)
            }
            crate::store::actions::Bulk::Disconnect => {
                crate::tr!("toast-bulk-disconnected", count = done)
            }
            crate::store::actions::Bulk::Remove => crate::tr!("toast-bulk-removed", count = done),
        });
    } else {
        app.overlay = Some(Overlay::Dialog(Dialog::refused(
            crate::tr!("bulk-some-done", done = done, count = results.len()),
            failures.join("\n"),
        )));
    }
    Ok(())
}

/// How many accounts the compose dialog's search offers.
const COMPOSE_CHOICES: usize = 50;

/// The compose dialog, on `account` when the user may post there (else the
/// picker starts on the accounts they may post to).
fn open_compose(
    store: &mut Store,
    app: &mut App,
    account: Option<crate::lifecycle::AccountId>,
) -> Result<()> {
    let (now, mut candidates, hovered) = store.read(|s| {
        let found = previews::postable_accounts(s, None, COMPOSE_CHOICES)?;
        let hovered = match account {
            Some(id) => previews::postable(s, id)?,
            None => None,
        };
        Ok((s.instant(), found, hovered))
    })?;
    if candidates.is_empty() && hovered.is_none() {
        app.overlay = Some(Overlay::Dialog(Dialog::refused(
            crate::tr!("compose-nothing-title"),
            crate::tr!("compose-nothing-explain"),
        )));
        return Ok(());
    }
    // The hovered account first, when it is one the user may post to.
    if let Some(record) = hovered {
        candidates.retain(|c| c.account.id != record.account.id);
        candidates.insert(0, record);
    }
    app.overlay = Some(Overlay::Dialog(Dialog::Compose(dialogs::Compose::new(
        candidates, now, app.zone,
    ))));
    Ok(())
}

/// The Reschedule dialog for a post, after the store allows it (R10f).
fn open_reschedule(store: &mut Store, app: &mut App, id: crate::lifecycle::PostId) -> Result<()> {
    let (line, account, now) = store.run(|s| {
        let line = previews::post_change(s, id, "reschedule_post")?;
        let account = accounts::require(s.conn(), line.post.account_id)?;
        Ok((line, account, s.instant()))
    })?;
    app.overlay = Some(Overlay::Dialog(Dialog::Reschedule(
        dialogs::Reschedule::new(line, account, now, app.zone),
    )));
    Ok(())
}

/// Connects or reconnects each ticked handle, each as its own command.
fn connect_all(
    store: &mut Store,
    app: &mut App,
    network: crate::lifecycle::Network,
    handles: Vec<dialogs::ConnectChoice>,
) -> Result<()> {
    let (mut connected, mut reconnected, mut failures) = (0, 0, Vec::new());
    let mut first = None;
    for choice in &handles {
        let handle = &choice.handle;
        let done = match choice.seen {
            Some(seen) => store.run(|s| actions::reconnect(s, seen.id, Some(seen.version))),
            None => store.run(|s| actions::connect(s, network, handle, choice.name.as_deref())),
        };
        match done {
            Ok(done) => {
                first.get_or_insert(ListCursor::of(&done.account.account));
                if done.reconnected {
                    reconnected += 1
                } else {
                    connected += 1
                }
            }
            Err(e) => failures.push(format!("@{handle}: {e}")),
        }
    }
    reload(store, app)?;
    // Hover the first account connected, with the list around it.
    if let Some(cursor) = first {
        let id = cursor.id;
        load_accounts(store, app, Anchor::Around(cursor), HoverAt::Id(id))?;
    }
    if failures.is_empty() {
        app.toast(crate::tr!(
            "toast-connect-done",
            network = network.label(),
            connected = connected,
            reconnected = reconnected
        ));
    } else {
        app.overlay = Some(Overlay::Dialog(Dialog::refused(
            crate::tr!(
                "connect-failures",
                failed = failures.len(),
                count = handles.len()
            ),
            failures.join("\n"),
        )));
    }
    Ok(())
}

/// T4: moves the demo clock and sweeps up to it; the toast says what happened.
pub fn move_clock(
    store: &mut Store,
    app: &mut App,
    target: impl FnOnce(Instant, Option<Instant>) -> Result<Instant>,
) -> Result<()> {
    if store.work.is_some() {
        return Err(Error::other(
            "busy_moving",
            "the clock is already moving: wait for it, or press Esc to stop it",
        ));
    }
    let flag = store.now_flag;
    let next = store.read(|s| accounts::next_event_instant(s.conn()))?;
    let actor = store.actor.clone();
    // Thousands of events go to a worker that reports its progress and can
    // be stopped; a few are applied here and now.
    let (base, swept_until) = {
        let info = store.portal.info()?;
        (
            effective_now(flag, info.demo_clock).instant,
            info.swept_until,
        )
    };
    let goal = target(base, next)?;
    let due = store.read(|s| accounts::due_count(s.conn(), goal, super::worker::ON_THE_SPOT))?;
    if due >= super::worker::ON_THE_SPOT && swept_until.is_none_or(|w| goal >= w) {
        let path = store.portal.path().to_path_buf();
        store.work = Some(super::worker::ClockMove::start(path, actor, goal));
        app.work = Some(super::app::WorkView {
            target: goal,
            swept_to: base,
            applied: 0,
        });
        return Ok(());
    }
    let (clock, events) = store.portal.run_at(
        |_| {
            Ok(Now {
                instant: goal,
                source: ClockSource::Demo,
            })
        },
        Some(&actor),
        |s| {
            let clock = actions::set_demo_clock(s)?;
            Ok((clock, std::mem::take(&mut s.swept)))
        },
    )?;
    store.now_flag = None;
    app.toast(super::view::describe_sweep(clock, &events));
    reload(store, app)
}
