//! What every dialog is built from: the `Component` trait, the two-choice
//! dialogs' behaviour, and the box, menu, field and schedule helpers they
//! draw and read with.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use tui_input::Input;

use crate::lifecycle::Instant;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::format::Zone;
use crate::tui::hits::Hits;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// What a dialog's answer to an action asks of the app.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The dialog is done (pressed or canceled) and closes.
    pub close: bool,
    pub effects: Vec<Effect>,
}

impl Outcome {
    /// Stay open, nothing to run.
    pub fn stay() -> Outcome {
        Outcome::default()
    }

    /// Stay open and run these.
    pub fn run(effects: Vec<Effect>) -> Outcome {
        Outcome {
            close: false,
            effects,
        }
    }

    /// Close, and run these.
    pub fn close(effects: Vec<Effect>) -> Outcome {
        Outcome {
            close: true,
            effects,
        }
    }
}

/// A button: its label, and whether it can be pressed now.
pub type Button = (String, bool);

/// A dialog's choice between its action and Cancel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Act,
    Cancel,
}

impl Choice {
    fn other(self) -> Choice {
        match self {
            Choice::Act => Choice::Cancel,
            Choice::Cancel => Choice::Act,
        }
    }

    fn from_button(button: usize) -> Choice {
        if button == 0 {
            Choice::Act
        } else {
            Choice::Cancel
        }
    }

    pub fn button(self) -> usize {
        match self {
            Choice::Act => 0,
            Choice::Cancel => 1,
        }
    }
}

/// What drawing needs besides the dialog: the theme, the keys (to name
/// them), the zone to show instants in, and the portal's now.
pub struct Scene<'a> {
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    pub zone: Zone,
    pub now: Instant,
}

/// What every dialog does.
pub trait Component {
    fn buttons(&self) -> Vec<Button>;
    /// Answers an action (Esc, Quit and Help never reach a dialog).
    fn handle(&mut self, action: Action) -> Outcome;
    /// Focuses the button at this index (mouse hover, tours).
    fn focus_button(&mut self, button: usize);
    /// Presses the focused button.
    fn press(&mut self) -> Outcome;
    /// The text field that has the focus, if any.
    fn text_field(&mut self) -> Option<(&mut Input, usize)> {
        None
    }
    /// Whether keys go to a text field now (`text_field` is `Some`).
    fn typing(&self) -> bool {
        false
    }
    /// Focuses a row of the dialog's list (mouse).
    fn pick(&mut self, _item: usize) {}
    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits);
    /// After its text field changed: what to fetch (a search, say).
    fn edited(&mut self) -> Vec<Effect> {
        Vec::new()
    }
}

/// A dialog with one action and Cancel, focus starting on Cancel: its
/// keys, buttons and presses are all alike (`Component` comes with it).
pub trait TwoChoices {
    /// The action button's label.
    fn act_label(&self) -> String;
    /// The other button's label.
    fn cancel_label(&self) -> String {
        crate::tr!("button-cancel")
    }
    fn focus(&mut self) -> &mut Choice;
    fn focused(&self) -> Choice;
    /// What pressing the action does.
    fn act(&self) -> Vec<Effect>;
    fn draw_choices(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits);
}

impl<T: TwoChoices> Component for T {
    fn buttons(&self) -> Vec<Button> {
        vec![(self.act_label(), true), (self.cancel_label(), true)]
    }

    fn handle(&mut self, action: Action) -> Outcome {
        choice_action(self.focus(), action).unwrap_or_else(|| self.press())
    }

    fn focus_button(&mut self, button: usize) {
        *self.focus() = Choice::from_button(button);
    }

    fn press(&mut self) -> Outcome {
        match self.focused() {
            Choice::Act => Outcome::close(self.act()),
            Choice::Cancel => Outcome::close(vec![]),
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, scene: &Scene<'_>, hits: &mut Hits) {
        self.draw_choices(frame, scene, hits)
    }
}

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

/// A menu: a titled list of rows, the chosen one highlighted, the ones
/// that cannot be chosen now muted.
pub fn draw_menu(
    frame: &mut Frame<'_>,
    theme: &Theme,
    (title, items): (&str, &[(String, bool)]),
    index: usize,
    hits: &mut Hits,
) {
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

/// A menu's keys: up and down move (to `last` at most), ⏎ chooses.
pub fn menu_move(index: &mut usize, last: usize, action: Action) -> bool {
    match action {
        Action::Up => *index = index.saturating_sub(1),
        Action::Down => *index = (*index + 1).min(last),
        _ => return false,
    }
    true
}

/// What a dialog box holds: its text, room for a field, its buttons.
pub struct Content<'a> {
    pub title: &'a str,
    pub lines: Vec<Line<'static>>,
    pub extra_height: u16,
    pub buttons: &'a [Button],
    pub focused: Option<usize>,
    /// The first button is the destructive one (drawn as a danger).
    pub danger: bool,
}

/// Draws a boxed dialog with its text and buttons; returns the room left
/// for a field under the text.
pub fn frame_dialog(
    frame: &mut Frame<'_>,
    theme: &Theme,
    content: Content<'_>,
    hits: &mut Hits,
) -> Rect {
    let Content {
        title,
        lines,
        extra_height,
        buttons,
        focused,
        danger,
    } = content;
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
        let style = match (enabled, focused == Some(i)) {
            (false, _) => theme.button_disabled,
            (true, true) if danger && i == 0 => theme.button_danger_focused,
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

/// A one-line text field at `area` after `label`, with the terminal cursor
/// in it when focused.
pub fn draw_field(
    frame: &mut Frame<'_>,
    theme: &Theme,
    area: Rect,
    label: &str,
    input: &Input,
    focused: bool,
) {
    let label_w = crate::present::width(label);
    let width = (area.width as usize).saturating_sub(label_w + 1);
    let scroll = input.visual_scroll(width);
    let shown: String = input.value().chars().skip(scroll).take(width).collect();
    let shown = crate::present::escape_control(&shown);
    let style = if focused { theme.hovered } else { theme.text };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(label.to_string(), theme.text),
            Span::styled(crate::present::column(&shown, width), style),
        ])),
        Rect::new(area.x, area.y, area.width, 1),
    );
    if focused {
        let x = area.x + label_w as u16 + (input.visual_cursor().saturating_sub(scroll)) as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// An instant as a schedule field shows it, in the screen's zone: to the
/// minute, or to the second when it has seconds, so a prefilled field
/// means the stored instant exactly (issue 18, item 9).
pub fn when_text(zone: Zone, at: Instant) -> String {
    let shown = zone.show(at);
    if chrono::Timelike::second(&shown) == 0 {
        shown.format("%Y-%m-%d %H:%M").to_string()
    } else {
        shown.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// An example instant for a schedule field's hint: three days ahead of the
/// portal's clock, at 09:30, as the field takes it.
pub fn when_example(zone: Zone, now: Instant) -> String {
    let ahead = now + chrono::TimeDelta::days(3);
    format!("{} 09:30", zone.show(ahead).format("%Y-%m-%d"))
}

/// The line under a schedule's verdict: a warning when the instant falls at
/// or after the account's reauthorization deadline (issue 18, item 3: the
/// disconnect at the deadline would cancel it), else empty, so the dialog
/// keeps its height as the instant is typed.
pub fn deadline_warning(
    account: &crate::lifecycle::Account,
    at: Option<Instant>,
    zone: Zone,
    style: ratatui::style::Style,
) -> Line<'static> {
    match at.and_then(|at| crate::lifecycle::post::past_reauth_deadline(account, at)) {
        Some(due) => Line::styled(
            crate::present::truncate(
                &format!(
                    "⚠ {}",
                    crate::tr!(
                        "post-after-deadline",
                        deadline = crate::tui::format::short_date(zone, due)
                    )
                ),
                64,
            ),
            style,
        ),
        None => Line::from(""),
    }
}

/// A schedule instant as people type it: `2026-03-14 09:30` in the zone the
/// screen shows, an RFC 3339 instant, or `+3d` / `+2h30m` from now.
pub fn parse_when(text: &str, now: Instant, zone: Zone) -> Result<Instant, String> {
    use chrono::TimeZone;
    let typed = text.trim();
    if let Some(rest) = typed.strip_prefix('+') {
        let by = crate::lifecycle::time::parse_duration(rest)?;
        return Ok(crate::lifecycle::time::advance(now, by)?);
    }
    if let Ok(instant) = crate::lifecycle::time::parse_instant(typed) {
        return Ok(instant);
    }
    // With seconds too: a prefilled instant is the stored one, exactly.
    let naive = chrono::NaiveDateTime::parse_from_str(typed, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(typed, "%Y-%m-%d %H:%M"))
        .map_err(|_| crate::tr!("time-not-a-time", typed = typed))?;
    // A wall time the clock skips (spring forward) is not in the zone; one
    // it passes twice (autumn) means its first.
    let local = zone
        .0
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.timestamp());
    let seconds = local.ok_or_else(|| crate::tr!("time-not-in-zone", typed = typed))?;
    crate::lifecycle::time::from_unix_seconds(seconds)
        .map(crate::lifecycle::time::format_instant)
        .ok_or_else(|| crate::tr!("time-out-of-range", typed = typed))
        .and_then(|t| Ok(crate::lifecycle::time::parse_instant(&t)?))
}

/// Moves a two-button dialog's focus, or presses it.
fn choice_action(focus: &mut Choice, action: Action) -> Option<Outcome> {
    use Action::*;
    match action {
        Left | Right | NextFocus | PrevFocus | Up | Down => {
            *focus = focus.other();
            Some(Outcome::stay())
        }
        Confirm => None,
        _ => Some(Outcome::stay()),
    }
}
