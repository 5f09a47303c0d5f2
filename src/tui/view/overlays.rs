//! The account detail with its timeline, the pickers, and the help overlay.

use crate::present::escape_control;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Zone, long_date, relative};
use crate::lifecycle::Instant;
use crate::tui::app::{App, CLOCK_CHOICES, Detail, Hits, Overlay};
use crate::tui::dialogs::{Scene, centered};
use crate::tui::keymap::Context;

pub fn draw_overlay(frame: &mut Frame<'_>, app: &App, zone: Zone, hits: &mut Hits) {
    match &app.overlay {
        Some(Overlay::Dialog(dialog)) => {
            let now = app.session.as_ref().map(|s| s.now).unwrap_or_default();
            let scene = Scene { app, zone, now };
            dialog.component().draw(frame, &scene, hits)
        }
        Some(Overlay::Detail(detail)) => draw_detail(frame, app, detail, zone),
        Some(Overlay::UserPicker {
            users,
            index,
            channels,
        }) => {
            let items: Vec<(String, bool)> = users
                .iter()
                .map(|u| {
                    let state = if u.active {
                        crate::present::role_words(u.role())
                    } else {
                        crate::tr!("user-deactivated")
                    };
                    (
                        format!(
                            "{} <{}> · {state}",
                            escape_control(&u.name),
                            escape_control(&u.email)
                        ),
                        u.active,
                    )
                })
                .collect();
            let mut items = items;
            items.push((
                crate::tr!(
                    "menu-language",
                    next = crate::tr!(match crate::i18n::current().next() {
                        crate::i18n::Lang::En => "language-en",
                        crate::i18n::Lang::It => "language-it",
                    })
                ),
                true,
            ));
            // The acting user's reminders by email (issue 12); a webhook is
            // named, and set with `switchboard user set`.
            let webhook = channels
                .webhook
                .as_deref()
                .map(|url| crate::tr!("menu-webhook", url = escape_control(url)))
                .unwrap_or_default();
            items.push((
                crate::tr!(
                    if channels.email {
                        "menu-email-on"
                    } else {
                        "menu-email-off"
                    },
                    webhook = webhook
                ),
                true,
            ));
            picker(
                frame,
                app,
                &crate::tr!("picker-act-as"),
                &items,
                *index,
                hits,
            );
        }
        Some(Overlay::ClockPicker { index, demo }) => {
            let mut items: Vec<(String, bool)> = CLOCK_CHOICES
                .iter()
                .map(|c| (crate::tr!("clock-advance", by = crate::tr!(c.label)), true))
                .collect();
            if *demo {
                // Going back is offered only when it can be done; else the
                // row says until when it cannot (T4, issue 18, item 5).
                match app.session.as_ref().and_then(|s| s.system_clock_from) {
                    Some(until) => items.push((
                        crate::tr!(
                            "clock-unset-not-yet",
                            until = crate::tui::view::long_date(zone, until)
                        ),
                        false,
                    )),
                    None => items.push((crate::tr!("clock-unset"), true)),
                }
            }
            picker(
                frame,
                app,
                &crate::tr!("picker-clock"),
                &items,
                *index,
                hits,
            );
        }
        None => {}
    }
}

fn picker(
    frame: &mut Frame<'_>,
    app: &App,
    title: &str,
    items: &[(String, bool)],
    index: usize,
    hits: &mut Hits,
) {
    let theme = &app.theme;
    let width = items
        .iter()
        .map(|(t, _)| crate::present::width(t))
        .max()
        .unwrap_or(20)
        .max(crate::present::width(title)) as u16
        + 6;
    let rect = centered(frame.area(), width, items.len() as u16 + 4);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(theme.border)
        .title_top(Line::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::styled(
            format!(" {} ", crate::tr!("picker-keys")),
            theme.muted,
        ));
    let inside = block.inner(rect);
    frame.render_widget(block, rect);
    for (i, (text, enabled)) in items.iter().enumerate() {
        let y = inside.y + 1 + i as u16;
        if y >= inside.bottom() {
            break;
        }
        let style = match (i == index, enabled) {
            (true, _) => theme.hovered,
            (false, true) => theme.text,
            (false, false) => theme.muted,
        };
        let r = Rect::new(inside.x, y, inside.width, 1);
        frame.render_widget(Paragraph::new(Span::styled(format!(" {text}"), style)), r);
        hits.picker_items.push((r, i));
    }
}

/// The account's timeline as a bar from its first connection through its
/// next deadline, reminder, disconnect and the end of its reconnect window.
fn draw_detail(frame: &mut Frame<'_>, app: &App, detail: &Detail, zone: Zone) {
    let theme = &app.theme;
    let now = app.session.as_ref().map(|s| s.now).unwrap_or_default();
    let record = &detail.account;
    let a = &record.account;
    let mut marks: Vec<(Instant, String)> =
        vec![(a.first_connected_at, crate::tr!("mark-first-connection"))];
    if a.authorized_at != a.first_connected_at {
        marks.push((a.authorized_at, crate::tr!("mark-current-grant")));
    }
    if let Some(at) = a.reminder_at() {
        marks.push((at, crate::tr!("mark-reminder")));
    }
    if let Some(at) = a.reauth_due_at() {
        marks.push((at, crate::tr!("mark-deadline")));
    }
    if let Some(d) = a.disconnection() {
        marks.push((
            d.at,
            crate::tr!(
                "mark-disconnected",
                reason = crate::present::reason_words(d.reason)
            ),
        ));
    }
    // R8: when it drops off the Accounts list.
    if let Some(at) = a.hidden_from() {
        marks.push((at, crate::tr!("mark-hidden")));
    }
    if let Some(at) = a.purge_warning_at() {
        marks.push((at, crate::tr!("mark-purge-warning")));
    }
    if let Some(at) = a.reconnect_deadline() {
        marks.push((at, crate::tr!("mark-window-end")));
    }
    marks.sort_by_key(|(t, _)| *t);
    let screen = frame.area();
    let rect = centered(
        screen,
        screen.width.saturating_sub(8).min(100),
        (marks.len() as u16 + 13).min(screen.height - 2),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(theme.border)
        .title_top(Line::styled(
            format!(
                " {} · {} @{} ",
                escape_control(&a.name),
                a.network.label(),
                escape_control(&a.handle)
            ),
            theme.title,
        ))
        .title_bottom(Line::styled(
            format!(" {} ", crate::tr!("esc-close")),
            theme.muted,
        ));
    let inside = block.inner(rect);
    frame.render_widget(block, rect);
    let (status, _) = crate::tui::screens::accounts::status_text(record, now, zone);
    // The labels padded alike, whatever the language.
    let labels = [
        crate::tr!("detail-status"),
        crate::tr!("detail-connected-by"),
        crate::tr!("detail-last-connected-by"),
        crate::tr!("detail-posts"),
    ];
    let label_width = labels
        .iter()
        .map(|l| crate::present::width(l))
        .max()
        .unwrap_or(0)
        + 2;
    let label = |i: usize| format!(" {}", crate::present::column(&labels[i], label_width));
    let mut lines = vec![
        Line::from(vec![Span::styled(label(0), theme.muted), Span::raw(status)]),
        Line::from(vec![
            Span::styled(label(1), theme.muted),
            Span::raw(escape_control(&record.original_connector).into_owned()),
        ]),
        Line::from(vec![
            Span::styled(label(2), theme.muted),
            Span::raw(escape_control(&record.last_connector).into_owned()),
        ]),
        Line::from(vec![
            Span::styled(label(3), theme.muted),
            Span::raw(crate::tr!(
                "detail-post-counts",
                count = detail.posts,
                scheduled = detail.scheduled,
                published = detail.published,
                missed = detail.missed
            )),
        ]),
    ];
    // What to do next, where the article has advice.
    match a.next_step(now) {
        crate::lifecycle::NextStep::ReminderWeek { due } => lines.push(Line::styled(
            format!(
                " ⚠ The network asks again on {}: disconnect and reconnect before then to avoid an interruption.",
                long_date(zone, due)
            ),
            theme.warning,
        )),
        crate::lifecycle::NextStep::CannotComeBack { purge_at, .. } => lines.push(Line::styled(
            format!(
                " Deleted on the network: it cannot be reconnected; its history is purged on {}.",
                long_date(zone, purge_at)
            ),
            theme.danger,
        )),
        _ => {}
    }
    // E1: warned of the purge, and still before it: the history can be kept.
    if a.purge_warning_at().is_some_and(|w| w <= now)
        && a.reconnect_deadline().is_some_and(|d| d > now)
    {
        lines.push(Line::styled(
            format!(
                " Keep a copy of its history before the purge: switchboard account export {}",
                a.id
            ),
            theme.accent,
        ));
    }
    if detail.missed > 0 {
        lines.push(Line::styled(
            format!(
                " {}",
                crate::tr!(
                    "detail-missed-reschedule",
                    count = detail.missed,
                    key = app.keymap.key_label(crate::tui::action::Action::Reschedule)
                )
            ),
            theme.accent,
        ));
    }
    lines.push(Line::from(""));
    // The bar.
    let width = inside.width.saturating_sub(4) as i64;
    let start = marks.first().map(|m| m.0).unwrap_or(now).min(now);
    let end = marks.last().map(|m| m.0).unwrap_or(now).max(now);
    let span = (end - start).num_seconds().max(1);
    let column = |t: Instant| {
        (((t - start).num_seconds() * (width - 1)) / span).clamp(0, width - 1) as usize
    };
    let mut bar: Vec<char> = vec!['─'; width.max(1) as usize];
    for (t, _) in &marks {
        bar[column(*t)] = '●';
    }
    let at = column(now);
    let pointer = if at + 5 < width as usize {
        format!("{}▲ {}", " ".repeat(at), crate::tr!("now-mark"))
    } else {
        let now_word = crate::tr!("now-mark");
        let back = crate::present::width(&now_word) + 1;
        format!("{}{now_word} ▲", " ".repeat(at.saturating_sub(back)))
    };
    lines.push(Line::styled(
        format!("  {}", bar.iter().collect::<String>()),
        theme.accent,
    ));
    lines.push(Line::styled(format!("  {pointer}"), theme.warning));
    lines.push(Line::from(""));
    for (t, label) in &marks {
        let style = if *t <= now { theme.muted } else { theme.text };
        lines.push(Line::styled(
            format!(
                "  ● {} {:<14} {label}",
                crate::present::column(&crate::tui::view::long_date_column(zone, *t), 18),
                relative(*t, now)
            ),
            style,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inside);
}

pub fn draw_help(frame: &mut Frame<'_>, app: &App) {
    let theme = &app.theme;
    let screen = frame.area();
    let lines: Vec<Line<'static>> = app
        .keymap
        .bindings
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            let place = match b.contexts {
                [Context::Dialog] => format!(" ({})", crate::tr!("place-dialogs")),
                [Context::Posts] => format!(" ({})", crate::tr!("tab-publishing")),
                [Context::Accounts] => format!(" ({})", crate::tr!("tab-accounts")),
                [Context::Tour] => format!(" ({})", crate::tr!("place-tours")),
                _ => String::new(),
            };
            Line::from(vec![
                Span::styled(format!(" {:<10}", keys.join(" ")), theme.accent),
                Span::styled(format!("{}{place}", b.help_text()), theme.text),
            ])
        })
        .collect();
    // Two columns when every line fits whole and one column would not fit
    // the height; otherwise one column, scrolled with ↑↓: never a cut line.
    let widest = lines.iter().map(Line::width).max().unwrap_or(20) as u16;
    let box_width = 100.min(screen.width.saturating_sub(2));
    let rows_available = screen.height.saturating_sub(6) as usize;
    // Inside the border, each column needs its widest line and a space.
    let columns = if lines.len() > rows_available && (widest + 1) * 2 <= box_width - 2 {
        2
    } else {
        1
    };
    let per_column = lines.len().div_ceil(columns);
    let height = (per_column as u16 + 2).min(screen.height.saturating_sub(2));
    let rect = centered(screen, box_width, height);
    frame.render_widget(Clear, rect);
    let visible = height.saturating_sub(2) as usize;
    let scrolls = columns == 1 && lines.len() > visible;
    let bottom = format!(
        " {} ",
        crate::tr!(if scrolls {
            "help-keys-scroll"
        } else {
            "help-keys-mouse"
        })
    );
    let block = Block::bordered()
        .border_style(theme.border)
        .title_top(Line::styled(
            format!(" {} ", crate::tr!("help-title")),
            theme.title,
        ))
        .title_bottom(Line::styled(bottom, theme.muted));
    let inside = block.inner(rect);
    frame.render_widget(block, rect);
    if columns == 1 {
        let top = app.help_scroll.min(lines.len().saturating_sub(visible));
        let shown: Vec<Line<'static>> = lines.into_iter().skip(top).take(visible).collect();
        frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), inside);
        return;
    }
    let column_width = inside.width / columns as u16;
    for (c, chunk) in lines.chunks(per_column).enumerate() {
        let area = Rect::new(
            inside.x + column_width * c as u16,
            inside.y,
            column_width,
            inside.height,
        );
        frame.render_widget(Paragraph::new(chunk.to_vec()), area);
    }
}
