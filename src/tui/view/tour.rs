//! The tour panel: the step the presenter is on, in plain words.

use crate::present::escape_control;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::state::{App, TourView};

/// How many rows the panel takes from the list: its narration, wrapped,
/// and its borders.
pub fn height(app: &App, area: Rect) -> u16 {
    let Some(tour) = app.tour.as_ref().filter(|t| !t.hidden) else {
        return 0;
    };
    let narration = tour
        .done
        .checked_sub(1)
        .and_then(|i| tour.steps.get(i))
        .map_or(60, |(_, n)| crate::present::width(n));
    let width = (area.width as usize).saturating_sub(4).max(20);
    let lines = narration.div_ceil(width) as u16 + 1;
    (lines + 2).clamp(4, 9).min(area.height / 2)
}

pub fn draw(frame: &mut Frame<'_>, app: &App, tour: &TourView, area: Rect) {
    let theme = &app.theme;
    let total = tour.steps.len();
    let next = app.keymap.key_label(crate::tui::action::Action::TourNext);
    let back = app.keymap.key_label(crate::tui::action::Action::TourBack);
    let (title, narration) = match tour.done.checked_sub(1).and_then(|i| tour.steps.get(i)) {
        Some((title, narration)) => (
            format!(
                " {} ",
                crate::tr!(
                    "tour-step-title",
                    done = tour.done,
                    total = total,
                    title = escape_control(title)
                )
            ),
            crate::present::escape_lines(narration),
        ),
        None => (
            format!(
                " {} ",
                crate::tr!("tour-title", title = escape_control(&tour.title))
            ),
            crate::tr!("tour-intro", total = total, next = next.clone()),
        ),
    };
    let hint = if tour.done < total {
        let upcoming = &tour.steps[tour.done].0;
        format!(
            " {} ",
            crate::tr!(
                "tour-hint-next",
                next = next.clone(),
                upcoming = escape_control(upcoming),
                back = back.clone()
            )
        )
    } else {
        format!(" {} ", crate::tr!("tour-hint-over", back = back.clone()))
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.accent)
        .title_top(Line::styled(title, theme.title))
        .title_bottom(Line::from(Span::styled(hint, theme.muted)));
    let inside = block.inner(area);
    frame.render_widget(block, area);
    let text: Vec<Line<'static>> = vec![Line::from(narration.replace('\n', " "))];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }),
        Rect::new(
            inside.x + 1,
            inside.y,
            inside.width.saturating_sub(2),
            inside.height,
        ),
    );
}
