//! Issue 20: real networks. `account connect NETWORK --authorize --device`
//! against a certified OAuth 2.0 / OpenID Connect server we did not write
//! (oidc-provider, on loopback), signed in through its own pages.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::oauth::OAuthServer;
use crate::common::{ADMIN, TestPortal};

/// Starts a device sign-in for X and returns it with the user code it
/// printed on stderr.
fn start_sign_in(p: &TestPortal) -> (Child, String, BufReader<std::process::ChildStderr>) {
    start(p, &CONNECT)
}

/// Starts a command that signs in, and reads the code it printed.
fn start(p: &TestPortal, args: &[&str]) -> (Child, String, BufReader<std::process::ChildStderr>) {
    let mut child = p
        .command(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let code = line
        .split("enter the code ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no code in: {line}"))
        .to_string();
    (child, code, stderr)
}

/// Waits for the sign-in to end; its exit code, stdout and the rest of
/// stderr.
fn finish(
    mut child: Child,
    mut stderr: BufReader<std::process::ChildStderr>,
) -> (i32, String, String) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the sign-in never ended");
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut out).unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut err).unwrap();
    (status.code().unwrap_or(-1), out, err)
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_device_sign_in_connects_the_account_the_network_names_and_audits_its_scopes() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let (child, code, stderr) = start_sign_in(&p);
    server.approve(&code, "northwind", false);
    let (exit, out, err) = finish(child, stderr);
    assert_eq!(exit, 0, "{out}{err}");
    assert!(out.contains("@northwind"), "{out}");
    // The identity is the network's: its username and its name.
    let accounts = p.run(&["--json", "account", "list"]).ok().json();
    let account = accounts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["handle"] == "northwind")
        .unwrap_or_else(|| panic!("{accounts}"));
    assert_eq!(account["name"], "Northwind northwind");
    assert_eq!(account["network"], "x");
    assert_eq!(account["status"], "connected");
    // R14: the sign-in is audited with the scopes granted.
    let audit = p.run(&["--json", "audit"]).ok().json();
    let authorized = audit
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "authorize")
        .unwrap_or_else(|| panic!("{audit}"));
    assert!(
        authorized["detail"]
            .as_str()
            .unwrap()
            .contains("openid profile offline_access"),
        "{authorized}"
    );
    // No token the server issued is in any output, the portal file, or the
    // test's data folder (logs).
    let issued = server.issued();
    assert!(!issued.is_empty(), "the server reports what it issued");
    let id = account["id"].to_string();
    let mut seen = vec![out, err, audit.to_string(), accounts.to_string()];
    // Every other face of the account: its detail, CSV, its whole export.
    for args in [
        &["account", "show", &id][..],
        &["--json", "account", "show", &id],
        &["account", "list", "--all", "--format", "csv"],
        &["audit", "--format", "csv"],
        &["account", "export", &id],
    ] {
        let run = p.run(args).ok();
        seen.push(run.stdout);
        seen.push(run.stderr);
    }
    seen.push(String::from_utf8_lossy(&std::fs::read(&p.db).unwrap()).into_owned());
    for entry in crate::common::files_under(p.dir.path()) {
        seen.push(String::from_utf8_lossy(&std::fs::read(entry).unwrap()).into_owned());
    }
    for token in &issued {
        for text in &seen {
            assert!(!text.contains(token.as_str()), "a token leaked");
        }
    }
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_sign_in_declined_at_the_network_connects_nothing_and_says_so() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let (child, code, stderr) = start_sign_in(&p);
    server.approve(&code, "northwind", true);
    let (exit, out, err) = finish(child, stderr);
    assert_ne!(exit, 0, "{out}");
    assert!(err.contains("declined at the network"), "{err}");
    nothing_connected(&p);
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_code_nobody_enters_expires_and_nothing_is_connected() {
    let server = OAuthServer::start(3600, 2);
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let (child, _code, stderr) = start_sign_in(&p);
    let (exit, out, err) = finish(child, stderr);
    assert_ne!(exit, 0, "{out}");
    assert!(err.contains("expired before it was entered"), "{err}");
    nothing_connected(&p);
}

#[test]
fn a_network_without_a_client_stays_simulated_and_authorize_says_how_to_add_one() {
    let p = TestPortal::new();
    let run = p.run(&[
        "--as",
        ADMIN,
        "account",
        "connect",
        "x",
        "--authorize",
        "--device",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("X is simulated here"), "{}", run.stderr);
    assert!(run.stderr.contains("[networks.x]"), "{}", run.stderr);
    // Without --authorize, as ever.
    p.run(&["--as", ADMIN, "account", "connect", "x", "acmenews"])
        .ok();
}

#[test]
fn with_authorize_the_handle_is_the_networks_to_say() {
    let p = TestPortal::new();
    p.write_config(
        "[networks.x]\nclient_id = \"c\"\nauthorization_url = \"https://x.test/a\"\n\
         token_url = \"https://x.test/t\"\nuserinfo_url = \"https://x.test/u\"\n",
    );
    let run = p.run(&[
        "--as",
        ADMIN,
        "account",
        "connect",
        "x",
        "someone",
        "--authorize",
        "--device",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("leave out the handle"),
        "{}",
        run.stderr
    );
    // A token endpoint in clear to another machine is refused in the config.
    p.write_config(
        "[networks.x]\nclient_id = \"c\"\nauthorization_url = \"https://x.test/a\"\n\
         token_url = \"http://x.test/t\"\nuserinfo_url = \"https://x.test/u\"\n",
    );
    let run = p.run(&[
        "--as",
        ADMIN,
        "account",
        "connect",
        "x",
        "--authorize",
        "--device",
    ]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("is not https"), "{}", run.stderr);
}

/// No account: what a sign-in that did not finish leaves.
fn nothing_connected(p: &TestPortal) {
    let accounts = p.run(&["--json", "account", "list"]).ok().json();
    assert_eq!(accounts.as_array().unwrap().len(), 0, "{accounts}");
}

/// The device sign-in for X, as the admin.
const CONNECT: [&str; 7] = [
    "--as",
    ADMIN,
    "account",
    "connect",
    "x",
    "--authorize",
    "--device",
];

/// A portal whose X account `login` a device sign-in connected, its config
/// the server's (and `extra`).
fn connected(server: &OAuthServer, extra: &str, login: &str) -> TestPortal {
    let p = TestPortal::new();
    p.write_config(&format!("{}{extra}", server.config("x")));
    let (exit, out, err) = signed_in(&p, server, &CONNECT, login);
    assert_eq!(exit, 0, "{out}{err}");
    p
}

/// Runs a command that signs in, approving as `login`.
fn signed_in(
    p: &TestPortal,
    server: &OAuthServer,
    args: &[&str],
    login: &str,
) -> (i32, String, String) {
    let (child, code, stderr) = start(p, args);
    server.approve(&code, login, false);
    finish(child, stderr)
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn the_grant_is_kept_sealed_under_an_owner_only_key_and_a_reconnect_must_be_the_same_login() {
    let server = OAuthServer::shared();
    let p = connected(server, "", "northwind");
    // The vault's key: owner-only, in the data directory.
    let key = p
        .dir
        .path()
        .join("data")
        .join("switchboard")
        .join("vault.key");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The portal holds sealed tokens only.
    if !crate::common::on_postgres() {
        let conn = rusqlite::Connection::open(&p.db).unwrap();
        let (access, refresh): (String, Option<String>) = conn
            .query_row("SELECT access_token, refresh_token FROM grants", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert!(access.starts_with("v1."), "{access}");
        assert!(refresh.is_some_and(|r| r.starts_with("v1.")));
        for token in server.issued() {
            assert!(!access.contains(&token));
        }
    }
    let id = p.run(&["--json", "account", "list"]).ok().json()[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    // The grant's facts show, never its tokens; a lost key makes it
    // unreadable, and nothing else is lost.
    let shown = p.run(&["--json", "account", "show", &id]).ok().json();
    assert_eq!(shown["grant"]["readable"], true, "{shown}");
    assert_eq!(shown["grant"]["scopes"][0], "openid", "{shown}");
    let kept = std::fs::read(&key).unwrap();
    std::fs::remove_file(&key).unwrap();
    let shown = p.run(&["--json", "account", "show", &id]).ok().json();
    assert_eq!(shown["grant"]["readable"], false, "{shown}");
    assert_eq!(shown["status"], "connected");
    let human = p.run(&["account", "show", &id]).ok().stdout;
    assert!(human.contains("grant unreadable: reconnect"), "{human}");
    std::fs::write(&key, kept).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    p.run(&["--as", ADMIN, "account", "disconnect", &id]).ok();
    let reconnect = [
        "--as",
        ADMIN,
        "account",
        "reconnect",
        &id,
        "--authorize",
        "--device",
    ];
    // Another login is not this account: refused, nothing changed.
    let (exit, _, err) = signed_in(&p, server, &reconnect, "intruder");
    assert_ne!(exit, 0);
    assert!(
        err.contains("this login is @intruder, not @northwind"),
        "{err}"
    );
    let status =
        |p: &TestPortal| p.run(&["--json", "account", "list"]).ok().json()[0]["status"].clone();
    assert_eq!(status(&p), "disconnected");
    // The account's own login reconnects it.
    let (exit, out, err) = signed_in(&p, server, &reconnect, "northwind");
    assert_eq!(exit, 0, "{out}{err}");
    assert_eq!(status(&p), "connected");
}

/// Runs `watch` on the portal until `done` says so (or a minute passes),
/// then stops it with SIGTERM.
fn watch_until(p: &TestPortal, done: impl Fn() -> bool) -> bool {
    let mut watch = p
        .command(&["watch"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = false;
    while Instant::now() < deadline {
        if done() {
            seen = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    // SAFETY: a plain signal to our own child.
    unsafe { libc::kill(watch.id() as i32, libc::SIGTERM) };
    let _ = watch.wait();
    seen
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn watch_refreshes_a_grant_before_its_access_token_expires_and_the_deadlines_do_not_move() {
    // Access tokens of four seconds: due for a refresh at once.
    let server = OAuthServer::start(4, 600);
    let p = connected(&server, "", "northwind");
    let before = p.run(&["--json", "account", "list"]).ok().json()[0].clone();
    let issued = server.issued().len();
    assert!(
        watch_until(&p, || server.issued().len() >= issued + 2),
        "watch refreshed the grant (new tokens issued)"
    );
    let after = p.run(&["--json", "account", "list"]).ok().json()[0].clone();
    assert_eq!(after["status"], "connected");
    // A refresh is not a reauthorization (RULES): the deadline stays.
    assert_eq!(after["authorized_at"], before["authorized_at"], "{after}");
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_grant_revoked_at_the_network_becomes_a_security_disconnect_that_watch_applies_by_itself() {
    // Its own server: the test revokes every token it issued.
    let server = OAuthServer::start(3600, 600);
    let p = connected(&server, "check_every = \"1s\"\n", "northwind");
    // The user withdraws the app's access at the network.
    for token in server.issued() {
        server.revoke(&token);
    }
    let account = || p.run(&["--json", "account", "list", "--all"]).ok().json()[0].clone();
    assert!(
        watch_until(&p, || account()["status"] == "disconnected"),
        "watch noticed: {}",
        account()
    );
    // R4: a security disconnect, reported by the network, audited.
    assert_eq!(account()["disconnect_reason"], "security");
    let audit = p.run(&["--json", "audit"]).ok().json();
    assert!(
        audit
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "disconnect" && e["actor"] == "network"),
        "{audit}"
    );
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_disconnect_withdraws_the_grant_at_the_network_and_a_network_that_is_down_never_blocks_it() {
    let server = OAuthServer::start(3600, 600);
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let connect = CONNECT;
    for login in ["northwind", "northwind.outlet"] {
        let (exit, out, err) = signed_in(&p, &server, &connect, login);
        assert_eq!(exit, 0, "{out}{err}");
    }
    let accounts = p.run(&["--json", "account", "list"]).ok().json();
    let id_of = |handle: &str| {
        accounts
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["handle"] == handle)
            .unwrap()["id"]
            .to_string()
    };
    let issued = server.issued();
    assert!(issued.iter().all(|t| server.active(t)));
    // RFC 7009: the disconnect tells the network.
    p.run(&["--as", ADMIN, "account", "disconnect", &id_of("northwind")])
        .ok();
    let still: Vec<&String> = issued.iter().filter(|t| server.active(t)).collect();
    assert!(
        !still.is_empty() && still.len() < issued.len(),
        "one grant withdrawn, the other kept"
    );
    // The network down: the disconnect is done, and the warning says how
    // to withdraw the access by hand.
    drop(server);
    let run = p.run(&[
        "--as",
        ADMIN,
        "account",
        "disconnect",
        &id_of("northwind.outlet"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("could not be withdrawn at X"),
        "{}",
        run.stderr
    );
    let statuses = p.run(&["--json", "account", "list"]).ok().json();
    assert!(
        statuses
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["status"] == "disconnected"),
        "{statuses}"
    );
}

/// Starts a browser sign-in and reads the page it prints.
fn start_browser(p: &TestPortal) -> (Child, String, BufReader<std::process::ChildStderr>) {
    let mut child = p
        .command(&["--as", ADMIN, "account", "connect", "x", "--authorize"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut url = String::new();
    while !url.starts_with("http") {
        url.clear();
        assert!(stderr.read_line(&mut url).unwrap() > 0, "no page printed");
    }
    (child, url.trim().to_string(), stderr)
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_browser_sign_in_with_pkce_comes_back_to_this_machine_and_connects_the_account() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let (child, url, stderr) = start_browser(&p);
    // RFC 7636 S256 and RFC 8252 loopback, with a state of our own.
    assert!(url.contains("code_challenge_method=S256"), "{url}");
    assert!(
        url.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"),
        "{url}"
    );
    assert!(url.contains("state="), "{url}");
    server.approve_browser(&url, "northwind", false);
    let (exit, out, err) = finish(child, stderr);
    assert_eq!(exit, 0, "{out}{err}");
    let accounts = p.run(&["--json", "account", "list"]).ok().json();
    assert_eq!(accounts[0]["handle"], "northwind", "{accounts}");
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_redirect_that_is_not_the_answer_to_this_sign_in_is_refused_and_nothing_is_connected() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let (child, url, stderr) = start_browser(&p);
    // Someone else's redirect to our port: another state.
    let port: u16 = url
        .split("127.0.0.1%3A")
        .nth(1)
        .and_then(|rest| rest.split('%').next())
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("no port in {url}"));
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    std::io::Write::write_all(
        &mut stream,
        b"GET /callback?code=stolen&state=forged HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    )
    .unwrap();
    let (exit, out, err) = finish(child, stderr);
    assert_ne!(exit, 0, "{out}");
    assert!(err.contains("its state differs"), "{err}");
    nothing_connected(&p);
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_browser_sign_in_declined_at_the_network_connects_nothing() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let (child, url, stderr) = start_browser(&p);
    server.approve_browser(&url, "northwind", true);
    let (exit, out, err) = finish(child, stderr);
    assert_ne!(exit, 0, "{out}");
    assert!(err.contains("declined at the network"), "{err}");
}

#[test]
fn a_network_that_never_answers_is_given_up_at_its_deadline_and_nothing_is_connected() {
    // Accepts, reads, and says nothing, for as long as it is asked.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", silent.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in silent.incoming().flatten() {
            held.push(stream);
        }
    });
    let p = TestPortal::new();
    p.write_config(&format!(
        "[networks.x]\nclient_id = \"c\"\nauthorization_url = \"{url}/a\"\n\
         token_url = \"{url}/t\"\ndevice_authorization_url = \"{url}/d\"\n\
         userinfo_url = \"{url}/u\"\ntimeout = \"2s\"\n"
    ));
    let started = Instant::now();
    let run = p.run(&CONNECT);
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("no whole answer within 2 s"),
        "{}",
        run.stderr
    );
    nothing_connected(&p);
}

#[test]
#[cfg_attr(
    no_oauth_server,
    ignore = "needs Node and the OAuth test server: npm ci --prefix tests/oauth (README, Test)"
)]
fn a_code_issued_for_another_pkce_challenge_is_refused_and_nothing_is_connected() {
    let server = OAuthServer::shared();
    let p = TestPortal::new();
    p.write_config(&server.config("x"));
    let (child, url, stderr) = start_browser(&p);
    // The same sign-in (its redirect, its state), but a code bound to a
    // challenge whose verifier the app does not hold.
    let challenge = url
        .split("code_challenge=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .unwrap()
        .to_string();
    let forged = url.replace(
        &format!("code_challenge={challenge}"),
        "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
    server.approve_browser(&forged, "northwind", false);
    let (exit, out, err) = finish(child, stderr);
    assert_ne!(exit, 0, "{out}");
    assert!(err.contains("refused to trade the sign-in's code"), "{err}");
    nothing_connected(&p);
}
