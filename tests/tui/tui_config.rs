//! The config file: theme and key remaps; a malformed file names its line.

use crate::common::tui::Harness;
use crate::common::{ADMIN, acme};
use crossterm::event::KeyCode;
use switchboard::tui::action::Action;
use switchboard::tui::config::{load, parse};
use switchboard::tui::keymap::{Context, Key};
use switchboard::tui::theme::ThemeName;

#[test]
fn a_config_remaps_keys_and_picks_a_theme() {
    let config =
        parse("theme = \"light\"\n[keys]\nquit = [\"ctrl-q\"]\ndisconnect = [\"D\", \"delete\"]\n")
            .unwrap();
    assert_eq!(config.theme, ThemeName::Light);
    let km = &config.keymap;
    assert_eq!(
        km.action(Context::Main, Key::parse("ctrl-q").unwrap()),
        Some(Action::Quit)
    );
    assert_eq!(km.action(Context::Main, Key::parse("q").unwrap()), None);
    assert_eq!(
        km.action(Context::Main, Key::parse("D").unwrap()),
        Some(Action::Disconnect)
    );
    assert_eq!(km.action(Context::Main, Key::parse("d").unwrap()), None);
    // Ctrl-C always quits: a way out whatever the file says.
    assert_eq!(
        km.action(Context::Main, Key::parse("ctrl-c").unwrap()),
        Some(Action::Quit)
    );
}

#[test]
fn malformed_files_name_the_line_and_the_defaults_are_used() {
    let cases = [
        ("theme = \n", "line 1"),
        ("theme = \"dark\"\n[keys]\nfly = [\"f\"]\n", "line 3"),
        ("[keys]\nquit = [\"hyper-q\"]\n", "unknown key"),
        ("theme = \"neon\"\n", "unknown theme"),
        ("colour = \"red\"\n", "line 1"),
    ];
    for (text, expected) in cases {
        let problem = parse(text)
            .err()
            .unwrap_or_else(|| panic!("{text:?} parsed"));
        assert!(problem.contains(expected), "{text:?}: {problem}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "theme = \n").unwrap();
    let (config, problem) = load(Some(&path));
    assert_eq!(config.theme, ThemeName::Default);
    let problem = problem.unwrap();
    assert!(
        problem.contains("config.toml")
            && problem.contains("line 1")
            && problem.contains("defaults"),
        "{problem}"
    );
    let (_, none) = load(Some(&dir.path().join("missing.toml")));
    assert!(none.is_none(), "a missing file is just the defaults");
}

#[test]
fn the_footer_and_help_show_remapped_keys() {
    let p = acme();
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.app.keymap = parse("[keys]\ndisconnect = [\"D\"]\nhelp = [\"f1\"]\n")
        .unwrap()
        .keymap;
    h.draw();
    assert!(h.shows("D disconnect"), "{}", h.screen());
    h.key(KeyCode::F(1));
    assert!(h.shows("Disconnect the hovered account"), "{}", h.screen());
    let (_, row) = h.find("Disconnect the hovered account").unwrap();
    let line = h.screen().lines().nth(row as usize).unwrap().to_string();
    assert!(line.contains(" D "), "{line}");
}
