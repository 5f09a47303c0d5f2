//! Issue 11: the command line in Italian — its human output and an error of
//! each exit code — while JSON, exit codes and codes stay as they are.

use crate::common::{T0, TestPortal};

fn italian(p: &TestPortal, args: &[&str]) -> crate::common::Run {
    let mut all = vec!["--lang", "it", "--now", T0];
    all.extend_from_slice(args);
    p.run(&all)
}

fn demo() -> TestPortal {
    let p = TestPortal::empty();
    p.run(&["demo", "--no-tui"]).ok();
    p
}

#[test]
fn account_list_and_show_speak_italian() {
    let p = demo();
    let list = italian(&p, &["account", "list"]).ok().stdout;
    assert!(list.contains("collegato · riautorizza entro il"), "{list}");
    assert!(list.contains("disconnesso (manuale) il"), "{list}");
    assert!(list.contains("giorni"), "{list}");
    assert!(
        list.contains("account disconnessi da oltre 90 giorni sono nascosti"),
        "{list}"
    );
    for english in ["connected", "reauthorize", "days", "hidden"] {
        assert!(!list.contains(english), "'{english}' in:\n{list}");
    }
    let show = italian(&p, &["account", "show", "1"]).ok().stdout;
    assert!(show.contains("stato"), "{show}");
    assert!(show.contains("collegato per primo da"), "{show}");
    assert!(show.contains("promemoria"), "{show}");
    // JSON is the same in every language.
    let json = italian(&p, &["--json", "account", "show", "1"]).ok().json();
    assert_eq!(json["status"], "connected");
}

#[test]
fn an_error_of_each_exit_code_speaks_italian() {
    let p = demo();
    // 2: a malformed value.
    let bad = italian(&p, &["account", "connect", "myspace", "x"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .starts_with("error: social network sconosciuto 'myspace'"),
        "{}",
        bad.stderr
    );
    // 3: refused by permission.
    let denied = italian(
        &p,
        &["--as", "vi@northwind.test", "account", "disconnect", "1"],
    );
    assert_eq!(denied.code, 3);
    assert!(
        denied.stderr.starts_with("error: azione riservata a: "),
        "{}",
        denied.stderr
    );
    assert!(
        denied.stderr.contains("o un super admin"),
        "{}",
        denied.stderr
    );
    // 4: no such account.
    let missing = italian(&p, &["account", "show", "99"]);
    assert_eq!(missing.code, 4);
    assert!(
        missing.stderr.starts_with("error: nessun account n. 99"),
        "{}",
        missing.stderr
    );
    // 5: refused by the state.
    let state = italian(
        &p,
        &["--as", "ana@northwind.test", "account", "reconnect", "1"],
    );
    assert_eq!(state.code, 5);
    assert!(
        state.stderr.starts_with("error: l'account è già collegato"),
        "{}",
        state.stderr
    );
    // 1: anything else (a file that is not a portal).
    let other = TestPortal::empty();
    std::fs::write(&other.db, vec![b'x'; 200]).unwrap();
    let corrupt = italian(&other, &["account", "list"]);
    assert_eq!(corrupt.code, 1);
    assert!(
        corrupt.stderr.contains("non è un database SQLite"),
        "{}",
        corrupt.stderr
    );
    // The JSON error keeps its code; its message is in the language.
    let json = italian(&p, &["--json", "account", "show", "99"]);
    assert_eq!(json.json()["error"]["code"], "no_account");
}

#[test]
fn the_language_comes_from_the_environment_and_a_wrong_one_is_refused() {
    let p = TestPortal::new();
    let by_locale = assert_cmd::Command::cargo_bin("switchboard")
        .unwrap()
        .env("SWITCHBOARD_DB", &p.db)
        .env_remove("SWITCHBOARD_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "it_IT.UTF-8")
        .env("XDG_CONFIG_HOME", p.dir.path())
        .env("XDG_DATA_HOME", p.dir.path())
        .args(["--now", T0, "account", "show", "7"])
        .output()
        .unwrap();
    assert_eq!(by_locale.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&by_locale.stderr).contains("nessun account n. 7"));
    let wrong = p.run(&["--lang", "fr", "account", "list"]);
    assert_eq!(wrong.code, 2);
    assert!(
        wrong.stderr.contains("en (English) and it (Italian)"),
        "{}",
        wrong.stderr
    );
    // English by default in the tests' environment.
    let english = p.run(&["--now", T0, "account", "show", "7"]);
    assert!(
        english.stderr.contains("no account #7"),
        "{}",
        english.stderr
    );
}

/// English words that must not appear on the Italian screens of the tour.
const ENGLISH: [&str; 44] = [
    "Space ",
    "PgUp",
    "PgDn",
    "S-Tab",
    "Settings",
    "Accounts",
    "Publishing",
    "Notifications",
    "Activity",
    "Connected",
    "Disconnected",
    "Expired",
    "Deleted",
    "Reconnect",
    "Disconnect",
    "Remove",
    "Cancel",
    "Continue",
    "Authorize",
    "reauthorize",
    "days",
    "hours",
    "scheduled",
    "published",
    "canceled",
    "missed",
    "history",
    "hidden",
    "press",
    "Nothing",
    "Step ",
    "Clock at",
    "posts",
    "users",
    "system",
    "window",
    "within",
    "network reported",
    "account #",
    "will publish",
    "left to keep",
    "Language",
    "Keys",
    "only ",
];

#[test]
fn the_article_tour_in_italian_runs_headless_without_english_on_its_screens() {
    // The demo as an Italian admin gets it: built in Italian.
    let p = TestPortal::empty();
    p.run(&["--lang", "it", "demo", "--no-tui"]).ok();
    let run = p.run(&["tour", "articolo", "--headless", "--size", "120x36"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Passo 24/24"), "every step ran");
    assert!(run.stdout.contains("Impostazioni"), "{}", run.stdout);
    for word in ENGLISH {
        let found: Vec<&str> = run
            .stdout
            .lines()
            .filter(|l| l.contains(word))
            .take(3)
            .collect();
        assert!(
            found.is_empty(),
            "'{word}' on an Italian screen:\n{}",
            found.join("\n")
        );
    }
    // `tour article` is still the English one.
    let q = TestPortal::empty();
    q.run(&["demo", "--no-tui"]).ok();
    let english = q.run(&["tour", "article", "--headless"]);
    assert_eq!(english.code, 0, "{}", english.stderr);
    assert!(english.stdout.contains("Step 24/24"));
}

#[test]
fn demo_picks_the_tour_of_the_language() {
    use switchboard::demo::tour::{ARTICLE_NAME, ARTICOLO_NAME, article_in};
    use switchboard::i18n::Lang;
    assert_eq!(article_in(Lang::It).0, ARTICOLO_NAME);
    assert_eq!(article_in(Lang::En).0, ARTICLE_NAME);
    assert_eq!(
        switchboard::demo::tour::lang_of(&article_in(Lang::It).1),
        Lang::It
    );
}

#[test]
fn the_command_lines_help_and_usage_errors_speak_italian() {
    let p = TestPortal::new();
    let help = p
        .run(&["--lang", "it", "account", "list", "--help"])
        .ok()
        .stdout;
    assert!(help.contains("Opzioni globali:"), "{help}");
    assert!(
        help.contains("Solo gli account di questo social network"),
        "{help}"
    );
    for english in [
        "Usage:",
        "Global options",
        "Print help",
        "[default:",
        "[env:",
    ] {
        assert!(!help.contains(english), "'{english}' in:\n{help}");
    }
    let missing = p.run(&["--lang", "it", "post", "schedule", "3"]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.stderr.lines().count(), 1, "{}", missing.stderr);
    assert!(
        missing
            .stderr
            .starts_with("error: mancano gli argomenti obbligatori: --at <RFC3339>, --text <TEXT>"),
        "{}",
        missing.stderr
    );
    assert!(
        missing
            .stderr
            .contains("vedi 'switchboard post schedule --help'")
    );
    // `help` in Italian, for a command or a name that is not one.
    let help = p
        .run(&["--lang", "it", "help", "clock", "advance"])
        .ok()
        .stdout;
    assert!(help.starts_with("Sposta avanti l'orologio demo"), "{help}");
    let not_one = p.run(&["--lang", "it", "help", "nonesuch"]);
    assert_eq!(not_one.code, 2);
    assert!(
        not_one
            .stderr
            .contains("sottocomando sconosciuto 'nonesuch'")
    );
    let top = p.run(&["--lang", "it", "--help"]).ok().stdout;
    assert!(!top.contains("Print this message"), "{top}");
    let typo = p.run(&["--lang=it", "acount"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("forse intendevi"), "{}", typo.stderr);
    assert!(typo.stderr.contains("'account'"), "{}", typo.stderr);
}

#[test]
fn a_mistyped_instant_is_explained_in_italian_without_the_librarys_english() {
    let p = demo();
    for text in [
        "domani",
        "2026-03-01",
        "2026-02-30T09:00:00Z",
        "2026-03-01T09:00:00Z extra",
    ] {
        let run = italian(&p, &["--as", "ana@northwind.test", "clock", "set", text]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("non è un istante RFC 3339"),
            "{}",
            run.stderr
        );
        for english in [
            "premature",
            "input",
            "invalid",
            "out of range",
            "trailing",
            "impossible",
        ] {
            assert!(!run.stderr.contains(english), "{text}: {}", run.stderr);
        }
    }
}
