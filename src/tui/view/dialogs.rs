//! Modal dialogs: each says in plain words what will happen, with the real
//! numbers; focus starts on the safe choice.

use crate::present::escape_control;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Zone, long_date, plural, relative};
use crate::lifecycle::Network;
use crate::tui::app::{App, ConnectFocus, ConnectStage, Dialog, Hits};

/// A centered box of the given size, clamped to the screen.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(2));
    let height = height.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// What a dialog box holds: its text, room for a field, its buttons.
struct Content<'a> {
    title: &'a str,
    lines: Vec<Line<'static>>,
    extra_height: u16,
    buttons: &'a [(&'static str, bool)],
    focused: Option<usize>,
}

/// Draws a boxed dialog with its text and buttons; returns the room left
/// for a field under the text.
fn frame_dialog(frame: &mut Frame<'_>, app: &App, content: Content<'_>, hits: &mut Hits) -> Rect {
    let Content {
        title,
        lines,
        extra_height,
        buttons,
        focused,
    } = content;
    let theme = &app.theme;
    let screen = frame.area();
    let width = 72.min(screen.width.saturating_sub(4));
    let inner_width = width.saturating_sub(4) as usize;
    let text_height: u16 = lines
        .iter()
        .map(|l| (l.width().max(1).div_ceil(inner_width.max(1))) as u16)
        .sum();
    let height = text_height + extra_height + 3;
    let rect = centered(screen, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(theme.border)
        .title_top(Line::styled(format!(" {title} "), theme.title));
    let inside = block.inner(rect);
    frame.render_widget(block, rect);
    let body = Rect::new(
        inside.x + 1,
        inside.y,
        inside.width.saturating_sub(2),
        text_height,
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    // Buttons, right-aligned on the last line.
    let y = inside.bottom().saturating_sub(1);
    let mut x = inside.right().saturating_sub(1);
    let labels: Vec<String> = buttons.iter().map(|(l, _)| format!("[ {l} ]")).collect();
    for (i, label) in labels.iter().enumerate().rev() {
        let w = crate::present::width(label) as u16;
        x = x.saturating_sub(w + 1);
        let (_, enabled) = buttons[i];
        let danger = i == 0 && matches!(buttons[i].0, "Disconnect account" | "Remove account");
        let style = match (enabled, focused == Some(i)) {
            (false, _) => theme.button_disabled,
            (true, true) if danger => theme.button_danger_focused,
            (true, true) => theme.button_focused,
            (true, false) => theme.button,
        };
        let r = Rect::new(x, y, w, 1);
        frame.render_widget(Paragraph::new(Span::styled(label.clone(), style)), r);
        hits.buttons.push((r, i));
    }
    Rect::new(
        inside.x + 1,
        inside.y + text_height,
        inside.width.saturating_sub(2),
        extra_height,
    )
}

pub fn draw(frame: &mut Frame<'_>, app: &App, dialog: &Dialog, zone: Zone, hits: &mut Hits) {
    let theme = &app.theme;
    let now = app.session.as_ref().map(|s| s.now).unwrap_or_default();
    let buttons = dialog.buttons();
    match dialog {
        Dialog::Disconnect {
            account,
            scheduled,
            published,
            restore_until,
            focus,
        } => {
            let a = &account.account;
            let until = restore_until
                .map(|t| format!("{} ({})", long_date(zone, t), relative(t, now)))
                .unwrap_or_else(|| "-".into());
            let lines = vec![
                Line::from(format!(
                    "Disconnect {} @{} from the portal?",
                    a.network.label(),
                    escape_control(&a.handle)
                )),
                Line::from(""),
                Line::from(vec![
                    Span::raw("• "),
                    Span::styled(plural(*scheduled, "scheduled post"), theme.warning),
                    Span::raw(" will be canceled."),
                ]),
                Line::from(format!(
                    "• Its {} {} the Published tab (kept, not deleted).",
                    plural(*published, "published post"),
                    if *published == 1 { "leaves" } else { "leave" }
                )),
                Line::from("• Drafts are kept. Nobody is notified."),
                Line::from(vec![
                    Span::raw("• Reconnect before "),
                    Span::styled(until, theme.accent),
                    Span::raw(" to restore everything; after that its history is purged."),
                ]),
            ];
            frame_dialog(
                frame,
                app,
                Content {
                    title: "Disconnect account",
                    lines,
                    extra_height: 1,
                    buttons: &buttons,
                    focused: Some(*focus),
                },
                hits,
            );
        }
        Dialog::Reconnect {
            account,
            resume,
            missed,
            restored,
            recommend,
            focus,
        } => {
            let a = &account.account;
            let actor = app
                .session
                .as_ref()
                .map(|s| s.actor.email.clone())
                .unwrap_or_default();
            let mut lines = vec![
                Line::styled(
                    format!("{} · Authorize Switchboard", a.network.label()),
                    theme.accent,
                ),
                Line::from(format!(
                    "Switchboard would like to publish as {} (@{}) on behalf of {}.",
                    escape_control(&a.name),
                    escape_control(&a.handle),
                    escape_control(&actor)
                )),
                Line::styled(
                    "(A simulated authorization screen: no network is reached.)",
                    theme.muted,
                ),
                Line::from(""),
            ];
            if *restored {
                lines.push(Line::from(vec![
                    Span::raw("Reconnecting restores everything: "),
                    Span::styled(plural(*resume, "scheduled post"), theme.ok),
                    Span::raw(" will publish at their time; "),
                    Span::styled(format!("{missed} missed"), theme.warning),
                    Span::raw(" their time while disconnected and stay canceled (you can reschedule them)."),
                ]));
                lines.push(Line::from(
                    "Published posts come back to the Published tab.",
                ));
            } else {
                lines.push(Line::styled(
                    "The reconnect window has ended: this starts a fresh connection with no history.",
                    theme.warning,
                ));
            }
            if let Some(original) = recommend {
                lines.push(Line::from(""));
                lines.push(Line::styled(
                    format!("Recommended: {original} connected this account originally and should reauthorize it."),
                    theme.muted,
                ));
            }
            frame_dialog(
                frame,
                app,
                Content {
                    title: "Reconnect account",
                    lines,
                    extra_height: 1,
                    buttons: &buttons,
                    focused: Some(*focus),
                },
                hits,
            );
        }
        Dialog::Remove {
            account,
            posts,
            input,
            focus,
        } => {
            let a = &account.account;
            let lines = vec![
                Line::from(format!(
                    "Remove {} @{} and all its {}? There is no window to come back: it is gone at once.",
                    a.network.label(),
                    escape_control(&a.handle),
                    plural(*posts, "post")
                )),
                Line::from(""),
                Line::from(vec![
                    Span::raw("Type the handle "),
                    Span::styled(escape_control(&a.handle).into_owned(), theme.accent),
                    Span::raw(" to confirm:"),
                ]),
            ];
            let focused = focus.checked_sub(1);
            let field = frame_dialog(
                frame,
                app,
                Content {
                    title: "Remove account",
                    lines,
                    extra_height: 2,
                    buttons: &buttons,
                    focused,
                },
                hits,
            );
            let style = if *focus == 0 {
                theme.hovered
            } else {
                theme.text
            };
            let width = field.width.saturating_sub(2) as usize;
            let scroll = input.visual_scroll(width);
            let shown: String = input.value().chars().skip(scroll).take(width).collect();
            let line = Rect::new(field.x, field.y, field.width, 1);
            frame.render_widget(
                Paragraph::new(Span::styled(format!(" {shown:<width$} "), style)),
                line,
            );
            if *focus == 0 {
                let x = field.x + 1 + (input.visual_cursor().saturating_sub(scroll)) as u16;
                frame.set_cursor_position((x, field.y));
            }
        }
        Dialog::Connect(ConnectStage::PickNetwork { index }) => {
            let mut lines = vec![Line::from("Which network? (↑↓ then ⏎)"), Line::from("")];
            let first_item = lines.len();
            for (i, network) in Network::all().enumerate() {
                let style = if i == *index {
                    theme.hovered
                } else {
                    theme.text
                };
                lines.push(Line::styled(format!(" {} ", network.label()), style));
            }
            let count = lines.len() - first_item;
            let body = frame_dialog(
                frame,
                app,
                Content {
                    title: "Connect account",
                    lines,
                    extra_height: 0,
                    buttons: &buttons,
                    focused: Some(0),
                },
                hits,
            );
            let top = body.y.saturating_sub((count + first_item) as u16) + first_item as u16;
            for i in 0..count {
                hits.picker_items
                    .push((Rect::new(body.x, top + i as u16, body.width, 1), i));
            }
        }
        Dialog::Connect(ConnectStage::PickAccounts {
            network,
            entries,
            row,
            input,
            focus,
        }) => {
            let mut lines = vec![
                Line::from(format!("{} accounts to connect:", network.label())),
                Line::styled(
                    "Accounts disconnected for over 90 days are listed ticked and greyed: Continue reconnects them.",
                    theme.muted,
                ),
                Line::from(""),
            ];
            let first_item = lines.len();
            if entries.is_empty() {
                lines.push(Line::styled(
                    "  (none yet: type a handle below and press ⏎)",
                    theme.muted,
                ));
            }
            for (i, entry) in entries.iter().enumerate() {
                let mark = if entry.checked { "[x]" } else { "[ ]" };
                let note = match &entry.hidden {
                    Some(record) => {
                        let d = record.account.disconnection().map(|d| d.at).unwrap_or(now);
                        format!(" · disconnected {} · reconnects", relative(d, now))
                    }
                    None => " · new".into(),
                };
                let selected = *focus == ConnectFocus::List && i == *row;
                let style = match (selected, entry.hidden.is_some()) {
                    (true, _) => theme.hovered,
                    (false, true) => theme.muted,
                    (false, false) => theme.text,
                };
                lines.push(Line::styled(
                    format!(" {mark} @{}{note}", escape_control(&entry.handle)),
                    style,
                ));
            }
            let count = entries.len();
            let focused = match focus {
                ConnectFocus::Continue => Some(0),
                ConnectFocus::Cancel => Some(1),
                _ => None,
            };
            let body = frame_dialog(
                frame,
                app,
                Content {
                    title: "Connect account",
                    lines,
                    extra_height: 2,
                    buttons: &buttons,
                    focused,
                },
                hits,
            );
            let text_top = body.y.saturating_sub((first_item + count.max(1)) as u16);
            for i in 0..count {
                let y = text_top + (first_item + i) as u16;
                hits.picker_items
                    .push((Rect::new(body.x, y, body.width, 1), i));
            }
            let label = " Add a handle: ";
            let width = (body.width as usize).saturating_sub(label.len() + 1);
            let scroll = input.visual_scroll(width);
            let shown: String = input.value().chars().skip(scroll).take(width).collect();
            let style = if *focus == ConnectFocus::Input {
                theme.hovered
            } else {
                theme.text
            };
            let y = body.y + 1;
            frame.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled(label, theme.text),
                    Span::styled(format!("{shown:<width$}"), style),
                ])),
                Rect::new(body.x, y, body.width, 1),
            );
            if *focus == ConnectFocus::Input {
                let x = body.x
                    + label.len() as u16
                    + (input.visual_cursor().saturating_sub(scroll)) as u16;
                frame.set_cursor_position((x, y));
            }
        }
        Dialog::Refused { title, message } => {
            let mut lines: Vec<Line<'static>> = message
                .lines()
                .map(|l| Line::from(escape_control(l).into_owned()))
                .collect();
            lines.push(Line::from(""));
            lines.push(Line::styled(
                "Nothing was changed; the attempt is in the Activity log.",
                theme.muted,
            ));
            frame_dialog(
                frame,
                app,
                Content {
                    title,
                    lines,
                    extra_height: 1,
                    buttons: &buttons,
                    focused: Some(0),
                },
                hits,
            );
        }
    }
}
