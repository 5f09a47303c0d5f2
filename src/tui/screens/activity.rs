//! The Activity tab: the audit log (R14), newest first, for every account or
//! the one hovered.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::{empty, paged_action, row_rect};
use crate::present::column as cut;
use crate::present::escape_control;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Hits};
use crate::tui::view::Zone;

/// ⏎ opens the entry's account, or says it was removed.
pub fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    if action == Action::Confirm {
        let Some(entry) = app.activity.rows.get(app.activity.selected) else {
            return vec![];
        };
        return match (entry.account_id, &entry.account) {
            (Some(id), Some(_)) => vec![Effect::OpenDetail(id)],
            (Some(id), None) => {
                app.toast(format!(
                    "Account #{id} was removed: only this log remembers it"
                ));
                vec![]
            }
            (None, _) => vec![],
        };
    }
    paged_action(&mut app.activity, action, |e| (e.at, e.id))
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, zone: Zone, hits: &mut Hits) {
    let theme = &app.theme;
    let scope = match app.activity_account {
        Some(id) => {
            format!(" Activity of account #{id} only · f shows all accounts · ⏎ opens the account")
        }
        None => {
            " Activity of all accounts · f shows the hovered account's only · ⏎ opens the account"
                .into()
        }
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
    let rows = &app.activity.rows;
    if rows.is_empty() {
        empty(frame, app, list, "Nothing recorded yet.");
        return;
    }
    if let Some(e) = rows.get(app.activity.selected) {
        let account = match (&e.account, e.account_id) {
            (Some(a), _) => format!(
                "{} · {} @{}",
                a.network.label(),
                escape_control(&a.name),
                escape_control(&a.handle)
            ),
            (None, Some(id)) => format!("account #{id}, removed"),
            (None, None) => "the portal".into(),
        };
        let whole = format!(
            " ▸ {} · {} · {}: {}",
            escape_control(e.actor_name.as_deref().unwrap_or(&e.actor)),
            e.action.replace('_', " "),
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
        let selected = i == app.activity.selected;
        let account = match (&e.account, e.account_id) {
            (Some(a), _) => format!("{} · {}", a.network.label(), escape_control(&a.name)),
            (None, Some(id)) => format!("#{id} (removed)"),
            (None, None) => "-".into(),
        };
        let actor = match &e.actor_name {
            Some(name) => escape_control(name).into_owned(),
            None => escape_control(&e.actor).into_owned(),
        };
        let outcome = if e.outcome == "denied" {
            "✗ denied: "
        } else {
            ""
        };
        let text = format!(
            " {:<18} {} {} {} {outcome}{}",
            crate::tui::view::long_date_column(zone, e.at),
            cut(&actor, 16),
            cut(&e.action.replace('_', " "), 16),
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
