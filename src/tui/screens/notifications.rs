//! The Notifications tab: the acting user's inbox, newest first, read and
//! unread (R9, E1).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::kit::{Context, Paged, empty, paged_action, row_rect};
use crate::lifecycle::Instant;
use crate::present::{column as cut, escape_control};
use crate::store::notifications::Notification;
use crate::store::outbox::Delivery;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::relative;
use crate::tui::hits::Hits;
use crate::tui::theme::pick;

/// The inbox as the tab pages it.
pub type Inbox = Paged<Notification, (Instant, i64)>;

/// Deliveries that failed for good: the newest few, and how many in all.
pub type Failed<'a> = (&'a [Delivery], i64);

/// ⏎ marks the notification read and opens its account's detail.
pub fn handle(inbox: &mut Inbox, action: Action) -> Vec<Effect> {
    if action == Action::Confirm {
        return inbox
            .rows
            .get(inbox.selected)
            .map(|n| vec![Effect::MarkRead(n.id), Effect::OpenDetail(n.account_id)])
            .unwrap_or_default();
    }
    paged_action(inbox, action, |n| (n.at, n.id))
}

pub fn draw(
    frame: &mut Frame<'_>,
    ctx: &Context<'_>,
    (inbox, failed): (&Inbox, Failed<'_>),
    area: Rect,
    hits: &mut Hits,
) {
    let (theme, zone, now) = (ctx.theme, ctx.zone, ctx.session.now);
    let area = draw_failed_deliveries(frame, ctx, failed, area);
    hits.list_capacity = area.height as usize;
    let rows = &inbox.rows;
    if rows.is_empty() {
        empty(frame, theme, area, &crate::tr!("empty-notifications"));
        return;
    }
    for (i, n) in rows.iter().take(area.height as usize).enumerate() {
        let selected = i == inbox.selected;
        let what = match n.kind.as_str() {
            "reauth_reminder" => crate::tr!("notification-reminder"),
            "purge_warning" => crate::tr!("notification-purge-warning"),
            other => other.to_string(),
        };
        let account = match &n.account {
            Some(a) => format!("{} · {}", a.network.label(), escape_control(&a.name)),
            None => crate::tr!("account-number", id = n.account_id),
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
            // What to do first, then the account: the row is cut from
            // its end, and ⏎ opens the account whole.
            Span::styled(
                cut(
                    &format!(
                        "{} {:<12} {what} · {account}",
                        crate::tui::format::long_date_column(zone, n.at),
                        relative(n.at, now),
                    ),
                    (area.width as usize).saturating_sub(3),
                ),
                style,
            ),
        ]);
        let rect = row_rect(area, i);
        frame.render_widget(Paragraph::new(line), rect);
        hits.list_rows.push((rect, i));
    }
}

/// Deliveries that failed for good (issue 12), above the inbox: how many,
/// the newest few with their last error, and the key that sends them again.
/// Returns the area left for the inbox.
fn draw_failed_deliveries(
    frame: &mut Frame<'_>,
    ctx: &Context<'_>,
    (failed, failed_count): Failed<'_>,
    area: Rect,
) -> Rect {
    if failed.is_empty() || area.height < 8 {
        return area;
    }
    let theme = ctx.theme;
    let width = area.width as usize;
    let mut lines = vec![Line::from(Span::styled(
        cut(
            &crate::tr!("notifications-failed-heading", count = failed_count),
            width,
        ),
        theme.warning,
    ))];
    for d in failed {
        let account = match &d.account {
            Some(a) => format!("{} · {}", a.network.label(), escape_control(&a.name)),
            None => crate::tr!("account-number", id = d.account_id),
        };
        lines.push(Line::from(Span::styled(
            cut(
                &crate::tr!(
                    "notifications-failed-line",
                    channel = d.channel.name(),
                    address = escape_control(&d.address),
                    account = account,
                    error = escape_control(d.last_error.as_deref().unwrap_or(""))
                ),
                width,
            ),
            theme.muted,
        )));
    }
    let height = (lines.len() as u16 + 1).min(area.height);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: height - 1,
            ..area
        },
    );
    Rect {
        y: area.y + height,
        height: area.height - height,
        ..area
    }
}
