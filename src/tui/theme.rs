//! Colours named for what they mean, never picked where they are used.
//! The default uses the terminal's own foreground and background with named
//! ANSI colours and modifiers, so it reads on light and dark terminals alike;
//! `NO_COLOR` (or `theme = "mono"`) keeps only modifiers.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    pub fn parse(text: &str) -> Result<ThemeName, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "default" | "auto" => Ok(ThemeName::Default),
            "dark" => Ok(ThemeName::Dark),
            "light" => Ok(ThemeName::Light),
            "mono" | "none" => Ok(ThemeName::Mono),
            _ => Err(crate::tr!("error-unknown-theme", text = text)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub muted: Style,
    pub title: Style,
    pub accent: Style,
    /// The hovered row.
    pub hovered: Style,
    pub ok: Style,
    pub warning: Style,
    pub danger: Style,
    pub button: Style,
    pub button_focused: Style,
    pub button_danger_focused: Style,
    pub button_disabled: Style,
    pub tab_active: Style,
    pub border: Style,
    pub group: Style,
    pub toast: Style,
    pub toast_error: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        let base = Style::new();
        let bold = Modifier::BOLD;
        match name {
            ThemeName::Mono => Theme {
                name,
                text: base,
                muted: base.add_modifier(Modifier::DIM),
                title: base.add_modifier(bold),
                accent: base.add_modifier(bold),
                hovered: base.add_modifier(Modifier::REVERSED),
                ok: base,
                warning: base.add_modifier(bold),
                danger: base.add_modifier(bold | Modifier::UNDERLINED),
                button: base,
                button_focused: base.add_modifier(Modifier::REVERSED | bold),
                button_danger_focused: base.add_modifier(Modifier::REVERSED | bold),
                button_disabled: base.add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
                tab_active: base.add_modifier(bold | Modifier::UNDERLINED),
                border: base,
                group: base.add_modifier(bold),
                toast: base.add_modifier(Modifier::REVERSED),
                toast_error: base.add_modifier(Modifier::REVERSED | bold),
            },
            _ => {
                let (accent, hover_bg, hover_fg) = match name {
                    ThemeName::Light => (Color::Blue, Color::Blue, Color::White),
                    ThemeName::Dark => (Color::Cyan, Color::Cyan, Color::Black),
                    _ => (Color::Blue, Color::Blue, Color::White),
                };
                Theme {
                    name,
                    text: base,
                    muted: base.add_modifier(Modifier::DIM),
                    title: base.add_modifier(bold),
                    accent: base.fg(accent).add_modifier(bold),
                    hovered: base.bg(hover_bg).fg(hover_fg),
                    ok: base.fg(Color::Green),
                    warning: base.fg(Color::Yellow).add_modifier(bold),
                    danger: base.fg(Color::Red).add_modifier(bold),
                    button: base.add_modifier(bold),
                    button_focused: base.bg(accent).fg(hover_fg).add_modifier(bold),
                    button_danger_focused: base.bg(Color::Red).fg(Color::White).add_modifier(bold),
                    button_disabled: base.add_modifier(Modifier::DIM),
                    tab_active: base.fg(accent).add_modifier(bold | Modifier::UNDERLINED),
                    border: base.fg(accent),
                    group: base.add_modifier(bold),
                    toast: base.bg(Color::Green).fg(Color::Black),
                    toast_error: base.bg(Color::Red).fg(Color::White).add_modifier(bold),
                }
            }
        }
    }

    /// `NO_COLOR` wins over the configured theme (no-color.org).
    pub fn from_env(configured: ThemeName, no_color: bool) -> Theme {
        Theme::new(if no_color {
            ThemeName::Mono
        } else {
            configured
        })
    }
}

/// A one-line style for the focused or hovered thing.
pub fn pick(selected: bool, on: Style, off: Style) -> Style {
    if selected { on } else { off }
}
