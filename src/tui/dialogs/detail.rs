//! The account's detail (⏎ on a row): its facts, what to do next, and its
//! timeline from the first connection to the end of its reconnect window.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::kit::{Button, Component, Outcome, Scene, centered};
use crate::lifecycle::Instant;
use crate::present::escape_control;
use crate::store::previews::AccountDetail;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::{long_date, relative};
use crate::tui::hits::Hits;

#[derive(Clone, Debug)]
pub struct Detail {
    pub detail: AccountDetail,
    /// Its grant at a real network (issue 20), when it has one.
    pub grant: Option<GrantShown>,
}

/// What the detail says of a grant: never a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrantShown {
    pub scopes: Vec<String>,
    /// Whether this machine's vault key opens it.
    pub readable: bool,
}

impl Component for Detail {
    fn buttons(&self) -> Vec<Button> {
        Vec::new()
    }

    fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Confirm => Outcome::close(vec![]),
            // R6b: the missed posts are one key away from being rescheduled.
            Action::Reschedule if self.detail.missed > 0 => {
                Outcome::close(vec![Effect::RescheduleMissed(
                    self.detail.account.account.id,
                )])
            }
            _ => Outcome::stay(),
        }
    }

    fn focus_button(&mut self, _button: usize) {}

    fn press(&mut self) -> Outcome {
        self.handle(Action::Confirm)
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, _hits: &mut Hits) {
        draw_detail(frame, scene, (&self.detail, self.grant.as_ref()))
    }
}

/// The account's timeline as a bar from its first connection through its
/// next deadline, reminder, disconnect and the end of its reconnect window.
fn draw_detail(
    frame: &mut Frame<'_>,
    scene: &Scene<'_>,
    (detail, grant): (&AccountDetail, Option<&GrantShown>),
) {
    let (theme, zone, now) = (scene.theme, scene.zone, scene.now);
    let record = &detail.account;
    let a = &record.account;
    let mut marks = marks(a, &detail.reminders);
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
        crate::tr!("detail-grant"),
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
    if let Some(grant) = grant {
        let (text, style) = if grant.readable {
            let scopes = escape_control(&grant.scopes.join(" ")).into_owned();
            (crate::tr!("detail-grant-kept", scopes = scopes), theme.text)
        } else {
            (crate::tr!("detail-grant-unreadable"), theme.warning)
        };
        lines.push(Line::from(vec![
            Span::styled(label(4), theme.muted),
            Span::styled(text, style),
        ]));
    }
    // What to do next, where the article has advice.
    match a.next_step(now) {
        crate::lifecycle::NextStep::ReminderWeek { due } => lines.push(Line::styled(
            format!(
                " {}",
                crate::tr!("detail-advice-reminder-week", due = long_date(zone, due))
            ),
            theme.warning,
        )),
        crate::lifecycle::NextStep::CannotComeBack { purge_at, .. } => lines.push(Line::styled(
            format!(
                " {}",
                crate::tr!("detail-advice-deleted", purge = long_date(zone, purge_at))
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
            format!(" {}", crate::tr!("detail-advice-export", id = a.id)),
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
                    key = scene.keymap.key_label(Action::Reschedule)
                )
            ),
            theme.accent,
        ));
    }
    lines.push(Line::from(""));
    let width = inside.width.saturating_sub(4) as i64;
    lines.extend(timeline(&marks, now, width, (zone, theme)));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inside);
}

/// The account's dates worth marking on its timeline, with their words.
fn marks(a: &crate::lifecycle::Account, reminders: &[Instant]) -> Vec<(Instant, String)> {
    let mut marks: Vec<(Instant, String)> =
        vec![(a.first_connected_at, crate::tr!("mark-first-connection"))];
    if a.authorized_at != a.first_connected_at {
        marks.push((a.authorized_at, crate::tr!("mark-current-grant")));
    }
    for &at in reminders {
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
    marks
}

/// The bar from the first mark to the last with `now` pointed at, then each
/// mark on a line of its own (past ones muted).
fn timeline(
    marks: &[(Instant, String)],
    now: Instant,
    width: i64,
    (zone, theme): (crate::tui::format::Zone, &crate::tui::theme::Theme),
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let start = marks.first().map(|m| m.0).unwrap_or(now).min(now);
    let end = marks.last().map(|m| m.0).unwrap_or(now).max(now);
    let span = (end - start).num_seconds().max(1);
    let column = |t: Instant| {
        (((t - start).num_seconds() * (width - 1)) / span).clamp(0, width - 1) as usize
    };
    let mut bar: Vec<char> = vec!['─'; width.max(1) as usize];
    for (t, _) in marks {
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
    for (t, label) in marks {
        let style = if *t <= now { theme.muted } else { theme.text };
        lines.push(Line::styled(
            format!(
                "  ● {} {:<14} {label}",
                crate::present::column(&crate::tui::format::long_date_column(zone, *t), 18),
                relative(*t, now)
            ),
            style,
        ));
    }
    lines
}
