//! Drawing: a pure function of the state. It records the rectangles of rows
//! and buttons, which the mouse is tested against on the next event.

mod overlays;
mod tour;

use crate::present::escape_control;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub use super::format::{
    Tally, Zone, describe_sweep, long_date, long_date_column, relative, sentence, short_date,
};
use super::keymap::Context;
use super::screens;
use super::screens::Context as ScreenContext;
use super::state::{Access, App, Focus, Hits, Layer, MainTab, SIDEBAR, SOCIAL};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole screen and returns where things are.
pub fn draw(frame: &mut Frame<'_>, app: &App, zone: Zone) -> Hits {
    let mut hits = Hits::default();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = crate::tr!(
            "too-small",
            min = format!("{MIN_WIDTH}×{MIN_HEIGHT}"),
            size = format!("{}×{}", area.width, area.height)
        );
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        // The keys are text: they show at any size, scrolled with ↑↓
        // (issue 18, item 10).
        if app.help {
            overlays::draw_help(frame, app);
        }
        hits.too_small = true;
        return hits;
    }
    let theme = &app.theme;
    let outer = Block::bordered()
        .border_style(theme.border)
        .title_top(header(app, zone, area.width.saturating_sub(2) as usize));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [body, rule, footer] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    // The sidebar is orientation only: narrow terminals give its room to the list.
    let sidebar_width = if area.width >= 100 { 20 } else { 0 };
    let [sidebar, bar, main] = body.layout(&Layout::horizontal([
        Constraint::Length(sidebar_width),
        Constraint::Length(sidebar_width.min(1)),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new("─".repeat(rule.width as usize)).style(theme.border),
        rule,
    );
    frame.render_widget(
        Paragraph::new(vec![Line::from("│"); bar.height as usize]).style(theme.border),
        bar,
    );
    draw_sidebar(frame, app, sidebar, &mut hits);
    draw_main(frame, app, main, zone, &mut hits);
    draw_footer(frame, app, footer);
    // Overlays, in the order of their layers (the top one last).
    if app.overlay.is_some() {
        dim(frame);
        overlays::draw_overlay(frame, app, zone, &mut hits);
    }
    if app.help {
        dim(frame);
        overlays::draw_help(frame, app);
    }
    hits
}

/// Dims what is under a modal layer.
fn dim(frame: &mut Frame<'_>) {
    let area = frame.area();
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buffer.cell_mut((x, y)) {
                cell.modifier.insert(Modifier::DIM);
            }
        }
    }
}

/// The header: portal and tier on the left; user and role, the clock and the
/// unread count on the right; what does not fit goes, least useful first.
fn header(app: &App, zone: Zone, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let left = vec![Span::styled(" Switchboard ", theme.title)];
    let Some(s) = &app.session else {
        return Line::from(left);
    };
    let name = escape_control(&s.portal).into_owned();
    let portal = |with_tier: bool| {
        if with_tier {
            format!("{name} ({}) ", s.tier.label())
        } else {
            format!("{name} ")
        }
    };
    let used = |spans: &[Span<'_>]| spans.iter().map(|sp| sp.width()).sum::<usize>();
    // What gives way first when the header is narrow (issue 18, item 8):
    // the role, the brand, the tier, the clock's year; the portal's name,
    // the identity of what is on screen, last, and then cut in its middle.
    let tries = [
        (true, true, true, false),
        (true, false, true, false),
        (false, false, true, false),
        (false, false, false, false),
        (false, false, false, true),
    ];
    for (brand, role, tier, short_clock) in tries {
        let right = header_right(app, zone, role, short_clock);
        let mut spans = if brand {
            left.clone()
        } else {
            vec![Span::raw(" ")]
        };
        if brand {
            spans.push(Span::styled("─ ", theme.border));
        }
        spans.push(Span::styled(portal(tier), theme.text));
        if used(&spans) + used(&right) + 2 <= width {
            let fill = width.saturating_sub(used(&spans) + used(&right));
            spans.push(Span::styled("─".repeat(fill), theme.border));
            spans.extend(right);
            return Line::from(spans);
        }
    }
    let right = header_right(app, zone, false, true);
    let room = width.saturating_sub(used(&right) + 3);
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(
            format!("{} ", crate::present::truncate_middle(&name, room)),
            theme.text,
        ),
    ];
    let fill = width.saturating_sub(used(&spans) + used(&right));
    spans.push(Span::styled("─".repeat(fill), theme.border));
    spans.extend(right);
    Line::from(spans)
}

fn header_right(app: &App, zone: Zone, with_role: bool, short_clock: bool) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let Some(s) = &app.session else {
        return vec![Span::raw(format!(" {} ", crate::tr!("loading")))];
    };
    let role = if s.actor.active {
        crate::tr!(match s.actor.role() {
            "super_admin" => "role-title-super-admin",
            "publisher" => "role-title-publisher",
            "own_publisher" => "role-title-own-publisher",
            "viewer" => "role-title-viewer",
            _ => "role-title-no-social-access",
        })
    } else {
        crate::tr!("role-title-deactivated")
    };
    let who = if with_role {
        format!(" {} ({role}) ", escape_control(&s.actor.name))
    } else {
        format!(" {} ", escape_control(&s.actor.name))
    };
    let mut spans = vec![
        Span::styled(who, theme.text),
        Span::styled("─ ", theme.border),
        Span::styled(
            format!(
                "⏱ {}",
                zone.show(s.now).format(if short_clock {
                    "%m-%d %H:%M"
                } else {
                    "%Y-%m-%d %H:%M"
                })
            ),
            theme.text,
        ),
    ];
    if s.demo {
        spans.push(Span::styled(
            format!(" {}", crate::tr!("demo-mark")),
            theme.warning,
        ));
    }
    spans.push(Span::styled(" ─ ", theme.border));
    let bell = format!("🔔 {} ", s.unread);
    spans.push(Span::styled(
        bell,
        if s.unread > 0 {
            theme.warning
        } else {
            theme.muted
        },
    ));
    spans
}

fn draw_sidebar(frame: &mut Frame<'_>, app: &App, area: Rect, hits: &mut Hits) {
    if area.width == 0 {
        return;
    }
    let theme = &app.theme;
    let mut lines = vec![Line::styled(
        format!(" {}", crate::tr!("sidebar-settings")),
        theme.title,
    )];
    for (i, (id, indent)) in SIDEBAR.iter().enumerate() {
        let label = crate::tr!(id);
        let marker = match i {
            2 => "▸ ",
            _ => "",
        };
        let selected = i == app.sidebar;
        let suffix = if i == SOCIAL { "  ◂" } else { "" };
        let text = format!(
            "{}{marker}{label}{}",
            " ".repeat(*indent as usize),
            if selected { suffix } else { "" }
        );
        let style = if selected && app.focus == Focus::Sidebar {
            theme.hovered
        } else if selected {
            theme.accent
        } else {
            theme.text
        };
        let y = area.y + 1 + i as u16;
        if y < area.bottom() {
            hits.sidebar.push((Rect::new(area.x, y, area.width, 1), i));
        }
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn draw_main(frame: &mut Frame<'_>, app: &App, area: Rect, zone: Zone, hits: &mut Hits) {
    let theme = &app.theme;
    if app.sidebar != SOCIAL {
        let name = crate::tr!(SIDEBAR[app.sidebar].0);
        let text = vec![
            Line::styled(format!(" {name}"), theme.title),
            Line::from(""),
            Line::from(format!(" {}", crate::tr!("elsewhere", name = name.clone()))),
            Line::styled(format!(" {}", crate::tr!("elsewhere-back")), theme.muted),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), area);
        return;
    }
    let [title, tabs, rule, content] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {}", crate::tr!("social")),
            theme.title,
        )),
        title,
    );
    let button = format!("[ {} ]", crate::tr!("connect-account"));
    let width = crate::present::width(&button) as u16;
    if title.width > width + 10 {
        let rect = Rect::new(title.right() - width - 1, title.y, width, 1);
        frame.render_widget(Paragraph::new(Span::styled(button, theme.button)), rect);
        hits.connect_button = Some(rect);
    }
    let mut x = tabs.x + 1;
    for tab in MainTab::ALL {
        let label = tab.title();
        let w = crate::present::width(&label) as u16;
        if x + w > tabs.right() {
            break;
        }
        let style = if tab == app.tab {
            if app.focus == Focus::Tabs {
                theme.hovered
            } else {
                theme.tab_active
            }
        } else {
            theme.text
        };
        let rect = Rect::new(x, tabs.y, w, 1);
        frame.render_widget(Paragraph::new(Span::styled(label, style)), rect);
        hits.tabs.push((rect, tab));
        x += w + 3;
    }
    frame.render_widget(
        Paragraph::new("─".repeat(rule.width as usize)).style(theme.border),
        rule,
    );
    // The tour panel takes the bottom of the content area.
    let panel = tour::height(app, content);
    let [content, panel_area] = content.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(panel),
    ]));
    if let Some(view) = app.tour.as_ref().filter(|t| !t.hidden) {
        tour::draw(frame, app, view, panel_area);
    }
    hits.list_area = content;
    hits.list_capacity = content.height as usize;
    let Some(session) = &app.session else { return };
    match &session.access {
        Access::Locked(message) => {
            locked(frame, app, content, &crate::tr!("locked-title"), message)
        }
        Access::NoAccess(message) => {
            locked(frame, app, content, &crate::tr!("no-access-title"), message)
        }
        Access::Granted => draw_screen(frame, app, (session, zone), content, hits),
    }
}

/// The current tab's screen, from its pane and a read-only context.
fn draw_screen(
    frame: &mut Frame<'_>,
    app: &App,
    (session, zone): (&super::state::SessionInfo, Zone),
    area: Rect,
    hits: &mut Hits,
) {
    let ctx = ScreenContext {
        theme: &app.theme,
        session,
        zone,
    };
    match app.tab {
        MainTab::Accounts => {
            let pane = (&app.accounts, app.filter_input.as_ref());
            screens::accounts::draw(frame, &ctx, pane, area, hits)
        }
        MainTab::Publishing => screens::publishing::draw(frame, &ctx, &app.posts, area, hits),
        MainTab::Notifications => {
            let failed = (app.failed_deliveries.as_slice(), app.failed_delivery_count);
            screens::notifications::draw(frame, &ctx, (&app.inbox, failed), area, hits)
        }
        MainTab::Activity => {
            let pane = (&app.activity, app.activity_account);
            screens::activity::draw(frame, &ctx, pane, area, hits)
        }
    }
}

fn locked(frame: &mut Frame<'_>, app: &App, area: Rect, title: &str, message: &str) {
    let theme = &app.theme;
    let text = vec![
        Line::from(""),
        Line::styled(title.to_string(), theme.warning),
        Line::from(""),
        Line::from(sentence(message)),
        Line::from(""),
        Line::styled(crate::tr!("locked-hint"), theme.muted),
    ];
    let inner = Rect::new(
        area.x + 2,
        area.y,
        area.width.saturating_sub(4),
        area.height,
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}

fn draw_footer(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    if let Some(work) = &app.work {
        let zone = app.zone;
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    " {}",
                    crate::tr!(
                        "clock-moving",
                        target = long_date(zone, work.target),
                        swept = long_date(zone, work.swept_to),
                        count = work.applied
                    )
                ),
                theme.accent,
            )),
            area,
        );
        return;
    }
    if app.busy && app.toast.is_none() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(" {}", crate::tr!("portal-busy")),
                theme.toast_error,
            )),
            area,
        );
        return;
    }
    if let Some(toast) = &app.toast {
        let style = if toast.error {
            theme.toast_error
        } else {
            theme.toast
        };
        let text = format!(" {} ", escape_control(&toast.text));
        // A long toast takes the rule above the footer too, wrapped: never
        // cut.
        let rows = crate::present::width(&text).div_ceil(area.width.max(1) as usize);
        let area = if rows > 1 && area.y > 0 {
            Rect::new(area.x, area.y - 1, area.width, 2)
        } else {
            area
        };
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(Span::styled(text, style)).wrap(Wrap { trim: false }),
            area,
        );
        return;
    }
    let context = match app.layer() {
        Layer::Main => Context::Main,
        _ => Context::Dialog,
    };
    // The current tab's own keys come first, as dispatch reads them.
    let tab_context = app.tab_context();
    let of_tab = |b: &super::keymap::Binding| tab_context.is_some_and(|t| b.contexts.contains(&t));
    let in_context = |b: &super::keymap::Binding| b.contexts.contains(&context) || of_tab(b);
    let typing = app.typing();
    let mut hints: Vec<(String, String, bool)> = Vec::new();
    for binding in &app.keymap.bindings {
        if !binding.in_footer || !in_context(binding) || !app.available(binding.action) {
            continue;
        }
        if typing
            && !matches!(
                binding.action,
                super::action::Action::Cancel | super::action::Action::Confirm
            )
        {
            continue;
        }
        let key = binding.keys.first().map(|k| k.label()).unwrap_or_default();
        let hint = match (binding.action, app.layer()) {
            (super::action::Action::Confirm, Layer::Overlay | Layer::Filter) => {
                crate::tr!("hint-ok")
            }
            (_, _) => binding.hint_text(),
        };
        let key = if binding.action == super::action::Action::Down {
            format!("{}{key}", app.keymap.key_label(super::action::Action::Up))
        } else {
            key
        };
        let essential = matches!(
            binding.action,
            super::action::Action::Help
                | super::action::Action::Quit
                | super::action::Action::Cancel
        );
        // The Publishing list's own keys go right after moving, so they
        // are the last to be dropped for room.
        if tab_context == Some(Context::Posts) && of_tab(binding) {
            let at = hints.len().min(1);
            hints.insert(at, (key, hint, essential));
        } else {
            hints.push((key, hint, essential));
        }
    }
    // Drop whole hints that do not fit, keeping help, quit and cancel.
    let width_of = |h: &[(String, String, bool)]| -> usize {
        h.iter()
            .map(|(k, t, _)| crate::present::width(k) + crate::present::width(t) + 3)
            .sum()
    };
    while width_of(&hints) > area.width as usize {
        match hints.iter().rposition(|(_, _, essential)| !essential) {
            Some(i) => {
                hints.remove(i);
            }
            None => break,
        }
    }
    let mut spans = Vec::new();
    for (key, hint, _) in hints {
        spans.push(Span::styled(format!(" {key}"), theme.accent));
        spans.push(Span::styled(format!(" {hint} "), theme.text));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
