//! Issue 20 in the TUI: Connect account on a network registered as an
//! OAuth client signs in by a device code, against oidc-provider on
//! loopback, without freezing the screen.

use std::time::{Duration, Instant};

use crate::common::oauth::OAuthServer;
use crate::common::tui::Harness;
use crate::common::{ADMIN, TestPortal};
use crossterm::event::KeyCode;

/// Pumps the sign-in worker and draws until `done` (or half a minute).
fn pump_until(h: &mut Harness, what: &str, done: impl Fn(&Harness) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done(h) {
        assert!(Instant::now() < deadline, "{what}:\n{}", h.screen());
        switchboard::tui::pump_work(&mut h.app, &mut h.runtime);
        h.draw();
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Pumps until the screen shows `text`.
fn until_shown(h: &mut Harness, text: &str) {
    pump_until(h, &format!("'{text}' never showed"), |h| h.shows(text));
}

fn open_on(server: &OAuthServer, p: &TestPortal) -> Harness {
    open_with(&server.config("x"), p)
}

/// The TUI with this config's networks, Connect account opened on X.
fn open_with(config: &str, p: &TestPortal) -> Harness {
    let mut h = Harness::open(&p.db, ADMIN, 120, 36);
    h.runtime.backend.networks = switchboard::tui::config::parse(config).unwrap().networks;
    h.runtime.backend.data_dir = Some(p.dir.path().join("data"));
    h.char('c');
    h.expect("Simulated: Facebook, Instagram, LinkedIn, YouTube.");
    for _ in 0..3 {
        h.key(KeyCode::Down);
    }
    h.key(KeyCode::Enter);
    h
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn connect_on_a_real_network_signs_in_by_device_code_in_the_tui() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    let mut h = open_on(server, &p);
    h.expect("Sign in at X");
    until_shown(&mut h, "enter the code");
    let screen = h.screen();
    let code = screen
        .split("enter the code")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string();
    // The QR code holds the page with the code in it.
    assert!(screen.contains('▀') || screen.contains('█'), "{screen}");
    server.approve(&code, "northwind", false);
    until_shown(&mut h, "Signed in at X: @northwind is connected");
    assert!(h.app.overlay.is_none());
    let accounts = p.run(&["--json", "account", "list"]).ok().json();
    assert_eq!(accounts[0]["handle"], "northwind", "{accounts}");
    // The detail says the grant is kept, and its scopes; without the
    // vault's key, that it cannot be read here.
    h.hover_handle("northwind");
    h.key(KeyCode::Enter);
    h.expect("kept sealed · scopes openid profile offline_access");
    h.key(KeyCode::Esc);
    let key = p.dir.path().join("data").join("vault.key");
    std::fs::remove_file(&key).unwrap();
    h.key(KeyCode::Enter);
    h.expect("unreadable here (the vault key does not open it): reconnect");
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn esc_stops_a_sign_in_and_nothing_is_connected() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    let mut h = open_on(server, &p);
    until_shown(&mut h, "enter the code");
    h.key(KeyCode::Esc);
    h.expect("Sign-in stopped: nothing was connected");
    assert!(h.app.overlay.is_none());
    let accounts = p.run(&["--json", "account", "list"]).ok().json();
    assert_eq!(accounts.as_array().unwrap().len(), 0);
}

/// Signs in at the open sign-in dialog as `login`.
fn approve_shown_code(h: &mut Harness, server: &OAuthServer, login: &str) {
    until_shown(h, "enter the code");
    let screen = h.screen();
    let code = screen
        .split("enter the code")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string();
    server.approve(&code, login, false);
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn reconnect_on_a_real_network_is_a_sign_in_and_another_login_is_refused() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    let mut h = open_on(server, &p);
    approve_shown_code(&mut h, server, "northwind");
    until_shown(&mut h, "@northwind is connected");
    let id = p.run(&["--json", "account", "list"]).ok().json()[0]["id"].to_string();
    p.run(&["--as", ADMIN, "account", "disconnect", &id]).ok();
    switchboard::tui::reload(&mut h.app, &mut h.runtime);
    h.draw();
    h.hover_handle("northwind");
    h.char('r');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    h.expect("Sign in at X");
    approve_shown_code(&mut h, server, "intruder");
    until_shown(&mut h, "This login is @intruder, not @northwind");
    h.key(KeyCode::Enter);
    h.char('r');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    approve_shown_code(&mut h, server, "northwind");
    let status = || p.run(&["--json", "account", "list"]).ok().json()[0]["status"].clone();
    pump_until(&mut h, "never reconnected", |_| status() == "connected");
    h.expect("@northwind is connected");
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_network_without_a_device_endpoint_signs_in_in_a_browser_from_the_tui() {
    let server = OAuthServer::shared();
    let config: String = server
        .config("x")
        .lines()
        .filter(|l| !l.starts_with("device_authorization_url"))
        .map(|l| format!("{l}\n"))
        .collect();
    let p = TestPortal::new();
    let mut h = open_with(&config, &p);
    until_shown(&mut h, "Sign in at this page, in a browser");
    let url = match &h.app.overlay {
        Some(switchboard::tui::dialogs::Dialog::SignIn(dialog)) => {
            dialog.code.as_ref().unwrap().url.clone()
        }
        other => panic!("{other:?}"),
    };
    assert!(url.contains("code_challenge_method=S256"), "{url}");
    server.approve_browser(&url, "northwind", false);
    until_shown(&mut h, "Signed in at X: @northwind is connected");
    let accounts = p.run(&["--json", "account", "list"]).ok().json();
    assert_eq!(accounts[0]["handle"], "northwind", "{accounts}");
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_disconnect_in_the_tui_withdraws_the_grant_at_the_network_off_the_screens_thread() {
    // Its own server: every token it issued is this test's.
    let server = OAuthServer::start(3600, 600);
    let p = TestPortal::new();
    let mut h = open_on(&server, &p);
    approve_shown_code(&mut h, &server, "northwind");
    until_shown(&mut h, "@northwind is connected");
    let issued = server.issued();
    assert!(issued.iter().all(|t| server.active(t)));
    h.hover_handle("northwind");
    h.char('d');
    h.key(KeyCode::Tab);
    h.key(KeyCode::Enter);
    let deadline = Instant::now() + Duration::from_secs(20);
    while issued.iter().any(|t| server.active(t)) {
        assert!(Instant::now() < deadline, "the grant was never withdrawn");
        switchboard::tui::pump_work(&mut h.app, &mut h.runtime);
        std::thread::sleep(Duration::from_millis(100));
    }
}
