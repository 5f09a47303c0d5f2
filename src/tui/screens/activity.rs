//! The Activity tab: the audit log (R14), newest first, for every account or
//! the one hovered.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::kit::{Context, Paged, Reply, empty, paged_action, row_rect};
use crate::lifecycle::{AccountId, Instant};
use crate::present::column as cut;
use crate::present::escape_control;
use crate::store::audit::AuditEntry;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::hits::Hits;

/// The audit log as the tab pages it.
pub type ActivityList = Paged<AuditEntry, (Instant, i64)>;

/// ⏎ opens the entry's account, or says it was removed.
pub fn handle(list: &mut ActivityList, action: Action) -> Reply {
    if action == Action::Confirm {
        let Some(entry) = list.rows.get(list.selected) else {
            return Reply::default();
        };
        return match (entry.account_id, &entry.account) {
            (Some(id), Some(_)) => vec![Effect::OpenDetail(id)].into(),
            (Some(id), None) => Reply::say(crate::tr!("toast-account-removed-log", id = id)),
            (None, _) => Reply::default(),
        };
    }
    paged_action(list, action, |e| (e.at, e.id)).into()
}

/// The log of one account (`a` on its row), or of all.
pub fn draw(
    frame: &mut Frame<'_>,
    ctx: &Context<'_>,
    (log, of_account): (&ActivityList, Option<AccountId>),
    area: Rect,
    hits: &mut Hits,
) {
    let (theme, zone) = (ctx.theme, ctx.zone);
    let scope = match of_account {
        Some(id) => format!(" {}", crate::tr!("activity-of-account", id = id)),
        None => format!(" {}", crate::tr!("activity-of-all")),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(scope, theme.muted)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    // The selected entry, whole, under the list: rows are cut to the
    // screen, this is not.
    const WHOLE: u16 = 2;
    let list = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1 + WHOLE),
    );
    hits.list_area = list;
    hits.list_capacity = list.height as usize;
    let rows = &log.rows;
    if rows.is_empty() {
        empty(frame, theme, list, &crate::tr!("empty-activity"));
        return;
    }
    if let Some(e) = rows.get(log.selected) {
        let account = match (&e.account, e.account_id) {
            (Some(a), _) => format!(
                "{} · {} @{}",
                a.network.label(),
                escape_control(&a.name),
                escape_control(&a.handle)
            ),
            (None, Some(id)) => crate::tr!("activity-account-removed", id = id),
            (None, None) => crate::tr!("activity-the-portal"),
        };
        let whole = format!(
            " ▸ {} · {} · {}: {}",
            actor_words(e),
            crate::present::action_words(&e.action),
            account,
            escape_control(&e.detail)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(whole, theme.accent))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            Rect::new(area.x, list.bottom(), area.width, WHOLE),
        );
    }
    let width = area.width as usize;
    for (i, e) in rows.iter().take(list.height as usize).enumerate() {
        let selected = i == log.selected;
        let account = match (&e.account, e.account_id) {
            (Some(a), _) => format!("{} · {}", a.network.label(), escape_control(&a.name)),
            (None, Some(id)) => crate::tr!("activity-removed-short", id = id),
            (None, None) => "-".into(),
        };
        let actor = match &e.actor_name {
            Some(name) => escape_control(name).into_owned(),
            None => actor_words(e),
        };
        let outcome = if e.outcome == "denied" {
            format!("✗ {}: ", crate::tr!("activity-denied"))
        } else {
            String::new()
        };
        let text = format!(
            " {:<18} {} {} {} {outcome}{}",
            crate::tui::format::long_date_column(zone, e.at),
            cut(&actor, 16),
            cut(&crate::present::action_words(&e.action), 16),
            cut(&account, 24),
            escape_control(&e.detail)
        );
        let style = match (selected, e.outcome.as_str()) {
            (true, _) => theme.hovered,
            (false, "denied") => theme.danger,
            _ => theme.text,
        };
        let rect = row_rect(list, i);
        frame.render_widget(Paragraph::new(Span::styled(cut(&text, width), style)), rect);
        hits.list_rows.push((rect, i));
    }
}

/// Who acted: a user's name, else the app's own actors in words.
fn actor_words(e: &crate::store::audit::AuditEntry) -> String {
    match (&e.actor_name, e.actor.as_str()) {
        (Some(name), _) => escape_control(name).into_owned(),
        (None, crate::store::audit::SYSTEM) => crate::tr!("actor-system"),
        (None, crate::store::audit::NETWORK) => crate::tr!("actor-network"),
        (None, other) => escape_control(other).into_owned(),
    }
}
