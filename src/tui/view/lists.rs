//! The Publishing, Notifications and Activity tabs: one page each, by keyset.

use crate::present::escape_control;
use ratatui::Frame;

use crate::present::column as cut;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Zone, long_date, pick, relative};
use crate::lifecycle::post::Tab as PostTab;
use crate::tui::app::{App, Hits};

fn empty(frame: &mut Frame<'_>, app: &App, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {text}"), app.theme.muted)),
        Rect::new(area.x, area.y, area.width, 1),
    );
}

fn row_rect(area: Rect, i: usize) -> Rect {
    Rect::new(area.x, area.y + i as u16, area.width, 1)
}

pub fn draw_posts(frame: &mut Frame<'_>, app: &App, area: Rect, zone: Zone, hits: &mut Hits) {
    let theme = &app.theme;
    let now = app.session.as_ref().map(|s| s.now).unwrap_or_default();
    let mut x = area.x + 1;
    for tab in PostTab::ALL {
        let label = match tab {
            PostTab::Scheduled => "Scheduled",
            PostTab::Published => "Published",
            PostTab::Drafts => "Drafts",
            PostTab::Canceled => "Canceled",
        };
        let w = label.len() as u16;
        let rect = Rect::new(x, area.y, w, 1);
        let style = pick(tab == app.posts.tab, theme.tab_active, theme.muted);
        frame.render_widget(Paragraph::new(Span::styled(label, style)), rect);
        hits.post_tabs.push((rect, tab));
        x += w + 3;
    }
    let hint = "  ←→ switch";
    if x + hint.len() as u16 <= area.right() {
        frame.render_widget(
            Paragraph::new(Span::styled(hint, theme.muted)),
            Rect::new(x, area.y, hint.len() as u16, 1),
        );
    }
    let list = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    hits.list_area = list;
    hits.list_capacity = list.height as usize;
    let rows = &app.posts.list.rows;
    if rows.is_empty() {
        empty(frame, app, list, "Nothing here.");
        return;
    }
    let width = area.width as usize;
    for (i, post) in rows.iter().take(list.height as usize).enumerate() {
        let selected = i == app.posts.list.selected;
        let status = match post.status.cancel_cause {
            Some(cause) => format!("{} ({})", post.status.status.name(), cause.name()),
            None => post.status.status.name().to_string(),
        };
        let wide = width >= 100;
        let when = post
            .published_at
            .or(post.scheduled_at)
            .map(|t| {
                if wide {
                    format!("{} ({})", long_date(zone, t), relative(t, now))
                } else {
                    long_date(zone, t)
                }
            })
            .unwrap_or_else(|| "-".into());
        let text = format!(
            " #{:<5} acct {:<4} {} {} {}",
            post.id,
            post.account_id,
            cut(&status, 22),
            cut(&when, if wide { 29 } else { 17 }),
            escape_control(&post.text)
        );
        let style = pick(selected, theme.hovered, theme.text);
        let rect = row_rect(list, i);
        frame.render_widget(Paragraph::new(Span::styled(cut(&text, width), style)), rect);
        hits.list_rows.push((rect, i));
    }
}

pub fn draw_inbox(frame: &mut Frame<'_>, app: &App, area: Rect, zone: Zone, hits: &mut Hits) {
    let theme = &app.theme;
    let now = app.session.as_ref().map(|s| s.now).unwrap_or_default();
    let rows = &app.inbox.rows;
    if rows.is_empty() {
        empty(frame, app, area, "No notifications.");
        return;
    }
    for (i, n) in rows.iter().take(area.height as usize).enumerate() {
        let selected = i == app.inbox.selected;
        let what = match n.kind.as_str() {
            "reauth_reminder" => "Reauthorize within a week, or the network disconnects it",
            "purge_warning" => "History purged in a week unless reconnected",
            other => other,
        };
        let mark = if n.read { "  " } else { "● " };
        let style = match (selected, n.read) {
            (true, _) => theme.hovered,
            (false, false) => theme.title,
            (false, true) => theme.muted,
        };
        let line = Line::from(vec![
            Span::styled(
                format!(" {mark}"),
                pick(selected, theme.hovered, theme.warning),
            ),
            Span::styled(
                format!(
                    "{:<18} {:<12} account #{:<6} {what}",
                    long_date(zone, n.at),
                    relative(n.at, now),
                    n.account_id
                ),
                style,
            ),
        ]);
        let rect = row_rect(area, i);
        frame.render_widget(Paragraph::new(line), rect);
        hits.list_rows.push((rect, i));
    }
}

pub fn draw_activity(frame: &mut Frame<'_>, app: &App, area: Rect, zone: Zone, hits: &mut Hits) {
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
