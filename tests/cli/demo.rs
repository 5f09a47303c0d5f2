//! Demo walkthroughs: the demo portal's coverage, the bundled tour run
//! headless, rewinding, recordings, and malformed tours.

use std::path::Path;

use crate::common::TestPortal;
use serde_json::Value;
use switchboard::demo::tour;
use switchboard::store::Portal;
use switchboard::tui::Runtime;
use switchboard::tui::effects::Backend;
use switchboard::tui::keymap::Keymap;
use switchboard::tui::state::App;
use switchboard::tui::theme::{Theme, ThemeName};

const DEMO_NOW: &str = "2026-03-01T09:00:00Z";
const ANA: &str = "ana@northwind.test";

fn demo() -> TestPortal {
    crate::common::from_template("demo", || {
        let p = TestPortal::empty();
        p.run(&["demo", "--no-tui"]).ok();
        p
    })
}

fn accounts(p: &TestPortal) -> Vec<Value> {
    p.read(DEMO_NOW, &["account", "list", "--all"])
        .as_array()
        .unwrap()
        .clone()
}

fn by_handle<'a>(list: &'a [Value], handle: &str) -> &'a Value {
    list.iter()
        .find(|a| a["handle"] == handle)
        .unwrap_or_else(|| panic!("no @{handle}"))
}

fn days_until(at: &Value) -> i64 {
    let at = chrono::DateTime::parse_from_rfc3339(at.as_str().unwrap()).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(DEMO_NOW).unwrap();
    (at - now).num_days()
}

#[test]
fn demo_no_tui_json_prints_the_database_and_its_cast() {
    let p = TestPortal::empty();
    let doc = p.run(&["demo", "--no-tui", "--json"]).ok().json();
    assert_eq!(doc["db"], p.db.display().to_string());
    let users = doc["users"].as_array().unwrap();
    let roles: Vec<&str> = users.iter().map(|u| u["role"].as_str().unwrap()).collect();
    for role in ["super_admin", "publisher", "own_publisher", "viewer"] {
        assert!(roles.contains(&role), "{role} in {roles:?}");
    }
    for u in users {
        assert!(u["email"].is_string() && u["name"].is_string());
    }
}

#[test]
fn the_demo_portal_covers_every_state_of_the_article() {
    let p = demo();
    let all = accounts(&p);
    assert!(all.len() >= 12, "{}", all.len());
    for network in ["facebook", "instagram", "x", "linkedin", "youtube"] {
        assert!(all.iter().any(|a| a["network"] == network), "{network}");
    }
    for status in ["connected", "disconnected", "expired"] {
        assert!(all.iter().any(|a| a["status"] == status), "{status}");
    }
    for reason in [
        "manual",
        "reauth_expired",
        "inactivity",
        "security",
        "deleted",
    ] {
        assert!(
            all.iter().any(|a| a["disconnect_reason"] == reason),
            "{reason}"
        );
    }
    // Healthy; inside the reminder week; X near inactivity; LinkedIn near its year.
    assert_eq!(by_handle(&all, "northwindtv")["status"], "connected");
    assert!(days_until(&by_handle(&all, "northwind.style")["reauth_due_at"]) > 30);
    assert_eq!(by_handle(&all, "northwind")["in_reminder_week"], true);
    let news = by_handle(&all, "northwindnews");
    assert!(
        (0..7).contains(&days_until(&news["reauth_due_at"])),
        "{news}"
    );
    let careers = by_handle(&all, "northwind-careers");
    assert_eq!(careers["network"], "linkedin");
    assert!(
        (0..14).contains(&days_until(&careers["reauth_due_at"])),
        "{careers}"
    );
    // Near the end of its window; expired but listed; hidden within its window; hidden and expired.
    let events = by_handle(&all, "northwind-events");
    assert!(
        (0..7).contains(&days_until(&events["reconnect_deadline"])),
        "{events}"
    );
    let tutorials = by_handle(&all, "northwind.tutorials");
    assert_eq!(
        (tutorials["status"].as_str(), tutorials["hidden"].as_bool()),
        (Some("expired"), Some(false))
    );
    let archive = by_handle(&all, "northwind.archive");
    assert_eq!(
        (archive["status"].as_str(), archive["hidden"].as_bool()),
        (Some("disconnected"), Some(true))
    );
    let alumni = by_handle(&all, "northwind-alumni");
    assert_eq!(
        (alumni["status"].as_str(), alumni["hidden"].as_bool()),
        (Some("expired"), Some(true))
    );
    // Disconnected manually with canceled posts that a reconnect would restore.
    let outlet = by_handle(&all, "northwind.outlet");
    assert_eq!(outlet["disconnect_reason"], "manual");
    let posts = p.read(
        DEMO_NOW,
        &["post", "list", "--account", &outlet["id"].to_string()],
    );
    let restorable = posts
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["cancel_cause"] == "disconnected" && days_until(&p["scheduled_at"]) > 0)
        .count();
    assert!(restorable >= 1);
    // Posts in every status, with every cancel cause.
    let every = p.read(DEMO_NOW, &["post", "list"]);
    let every = every.as_array().unwrap();
    for status in ["draft", "scheduled", "published", "canceled"] {
        assert!(every.iter().any(|p| p["status"] == status), "{status}");
    }
    for cause in ["user", "disconnected", "missed"] {
        assert!(every.iter().any(|p| p["cancel_cause"] == cause), "{cause}");
    }
    // An unread reminder; the deactivated user's scheduled post did not earn her one.
    let inbox = p.act(ANA, DEMO_NOW, &["notifications"]).ok().json();
    assert!(
        inbox
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "reauth_reminder" && n["read"] == false)
    );
    let dee = p
        .act(
            ANA,
            DEMO_NOW,
            &["notifications", "--user", "dee@northwind.test"],
        )
        .ok()
        .json();
    assert!(
        dee.as_array()
            .unwrap()
            .iter()
            .all(|n| n["account_id"] != by_handle(&all, "northwind")["id"])
    );
    let people = p.read(DEMO_NOW, &["user", "list"]);
    assert!(
        people
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["active"] == false)
    );
    // The history came from the engine: the sweep wrote these.
    let audit = p.read(DEMO_NOW, &["audit"]);
    for action in [
        "publish",
        "reauth_reminder",
        "purge_warning",
        "purge",
        "disconnect",
    ] {
        assert!(
            audit
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["actor"] == "system" && e["action"] == action),
            "{action}"
        );
    }
    // Nothing was left overdue at the demo's instant.
    let sweep = p.read(DEMO_NOW, &["sweep"]);
    assert_eq!(sweep["events"].as_array().unwrap().len(), 0);
}

#[test]
fn demo_never_overwrites_a_file() {
    let p = demo();
    let before = std::fs::read(&p.db).unwrap();
    let again = p.run(&["demo", "--no-tui"]);
    assert_eq!(again.code, 5, "{}", again.stderr);
    assert!(again.stderr.starts_with("error: ") && again.stderr.contains("never overwrites"));
    assert_eq!(std::fs::read(&p.db).unwrap(), before);
}

#[test]
fn demo_without_db_rebuilds_the_one_demo_portal_in_the_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let run = || {
        assert_cmd::Command::cargo_bin("switchboard")
            .unwrap()
            .env_remove("SWITCHBOARD_DB")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .args(["demo", "--no-tui", "--json"])
            .output()
            .unwrap()
    };
    let db_of = |out: &std::process::Output| -> String {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["db"].as_str().unwrap().to_string()
    };
    let first = db_of(&run());
    // Changed since: the second run starts the demo over.
    let conn = rusqlite::Connection::open(&first).unwrap();
    conn.execute("DELETE FROM posts", []).unwrap();
    drop(conn);
    let second = db_of(&run());
    assert_eq!(first, second, "one demo.db, not a new file per run");
    assert!(first.ends_with("demo.db"), "{first}");
    assert!(
        first.starts_with(&home.path().display().to_string()),
        "{first}"
    );
    let dir = Path::new(&first).parent().unwrap();
    let portals: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".db"))
        .collect();
    assert_eq!(portals, vec!["demo.db".to_string()]);
    let conn = rusqlite::Connection::open(&first).unwrap();
    let posts: i64 = conn
        .query_row("SELECT count(*) FROM posts", [], |r| r.get(0))
        .unwrap();
    assert!(posts > 0, "the demo was built afresh");
    // Anything else at demo.db is never replaced.
    drop(conn);
    std::fs::remove_file(&first).unwrap();
    std::fs::write(&first, b"my notes").unwrap();
    let refused = run();
    assert_eq!(refused.status.code(), Some(5));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("not a demo portal"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&first).unwrap(), b"my notes");
}

#[test]
fn the_bundled_tour_runs_headless_and_each_step_shows_what_it_promises() {
    let p = demo();
    let run = p.run(&["tour", "article", "--headless", "--size", "120x36"]);
    assert_eq!(
        run.code, 0,
        "a step's screen missed its promise: {}",
        run.stderr
    );
    let steps =
        run.stdout.matches("\n## Step ").count() + usize::from(run.stdout.starts_with("## Step"));
    assert_eq!(steps, 24, "{}", run.stdout);
    // A few promises, read back from the printed screens.
    let step = |n: usize| -> &str {
        let start = run.stdout.find(&format!("## Step {n}/")).unwrap();
        let end = run.stdout[start + 4..]
            .find("## Step ")
            .map_or(run.stdout.len(), |e| start + 4 + e);
        &run.stdout[start..end]
    };
    assert!(step(2).contains("⚠ Connected"));
    assert!(step(5).contains("Disconnected (manual) Mar 01"));
    assert!(step(9).contains("Disconnected (inactivity) Mar 05"));
    assert!(step(24).contains("Removed the account"));
    assert!(step(23).contains("rescheduled for"));
    // Run without --db, it makes its own demo portal and leaves nothing behind.
    let out = assert_cmd::Command::cargo_bin("switchboard")
        .unwrap()
        .env_remove("SWITCHBOARD_DB")
        .args(["tour", "article", "--headless"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The TUI's state with the bundled tour started on the demo portal, as Ana.
fn presenting_the_article(p: &TestPortal) -> (Runtime, App) {
    let portal = Portal::open(&p.db).unwrap();
    let parsed = tour::parse("article", tour::ARTICLE, portal.connection()).unwrap();
    let mut runtime = Runtime::new(Backend::new(portal, ANA.to_string(), None));
    let mut app = App::new(Keymap::default(), Theme::new(ThemeName::Mono));
    runtime.tour = Some(switchboard::tui::tour::start(&mut app, parsed));
    switchboard::tui::reload(&mut app, &mut runtime);
    (runtime, app)
}

/// `]` as the presenter presses it.
fn next_step(runtime: &mut Runtime, app: &mut App) -> switchboard::error::Result<()> {
    let player = runtime.tour.as_mut().expect("a tour is presented");
    switchboard::tui::tour::next_step(player, &mut runtime.backend, app)
}

/// `[` as the presenter presses it.
fn step_back(runtime: &mut Runtime, app: &mut App) -> switchboard::error::Result<()> {
    let player = runtime.tour.as_mut().expect("a tour is presented");
    switchboard::tui::tour::step_back(player, &mut runtime.backend, app)
}

#[test]
fn rewind_puts_the_database_back_as_it_was_before_the_step() {
    let p = demo();
    let (mut store, mut app) = presenting_the_article(&p);
    for _ in 0..4 {
        next_step(&mut store, &mut app).unwrap();
    }
    assert!(app.overlay.is_some(), "step 4 opens the Disconnect dialog");
    // Step 5 disconnects; step 9 moves the clock a week.
    for changing_step in [5, 9] {
        while app.tour.as_ref().unwrap().done < changing_step - 1 {
            next_step(&mut store, &mut app).unwrap();
        }
        let before = p.dump();
        next_step(&mut store, &mut app).unwrap();
        assert_ne!(p.dump(), before, "step {changing_step} changes the portal");
        step_back(&mut store, &mut app).unwrap();
        assert_eq!(p.dump(), before, "] then [ after step {changing_step}");
        assert_eq!(app.tour.as_ref().unwrap().done, changing_step - 1);
        if changing_step == 5 {
            assert!(
                app.overlay.is_some(),
                "the dialog step 4 opened is back too"
            );
        }
        next_step(&mut store, &mut app).unwrap();
    }
}

#[test]
fn a_recording_is_asciicast_v2_and_replays_to_the_final_screen() {
    let p = demo();
    let cast = p.dir.path().join("tour.cast");
    let run = p.run(&[
        "tour",
        "article",
        "--headless",
        "--size",
        "120x36",
        "--record",
        cast.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&cast).unwrap();
    let mut lines = text.lines();
    let header: Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(header["version"], 2);
    assert_eq!(
        (header["width"].as_u64(), header["height"].as_u64()),
        (Some(120), Some(36))
    );
    let mut parser = vt100::Parser::new(36, 120, 0);
    let mut last_time = 0.0;
    let mut events = 0;
    for line in lines {
        let event: Value = serde_json::from_str(line).unwrap();
        let (time, kind, data) = (
            event[0].as_f64().unwrap(),
            event[1].as_str().unwrap(),
            event[2].as_str().unwrap(),
        );
        assert_eq!(kind, "o");
        assert!(time >= last_time, "times only go forward");
        last_time = time;
        parser.process(data.as_bytes());
        events += 1;
    }
    assert_eq!(events, 25, "the first screen and one per step");
    // The final screen is the last step's, as printed.
    let last = run.stdout.rfind("## Step 24/24").unwrap();
    let printed: Vec<&str> = run.stdout[last..]
        .lines()
        .skip(2)
        .skip_while(|l| !l.starts_with('┌'))
        .take(36)
        .collect();
    let replayed = parser.screen().contents();
    let replayed: Vec<&str> = replayed.lines().map(str::trim_end).collect();
    assert_eq!(replayed, printed);
}

#[test]
fn malformed_tours_exit_2_with_their_file_line_and_what_is_valid() {
    let p = demo();
    let before = p.dump();
    let head = "title = \"t\"\n[[step]]\ntitle = \"s\"\nnarration = \"n\"\n";
    let cases = [
        ("bad_toml", "title = \"t\"\n[[step]\n", ":2:", "", "TOML"),
        (
            "unknown_action",
            &*format!("{head}actions = [{{ fly = \"high\" }}]\n"),
            ":5:",
            "the actions are user, tab, select",
            "action",
        ),
        (
            "unknown_handle",
            &*format!("{head}actions = [{{ select = \"nosuch\" }}]\n"),
            ":5:",
            "northwind.outlet",
            "handle",
        ),
        (
            "unknown_user",
            &*format!("{head}actions = [{{ user = \"zed@x.test\" }}]\n"),
            ":5:",
            "ana@northwind.test",
            "user",
        ),
        (
            "bad_duration",
            &*format!("{head}actions = [{{ advance = \"soon\" }}]\n"),
            ":5:",
            "90d",
            "duration",
        ),
        (
            "unknown_button",
            &*format!("{head}actions = [{{ press = \"Maybe\" }}]\n"),
            ":5:",
            "Disconnect account",
            "button",
        ),
        (
            "unknown_tab",
            &*format!("{head}actions = [{{ tab = \"inbox\" }}]\n"),
            ":5:",
            "accounts, publishing",
            "tab",
        ),
        (
            "no_narration",
            "title = \"t\"\n[[step]]\ntitle = \"s\"\n",
            ":2:",
            "narration",
            "missing field",
        ),
    ];
    for (name, text, line, valid, what) in cases {
        let file = p.dir.path().join(format!("{name}.toml"));
        std::fs::write(&file, text).unwrap();
        let run = p.run(&["--json", "tour", file.to_str().unwrap(), "--headless"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{name}: {}", run.stderr);
        let location = format!("{}{line}", file.display());
        assert!(
            run.stderr.contains(&location),
            "{name} ({what}) names {location}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains(valid),
            "{name} says what is valid ({valid}): {}",
            run.stderr
        );
        assert_eq!(run.json()["error"]["code"], "bad_tour");
    }
    let missing = p.run(&["tour", "no-such-tour.toml", "--headless"]);
    assert_eq!(missing.code, 2);
    assert_eq!(p.dump(), before, "nothing ran");
}

/// Issue 7: `[` never erases what another process wrote since the step.
#[test]
fn rewind_refuses_when_another_process_changed_the_portal() {
    let p = demo();
    let (mut store, mut app) = presenting_the_article(&p);
    // At the first step there is nothing to go back to, and it says so.
    step_back(&mut store, &mut app).unwrap();
    assert!(
        app.toast
            .as_ref()
            .unwrap()
            .text
            .contains("start of the tour")
    );
    next_step(&mut store, &mut app).unwrap();
    // Meanwhile a user is added from the CLI.
    let added = p.run(&[
        "--as",
        ANA,
        "user",
        "add",
        "new@northwind.test",
        "--name",
        "New Person",
    ]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    let error =
        step_back(&mut store, &mut app).expect_err("the rewind erased another process's change");
    assert!(
        error
            .to_string()
            .contains("another program changed the portal")
    );
    let users = p.run(&["--json", "user", "list"]).json();
    assert!(
        users
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["email"] == "new@northwind.test"),
        "{users}"
    );
}

/// Issue 8: the tour panel can be hidden to give a small terminal its room;
/// issue 18: by H, so h keeps its one meaning (the previous tab).
#[test]
fn shift_h_hides_and_shows_the_tour_panel_and_h_is_only_the_previous_tab() {
    let p = demo();
    let (mut store, mut app) = presenting_the_article(&p);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let screen = |terminal: &mut ratatui::Terminal<ratatui::backend::TestBackend>,
                  app: &mut App| {
        switchboard::tui::draw_frame(terminal, app).unwrap();
        switchboard::tui::headless::buffer_text(terminal.backend().buffer())
    };
    assert!(screen(&mut terminal, &mut app).contains("Tour ·"));
    let h = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('h'),
        crossterm::event::KeyModifiers::NONE,
    ));
    switchboard::tui::handle_event(&mut app, &mut store, &h);
    assert!(
        screen(&mut terminal, &mut app).contains("Tour ·"),
        "h hid the panel"
    );
    let h = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('H'),
        crossterm::event::KeyModifiers::SHIFT,
    ));
    switchboard::tui::handle_event(&mut app, &mut store, &h);
    assert!(!screen(&mut terminal, &mut app).contains("Tour ·"));
    switchboard::tui::handle_event(&mut app, &mut store, &h);
    assert!(screen(&mut terminal, &mut app).contains("Tour ·"));
}
