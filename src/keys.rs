//! Keys as people write them, in the config file and in tour files: `q`,
//! `ctrl-c`, `enter`, `pagedown`, `shift-tab`, `f1`. Shared by the TUI's
//! keymap and the tour parser, so neither reaches into the other.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as written in the config file: `q`, `ctrl-c`,
/// `enter`, `pagedown`, `shift-tab`, `f1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn from_event(event: &KeyEvent) -> Key {
        // Shift is part of the character (`G`, `?`); BackTab carries it too.
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    pub fn parse(text: &str) -> Result<Key, String> {
        let lower = text.trim();
        let (ctrl, rest) = match lower.to_ascii_lowercase().strip_prefix("ctrl-") {
            Some(_) => (true, &lower[5..]),
            None => (false, lower),
        };
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            f if f.starts_with('f') && f.len() > 1 && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ if rest.chars().count() == 1 => KeyCode::Char(rest.chars().next().unwrap_or(' ')),
            _ => {
                return Err(crate::tr!("error-unknown-key", text = text));
            }
        };
        Ok(Key { code, ctrl })
    }

    /// How the config file writes it: what `parse` reads back.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => "enter".to_string(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::Char(' ') => "space".into(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::PageUp => "pageup".into(),
            KeyCode::PageDown => "pagedown".into(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Delete => "delete".into(),
            KeyCode::F(n) => format!("f{n}"),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}").to_ascii_lowercase(),
        };
        if self.ctrl {
            format!("ctrl-{base}")
        } else {
            base
        }
    }

    /// How the footer and the help overlay write it.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => "⏎".to_string(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            // Named keys in the reader's language (issue 18, item 11).
            KeyCode::BackTab => crate::tr!("key-back-tab"),
            KeyCode::Char(' ') => crate::tr!("key-space"),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => crate::tr!("key-home"),
            KeyCode::End => crate::tr!("key-end"),
            KeyCode::PageUp => crate::tr!("key-page-up"),
            KeyCode::PageDown => crate::tr!("key-page-down"),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("^{base}") } else { base }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Lang};

    #[test]
    fn named_keys_are_written_in_the_readers_language() {
        let space = Key {
            code: KeyCode::Char(' '),
            ctrl: false,
        };
        let end = Key {
            code: KeyCode::End,
            ctrl: false,
        };
        i18n::set(Lang::It);
        assert_eq!(space.label(), "Spazio");
        assert_eq!(end.label(), "Fine");
        i18n::set(Lang::En);
        assert_eq!(space.label(), "Space");
        assert_eq!(end.label(), "End");
    }
}
