//! Drives the TUI's update loop on ratatui's TestBackend: real store, real
//! keymap, synthetic key and mouse events, no terminal.

use std::path::Path;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use switchboard::store::Portal;
use switchboard::tui::effects::Backend;
use switchboard::tui::keymap::Keymap;
use switchboard::tui::state::App;
use switchboard::tui::theme::{Theme, ThemeName};
use switchboard::tui::view::Zone;
use switchboard::tui::{Runtime, draw_frame, handle_event, reload};

pub struct Harness {
    pub app: App,
    pub runtime: Runtime,
    pub terminal: Terminal<TestBackend>,
}

pub fn utc() -> Zone {
    Zone::UTC
}

impl Harness {
    pub fn open(db: &Path, user: &str, width: u16, height: u16) -> Harness {
        let portal = Portal::open(db).unwrap();
        let mut h = Harness {
            app: App::new(Keymap::default(), Theme::new(ThemeName::Mono)),
            runtime: Runtime::new(Backend::new(portal, user.to_string(), None)),
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
        };
        h.draw();
        reload(&mut h.app, &mut h.runtime);
        h.draw();
        h
    }

    pub fn draw(&mut self) {
        draw_frame(&mut self.terminal, &mut self.app).unwrap();
    }

    pub fn event(&mut self, event: Event) {
        handle_event(&mut self.app, &mut self.runtime, &event);
        self.draw();
    }

    pub fn key(&mut self, code: KeyCode) {
        self.event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn char(&mut self, c: char) {
        self.key(KeyCode::Char(c));
    }

    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            self.char(c);
        }
    }

    pub fn ctrl(&mut self, c: char) {
        self.event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )));
    }

    fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) {
        self.event(Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
    }

    pub fn hover(&mut self, column: u16, row: u16) {
        self.mouse(MouseEventKind::Moved, column, row);
    }

    pub fn click(&mut self, column: u16, row: u16) {
        self.mouse(MouseEventKind::Down(MouseButton::Left), column, row);
    }

    pub fn wheel_down(&mut self, column: u16, row: u16) {
        self.mouse(MouseEventKind::ScrollDown, column, row);
    }

    /// The screen as text, one line a row.
    pub fn screen(&self) -> String {
        switchboard::tui::headless::buffer_text(self.terminal.backend().buffer())
    }

    /// Where a text is on screen (column, row), if it is.
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        let buffer = self.terminal.backend().buffer();
        for y in 0..buffer.area.height {
            let row: Vec<&str> = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            let joined: String = row.concat();
            if let Some(byte) = joined.find(text) {
                // Map the byte offset back to a column.
                let mut bytes = 0;
                for (x, s) in row.iter().enumerate() {
                    if bytes >= byte {
                        return Some((x as u16, y));
                    }
                    bytes += s.len();
                }
            }
        }
        None
    }

    /// Hovers the row of an account by moving the keyboard cursor to it.
    pub fn hover_handle(&mut self, handle: &str) {
        for _ in 0..20 {
            if self
                .app
                .accounts
                .hovered()
                .is_some_and(|r| r.account.handle == handle)
            {
                return;
            }
            self.char('j');
        }
        panic!("no row @{handle}:\n{}", self.screen());
    }

    pub fn shows(&self, text: &str) -> bool {
        self.screen().contains(text)
    }

    /// Fails, printing the screen, unless it shows `text`.
    #[track_caller]
    pub fn expect(&self, text: &str) {
        assert!(
            self.shows(text),
            "the screen does not show '{text}':\n{}",
            self.screen()
        );
    }
}
