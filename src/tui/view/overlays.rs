//! The open dialog, and the help overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::tui::dialogs::{Scene, centered};
use crate::tui::format::Zone;
use crate::tui::hits::Hits;
use crate::tui::keymap::Context;
use crate::tui::state::App;

pub fn draw_overlay(frame: &mut Frame<'_>, app: &App, zone: Zone, hits: &mut Hits) {
    if let Some(dialog) = &app.overlay {
        let scene = Scene {
            theme: &app.theme,
            keymap: &app.keymap,
            zone,
            now: app.session.as_ref().map(|s| s.now).unwrap_or_default(),
        };
        dialog.component().draw(frame, &scene, hits)
    }
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
