//! The Accounts tab: grouped by network, each row saying what matters next,
//! the hovered row revealing its actions inline (R6f, R8, R10b).

use crate::present::escape_control;
use ratatui::Frame;

use crate::present::column as cut;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::kit::{Context, Reply};
use crate::lifecycle::{AccountId, Instant, NextStep, StateFilter};
use crate::present::reason_words;
use crate::store::AccountRecord;
use crate::store::accounts::ListCursor;
use crate::store::accounts::ListOrder;
use crate::store::actions::Bulk;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
pub use crate::tui::effect::{HoverAt, WindowAt};
use crate::tui::format::{Zone, relative, short_date};
use crate::tui::hits::Hits;
use crate::tui::theme::Theme;
use tui_input::Input;

#[derive(Clone, Debug, Default)]
pub struct AccountsPane {
    /// The fetched window: the visible rows and one more.
    pub rows: Vec<AccountRecord>,
    pub hover: Option<AccountId>,
    /// The first visible row.
    pub top: Option<ListCursor>,
    pub filter: Option<String>,
    /// Space: the accounts marked for a bulk action (§4), in id order.
    pub marked: std::collections::BTreeSet<AccountId>,
    /// `f`: only accounts in this state.
    pub state: crate::lifecycle::StateFilter,
    /// `s`: by network, or by urgency.
    pub order: crate::store::accounts::ListOrder,
    pub hidden: i64,
    /// With a filter that shows nothing: how many hidden accounts match it
    /// (up to a hundred), so the screen can say where they are.
    pub hidden_matches: usize,
    /// The tops of the pages PageDown left, so PageUp returns exactly.
    pub pages_above: Vec<ListCursor>,
}

impl AccountsPane {
    pub fn hovered(&self) -> Option<&AccountRecord> {
        let id = self.hover?;
        self.rows.iter().find(|r| r.account.id == id)
    }

    fn hover_index(&self) -> Option<usize> {
        let id = self.hover?;
        self.rows.iter().position(|r| r.account.id == id)
    }
}

/// A window of the list as loaded: its rows (one more than fits), the
/// counts of hidden accounts, and the row to hover.
#[derive(Clone, Debug)]
pub struct Window {
    pub rows: Vec<AccountRecord>,
    pub hidden: i64,
    pub hidden_matches: usize,
    pub hover: Option<AccountId>,
}

impl AccountsPane {
    /// Takes a loaded window.
    pub fn take(&mut self, window: Window) {
        self.top = window.rows.first().map(|r| ListCursor::of(&r.account));
        self.hidden = window.hidden;
        self.hidden_matches = window.hidden_matches;
        self.hover = window.hover;
        self.rows = window.rows;
    }

    /// Where the hover goes in a freshly loaded window.
    pub fn hover_in(&self, rows: &[AccountRecord], hover: HoverAt) -> Option<AccountId> {
        let still_there =
            |id: Option<AccountId>| id.filter(|id| rows.iter().any(|r| r.account.id == *id));
        let first = rows.first().map(|r| r.account.id);
        match hover {
            HoverAt::Keep => still_there(self.hover).or(first),
            HoverAt::First => first,
            HoverAt::Last => rows.last().map(|r| r.account.id),
            HoverAt::Id(id) => still_there(Some(id)).or(first),
        }
    }
}

/// The list's keys: moving by keyset windows, ⏎ for the detail. `shown`:
/// how many rows the last frame showed.
pub fn handle(pane: &mut AccountsPane, shown: usize, action: Action) -> Vec<Effect> {
    let visible = shown.max(1).min(pane.rows.len());
    let index = pane.hover_index();
    match action {
        Action::Down => match index {
            None if !pane.rows.is_empty() => pane.hover = Some(pane.rows[0].account.id),
            Some(i) if i + 1 < visible => pane.hover = Some(pane.rows[i + 1].account.id),
            Some(i) if i + 1 < pane.rows.len() => {
                let next = pane.rows[i + 1].account.id;
                let second = ListCursor::of(&pane.rows[1].account);
                return vec![Effect::LoadAccounts {
                    anchor: WindowAt::From(second),
                    hover: HoverAt::Id(next),
                }];
            }
            _ => {}
        },
        Action::Up => match index {
            Some(i) if i > 0 => pane.hover = Some(pane.rows[i - 1].account.id),
            _ => {
                return vec![Effect::LoadAccounts {
                    anchor: WindowAt::Back(1),
                    hover: HoverAt::First,
                }];
            }
        },
        Action::Top => {
            pane.pages_above.clear();
            return vec![Effect::LoadAccounts {
                anchor: WindowAt::Start,
                hover: HoverAt::First,
            }];
        }
        Action::Bottom => {
            pane.pages_above.clear();
            return vec![Effect::LoadAccounts {
                anchor: WindowAt::End,
                hover: HoverAt::Last,
            }];
        }
        Action::PageDown => {
            if let Some(next) = pane.rows.get(visible) {
                if let Some(top) = pane.top.clone() {
                    pane.pages_above.push(top);
                }
                return vec![Effect::LoadAccounts {
                    anchor: WindowAt::From(ListCursor::of(&next.account)),
                    hover: HoverAt::First,
                }];
            }
            if let Some(last) = pane.rows.get(visible.saturating_sub(1)) {
                pane.hover = Some(last.account.id);
            }
        }
        Action::PageUp => {
            let anchor = match pane.pages_above.pop() {
                Some(top) => WindowAt::From(top),
                None => WindowAt::Back(visible.max(1)),
            };
            return vec![Effect::LoadAccounts {
                anchor,
                hover: HoverAt::First,
            }];
        }
        Action::Confirm => {
            if let Some(id) = pane.hover {
                return vec![Effect::OpenDetail(id)];
            }
        }
        _ => {}
    }
    vec![]
}

/// r, d, x on the hovered row; R6f: Reconnect only for accounts that are not connected.
pub fn act_on_hovered(pane: &AccountsPane, action: Action) -> Reply {
    // With marks, r, d and x act on every marked account through one dialog.
    if !pane.marked.is_empty() {
        let kind = match action {
            Action::Reconnect => Bulk::Reconnect,
            Action::Disconnect => Bulk::Disconnect,
            _ => Bulk::Remove,
        };
        return vec![Effect::PrepareBulk(
            kind,
            pane.marked.iter().copied().collect(),
        )]
        .into();
    }
    let Some(record) = pane.hovered() else {
        return Reply::default();
    };
    let id = record.account.id;
    match action {
        Action::Reconnect if record.account.offers_disconnect() => {
            let handle = record.account.handle.clone();
            Reply::say(match record.account.reauth_due_at() {
                Some(due) => crate::tr!(
                    "toast-connected-due",
                    handle = handle,
                    due = crate::present::when(due)
                ),
                None => crate::tr!("toast-connected", handle = handle),
            })
        }
        Action::Reconnect => vec![Effect::PrepareReconnect(id)].into(),
        Action::Disconnect if !record.account.offers_disconnect() => Reply::say(crate::tr!(
            "toast-already-disconnected",
            handle = record.account.handle.clone()
        )),
        Action::Disconnect => vec![Effect::PrepareDisconnect(id)].into(),
        _ => vec![Effect::PrepareRemove(id)].into(),
    }
}

/// A state filter in words.
pub fn state_words(state: StateFilter) -> String {
    crate::tr!(match state {
        StateFilter::All => "state-all",
        StateFilter::NeedsAttention => "state-attention",
        StateFilter::Connected => "state-connected",
        StateFilter::Disconnected => "state-disconnected",
        StateFilter::Expired => "state-expired",
    })
}

/// The status column: the account's next step (`Account::next_step`) in
/// words and a tone.
pub fn status_text(record: &AccountRecord, now: Instant, zone: Zone) -> (String, StatusTone) {
    let days_left = |until: Instant| {
        let days = (until - now).num_days();
        if days >= 1 {
            crate::tr!("count-days", count = days)
        } else {
            relative(until, now)
        }
    };
    match record.account.next_step(now) {
        NextStep::Healthy { due: None } => (crate::tr!("status-connected"), StatusTone::Ok),
        NextStep::Healthy { due: Some(due) } => (
            crate::tr!(
                "status-connected-due",
                due = short_date(zone, due),
                left = days_left(due)
            ),
            StatusTone::Ok,
        ),
        NextStep::ReminderWeek { due } => (
            format!(
                "⚠ {}",
                crate::tr!(
                    "status-connected-due",
                    due = short_date(zone, due),
                    left = days_left(due)
                )
            ),
            StatusTone::Warning,
        ),
        NextStep::ReconnectBy {
            reason,
            since,
            deadline,
        } => (
            crate::tr!(
                "status-disconnected",
                reason = reason_words(reason),
                since = short_date(zone, since),
                days = (deadline - now).num_days().max(0)
            ),
            StatusTone::Danger,
        ),
        NextStep::CannotComeBack { since, .. } => (
            crate::tr!("status-deleted", since = short_date(zone, since)),
            StatusTone::Danger,
        ),
        NextStep::Purged { reason, purged_at } => (
            crate::tr!(
                "status-expired",
                reason = reason_words(reason),
                purged = short_date(zone, purged_at)
            ),
            StatusTone::Muted,
        ),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusTone {
    Ok,
    Warning,
    Danger,
    Muted,
}

fn tone(theme: &Theme, tone: StatusTone) -> ratatui::style::Style {
    match tone {
        StatusTone::Ok => theme.ok,
        StatusTone::Warning => theme.warning,
        StatusTone::Danger => theme.danger,
        StatusTone::Muted => theme.muted,
    }
}

pub fn draw(
    frame: &mut Frame<'_>,
    ctx: &Context<'_>,
    (pane, filter_input): (&AccountsPane, Option<&Input>),
    area: Rect,
    hits: &mut Hits,
) {
    let (theme, session, zone) = (ctx.theme, ctx.session, ctx.zone);
    let now = session.now;
    let by_urgency = pane.order == ListOrder::ByUrgency;
    let mut y = area.y + draw_heading(frame, theme, (pane, filter_input), area);
    let bottom = area.bottom();
    // Under the list: the hovered account's whole status (its row may give
    // the status's room to the actions), then the hidden count (R8).
    let hovered_whole = pane
        .hovered()
        .map(|record| hovered_line(theme, record, now, zone));
    let hovered_lines = hovered_whole.as_ref().map_or(0, |l| {
        l.width().div_ceil(area.width.max(1) as usize).min(2) as u16
    });
    let footer_lines = u16::from(pane.hidden > 0) + hovered_lines;
    let list_bottom = bottom.saturating_sub(footer_lines);
    let rows = &pane.rows;
    if rows.is_empty() {
        let text = format!(" {}", empty_words(pane));
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.muted)),
            Rect::new(area.x, y, area.width, 1),
        );
    }
    let width = area.width as usize;
    // Names are the identity: their column is as wide as the widest name
    // on screen (up to two fifths of the row); the status, which has more
    // words than it needs, gives way (issue 18, item 8).
    let name_of = |record: &AccountRecord| {
        let a = &record.account;
        if by_urgency {
            format!("{} · {}", a.network.label(), escape_control(&a.name))
        } else {
            escape_control(&a.name).into_owned()
        }
    };
    let widest_name = rows
        .iter()
        .map(|r| crate::present::width(&name_of(r)))
        .max()
        .unwrap_or(0);
    let widest_handle = rows
        .iter()
        .map(|r| crate::present::width(&escape_control(&r.account.handle)) + 1)
        .max()
        .unwrap_or(0);
    let name_w = widest_name.clamp(8, (width * 2 / 5).max(8));
    let handle_w = widest_handle.clamp(6, (width / 5).max(6));
    let mut previous = None;
    let mut shown = 0;
    for record in rows {
        let a = &record.account;
        // By network, a heading per network; by urgency the row says it.
        if !by_urgency && previous != Some(a.network) {
            if y + 1 >= list_bottom {
                break;
            }
            frame.render_widget(
                Paragraph::new(Span::styled(format!(" {}", a.network.label()), theme.group)),
                Rect::new(area.x, y, area.width, 1),
            );
            y += 1;
            previous = Some(a.network);
        }
        if y >= list_bottom {
            break;
        }
        let hovered = pane.hover == Some(a.id);
        let row_rect = Rect::new(area.x, y, area.width, 1);
        hits.rows.push((row_rect, a.id));
        let (status, status_tone) = status_text(record, now, zone);
        let base = if hovered { theme.hovered } else { theme.text };
        let marked = pane.marked.contains(&a.id);
        let lead = match (hovered, marked) {
            (true, true) => "▌✓",
            (true, false) => "▌ ",
            (false, true) => " ✓",
            (false, false) => "  ",
        };
        let mut spans = vec![
            Span::styled(lead, base),
            Span::styled(
                crate::present::column_middle(&name_of(record), name_w),
                base,
            ),
            Span::styled(" ", base),
            Span::styled(
                crate::present::column_middle(&format!("@{}", escape_control(&a.handle)), handle_w),
                base,
            ),
            Span::styled(" ", base),
        ];
        let used = 2 + name_w + 1 + handle_w + 1;
        // The hovered row reveals its actions on the row itself, over the
        // end of its status: rows never move under the pointer.
        let actions = if hovered {
            inline_actions(ctx, record, width.saturating_sub(used) / 2)
        } else {
            Vec::new()
        };
        let actions_w: usize = actions
            .iter()
            .map(|(t, _, _)| crate::present::width(t) + 1)
            .sum();
        let status_w = width.saturating_sub(used + actions_w);
        spans.push(Span::styled(
            cut(&status, status_w),
            if hovered {
                base
            } else {
                tone(theme, status_tone)
            },
        ));
        let mut x = area.x + (used + status_w) as u16;
        for (text, action, style) in actions {
            let w = crate::present::width(&text) as u16;
            spans.push(Span::styled(" ", base));
            spans.push(Span::styled(text, style));
            if let Some(action) = action {
                hits.row_actions
                    .push((Rect::new(x + 1, y, w, 1), a.id, action));
            }
            x += w + 1;
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), row_rect);
        y += 1;
        shown += 1;
    }
    hits.visible_accounts = shown;
    if let Some(line) = hovered_whole {
        let y = bottom - u16::from(pane.hidden > 0) - hovered_lines;
        frame.render_widget(
            Paragraph::new(line).wrap(ratatui::widgets::Wrap { trim: true }),
            Rect::new(area.x, y, area.width, hovered_lines),
        );
    }
    if pane.hidden > 0 {
        let text = format!(" {}", crate::tr!("hidden-accounts", count = pane.hidden));
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.muted)),
            Rect::new(area.x, bottom - 1, area.width, 1),
        );
    }
}

/// The hovered account's whole status under the list (its row may give the
/// status's room to the actions), with the article's advice.
fn hovered_line(theme: &Theme, record: &AccountRecord, now: Instant, zone: Zone) -> Line<'static> {
    let (status, tone_of) = status_text(record, now, zone);
    let advice = match record.account.next_step(now) {
        NextStep::ReminderWeek { .. } => format!(" · {}", crate::tr!("advice-reminder-week")),
        NextStep::CannotComeBack { .. } => {
            format!(" · {}", crate::tr!("advice-cannot-come-back"))
        }
        _ => String::new(),
    };
    Line::from(vec![
        Span::styled(
            format!(" ▸ @{}: ", escape_control(&record.account.handle)),
            theme.muted,
        ),
        Span::styled(status, tone(theme, tone_of)),
        Span::styled(advice, theme.muted),
    ])
}

/// The lines above the list: the filter (while typing, or kept), and the
/// order and state shown when not the page's own. Returns their height.
fn draw_heading(
    frame: &mut Frame<'_>,
    theme: &Theme,
    (pane, filter_input): (&AccountsPane, Option<&Input>),
    area: Rect,
) -> u16 {
    let mut y = area.y;
    // The filter line, while typing or while a filter is kept.
    if let Some(input) = filter_input {
        let prompt = " / ";
        let width = (area.width as usize).saturating_sub(prompt.len() + 22);
        let scroll = input.visual_scroll(width);
        let shown: String = input.value().chars().skip(scroll).take(width).collect();
        let line = Line::from(vec![
            Span::styled(prompt, theme.accent),
            Span::styled(escape_control(&shown).into_owned(), theme.text),
            Span::styled(
                format!("   {}", crate::tr!("filter-typing-keys")),
                theme.muted,
            ),
        ]);
        frame.render_widget(Paragraph::new(line), Rect::new(area.x, y, area.width, 1));
        let cursor_x =
            area.x + prompt.len() as u16 + input.visual_cursor().saturating_sub(scroll) as u16;
        frame.set_cursor_position((cursor_x.min(area.right().saturating_sub(1)), y));
        y += 1;
    } else if let Some(filter) = &pane.filter {
        let line = Line::from(vec![
            Span::styled(
                format!(
                    " {}",
                    crate::tr!(
                        "filter-kept",
                        filter = crate::present::truncate(&escape_control(filter), 60)
                    )
                ),
                theme.accent,
            ),
            Span::styled(
                format!("   {}", crate::tr!("filter-kept-keys")),
                theme.muted,
            ),
        ]);
        frame.render_widget(Paragraph::new(line), Rect::new(area.x, y, area.width, 1));
        y += 1;
    }
    // The order and the state shown, when not the page's own.
    let by_urgency = pane.order == ListOrder::ByUrgency;
    if by_urgency || pane.state != StateFilter::All {
        let mut parts = Vec::new();
        if by_urgency {
            parts.push(crate::tr!("order-by-urgency"));
        }
        if pane.state != StateFilter::All {
            parts.push(crate::tr!("showing-state", state = state_words(pane.state)));
        }
        let line = Line::from(vec![
            Span::styled(format!(" {}", parts.join(" · ")), theme.accent),
            Span::styled(format!("   {}", crate::tr!("order-keys")), theme.muted),
        ]);
        frame.render_widget(Paragraph::new(line), Rect::new(area.x, y, area.width, 1));
        y += 1;
    }
    y - area.y
}

/// What an empty list says: why it is empty, and where hidden matches are.
fn empty_words(pane: &AccountsPane) -> String {
    match (&pane.filter, pane.state) {
        (Some(_), _) if pane.hidden_matches > 0 => {
            crate::tr!("empty-filter-hidden", count = pane.hidden_matches)
        }
        (Some(f), _) => crate::tr!(
            "empty-filter",
            filter = crate::present::truncate(&escape_control(f), 60)
        ),
        (None, StateFilter::All) => crate::tr!("empty-accounts"),
        (None, state) => crate::tr!("empty-state", state = state_words(state)),
    }
}

/// The hovered row's actions: Reconnect only when not connected (R6f);
/// Disconnect and Remove only for users allowed (R10b), else who may.
fn inline_actions(
    ctx: &Context<'_>,
    record: &AccountRecord,
    room: usize,
) -> Vec<(String, Option<Action>, ratatui::style::Style)> {
    let theme = ctx.theme;
    let mut actions = Vec::new();
    let connected = record.account.offers_disconnect();
    if record.account.offers_reconnect() {
        actions.push((
            format!("[{}]", crate::tr!("button-reconnect")),
            Some(Action::Reconnect),
            theme.button_focused,
        ));
    }
    if ctx.session.may_disconnect(record) {
        if connected {
            actions.push((
                format!("[{}]", crate::tr!("button-disconnect")),
                Some(Action::Disconnect),
                theme.button_focused,
            ));
        }
        actions.push((
            format!("[{}]", crate::tr!("button-remove")),
            Some(Action::Remove),
            theme.button_danger_focused,
        ));
    } else {
        let note = crate::tr!(
            "only-who-may-disconnect",
            who = escape_control(&record.original_connector)
        );
        let used: usize = actions
            .iter()
            .map(|(t, _, _)| crate::present::width(t) + 1)
            .sum();
        actions.push((
            cut(&note, room.saturating_sub(used).max(12))
                .trim_end()
                .to_string(),
            None,
            theme.hovered.add_modifier(ratatui::style::Modifier::DIM),
        ));
    }
    actions
}
