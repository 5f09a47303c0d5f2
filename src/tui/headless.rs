//! Tours without a terminal: each step is performed on a TestBackend and its
//! title, narration and rendered screen are printed as text (for docs and
//! tests), optionally recorded as an asciicast.

use std::io::Write;
use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::text::Span;

use super::effects::Backend;
use super::keymap::Keymap;
use super::run::{Runtime, draw_frame, reload};
use super::state::App;
use super::theme::{Theme, ThemeName};
use super::tour;
use crate::demo::cast::{Recorder, screen_output};
use crate::demo::tour::Tour;
use crate::error::{Error, Result};
use crate::present::escape_lines;
use crate::store::Portal;

/// A rendered buffer as text, one line a row, wide characters once.
pub fn buffer_text(buffer: &Buffer) -> String {
    let mut lines = Vec::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = Span::raw(symbol).width().saturating_sub(1);
            line.push_str(symbol);
        }
        lines.push(line.trim_end().to_string());
    }
    lines.join("\n")
}

/// Parses `--size 120x36`.
pub fn parse_size(text: &str) -> Result<(u16, u16)> {
    let bad = || {
        Error::invalid(
            "bad_size",
            format!("'{text}' is not a size: write WIDTHxHEIGHT, at least 80x24, like 120x36"),
        )
    };
    let (w, h) = text.trim().split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u16, u16) = (w.parse().map_err(|_| bad())?, h.parse().map_err(|_| bad())?);
    if w < 80 || h < 24 || w > 1000 || h > 500 {
        return Err(bad());
    }
    Ok((w, h))
}

/// Runs a tour step by step on the portal at `db`, as `actor`, printing each
/// step. Fails (after printing all) when a step cannot run or its screen
/// does not show what the step expects.
pub fn run(
    db: &Path,
    tour: Tour,
    actor: &str,
    size: (u16, u16),
    record: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let io = |e: std::io::Error| Error::other("io", format!("cannot write the output: {e}"));
    let portal = Portal::open(db)?;
    let mut runtime = Runtime::new(Backend::new(portal, actor.to_string(), None));
    let mut app = App::new(Keymap::default(), Theme::new(ThemeName::Mono));
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1))
        .map_err(|e| Error::other("terminal", e.to_string()))?;
    let mut recorder = match record {
        Some(path) => Some(Recorder::create(path, size.0, size.1, &tour.title)?),
        None => None,
    };
    let steps = tour.steps.clone();
    crate::i18n::set(tour.lang);
    writeln!(
        out,
        "{}\n",
        escape_lines(&format!(
            "# {}",
            crate::tr!(
                "headless-title",
                title = tour.title.clone(),
                count = steps.len()
            )
        ))
    )
    .map_err(io)?;
    let mut player = tour::start(&mut app, tour);
    draw_frame(&mut terminal, &mut app)?;
    reload(&mut app, &mut runtime);
    draw_frame(&mut terminal, &mut app)?;
    if let Some(r) = &mut recorder {
        r.event(
            0.0,
            &screen_output(&buffer_text(terminal.backend().buffer())),
        )
        .map_err(io)?;
    }
    let mut failures = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        if let Err(e) = tour::next_step(&mut player, &mut runtime.backend, &mut app) {
            failures.push(e.to_string());
        }
        // Twice: the first frame tells how many rows fit.
        draw_frame(&mut terminal, &mut app)?;
        draw_frame(&mut terminal, &mut app)?;
        let screen = buffer_text(terminal.backend().buffer());
        // The tour file and the portal's data reach the terminal escaped.
        let printed = format!(
            "## {}\n\n{}\n\n{screen}\n",
            crate::tr!(
                "headless-step",
                done = i + 1,
                total = steps.len(),
                title = step.title.clone()
            ),
            step.narration
        );
        writeln!(out, "{}", escape_lines(&printed)).map_err(io)?;
        for expected in &step.expect {
            if !screen.contains(expected.as_str()) {
                failures.push(crate::tr!(
                    "tour-error-step",
                    step = i + 1,
                    title = step.title.clone(),
                    why = crate::tr!("tour-error-not-shown", text = expected.clone())
                ));
            }
        }
        if let Some(r) = &mut recorder {
            r.event(3.0 * (i + 1) as f64, &screen_output(&escape_lines(&screen)))
                .map_err(io)?;
        }
    }
    if let Some(r) = recorder {
        r.finish().map_err(io)?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Error::other("tour_failed", failures.join("; ")))
    }
}
