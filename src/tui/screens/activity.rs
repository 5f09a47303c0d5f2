//! The Activity tab: the audit log (R14), newest first, for every account or
//! the one hovered.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::{empty, paged_action, row_rect};
use crate::present::{column as cut, escape_control};
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Hits};
use crate::tui::view::{Zone, long_date};

pub fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    paged_action(&mut app.activity, action, |e| (e.at, e.id))
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, zone: Zone, hits: &mut Hits) {
    let theme = &app.theme;
    let scope = match app.activity_account {
        Some(id) => format!(" Activity of account #{id} · f shows all accounts"),
        None => " Activity of all accounts · f shows the hovered account's only".into(),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(scope, theme.muted)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let list = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    hits.list_area = list;
    hits.list_capacity = list.height as usize;
    let rows = &app.activity.rows;
    if rows.is_empty() {
        empty(frame, app, list, "Nothing recorded yet.");
        return;
    }
    let width = area.width as usize;
    for (i, e) in rows.iter().take(list.height as usize).enumerate() {
        let selected = i == app.activity.selected;
        let account = e
            .account_id
            .map(|id| format!("#{id}"))
            .unwrap_or_else(|| "-".into());
        let outcome = if e.outcome == "denied" {
            "✗ denied: "
        } else {
            ""
        };
        let text = format!(
            " {:<18} {:<20} {:<16} {:<6} {outcome}{}",
            long_date(zone, e.at),
            cut(&escape_control(&e.actor), 20),
            cut(&e.action, 16),
            account,
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
