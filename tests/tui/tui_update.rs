//! `update` fed synthetic key and mouse events, on the real store: every
//! action, dialog and layer change a user can make, refusals included.

use crate::common::tui::Harness;
use crate::common::{ACME_NOW, ADMIN, acme};
use crossterm::event::KeyCode;
use switchboard::tui::dialogs::Choice;
use switchboard::tui::dialogs::Dialog;
use switchboard::tui::state::{Focus, Layer, MainTab};

fn open(user: &str) -> (crate::common::TestPortal, Harness) {
    let p = acme();
    let h = Harness::open(&p.db, user, 120, 36);
    (p, h)
}

#[test]
fn the_accounts_list_groups_by_network_and_says_what_matters_next() {
    let (_p, mut h) = open(ADMIN);
    // Hover the last row, so the others show their whole status.
    h.hover_handle("acmetv");
    let screen = h.screen();
    assert!(screen.contains("Acme Corp (Professional)"), "{screen}");
    assert!(screen.contains("Ana Ruiz (Super Admin)"));
    assert!(screen.contains("⏱ 2026-03-01 09:00 demo"));
    assert!(
        screen.contains("⚠ Connected · reauthorize by Mar 04 (3 days)"),
        "R6f warning:\n{screen}"
    );
    assert!(
        screen.contains("Disconnected (inactivity) Feb 18"),
        "{screen}"
    );
    assert!(screen.contains("Expired (manual)"), "{screen}");
    assert!(
        screen.contains("1 account disconnected for over 90 days is hidden"),
        "R8:\n{screen}"
    );
    let facebook = h.find(" Facebook").unwrap().1;
    let x = h.find(" X ").map(|p| p.1).unwrap_or(u16::MAX);
    assert!(facebook < x);
}

#[test]
fn keyboard_hover_reveals_only_the_allowed_actions() {
    let (_p, mut h) = open(ADMIN);
    h.hover_handle("acmecorp");
    assert!(h.shows("[Disconnect]") && h.shows("[Remove]") && !h.shows("[Reconnect]"));
    h.hover_handle("acmenews");
    assert!(
        h.shows("[Reconnect]") && !h.shows("[Disconnect]"),
        "R6f:\n{}",
        h.screen()
    );
}

#[test]
fn r10b_other_users_see_who_may_disconnect() {
    let (_p, mut h) = open("bo@example.com");
    h.hover_handle("acmecorp");
    h.expect("only ana@example.com may");
    assert!(!h.shows("[Disconnect]"));
    // Pressing d anyway is refused, with who may, and audited (R10e).
    h.char('d');
    assert!(matches!(h.app.overlay, Some(Dialog::Refused(_))));
    h.expect("ana@example.com");
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    h.char('4');
    h.expect("disconnect");
}

#[test]
fn mouse_motion_hovers_and_a_click_on_an_action_opens_its_dialog() {
    let (_p, mut h) = open(ADMIN);
    let (x, y) = h.find("@acmetv").unwrap();
    h.hover(x, y);
    assert_eq!(h.app.accounts.hovered().unwrap().account.handle, "acmetv");
    let (bx, by) = h.find("[Disconnect]").unwrap();
    assert_eq!(by, y, "the actions are on the hovered row");
    assert_eq!(
        h.find("@acmetv").unwrap(),
        (x, y),
        "rows do not move under the pointer"
    );
    h.click(bx + 1, by);
    match &h.app.overlay {
        Some(Dialog::Disconnect(dialog)) => {
            assert_eq!(dialog.preview.account.account.handle, "acmetv");
            assert_eq!(dialog.focus, Choice::Cancel, "focus starts on Cancel");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(h.app.layer(), Layer::Overlay);
}

#[test]
fn r5_disconnect_dialog_tells_the_real_numbers_and_esc_cancels() {
    let (p, mut h) = open(ADMIN);
    h.hover_handle("acmecorp");
    h.char('d');
    let screen = h.screen();
    assert!(screen.contains("2 scheduled posts"), "{screen}");
    assert!(screen.contains("1 published post leaves"), "{screen}");
    assert!(
        screen.contains("Reconnect before Mar 01 2027 09:00"),
        "{screen}"
    );
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
    // Enter on the safe choice changes nothing either.
    h.char('d');
    h.key(KeyCode::Enter);
    let shown = p.read(ACME_NOW, &["account", "list"]);
    let corp = shown
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmecorp")
        .unwrap()
        .clone();
    assert_eq!(corp["status"], "connected");
    // Tab to the button, Enter: done.
    h.char('d');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    h.expect("Disconnected @acmecorp: 2 scheduled posts canceled");
    let canceled = p.read(ACME_NOW, &["post", "list", "--tab", "canceled"]);
    let from_corp = canceled
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["cancel_cause"] == "disconnected" && p["text"].as_str().unwrap().starts_with("Spring")
        })
        .count();
    assert_eq!(from_corp, 2);
}

#[test]
fn r6_reconnect_dialog_is_a_simulated_authorization_with_a_recommendation() {
    let (p, mut h) = open("bo@example.com");
    h.hover_handle("acmenews");
    h.char('r');
    let screen = h.screen();
    assert!(screen.contains("X · Authorize Switchboard"), "{screen}");
    assert!(screen.contains("1 scheduled post will publish"), "{screen}");
    assert!(screen.contains("0 missed"), "{screen}");
    assert!(
        screen.contains("Recommended: ana@example.com"),
        "R10c:\n{screen}"
    );
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    let news = p.read(ACME_NOW, &["account", "list"]);
    let news = news
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmenews")
        .unwrap()
        .clone();
    assert_eq!(news["status"], "connected");
    assert_eq!(news["last_connector"], "bo@example.com");
}

#[test]
fn r13_remove_needs_the_typed_handle() {
    let (p, mut h) = open(ADMIN);
    h.hover_handle("acmetv");
    h.char('x');
    h.keys("acmet");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert!(
        matches!(h.app.overlay, Some(Dialog::Remove(_))),
        "disabled until it matches"
    );
    h.key(KeyCode::BackTab);
    h.char('v');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    let all = p.read(ACME_NOW, &["account", "list", "--all"]);
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .all(|a| a["handle"] != "acmetv")
    );
}

#[test]
fn r8_connect_dialog_lists_hidden_accounts_locked_and_reconnects_them() {
    let (p, mut h) = open(ADMIN);
    h.char('c');
    h.key(KeyCode::Enter); // Facebook
    h.expect("[x] @acmeold");
    // A hidden account cannot be unticked.
    h.key(KeyCode::Char(' '));
    assert!(h.shows("[x] @acmeold"));
    h.key(KeyCode::Tab);
    h.keys("acmeshop");
    h.key(KeyCode::Enter);
    h.expect("[x] @acmeshop · new");
    // Handle -> its name -> Continue.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    h.expect("1 connected, 1 reconnected");
    let list = p.read(ACME_NOW, &["account", "list"]);
    let handles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["handle"].as_str().unwrap())
        .collect();
    assert!(
        handles.contains(&"acmeold") && handles.contains(&"acmeshop"),
        "{handles:?}"
    );
}

#[test]
fn filter_narrows_live_enter_keeps_esc_clears() {
    let (_p, mut h) = open(ADMIN);
    h.char('/');
    assert_eq!(h.app.layer(), Layer::Filter);
    h.keys("news");
    assert_eq!(h.app.accounts.rows.len(), 1);
    h.key(KeyCode::Enter);
    assert_eq!(h.app.layer(), Layer::Main);
    assert_eq!(h.app.accounts.hovered().unwrap().account.handle, "acmenews");
    assert!(h.shows("Filter: news"));
    h.key(KeyCode::Esc);
    assert!(h.app.accounts.rows.len() > 1);
}

#[test]
fn clock_picker_advances_and_the_sweep_runs() {
    let (p, mut h) = open(ADMIN);
    h.char('t');
    assert!(matches!(h.app.overlay, Some(Dialog::ClockMenu(_))));
    h.char('j');
    h.char('j');
    h.key(KeyCode::Enter); // a week
    h.expect("⏱ 2026-03-08 09:00 demo");
    assert!(
        h.shows("published"),
        "the toast says what happened:\n{}",
        h.screen()
    );
    let clock = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(clock["now"], "2026-03-08T09:00:00Z");
    // To the next event.
    h.char('t');
    h.key(KeyCode::End);
    for _ in 0..6 {
        h.char('j');
    }
    h.key(KeyCode::Enter);
    assert!(!h.shows("2026-03-08 09:00 demo"), "{}", h.screen());
}

#[test]
fn user_picker_switches_the_acting_user() {
    let (_p, mut h) = open(ADMIN);
    h.char('u');
    assert!(matches!(h.app.overlay, Some(Dialog::UserMenu(_))));
    h.char('j');
    h.key(KeyCode::Enter);
    h.expect("Bo Chen (Publisher)");
}

#[test]
fn the_user_menu_sets_where_the_acting_users_reminders_go() {
    let (p, mut h) = open(ADMIN);
    h.char('u');
    h.expect("Your reminders: not by email (change)");
    for _ in 0..10 {
        h.char('j');
    }
    h.key(KeyCode::Enter);
    h.expect("Your reminders");
    h.expect("[ ] By email to ana@example.com");
    h.char(' ');
    h.expect("[x] By email to ana@example.com");
    // The webhook field checks the URL as it is typed: Save waits for one
    // a watch can use.
    h.key(KeyCode::Tab);
    h.keys("ftp://hooks.acme.test");
    h.expect("a webhook URL starts with https://");
    // Enter on a mistake keeps the focus in the field (issue 18, item 4):
    // every key is still typed there, h and Backspace included.
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.overlay, Some(Dialog::Deliveries(_))));
    h.keys("h");
    h.expect("ftp://hooks.acme.testh");
    for _ in 0.."ftp://hooks.acme.testh".len() {
        h.key(KeyCode::Backspace);
    }
    h.keys("https://hooks.acme.test/sb");
    // One Enter saves.
    h.key(KeyCode::Enter);
    h.expect("Reminders for ana@example.com: email on, webhook on");
    // `user list` shows them, and the audit log says who changed whose.
    let users = p
        .run(&["--json", "--as", ADMIN, "user", "list"])
        .ok()
        .json();
    let ana = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == ADMIN)
        .unwrap()
        .clone();
    assert_eq!(ana["email_notifications"], true);
    assert_eq!(ana["webhook"], "https://hooks.acme.test/sb");
    let listed = p.run(&["--as", ADMIN, "user", "list"]).ok().stdout;
    assert!(
        listed.contains("email on · webhook on · language as the watch's default"),
        "{listed}"
    );
    let audit = p.run(&["--json", "audit"]).ok().json();
    let last = audit.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "user_channels", "{last}");
    assert_eq!(last["actor"], ADMIN);
    assert!(last["detail"].as_str().unwrap().contains(ADMIN), "{last}");
    let shown = p
        .run(&["--json", "--as", ADMIN, "user", "set", ADMIN])
        .ok()
        .json();
    assert_eq!(shown["email_notifications"], true);
    assert_eq!(shown["webhook"], "https://hooks.acme.test/sb");
    h.char('u');
    h.expect("Your reminders: by email · webhook https://hooks.acme.test/sb (change)");
}

#[test]
fn t1_the_user_menu_sets_the_zone_every_time_on_screen_reads_in() {
    let (p, mut h) = open(ADMIN);
    // The portal's clock is 2026-03-01 09:00 UTC.
    h.expect("⏱ 2026-03-01 09:00");
    h.char('u');
    h.expect("Time zone: the portal's");
    // The row above the last.
    for _ in 0..10 {
        h.char('j');
    }
    h.char('k');
    h.key(KeyCode::Enter);
    h.expect("Your time zone");
    // Checked as it is typed, with the near miss it probably meant.
    h.keys("Italy/Rome");
    h.expect("did you mean Europe/Rome?");
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.overlay, Some(Dialog::TimeZone(_))));
    for _ in 0.."Italy/Rome".len() {
        h.key(KeyCode::Backspace);
    }
    // Tab completes a zone's name.
    h.keys("europe/ro");
    h.key(KeyCode::Tab);
    h.expect("Europe/Rome: the portal's clock reads 10:00 CET");
    h.key(KeyCode::Enter);
    h.expect("Times now read in Europe/Rome");
    h.expect("⏱ 2026-03-01 10:00");
    let users = p
        .run(&["--json", "--as", ADMIN, "user", "list"])
        .ok()
        .json();
    assert_eq!(users[0]["timezone"], "Europe/Rome", "{users}");
}

#[test]
fn failed_deliveries_show_on_the_notifications_tab_and_r_sends_them_again() {
    let p = acme();
    // A webhook that can never take it: the delivery fails for good (4xx).
    p.run(&[
        "--as",
        ADMIN,
        "user",
        "set",
        ADMIN,
        "--webhook",
        "https://hooks.example.com/hook",
    ])
    .ok();
    p.connect("facebook", "acme.events", ACME_NOW);
    // Past its reminder (R9: a week before the 90 days).
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let ids = p.fail_every_delivery("connection refused");
    assert!(!ids.is_empty(), "deliveries were queued");
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.char('3');
    h.expect("failed for good: R sends them again");
    h.expect("webhook to https://hooks.example.com/hook");
    h.expect("connection refused");
    h.char('R');
    h.expect("queued again");
    let rows = p.run(&["--json", "notifications", "outbox"]).ok().json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), ids.len());
    assert!(rows.iter().all(|r| r["status"] == "pending"), "{rows:?}");
    assert!(!h.shows("failed for good"));
}

#[test]
fn the_user_menu_switches_the_language_live() {
    let (_p, mut h) = open(ADMIN);
    h.char('u');
    h.expect("Language: switch to Italiano");
    for _ in 0..10 {
        h.char('j');
    }
    // The last row is reminders by email; the time zone is above it, and
    // the language above that.
    h.char('k');
    h.char('k');
    h.key(KeyCode::Enter);
    h.expect("Impostazioni");
    h.expect("Collega account");
    h.expect("Lingua: italiano");
    // And back.
    h.char('u');
    h.expect("Lingua: passa a English");
    for _ in 0..10 {
        h.char('j');
    }
    // The last row is reminders by email; the time zone is above it, and
    // the language above that.
    h.char('k');
    h.char('k');
    h.key(KeyCode::Enter);
    h.expect("Settings");
    switchboard::i18n::set(switchboard::i18n::Lang::En);
}

#[test]
fn r10d_a_user_without_social_access_sees_why() {
    let p = acme();
    p.act(
        ADMIN,
        ACME_NOW,
        &["user", "add", "no@example.com", "--name", "No Access"],
    )
    .ok();
    let h = Harness::open(&p.db, "no@example.com", 120, 36);
    h.expect("No access to the social tool");
    assert!(h.shows("social access 'own' or 'all'"));
}

#[test]
fn r2_a_tier_without_the_social_tool_shows_the_locked_screen() {
    let p = acme();
    p.act(ADMIN, ACME_NOW, &["tier", "set", "free"]).ok();
    let h = Harness::open(&p.db, ADMIN, 120, 36);
    h.expect("The social tool is locked");
    assert!(
        h.shows("Professional") && h.shows("Legacy Basic"),
        "{}",
        h.screen()
    );
}

#[test]
fn tabs_focus_and_sidebar_move_between_areas() {
    let (_p, mut h) = open(ADMIN);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Focus::Sidebar);
    h.char('k');
    h.expect("Email settings live outside Switchboard");
    h.char('j');
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Focus::Tabs);
    h.key(KeyCode::Right);
    assert_eq!(h.app.tab, MainTab::Publishing);
    h.expect("Spring collection launch");
    assert_eq!(h.app.focus, Focus::Tabs);
    h.key(KeyCode::Down);
    assert_eq!(h.app.focus, Focus::List);
    h.key(KeyCode::Right);
    assert!(
        h.shows("Holiday opening hours"),
        "Published subtab:\n{}",
        h.screen()
    );
    h.char('3');
    h.expect("Reauthorize within a week");
    h.char('m');
    assert!(h.shows("marked read"));
    h.char('4');
    assert!(h.shows("Activity of all accounts"));
}

#[test]
fn help_lists_every_key_and_closes_with_esc() {
    let (_p, mut h) = open(ADMIN);
    h.char('?');
    assert_eq!(h.app.layer(), Layer::Help);
    for text in [
        "Reconnect the hovered account",
        "Filter accounts",
        "Move the demo clock",
        "Quit",
    ] {
        assert!(h.shows(text), "{text}:\n{}", h.screen());
    }
    h.key(KeyCode::Esc);
    assert_eq!(h.app.layer(), Layer::Main);
}

#[test]
fn details_show_the_timeline() {
    let (_p, mut h) = open(ADMIN);
    h.hover_handle("acmecorp");
    h.key(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("reauthorization deadline"), "{screen}");
    assert!(screen.contains("Mar 04 2026 09:00"), "{screen}");
    assert!(screen.contains("reminder (a week before)"), "{screen}");
    assert!(screen.contains("▲") && screen.contains("now"), "{screen}");
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
}

#[test]
fn quit_with_q_or_ctrl_c() {
    let (_p, mut h) = open(ADMIN);
    h.char('q');
    assert!(h.app.quit);
    let (_p, mut h) = open(ADMIN);
    h.char('/');
    h.ctrl('c');
    assert!(h.app.quit, "ctrl-c quits even while typing");
}

#[test]
fn under_80_by_24_it_says_how_big_it_needs_to_be() {
    let p = acme();
    let h = Harness::open(&p.db, ADMIN, 70, 20);
    h.expect("at least 80×24");
}

#[test]
fn paging_by_keyset_walks_a_long_list() {
    let p = crate::common::TestPortal::empty();
    p.run(&[
        "generate",
        "--accounts",
        "300",
        "--posts",
        "0",
        "--seed",
        "2",
    ])
    .ok();
    let mut h = Harness::open(&p.db, "admin@generated.test", 120, 36);
    let first = h.app.accounts.hovered().unwrap().account.id;
    h.key(KeyCode::PageDown);
    let second = h.app.accounts.hovered().unwrap().account.id;
    assert_ne!(first, second);
    h.key(KeyCode::PageUp);
    assert_eq!(h.app.accounts.hovered().unwrap().account.id, first);
    h.char('G');
    let last = h.app.accounts.rows.last().unwrap().account.handle.clone();
    assert!(last.starts_with("youtube-"), "{last}");
    h.char('g');
    assert_eq!(h.app.accounts.hovered().unwrap().account.id, first);
    // j past the bottom scrolls by one row.
    let visible = h.app.hits.visible_accounts;
    for _ in 0..visible + 2 {
        h.char('j');
    }
    assert!(h.app.accounts.top.as_ref().unwrap().id != first);
}

#[test]
fn n_opens_the_inbox_and_f_narrows_activity_to_the_hovered_account() {
    let (_p, mut h) = open(ADMIN);
    h.hover_handle("acmecareers");
    h.char('n');
    assert_eq!(h.app.tab, MainTab::Notifications);
    h.expect("History purged in a week");
    h.char('4');
    h.char('f');
    h.expect("Activity of account #4");
    h.expect("purge");
    assert!(
        !h.shows("acmecorp"),
        "only the hovered account's entries:\n{}",
        h.screen()
    );
    h.char('f');
    assert!(h.shows("Activity of all accounts"));
    h.char('1');
    assert_eq!(h.app.tab, MainTab::Accounts);
}

#[test]
fn e1_the_detail_of_an_account_warned_of_its_purge_names_the_export_command() {
    // The demo's @northwind-events is purged in 5 days: warned already.
    let p = crate::common::TestPortal::empty();
    p.run(&["demo", "--no-tui"]).ok();
    let mut h = Harness::open(&p.db, "ana@northwind.test", 120, 36);
    h.hover_handle("northwind-events");
    h.key(KeyCode::Enter);
    h.expect("Keep a copy of its history before the purge: switchboard account export");
    h.key(KeyCode::Esc);
    // An account far from its purge shows no such line.
    h.hover_handle("northwindtv");
    h.key(KeyCode::Enter);
    assert!(!h.shows("Keep a copy"), "{}", h.screen());
}

#[test]
fn the_wheel_moves_through_the_list() {
    let (_p, mut h) = open(ADMIN);
    let first = h.app.accounts.hover;
    let (x, y) = h.find("@acmestyle").unwrap();
    h.wheel_down(x, y);
    assert_ne!(h.app.accounts.hover, first);
    // Outside the list it does nothing.
    let before = h.app.accounts.hover;
    h.wheel_down(0, 0);
    assert_eq!(h.app.accounts.hover, before);
}

#[test]
fn r10a_r10e_connect_refused_for_own_access_and_audited() {
    let (p, mut h) = open("cy@example.com");
    h.char('c');
    assert!(
        matches!(h.app.overlay, Some(Dialog::Refused(_))),
        "{}",
        h.screen()
    );
    h.expect("social access 'all'");
    let audit = p.read(ACME_NOW, &["audit"]);
    let last = audit.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["actor"].as_str(),
            last["action"].as_str(),
            last["outcome"].as_str()
        ),
        (Some("cy@example.com"), Some("connect"), Some("denied"))
    );
}

/// Issue 7: the Connect dialog reconnects a hidden account only as it showed it.
#[test]
fn r8_connect_dialog_does_not_reconnect_a_hidden_account_that_changed_meanwhile() {
    let (p, mut h) = open(ADMIN);
    h.char('c');
    h.key(KeyCode::Enter); // Facebook
    h.expect("[x] @acmeold");
    // Meanwhile another admin reconnects it and disconnects it again.
    let id = p
        .read(ACME_NOW, &["account", "list", "--all"])
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmeold")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    p.act(ADMIN, ACME_NOW, &["account", "reconnect", &id.to_string()])
        .ok();
    p.act(ADMIN, ACME_NOW, &["account", "disconnect", &id.to_string()])
        .ok();
    let before = p.read(ACME_NOW, &["account", "show", &id.to_string()]);
    // List -> handle -> name -> Continue.
    for _ in 0..3 {
        h.key(KeyCode::Tab);
    }
    h.key(KeyCode::Enter);
    h.expect("changed since it was shown");
    assert_eq!(
        p.read(ACME_NOW, &["account", "show", &id.to_string()]),
        before
    );
}

/// Marks these accounts for a bulk action (Space on each row, in list order).
fn mark(h: &mut Harness, handles: &[&str]) {
    for handle in handles {
        h.hover_handle(handle);
        h.char(' ');
    }
}

fn posts_of(p: &crate::common::TestPortal, handle: &str) -> Vec<serde_json::Value> {
    let accounts = p.read(ACME_NOW, &["account", "list", "--all"]);
    let id = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == handle)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    p.read(ACME_NOW, &["post", "list", "--account", &id.to_string()])
        .as_array()
        .unwrap()
        .clone()
}

/// Types `text` into whatever field has the focus.
fn type_text(h: &mut Harness, text: &str) {
    h.keys(text);
}

#[test]
fn r10f_compose_schedules_a_post_on_the_hovered_account_at_a_typed_local_time() {
    let (p, mut h) = open(ADMIN);
    h.hover_handle("acmecorp");
    h.char('a');
    h.expect("Compose a post");
    h.expect("(•) Facebook · Acme Corp @acmecorp");
    // Account → text → when.
    h.key(KeyCode::Enter);
    type_text(&mut h, "Spring sale starts now");
    h.key(KeyCode::Enter);
    type_text(&mut h, "2026-03-14 09:30");
    h.expect("→ publishes Mar 14 2026 09:30 (in 13 days)");
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none(), "{}", h.screen());
    h.expect("scheduled");
    let posts = posts_of(&p, "acmecorp");
    let post = posts
        .iter()
        .find(|p| p["text"] == "Spring sale starts now")
        .expect("the post was saved");
    assert_eq!(post["status"], "scheduled");
    assert_eq!(post["scheduled_at"], "2026-03-14T09:30:00Z");
}

#[test]
fn r10f_compose_with_no_time_saves_a_draft_and_a_past_time_is_refused_as_typed() {
    let (p, mut h) = open(ADMIN);
    h.hover_handle("acmecorp");
    h.char('a');
    h.key(KeyCode::Enter);
    type_text(&mut h, "An idea for later");
    h.key(KeyCode::Enter);
    type_text(&mut h, "2020-01-01 09:00");
    h.expect("✗");
    h.expect("[ Schedule post ]");
    // Enter does nothing while the time is refused.
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_some());
    // Clear the time: a draft.
    for _ in 0..16 {
        h.key(KeyCode::Backspace);
    }
    h.expect("→ saved as a draft");
    h.key(KeyCode::Enter);
    let posts = posts_of(&p, "acmecorp");
    assert!(
        posts
            .iter()
            .any(|p| p["text"] == "An idea for later" && p["status"] == "draft"),
        "{posts:?}"
    );
}

#[test]
fn r10f_compose_lists_only_accounts_the_user_may_publish_to() {
    // Cy publishes only to accounts Cy connected or reconnected (own
    // access): in this portal, none; the acting user is told so.
    let (_p, mut h) = open("cy@example.com");
    h.char('a');
    h.expect("Nothing to post to");
    // Bo (all access, publish) may post anywhere still holding a history.
    let (_p, mut h) = open("bo@example.com");
    h.char('a');
    assert!(h.shows("@acmecorp") && h.shows("@acmetv"), "{}", h.screen());
    assert!(
        !h.shows("LinkedIn · Acme Careers"),
        "expired: {}",
        h.screen()
    );
    let (_p, mut h) = open("vi@example.com");
    h.char('a');
    h.expect("Nothing to post to");
}

#[test]
fn r10f_x_cancels_the_selected_post_after_a_confirmation_that_names_it() {
    let (p, mut h) = open(ADMIN);
    h.char('2');
    h.char('x');
    h.expect("Cancel post #");
    h.expect("Facebook · Acme Corp");
    h.expect("Spring collection teaser");
    // Focus starts on keeping it.
    h.key(KeyCode::Enter);
    assert_eq!(
        posts_of(&p, "acmecorp")
            .iter()
            .filter(|p| p["status"] == "canceled")
            .count(),
        0
    );
    h.char('x');
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    let canceled: Vec<_> = posts_of(&p, "acmecorp")
        .into_iter()
        .filter(|p| p["status"] == "canceled")
        .collect();
    assert_eq!(canceled.len(), 1);
    assert_eq!(canceled[0]["text"], "Spring collection teaser");
    assert_eq!(canceled[0]["cancel_cause"], "user");
}

#[test]
fn r10f_e_reschedules_the_selected_post() {
    let (p, mut h) = open(ADMIN);
    h.char('2');
    h.char('e');
    h.expect("Reschedule post");
    // The field starts at the post's own time.
    h.expect("2026-03-02 10:00");
    for _ in 0.."2026-03-02 10:00".len() {
        h.key(KeyCode::Backspace);
    }
    type_text(&mut h, "+5d");
    h.expect("→ publishes Mar 06 2026 09:00");
    h.key(KeyCode::Enter);
    let posts = posts_of(&p, "acmecorp");
    let post = posts
        .iter()
        .find(|p| p["text"] == "Spring collection teaser")
        .unwrap();
    assert_eq!(post["scheduled_at"], "2026-03-06T09:00:00Z");
}

#[test]
fn r6b_missed_posts_are_one_key_from_being_rescheduled_after_a_reconnect() {
    let (p, mut h) = open(ADMIN);
    // acmecorp: disconnect now, reconnect after its Mar 02 post's time.
    h.hover_handle("acmecorp");
    h.char('d');
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    h.char('t');
    h.keys("jj"); // a week
    h.key(KeyCode::Enter);
    h.hover_handle("acmecorp");
    h.char('r');
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    h.expect("1 missed");
    h.expect("press e to reschedule");
    h.char('e');
    h.expect("Reschedule post");
    h.expect("Spring collection teaser");
    h.key(KeyCode::Enter);
    let now = "2026-03-08T09:00:00Z";
    let accounts = p.read(now, &["account", "list"]);
    let id = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmecorp")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let posts = p.read(now, &["post", "list", "--account", &id.to_string()]);
    let teaser = posts
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["text"] == "Spring collection teaser")
        .unwrap()
        .clone();
    assert_eq!(teaser["status"], "scheduled", "{teaser}");
    assert_eq!(teaser["scheduled_at"], "2026-03-09T09:00:00Z");
}

#[test]
fn r6b_the_detail_offers_to_reschedule_missed_posts() {
    let (_p, mut h) = open(ADMIN);
    h.hover_handle("acmecorp");
    h.char('d');
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    h.char('t');
    h.keys("jj");
    h.key(KeyCode::Enter);
    h.hover_handle("acmecorp");
    h.char('r');
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    h.hover_handle("acmecorp");
    h.key(KeyCode::Enter);
    h.expect("1 post missed while disconnected: press e");
    h.char('e');
    h.expect("Reschedule post");
}

#[test]
fn s_sorts_the_accounts_by_urgency_and_back_and_f_shows_one_state() {
    let (_p, mut h) = open(ADMIN);
    h.char('s');
    h.expect("by urgency (soonest deadline first)");
    // Soonest first: Acme Corp's Mar 04 deadline comes before the others.
    let screen = h.screen();
    let corp = screen.find("Facebook · Acme Corp").expect(&screen);
    let style = screen.find("Instagram · Acme Style").expect(&screen);
    assert!(corp < style, "{screen}");
    h.char('s');
    assert!(!h.shows("by urgency (soonest"), "{}", h.screen());
    // f: needs attention (reminder week, or disconnected and restorable).
    h.char('f');
    h.expect("showing: needs attention");
    assert!(
        h.shows("@acmecorp") && h.shows("@acmenews"),
        "{}",
        h.screen()
    );
    assert!(
        !h.shows("@acmetv") && !h.shows("@acmecareers"),
        "{}",
        h.screen()
    );
    for _ in 0..3 {
        h.char('f');
    }
    h.expect("showing: expired");
    assert!(
        h.shows("@acmecareers") && !h.shows("@acmecorp"),
        "{}",
        h.screen()
    );
    h.char('f');
    assert!(!h.shows("showing:"), "{}", h.screen());
}

#[test]
fn space_marks_rows_and_d_disconnects_every_marked_account_through_one_dialog() {
    let (p, mut h) = open(ADMIN);
    mark(&mut h, &["acmecorp", "acmestyle", "acmetv"]);
    h.expect("3 accounts marked");
    h.char('d');
    h.expect("Several accounts");
    h.expect("Disconnect 3 accounts of the 3 marked");
    h.expect("✓ Facebook · Acme Corp @acmecorp: 2 scheduled posts canceled");
    // Focus starts on Cancel.
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    h.expect("3 accounts disconnected");
    let list = p.read(ACME_NOW, &["account", "list", "--status", "connected"]);
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");
    assert!(h.app.accounts.marked.is_empty());
}

#[test]
fn r10b_a_bulk_dialog_says_which_accounts_the_user_may_not_touch_and_who_may() {
    let (p, mut h) = open("bo@example.com");
    // Bo connected acmetv and acmestyle's reconnect; Ana connected acmecorp.
    mark(&mut h, &["acmecorp", "acmetv"]);
    h.char('d');
    h.expect("Disconnect 1 account of the 2 marked");
    h.expect("✗ Facebook · Acme Corp @acmecorp");
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    let show = |handle: &str| {
        p.read(ACME_NOW, &["account", "list"])
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["handle"] == handle)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(show("acmetv"), "disconnected");
    assert_eq!(show("acmecorp"), "connected");
    // Esc clears marks.
    h.char('g');
    h.hover_handle("acmestyle");
    h.char(' ');
    h.key(KeyCode::Esc);
    assert!(h.app.accounts.marked.is_empty());
}

#[test]
fn r13_a_bulk_removal_asks_to_type_remove() {
    let (p, mut h) = open(ADMIN);
    mark(&mut h, &["acmenews", "acmetv"]);
    h.char('x');
    h.expect("Type remove to confirm");
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    assert!(
        h.app.overlay.is_some(),
        "the button is disabled until typed"
    );
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    h.keys("remove");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter);
    let all = p.read(ACME_NOW, &["account", "list", "--all"]);
    let handles: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["handle"].as_str().unwrap())
        .collect();
    assert!(
        !handles.contains(&"acmetv") && !handles.contains(&"acmenews"),
        "{handles:?}"
    );
}

#[test]
fn r8_connect_dialog_offers_every_disconnected_account_and_checks_handles_as_typed() {
    let (p, mut h) = open(ADMIN);
    h.char('c');
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Down); // X
    h.key(KeyCode::Enter);
    // A visible disconnected account is offered, unticked.
    h.expect("[ ] @acmenews · disconnected");
    h.key(KeyCode::Tab);
    // Two words: refused as typed, with the reason.
    h.keys("acme jobs");
    h.key(KeyCode::Enter);
    h.expect("✗ the handle 'acme jobs' has spaces");
    for _ in 0.."acme jobs".len() {
        h.key(KeyCode::Backspace);
    }
    // A new handle with its display name.
    h.keys("acmejobs");
    h.key(KeyCode::Tab);
    h.keys("Acme Jobs");
    h.key(KeyCode::Enter);
    h.expect("[x] @acmejobs · new, named Acme Jobs");
    // The known handle typed again ticks its row.
    h.keys("acmenews");
    h.key(KeyCode::Enter);
    h.expect("[x] @acmenews · disconnected");
    for _ in 0..2 {
        h.key(KeyCode::Tab);
    }
    h.key(KeyCode::Enter);
    h.expect("1 connected, 1 reconnected");
    let list = p.read(ACME_NOW, &["account", "list", "--network", "x"]);
    let jobs = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmejobs")
        .expect("connected");
    assert_eq!(jobs["name"], "Acme Jobs");
    // The first one connected is hovered, with the list around it.
    assert_eq!(h.app.accounts.hovered().unwrap().account.handle, "acmenews");
    assert!(h.shows("@acmecorp"), "the list around it: {}", h.screen());
}

#[test]
fn r8_an_already_connected_handle_is_refused_as_typed() {
    let (_p, mut h) = open(ADMIN);
    h.char('c');
    h.key(KeyCode::Enter); // Facebook
    h.key(KeyCode::Tab);
    h.keys("acmecorp");
    h.key(KeyCode::Enter);
    h.expect("✗ @acmecorp is already connected on Facebook");
    assert!(!h.shows("[x] @acmecorp"), "{}", h.screen());
}

#[test]
fn t4_moving_time_on_a_portal_without_a_demo_clock_asks_first() {
    let p = crate::common::TestPortal::new();
    p.connect("facebook", "acme", "2026-03-01T09:00:00Z");
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.char('t');
    h.expect("Start a demo clock?");
    // Cancel: nothing changes.
    h.key(KeyCode::Enter);
    let show = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(show["demo_clock"], serde_json::Value::Null);
    h.char('t');
    h.key(KeyCode::Left);
    h.key(KeyCode::Enter);
    h.expect("Move the demo clock");
    h.key(KeyCode::Enter); // an hour
    let show = p.run(&["--json", "clock", "show"]).ok().json();
    assert_ne!(show["demo_clock"], serde_json::Value::Null);
    // The demo clock is an hour ahead of the system clock: unsetting waits.
    h.char('t');
    h.expect("Back to the system clock");
}

/// A generated portal big enough that 90 days move on a worker.
fn generated_portal() -> crate::common::TestPortal {
    crate::common::from_template("generated", || {
        let p = crate::common::TestPortal::empty();
        p.run(&["generate", "--accounts", "3000", "--posts", "6000"])
            .ok();
        p
    })
}

/// Pumps the worker's reports until it is done.
fn until_the_clock_stops(h: &mut Harness) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while switchboard::tui::pump_work(&mut h.app, &mut h.runtime) {
        assert!(
            std::time::Instant::now() < deadline,
            "the clock never stopped"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.draw();
}

fn table(db: &std::path::Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        Ok((0..n)
            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn r12a_a_long_clock_move_runs_on_a_worker_and_leaves_the_portal_one_sweep_would() {
    let p = generated_portal();
    let copy = p.dir.path().join("copy.db");
    std::fs::copy(&p.db, &copy).unwrap();
    let mut h = Harness::open(&p.db, "admin@generated.test", 120, 36);
    h.char('t');
    h.keys("jjjj"); // 90 days
    h.key(KeyCode::Enter);
    assert!(
        h.app.work.is_some(),
        "90 days of a 3000-account portal move on a worker"
    );
    h.draw();
    h.expect("Moving the clock");
    // The screen answers meanwhile: the tabs still switch.
    h.char('4');
    until_the_clock_stops(&mut h);
    h.expect("Clock at 2026-05-30 09:00 UTC");
    // The same portal as one sweep to the same instant (R12a).
    let one = crate::common::TestPortal::at_file(copy);
    one.run(&["clock", "advance", "90d"]).ok();
    for sql in [
        "SELECT * FROM accounts ORDER BY id",
        "SELECT * FROM posts ORDER BY id",
        "SELECT * FROM notifications ORDER BY id",
        "SELECT swept_until, demo_clock FROM portal",
    ] {
        assert_eq!(table(&p.db, sql), table(&one.db, sql), "{sql}");
    }
}

#[test]
fn esc_stops_a_long_clock_move_between_steps_and_the_rest_stays_due() {
    let p = generated_portal();
    let mut h = Harness::open(&p.db, "admin@generated.test", 120, 36);
    h.char('t');
    h.keys("jjjj");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Esc);
    until_the_clock_stops(&mut h);
    h.expect("Stopped: later events stay due");
    let clock = p.run(&["--json", "clock", "show"]).ok().json();
    assert_eq!(
        clock["demo_clock"], clock["swept_to"],
        "the clock stops where the sweep stopped"
    );
    assert!(
        clock["demo_clock"].as_str().unwrap() < "2026-05-30T09:00:00Z",
        "stopped before the end: {clock}"
    );
    // Moving on later applies the rest.
    p.run(&["clock", "set", "2026-05-30T09:00:00Z"]).ok();
}

#[test]
fn reopening_a_post_prefills_its_exact_instant_and_enter_keeps_it() {
    let (p, _) = open(ADMIN);
    let accounts = p.read(ACME_NOW, &["account", "list"]);
    let id = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmestyle")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    // Two days ahead, to the second (a script or the CLI can).
    let post = p.schedule(id, ACME_NOW, "2026-03-03T10:15:13Z");
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.char('2');
    h.expect("10:15");
    h.char('j');
    h.char('e');
    h.expect("Reschedule post");
    h.expect("2026-03-03 10:15:13");
    h.expect("(in 2 days)");
    // The hint's example is in the portal's future, not a fixed date.
    h.expect("2026-03-04 09:30, or +3d from now");
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none(), "{}", h.screen());
    let posts = posts_of(&p, "acmestyle");
    let saved = posts.iter().find(|q| q["id"] == post).unwrap();
    assert_eq!(saved["scheduled_at"], "2026-03-03T10:15:13Z");
}

#[test]
fn a_filter_that_matches_only_hidden_accounts_says_so_and_where_they_are() {
    let (_p, mut h) = open(ADMIN);
    assert!(!h.shows("Acme Archive"), "hidden (R8)");
    h.char('/');
    type_text(&mut h, "archive");
    h.expect("1 hidden account matches (disconnected over 90 days): use Connect account");
    // A filter nothing matches at all says that.
    for _ in 0.."archive".len() {
        h.key(KeyCode::Backspace);
    }
    type_text(&mut h, "zzz");
    h.expect("No account's name or handle contains 'zzz'.");
}

#[test]
fn the_help_shows_under_the_minimum_size_and_scrolls() {
    let p = crate::common::acme();
    let mut h = Harness::open(&p.db, ADMIN, 60, 16);
    h.expect("press ? for the keys");
    h.char('?');
    h.expect("Move down");
    let first = h.screen();
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    assert_ne!(first, h.screen(), "the help scrolls");
    h.key(KeyCode::Esc);
    h.expect("press ? for the keys");
}

#[test]
fn the_clock_menu_offers_the_system_clock_back_only_when_time_would_not_go_back() {
    // A portal on a demo clock at `demo`; the clock menu's last row shows
    // `row`, and choosing it leaves the clock's source as `source`.
    let choose_back = |demo: &str, row: &str, source: &str| {
        let p = crate::common::TestPortal::initialised_at(crate::common::T0);
        let now = crate::common::T0;
        p.run(&["--as", ADMIN, "--now", now, "clock", "set", demo])
            .ok();
        let mut h = Harness::open(&p.db, ADMIN, 120, 36);
        h.char('t');
        h.expect(row);
        for _ in 0..12 {
            h.key(KeyCode::Down);
        }
        h.key(KeyCode::Enter);
        let clock = p.run(&["--json", "clock", "show"]).ok().json();
        assert_eq!(clock["source"], source, "{clock}");
        assert!(!h.shows("--now"), "{}", h.screen());
    };
    // Ahead of the system clock: the row says until when, and does nothing.
    choose_back(
        "2099-06-01T09:00:00Z",
        "Back to the system clock: not before Jun 01 2099",
        "demo",
    );
    // Behind it: offered, and it works.
    choose_back(
        "2026-03-05T09:00:00Z",
        "Back to the system clock (unset the demo clock)",
        "system",
    );
}

/// Issue 18, item 2: every paged list reaches its real first and last row,
/// and paging past an end stays there.
#[test]
fn g_and_shift_g_reach_the_real_ends_of_every_paged_list_and_paging_past_them_stays() {
    let (p, _) = open(ADMIN);
    let accounts = p.read(ACME_NOW, &["account", "list"]);
    let id = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "acmestyle")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    // 60 scheduled posts, an hour apart, and as many audit entries.
    for n in 0..60 {
        let at = format!("2026-03-0{}T{:02}:17:00Z", 2 + n / 24, n % 24);
        p.schedule(id, ACME_NOW, &at);
    }
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    // Publishing > Scheduled: soonest first; G: the last one (Mar 04 11:17).
    h.char('2');
    h.char('G');
    h.expect("Mar 04 2026 11:17");
    h.key(KeyCode::Down);
    h.key(KeyCode::PageDown);
    h.expect("Mar 04 2026 11:17");
    // Back up from the end, page by page, to the first.
    for _ in 0..6 {
        h.key(KeyCode::PageUp);
    }
    h.expect("Mar 02 2026 00:17");
    h.char('G');
    h.char('g');
    h.expect("Mar 02 2026 00:17");
    // Activity: newest first; G: the oldest entry, and past it stays.
    h.char('4');
    h.char('G');
    let oldest = h.screen();
    assert!(!oldest.contains("Nothing recorded yet."), "{oldest}");
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::PageDown);
    assert!(!h.shows("Nothing recorded yet."), "{}", h.screen());
    // Another tab and back: still there.
    h.char('1');
    h.char('4');
    assert!(!h.shows("Nothing recorded yet."), "{}", h.screen());
    h.char('g');
    h.key(KeyCode::Up);
    assert!(!h.shows("Nothing recorded yet."), "{}", h.screen());
}

/// Issue 18, item 8: names are the identity: given their width first, and
/// cut (if they must be) so that two never look the same.
#[test]
fn names_keep_their_width_and_stay_told_apart() {
    let p = crate::common::TestPortal::empty();
    p.run(&["demo", "--no-tui"]).ok();
    let admin = "ana@northwind.test";
    // 80x24: the header keeps the portal's name.
    let h = Harness::open(&p.db, admin, 80, 24);
    let header = h.screen().lines().next().unwrap().to_string();
    assert!(header.contains("Northwind Outfitters"), "{header}");
    // 120x36 by urgency: the whole name, the status gives way.
    let mut h = Harness::open(&p.db, admin, 120, 36);
    h.char('s');
    h.expect("Facebook · Northwind Outfitters");
    // Two accounts whose names differ only at the end, on a narrow row.
    let q = crate::common::TestPortal::new();
    q.run(&[
        "--now",
        crate::common::T0,
        "clock",
        "set",
        crate::common::T0,
    ])
    .ok();
    q.connect_named(
        "facebook",
        "a1",
        "Acme International Holdings Europe North",
        crate::common::T0,
    );
    q.connect_named(
        "facebook",
        "a2",
        "Acme International Holdings Europe South",
        crate::common::T0,
    );
    let h = Harness::open(&q.db, ADMIN, 80, 24);
    let screen = h.screen();
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Acme Int") && (l.contains("@a1") || l.contains("@a2")))
        .collect();
    assert_eq!(rows.len(), 2, "{screen}");
    let name = |row: &str| row.split('@').next().unwrap().trim().to_string();
    assert_ne!(name(rows[0]), name(rows[1]), "{screen}");
    assert!(
        screen.contains("North") && screen.contains("South"),
        "{screen}"
    );
}

/// Issue 19, item 2: the Connect dialog decides as the command line does
/// (lifecycle::handle): a lookalike of another handle is refused as typed.
#[test]
fn a_lookalike_handle_is_refused_in_the_connect_dialog_as_typed() {
    let (_p, mut h) = open(ADMIN);
    h.char('c');
    h.key(KeyCode::Enter); // Facebook
    h.key(KeyCode::Tab);
    // Fullwidth letters: one script, the skeleton of @acmecorp.
    h.keys("\u{ff41}\u{ff43}\u{ff4d}\u{ff45}\u{ff43}\u{ff4f}\u{ff52}\u{ff50}");
    h.key(KeyCode::Enter);
    h.expect("looks like @acmecorp");
}
