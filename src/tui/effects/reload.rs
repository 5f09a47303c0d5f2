//! Loading what the screen shows (the header and the current tab), and the
//! messages every subject returns: a dialog opened, a toast, a failure
//! reported.

use super::backend::Backend;
use crate::error::{Error, Result};
use crate::store::accounts::{self, ListCursor, ListFilter};
use crate::store::{Session, notifications, posts as post_rows, previews};
use crate::tui::dialogs::Dialog;
use crate::tui::effect::{HoverAt, WindowAt};
use crate::tui::message::{Loaded, Msg};
use crate::tui::screens::accounts::Window;
use crate::tui::screens::{Paged, Seek};
use crate::tui::state::{Access, App, MainTab};

/// A dialog to show, as a message.
pub fn opened(dialog: Dialog) -> Msg {
    Msg::Opened(Box::new(dialog))
}

/// Something done: its toast, then the screen as it is now.
pub fn done_then_reload(backend: &mut Backend, app: &App, toast: String) -> Result<Vec<Msg>> {
    let mut messages = vec![Msg::Done(toast)];
    messages.extend(reload(backend, app)?);
    Ok(messages)
}

/// A failed effect: logged, shown (a refusal as a dialog, else a toast), and
/// the screen brought up to date.
pub fn report(backend: &mut Backend, app: &App, error: &Error) -> Vec<Msg> {
    tracing::error!(
        code = error.code(),
        "{}",
        crate::present::escape_control(&error.to_string())
    );
    let shown = match error {
        Error::Denied { message, .. } => opened(Dialog::refused(
            crate::tr!("refused-not-allowed"),
            crate::tui::format::sentence(message),
        )),
        Error::State(_) | Error::Conflict { .. } => opened(Dialog::refused(
            crate::tr!("refused-cannot-now"),
            crate::tui::format::sentence(&error.to_string()),
        )),
        _ => Msg::Failed(error.to_string()),
    };
    let mut messages = vec![shown];
    messages.extend(reload(backend, app).unwrap_or_default());
    messages
}

/// Refetches the header and the current tab.
pub fn reload(backend: &mut Backend, app: &App) -> Result<Vec<Msg>> {
    reload_hovering(backend, app, HoverAt::Keep)
}

/// Refetches the header and the current tab, the Accounts list hovering
/// `hover`.
pub fn reload_hovering(backend: &mut Backend, app: &App, hover: HoverAt) -> Result<Vec<Msg>> {
    let busy = !backend.catch_up()?;
    let session = backend.read(|s| previews::standing(s))?;
    let granted = session.access == Access::Granted;
    let mut messages = vec![Msg::Standing {
        session: Box::new(session),
        busy,
    }];
    if !granted {
        return Ok(messages);
    }
    let loaded = match app.tab {
        MainTab::Accounts => {
            let anchor = app
                .accounts
                .top
                .clone()
                .map_or(WindowAt::Start, WindowAt::From);
            Loaded::Accounts(load_accounts(backend, app, anchor, hover)?)
        }
        MainTab::Publishing => {
            let (tab, limit) = (app.posts.tab, capacity(app));
            Loaded::Posts(load_page(backend, &app.posts.list, |s, seek| {
                post_rows::tab_page(s.conn(), tab, seek, limit)
            })?)
        }
        MainTab::Notifications => {
            let limit = capacity(app);
            let (failed, failed_count) =
                backend.read(|s| crate::store::reads::failed_deliveries(s, FAILED_SHOWN))?;
            let list = load_page(backend, &app.inbox, |s, seek| {
                let me = s.require_actor()?;
                notifications::page_newest(s.conn(), me.id, seek, limit)
            })?;
            Loaded::Inbox {
                list,
                failed,
                failed_count,
            }
        }
        MainTab::Activity => {
            let (account, limit) = (app.activity_account, capacity(app));
            Loaded::Activity(load_page(backend, &app.activity, |s, seek| {
                crate::store::audit::page_newest(s.conn(), account, seek, limit)
            })?)
        }
    };
    messages.push(Msg::Loaded(loaded));
    Ok(messages)
}

/// Loads a paged list's page where it is anchored; a page past either end
/// comes back empty, and that end is loaded instead (`Paged::take`).
fn load_page<T: Clone, C: Copy>(
    backend: &mut Backend,
    list: &Paged<T, C>,
    fetch: impl Fn(&mut Session<'_>, Seek<C>) -> Result<Vec<T>>,
) -> Result<Paged<T, C>> {
    let mut list = list.clone();
    loop {
        let seek = list.seek;
        let rows = backend.read(|s| fetch(s, seek))?;
        if !list.take(rows) {
            return Ok(list);
        }
    }
}

/// How many failed deliveries the Notifications tab names, above the inbox.
pub const FAILED_SHOWN: usize = 3;

pub fn capacity(app: &App) -> usize {
    app.hits.list_capacity.clamp(5, 200)
}

/// Loads the Accounts list window (one row more than fits, to know there is
/// more), and where the hover goes in it.
pub fn load_accounts(
    backend: &mut Backend,
    app: &App,
    anchor: WindowAt,
    hover: HoverAt,
) -> Result<Window> {
    let limit = capacity(app) + 1;
    let pane = &app.accounts;
    let (text, state, order) = (pane.filter.as_deref(), pane.state, pane.order);
    let top = pane.top.as_ref();
    let (rows, hidden, hidden_matches) = backend.read(|s| {
        let filter = ListFilter {
            text,
            state,
            order,
            ..ListFilter::list(s.instant())
        };
        let conn = s.conn();
        let window =
            |anchor: accounts::Bound<'_>, limit| accounts::window(conn, filter, anchor, limit);
        // The window that starts at the first of these rows.
        let from_first = |rows: &[crate::store::AccountRecord]| {
            let first = rows.first()?;
            Some(window(
                accounts::Bound::From(&ListCursor::of(&first.account)),
                limit,
            ))
        };
        let mut rows = match &anchor {
            WindowAt::Start => window(accounts::Bound::Start, limit)?,
            WindowAt::From(cursor) => window(accounts::Bound::From(cursor), limit)?,
            WindowAt::End => window(accounts::Bound::End, limit - 1)?,
            WindowAt::Around(cursor) => {
                // Half a screen above it, more when it is near the end.
                let after = window(accounts::Bound::From(cursor), limit)?;
                let above = (limit / 2).max(limit.saturating_sub(after.len() + 1));
                let before = window(accounts::Bound::Before(cursor), above)?;
                from_first(&before).unwrap_or(Ok(after))?
            }
            WindowAt::Back(n) => {
                let before = match top {
                    Some(top) => window(accounts::Bound::Before(top), *n)?,
                    None => Vec::new(),
                };
                match from_first(&before) {
                    Some(rows) => rows?,
                    None => window(accounts::Bound::Start, limit)?,
                }
            }
        };
        // The window's first row went away (removed, hidden): start over.
        if rows.is_empty() && !matches!(anchor, WindowAt::Start) {
            rows = window(accounts::Bound::Start, limit)?;
        }
        // A filter that shows nothing may match hidden accounts (R8): the
        // screen says so rather than "none" (issue 18, item 10).
        let hidden_matches = if rows.is_empty() && filter.text.is_some_and(|t| !t.trim().is_empty())
        {
            let everyone = ListFilter {
                include_hidden: true,
                ..filter
            };
            accounts::window(conn, everyone, accounts::Bound::Start, 100)?.len()
        } else {
            0
        };
        Ok((
            rows,
            accounts::hidden_count(conn, s.instant())?,
            hidden_matches,
        ))
    })?;
    let hover = pane.hover_in(&rows, hover);
    Ok(Window {
        rows,
        hidden,
        hidden_matches,
        hover,
    })
}
