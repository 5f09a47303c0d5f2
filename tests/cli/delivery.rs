//! Issue 12: reminders that reach people. Real servers on loopback, started
//! and stopped by each test: an SMTP receiver and an HTTP listener, both
//! written here on std's TcpListener (they speak the protocols' plain
//! forms, as a relay on the same machine does), so the tests pass offline
//! on a fresh machine with nothing installed.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{ADMIN, T0, TestPortal};
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub(crate) const BO: &str = "bo@example.com";
pub(crate) const CY: &str = "cy@example.com";
const SECRET: &str = "s3cret-shared-with-the-receiver";
/// The tests' receivers listen on loopback, which a watch reaches only
/// when the operator allows private webhook targets.
pub(crate) const PRIVATE: &str = "allow_private_webhooks = true\n";

/// A request signed as Standard Webhooks sign: `webhook-signature` is
/// `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the
/// shared secret, `webhook-timestamp` within five minutes of now.
pub(crate) fn assert_signed_now(request: &Request) {
    let id = &request.headers["webhook-id"];
    let timestamp = &request.headers["webhook-timestamp"];
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(&request.body);
    let expected = format!("v1,{}", base64_encode(&mac.finalize().into_bytes()));
    assert_eq!(request.headers["webhook-signature"], expected);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let signed: i64 = timestamp.parse().unwrap();
    assert!((now - signed).abs() < 300, "signed at {signed}, now {now}");
}

fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| (n << 8) | b as u32) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// One mail as the SMTP server received it.
#[derive(Clone, Debug)]
pub(crate) struct Mail {
    pub(crate) to: Vec<String>,
    pub(crate) data: String,
}

impl Mail {
    /// A header's value, its RFC 2047 `=?utf-8?b?…?=` words decoded.
    pub(crate) fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\n\n").next().unwrap_or("");
        // Long headers are folded onto lines that start with a space.
        let unfolded = head.replace("\n ", " ").replace("\n\t", " ");
        unfolded
            .lines()
            .take_while(|l| !l.is_empty())
            .find(|l| {
                l.to_ascii_lowercase()
                    .starts_with(&format!("{}:", name.to_ascii_lowercase()))
            })
            .map(|l| decode_words(l[name.len() + 1..].trim()))
    }
}

fn decode_words(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("=?utf-8?b?") {
        out.push_str(&rest[..start]);
        let word = &rest[start + 10..];
        let end = word.find("?=").unwrap();
        out.push_str(&String::from_utf8(base64(&word[..end])).unwrap());
        rest = &word[end + 2..];
    }
    out.push_str(rest);
    out
}

fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|&c| c != b'=') {
        let value = ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

/// A plain SMTP receiver on loopback, recording every mail, until dropped.
pub(crate) struct SmtpServer {
    pub(crate) port: u16,
    mails: Arc<Mutex<Vec<Mail>>>,
    connections: Arc<std::sync::atomic::AtomicUsize>,
}

impl SmtpServer {
    pub(crate) fn start() -> SmtpServer {
        SmtpServer::start_with(false)
    }

    fn start_with(close_after_mail: bool) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&mails);
        let connections = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = Arc::clone(&connections);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let kept = Arc::clone(&kept);
                std::thread::spawn(move || {
                    let _ = smtp_session_closing(stream, &kept, close_after_mail);
                });
            }
        });
        SmtpServer {
            port,
            mails,
            connections,
        }
    }

    /// How many connections were opened to it.
    pub(crate) fn connections(&self) -> usize {
        self.connections.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub(crate) fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }
}

fn smtp_session(stream: TcpStream, mails: &Mutex<Vec<Mail>>) -> std::io::Result<()> {
    smtp_session_closing(stream, mails, false)
}

/// A session; with `close_after_mail`, the server hangs up after each
/// mail it accepted, as one that closes idle sessions would.
fn smtp_session_closing(
    stream: TcpStream,
    mails: &Mutex<Vec<Mail>>,
    close_after_mail: bool,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    writer.write_all(b"220 test.local ESMTP ready\r\n")?;
    let mut to = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        if command.starts_with("EHLO") {
            writer.write_all(b"250-test.local\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")?;
        } else if command.starts_with("HELO") || command.starts_with("MAIL") {
            writer.write_all(b"250 OK\r\n")?;
        } else if command.starts_with("RCPT") {
            let address = line.trim_end()[8..]
                .trim()
                .trim_matches(['<', '>'])
                .to_string();
            to.push(
                address
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(['<', '>'])
                    .to_string(),
            );
            writer.write_all(b"250 OK\r\n")?;
        } else if command == "DATA" {
            writer.write_all(b"354 end with <CRLF>.<CRLF>\r\n")?;
            let mut data = String::new();
            loop {
                let mut line = String::new();
                // A sender gone mid-message: no mail arrived.
                if reader.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" {
                    break;
                }
                data.push_str(&line.replace("\r\n", "\n"));
            }
            mails.lock().unwrap().push(Mail {
                to: std::mem::take(&mut to),
                data,
            });
            writer.write_all(b"250 OK queued\r\n")?;
            if close_after_mail {
                return Ok(());
            }
        } else if command == "QUIT" {
            writer.write_all(b"221 bye\r\n")?;
            return Ok(());
        } else {
            writer.write_all(b"250 OK\r\n")?;
        }
    }
}

/// One request as the HTTP listener received it.
#[derive(Clone, Debug)]
pub(crate) struct Request {
    pub(crate) headers: HashMap<String, String>,
    pub(crate) body: Vec<u8>,
}

/// An HTTP listener on loopback answering each POST with the next status
/// of `statuses` (the last one for ever after), after `delay`.
pub(crate) struct HttpServer {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl HttpServer {
    pub(crate) fn start(statuses: Vec<u16>, delay: Duration) -> HttpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = http_exchange(stream, &kept, &statuses, delay);
            }
        });
        HttpServer { port, requests }
    }

    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hooks/switchboard", self.port)
    }

    pub(crate) fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn http_exchange(
    stream: TcpStream,
    requests: &Mutex<Vec<Request>>,
    statuses: &[u16],
    delay: Duration,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        // A sender killed mid-request: nothing arrived.
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    // Record first, answer after the delay: a watch killed meanwhile has
    // delivered without knowing it (the case at-least-once is about).
    let status = {
        let mut all = requests.lock().unwrap();
        all.push(Request { headers, body });
        statuses[(all.len() - 1).min(statuses.len() - 1)]
    };
    std::thread::sleep(delay);
    let reason = if status < 300 { "OK" } else { "Error" };
    write!(
        writer,
        "HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    writer.flush()
}

/// A demo-clock portal: Ana (super admin), Bo (publisher, all accounts) and
/// Cy (publisher), all with email on; Bo connects Facebook @acme at T0.
pub(crate) fn portal_with_email_users() -> (TestPortal, i64) {
    let p = TestPortal::new();
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    for user in [BO, CY] {
        p.run(&[
            "--as",
            ADMIN,
            "user",
            "add",
            user,
            "--name",
            user,
            "--access",
            "all",
            "--publish",
        ])
        .ok();
    }
    set_email(&p, &[ADMIN, BO, CY], "on");
    let id = p.connect_as(BO, "facebook", "acme", T0);
    (p, id)
}

/// Turns these users' reminders by email on or off (as the admin).
pub(crate) fn set_email(p: &TestPortal, users: &[&str], on_or_off: &str) {
    for user in users {
        p.run(&[
            "--as",
            ADMIN,
            "user",
            "set",
            user,
            "--email-notifications",
            on_or_off,
        ])
        .ok();
    }
}

pub(crate) fn write_config(p: &TestPortal, text: &str) {
    let dir = p.dir.path().join("config").join("switchboard");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

pub(crate) fn smtp_config(port: u16) -> String {
    format!(
        "[email]\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\nfrom = \"Switchboard <switchboard@acme.test>\"\n\n[delivery]\nfirst_retry = \"200ms\"\ntimeout = \"3s\"\n"
    )
}

pub(crate) fn start_watch(p: &TestPortal) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("switchboard"))
        .env("SWITCHBOARD_DB", &p.db)
        .env("SWITCHBOARD_LANG", "en")
        .env("XDG_DATA_HOME", p.dir.path().join("data"))
        .env("XDG_CONFIG_HOME", p.dir.path().join("config"))
        .env("SWITCHBOARD_WEBHOOK_SECRET", SECRET)
        .env_remove("SWITCHBOARD_USER")
        .args(["--json", "watch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// SIGTERM, and the exit code.
pub(crate) fn stop(mut watch: Child) -> (Option<i32>, String) {
    unsafe {
        libc::kill(watch.id() as i32, libc::SIGTERM);
    }
    let started = Instant::now();
    while watch.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the watch did not stop"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = watch.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The failed deliveries, as the super admin sees them.
fn failed_deliveries(p: &TestPortal) -> Vec<serde_json::Value> {
    p.run(&[
        "--json",
        "--as",
        ADMIN,
        "notifications",
        "outbox",
        "--failed",
    ])
    .ok()
    .json()
    .as_array()
    .unwrap()
    .clone()
}

pub(crate) fn outbox(p: &TestPortal) -> Vec<serde_json::Value> {
    p.run(&["--json", "notifications", "outbox"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .clone()
}

pub(crate) fn wait_until(what: &str, seconds: u64, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(seconds),
            "waited {seconds} s for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn r9_watch_emails_the_reminder_to_the_right_people_once_each_when_the_clock_passes_it() {
    let smtp = SmtpServer::start();
    let (p, account) = portal_with_email_users();
    write_config(&p, &smtp_config(smtp.port));
    let watch = start_watch(&p);
    std::thread::sleep(Duration::from_millis(500));
    // Another process moves the demo clock past the reminder (90 - 7 days).
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    wait_until("two mails", 20, || smtp.mails().len() >= 2);
    std::thread::sleep(Duration::from_millis(700));
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");

    // R9b: the last connector (Bo) and the super admin (Ana); Cy, who has
    // email on but nothing to do with the account, hears nothing.
    let mails = smtp.mails();
    let mut to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, vec![ADMIN.to_string(), BO.to_string()], "{mails:#?}");
    for mail in &mails {
        let subject = mail.header("Subject").unwrap();
        assert!(
            subject.starts_with("Reauthorize Facebook · acme by "),
            "{subject}"
        );
        assert!(
            mail.header("Message-ID")
                .unwrap()
                .contains("reauth_reminder")
        );
        assert!(
            mail.data
                .contains(&format!("switchboard account reconnect {account}")),
            "{}",
            mail.data
        );
    }
    // Issue 22: the batch went over one connection.
    assert_eq!(smtp.connections(), 1, "one SMTP session for the batch");
    // Every delivery ended delivered, each after one attempt.
    let rows = outbox(&p);
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r["status"] == "delivered" && r["attempts"] == 1)
    );
}

#[test]
fn a_mail_server_that_hangs_up_between_mails_still_gets_each_once_on_a_new_session() {
    let smtp = SmtpServer::start_with(true);
    let (p, _) = portal_with_email_users();
    write_config(&p, &smtp_config(smtp.port));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("two mails", 20, || smtp.mails().len() >= 2);
    std::thread::sleep(Duration::from_millis(500));
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(smtp.mails().len(), 2, "each once");
    assert_eq!(
        smtp.connections(),
        2,
        "the kept session was closed: a new one"
    );
    assert!(
        outbox(&p)
            .iter()
            .all(|r| r["status"] == "delivered" && r["attempts"] == 1)
    );
}

#[test]
fn a_reminder_is_written_in_its_recipients_language_and_zone() {
    let smtp = SmtpServer::start();
    let (p, _) = portal_with_email_users();
    p.run(&[
        "--as",
        BO,
        "user",
        "set",
        BO,
        "--lang",
        "it",
        "--timezone",
        "Europe/Rome",
    ])
    .ok();
    write_config(&p, &smtp_config(smtp.port));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("two mails", 20, || smtp.mails().len() >= 2);
    let (code, _) = stop(watch);
    assert_eq!(code, Some(0));
    let mails = smtp.mails();
    let to_bo = mails.iter().find(|m| m.to == [BO]).unwrap();
    let to_ana = mails.iter().find(|m| m.to == [ADMIN]).unwrap();
    assert_eq!(
        to_bo.header("Subject").unwrap(),
        "Riautorizza Facebook · acme entro il 30 mag 2026, 11:00"
    );
    assert!(to_bo.data.contains("(Europe/Rome)"), "{}", to_bo.data);
    assert_eq!(
        to_ana.header("Subject").unwrap(),
        "Reauthorize Facebook · acme by May 30 2026 09:00"
    );
    assert!(to_ana.data.contains("(UTC)"), "{}", to_ana.data);
}

#[test]
fn a_webhook_answering_500_then_200_gets_one_signed_delivery_after_a_retry() {
    let hook = HttpServer::start(vec![500, 200], Duration::ZERO);
    let (p, account) = portal_with_email_users();
    set_email(&p, &[ADMIN, BO, CY], "off");
    // The test's receiver is on loopback: the operator allows it.
    write_config(
        &p,
        &format!("[delivery]\nfirst_retry = \"200ms\"\n{PRIVATE}"),
    );
    p.run(&["--as", BO, "user", "set", BO, "--webhook", &hook.url()])
        .ok();
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("the delivery", 20, || {
        outbox(&p).iter().any(|r| r["status"] == "delivered")
    });
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");

    let requests = hook.requests();
    assert_eq!(requests.len(), 2, "one 500, then one 200");
    let keys: Vec<&String> = requests
        .iter()
        .map(|r| &r.headers["idempotency-key"])
        .collect();
    assert_eq!(keys[0], keys[1], "the same message id on the retry");
    for request in &requests {
        assert_signed_now(request);
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        assert_eq!(body["kind"], "reauth_reminder");
        assert_eq!(body["account_id"], account);
        assert_eq!(body["account"]["network"], "facebook");
        assert_eq!(body["recipient"], BO);
        assert_eq!(body["message_id"], keys[0].as_str());
    }
    let rows = outbox(&p);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["status"], "delivered");
    assert_eq!(rows[0]["attempts"], 2);
}

#[test]
fn an_unreachable_server_never_blocks_the_sweep_and_a_failed_delivery_goes_again_on_retry() {
    // A port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (p, _) = portal_with_email_users();
    set_email(&p, &[BO, CY], "off");
    write_config(
        &p,
        &format!(
            "[email]\nhost = \"127.0.0.1\"\nport = {port}\nsecurity = \"none\"\nfrom = \"switchboard@acme.test\"\n\n[delivery]\nmax_attempts = 2\nfirst_retry = \"100ms\"\ntimeout = \"2s\"\n"
        ),
    );
    let watch = start_watch(&p);
    std::thread::sleep(Duration::from_millis(400));
    let started = Instant::now();
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    // The sweep is not held by the delivery.
    assert!(started.elapsed() < Duration::from_secs(5));
    wait_until("the delivery to fail", 20, || {
        let failed = failed_deliveries(&p);
        failed.len() == 1
    });
    let failed = failed_deliveries(&p);
    let row = &failed[0];
    assert_eq!(row["attempts"], 2);
    assert!(
        row["last_error"]
            .as_str()
            .unwrap()
            .contains(&port.to_string()),
        "{row}"
    );
    let human = p
        .run(&["--as", ADMIN, "notifications", "outbox", "--failed"])
        .ok()
        .stdout;
    assert!(human.contains("failed after 2 attempts"), "{human}");
    assert!(human.contains("switchboard notifications retry"), "{human}");

    // A server comes up on that port; a retry queues it and the watch,
    // woken by the change, delivers it.
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
    let smtp = SmtpServer {
        port,
        mails: Arc::new(Mutex::new(Vec::new())),
        connections: Arc::default(),
    };
    let kept = Arc::clone(&smtp.mails);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let _ = smtp_session(stream, &kept);
        }
    });
    let id = row["id"].as_i64().unwrap().to_string();
    // Only its recipient or a super admin may.
    p.run(&[
        "--as",
        ADMIN,
        "user",
        "add",
        "vi@example.com",
        "--name",
        "Vi",
    ])
    .ok();
    assert_eq!(
        p.run(&["--as", "vi@example.com", "notifications", "retry", &id])
            .code,
        3
    );
    p.run(&["--as", ADMIN, "notifications", "retry", &id]).ok();
    wait_until("the mail", 20, || smtp.mails().len() == 1);
    let (code, _) = stop(watch);
    assert_eq!(code, Some(0));
    assert_eq!(outbox(&p)[0]["status"], "delivered");
    // A delivered one is not retried.
    assert_eq!(
        p.run(&["--as", ADMIN, "notifications", "retry", &id]).code,
        5
    );
    assert_eq!(
        p.run(&["--as", ADMIN, "notifications", "retry", "999"])
            .code,
        4
    );
}

#[test]
fn bad_channels_are_refused_at_configuration() {
    let (p, _) = portal_with_email_users();
    for url in [
        "ftp://hooks.example.com/x",
        "hooks.example.com",
        "https://exa mple.com/",
    ] {
        let run = p.run(&["--as", ADMIN, "user", "set", ADMIN, "--webhook", url]);
        assert_eq!(run.code, 2, "{url}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    }
    let run = p.run(&[
        "--as",
        ADMIN,
        "user",
        "set",
        ADMIN,
        "--email-notifications",
        "yes",
    ]);
    assert_eq!(run.code, 2);
    // Someone else's channels are theirs or a super admin's to set.
    let run = p.run(&[
        "--as",
        CY,
        "user",
        "set",
        BO,
        "--email-notifications",
        "off",
    ]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    // An SMTP host that cannot be one stops the watch before it starts.
    write_config(
        &p,
        "[email]\nhost = \"smtp example.com\"\nfrom = \"switchboard@acme.test\"\n",
    );
    let watch = start_watch(&p);
    let output = watch.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("[email] host") || stderr.contains("[email] host"),
        "{stdout}{stderr}"
    );
}

/// A demo-clock portal whose super admin takes reminders at `hook`, with
/// `accounts` Facebook accounts connected at T0 (a reminder each at 83 days).
fn webhook_portal(hook: &HttpServer, accounts: usize) -> TestPortal {
    let p = TestPortal::new();
    write_config(&p, &format!("[delivery]\n{PRIVATE}"));
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    p.run(&[
        "--as",
        ADMIN,
        "user",
        "set",
        ADMIN,
        "--webhook",
        &hook.url(),
    ])
    .ok();
    for n in 0..accounts {
        p.connect("facebook", &format!("acme{n}"), T0);
    }
    p
}

/// How many times each message id arrived at `hook`.
fn arrivals(hook: &HttpServer) -> HashMap<String, usize> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for request in hook.requests() {
        *seen
            .entry(request.headers["idempotency-key"].clone())
            .or_default() += 1;
    }
    seen
}

/// A small deterministic generator for the moments of the kills.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn a_watch_killed_at_random_moments_loses_no_delivery_and_repeats_none_more_than_once() {
    // Every answer takes a moment, so kills land mid-delivery too.
    let hook = HttpServer::start(vec![200], Duration::from_millis(30));
    let p = webhook_portal(&hook, 50);
    write_config(
        &p,
        &format!("[delivery]\nfirst_retry = \"100ms\"\n{PRIVATE}"),
    );
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    assert_eq!(outbox(&p).len(), 50);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut random = Lcg(seed);
    let mut kills = 0;
    for _ in 0..12 {
        let mut watch = start_watch(&p);
        // At most 200 ms: a watch gets through at most about six of the
        // 30 ms deliveries before its kill.
        std::thread::sleep(Duration::from_millis(40 + random.below(160)));
        unsafe {
            libc::kill(watch.id() as i32, libc::SIGKILL);
        }
        // Reaped, so its process is gone for the next watch to see.
        watch.wait().unwrap();
        kills += 1;
        // The kills fall among the 50 deliveries, not on the last few: a
        // message a killed watch had in hand waits behind every message
        // never tried, so while more are pending than kills can come, the
        // one in hand at a kill is always a first attempt.
        let pending = outbox(&p)
            .iter()
            .filter(|r| r["status"] != "delivered")
            .count();
        // More never-tried messages left than a watch can get through
        // (at most one in hand per kill so far is not among them).
        if pending <= 20 {
            break;
        }
    }
    // A last watch finishes whatever is left.
    let watch = start_watch(&p);
    wait_until("every delivery", 60, || {
        outbox(&p).iter().all(|r| r["status"] == "delivered")
    });
    let (code, _) = stop(watch);
    assert_eq!(code, Some(0));

    let seen = arrivals(&hook);
    assert_eq!(
        seen.len(),
        50,
        "every message arrived (seed {seed}, {kills} kills)"
    );
    let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    if !seen.values().all(|&n| n <= 2) {
        // What the watches said of them, for the reader of the failure.
        let mut log = String::new();
        let dir = p.dir.path().join("data").join("switchboard").join("logs");
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            log.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
        panic!("no message more than twice (seed {seed}): {repeated:?}\n{log}");
    }
    eprintln!(
        "seed {seed}: {kills} kills, {} messages repeated",
        repeated.len()
    );
    // At most one repeat per kill: the one in hand.
    assert!(
        repeated.len() <= kills,
        "seed {seed}: {repeated:?} after {kills} kills"
    );
}

#[test]
fn two_watches_on_one_portal_never_deliver_a_message_twice() {
    let hook = HttpServer::start(vec![200], Duration::from_millis(5));
    let p = webhook_portal(&hook, 30);
    let first = start_watch(&p);
    let second = start_watch(&p);
    std::thread::sleep(Duration::from_millis(300));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    wait_until("every delivery", 30, || {
        let rows = outbox(&p);
        rows.len() == 30 && rows.iter().all(|r| r["status"] == "delivered")
    });
    for watch in [first, second] {
        let (code, stderr) = stop(watch);
        assert_eq!(code, Some(0), "{stderr}");
    }
    let seen = arrivals(&hook);
    assert_eq!(seen.len(), 30);
    assert!(seen.values().all(|&n| n == 1), "{seen:?}");
}

#[test]
fn sighup_reloads_the_config_and_a_waiting_email_goes_out() {
    let smtp = SmtpServer::start();
    let (p, _) = portal_with_email_users();
    set_email(&p, &[BO, CY], "off");
    // No SMTP server configured yet: the attempt fails, to be retried.
    write_config(
        &p,
        "[delivery]\nfirst_retry = \"300ms\"\nmax_attempts = 50\n",
    );
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("a failed attempt", 20, || {
        outbox(&p)[0]["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("no SMTP server"))
    });
    assert!(smtp.mails().is_empty());
    write_config(&p, &smtp_config(smtp.port));
    unsafe {
        libc::kill(watch.id() as i32, libc::SIGHUP);
    }
    wait_until("the mail", 20, || smtp.mails().len() == 1);
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(outbox(&p)[0]["status"], "delivered");
}

// Issue 17: a watch you can leave running. Servers that misbehave on
// purpose, on loopback, started and stopped by each test.

/// An SMTP "server" that answers every connection's greeting with a
/// continuation line every `every`, for `for_how_long` (for ever with
/// None), then, if it ever ends, carries on as `SmtpServer` does. Each
/// connection after the first `slow` is an ordinary one at once.
struct TricklingSmtp {
    port: u16,
    mails: Arc<Mutex<Vec<Mail>>>,
    connections: Arc<Mutex<usize>>,
}

impl TricklingSmtp {
    fn start(every: Duration, for_how_long: Option<Duration>, slow: usize) -> TricklingSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let (kept, counted) = (Arc::clone(&mails), Arc::clone(&connections));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let nth = {
                    let mut n = counted.lock().unwrap();
                    *n += 1;
                    *n
                };
                let kept = Arc::clone(&kept);
                std::thread::spawn(move || {
                    if nth <= slow {
                        let mut writer = stream.try_clone().unwrap();
                        let started = Instant::now();
                        while for_how_long.is_none_or(|d| started.elapsed() < d) {
                            if writer.write_all(b"220-still here\r\n").is_err() {
                                return;
                            }
                            std::thread::sleep(every);
                        }
                    }
                    let _ = smtp_session(stream, &kept);
                });
            }
        });
        TricklingSmtp {
            port,
            mails,
            connections,
        }
    }
}

/// SIGTERM, and how long the watch took to end, with its stdout.
fn stop_timed(mut watch: Child) -> (Option<i32>, Duration, String) {
    let started = Instant::now();
    unsafe {
        libc::kill(watch.id() as i32, libc::SIGTERM);
    }
    while watch.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the watch did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = started.elapsed();
    let output = watch.wait_with_output().unwrap();
    (
        output.status.code(),
        took,
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// A watch delivering Ana's reminder through `smtp`, with a deadline of
/// 1 s and quick retries: the attempt is given up at the deadline, and
/// SIGTERM in the middle of the next one ends the watch within a tick, not
/// at the server's pleasure.
fn given_up_at_the_deadline_and_stopped_at_once(smtp: &TricklingSmtp) {
    let (p, _) = portal_with_email_users();
    set_email(&p, &[BO, CY], "off");
    write_config(
        &p,
        &format!(
            "[email]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nfrom = \"switchboard@acme.test\"\n\n[delivery]\nmax_attempts = 50\nfirst_retry = \"100ms\"\ntimeout = \"1s\"\n",
            smtp.port
        ),
    );
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("an attempt given up at its deadline", 15, || {
        outbox(&p)[0]["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("no whole exchange within 1 s"))
    });
    // Mid-attempt again (a new connection every ~1.1 s).
    let seen = *smtp.connections.lock().unwrap();
    wait_until("the next connection", 10, || {
        *smtp.connections.lock().unwrap() > seen
    });
    let (code, took, _) = stop_timed(watch);
    assert_eq!(code, Some(0));
    assert!(took < Duration::from_secs(2), "took {took:?} to stop");
    assert!(smtp.mails.lock().unwrap().is_empty());
}

#[test]
fn a_trickling_mail_server_is_given_up_at_the_deadline_and_sigterm_ends_the_watch_at_once() {
    // "220-still here" every 200 ms, for ever: each read gets bytes, so a
    // timeout per read never fires.
    let smtp = TricklingSmtp::start(Duration::from_millis(200), None, usize::MAX);
    given_up_at_the_deadline_and_stopped_at_once(&smtp);
}

#[test]
fn a_mail_server_that_never_answers_is_given_up_at_the_deadline_and_sigterm_ends_the_watch_at_once()
{
    // One line of greeting, then silence for an hour.
    let smtp = TricklingSmtp::start(Duration::from_secs(3600), None, usize::MAX);
    given_up_at_the_deadline_and_stopped_at_once(&smtp);
}

#[test]
fn a_server_slower_than_a_lease_gets_each_message_once_from_two_watches() {
    // The first connection trickles for 8 s, longer than a lease of
    // yesterday's shape (3 x 1 s + 5 s); every later one answers at once.
    let smtp = TricklingSmtp::start(Duration::from_millis(300), Some(Duration::from_secs(8)), 1);
    let (p, _) = portal_with_email_users();
    set_email(&p, &[BO, CY], "off");
    write_config(
        &p,
        &format!(
            "[email]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nfrom = \"switchboard@acme.test\"\n\n[delivery]\nfirst_retry = \"200ms\"\ntimeout = \"1s\"\n",
            smtp.port
        ),
    );
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let first = start_watch(&p);
    let second = start_watch(&p);
    wait_until("the delivery", 20, || {
        outbox(&p)[0]["status"] == "delivered"
    });
    // Past the slow connection's end: had it been waited for, its mail
    // would arrive now.
    std::thread::sleep(Duration::from_secs(9));
    for watch in [first, second] {
        let (code, stderr) = stop(watch);
        assert_eq!(code, Some(0), "{stderr}");
    }
    assert_eq!(smtp.mails.lock().unwrap().len(), 1, "one message, once");
    let row = &outbox(&p)[0];
    assert_eq!(row["status"], "delivered");
}

#[test]
fn a_watch_sends_nothing_stale_after_a_long_catch_up_and_says_so() {
    let smtp = SmtpServer::start();
    let (p, _) = portal_with_email_users();
    write_config(&p, &smtp_config(smtp.port));
    // No watch for 100 days: the reminders (deadline: day 90) are queued
    // by the catch-up's sweep, their deadline already past.
    p.run(&["--as", ADMIN, "clock", "advance", "100d"]).ok();
    let queued = outbox(&p);
    assert!(!queued.is_empty());
    let watch = start_watch(&p);
    wait_until("every row settled", 20, || {
        outbox(&p).iter().all(|r| r["status"] != "pending")
    });
    let (code, _, stdout) = stop_timed(watch);
    assert_eq!(code, Some(0));
    assert!(smtp.mails().is_empty(), "stale mail went out");
    for row in outbox(&p) {
        assert_eq!(row["status"], "expired", "{row}");
        assert!(
            row["last_error"].as_str().unwrap().contains("deadline"),
            "{row}"
        );
    }
    // The watch's own account of it: one line per row, "expired".
    let expired = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|d| d["delivery"]["outcome"] == "expired")
        .count();
    assert_eq!(expired, queued.len(), "{stdout}");
}

#[test]
fn a_message_goes_only_to_whom_the_portal_says_now() {
    let smtp = SmtpServer::start();
    let (p, account) = portal_with_email_users();
    write_config(&p, &smtp_config(smtp.port));
    // Cy's post scheduled before the deadline makes Cy a recipient (R9b).
    p.act(
        CY,
        T0,
        &[
            "post",
            "schedule",
            &account.to_string(),
            "--at",
            "2026-05-29T09:00:00Z",
            "--text",
            "hello",
        ],
    )
    .ok();
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    assert_eq!(outbox(&p).len(), 3, "Ana, Bo and Cy");
    // Then Cy turns email off and Bo leaves.
    p.run(&[
        "--as",
        ADMIN,
        "user",
        "set",
        CY,
        "--email-notifications",
        "off",
    ])
    .ok();
    p.run(&["--as", ADMIN, "user", "deactivate", BO]).ok();
    let watch = start_watch(&p);
    wait_until("every row settled", 20, || {
        outbox(&p).iter().all(|r| r["status"] != "pending")
    });
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    let mails = smtp.mails();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0].to, vec![ADMIN.to_string()]);
    let rows = outbox(&p);
    let reason = |who: &str| {
        rows.iter()
            .find(|r| r["recipient"] == who)
            .map(|r| (r["status"].clone(), r["last_error"].clone()))
            .unwrap()
    };
    let (status, why) = reason(CY);
    assert_eq!(status, "expired");
    assert!(
        why.as_str().unwrap().contains("turned this channel off"),
        "{why}"
    );
    let (status, why) = reason(BO);
    assert_eq!(status, "expired");
    assert!(why.as_str().unwrap().contains("deactivated"), "{why}");
}

#[test]
fn a_reminder_of_an_account_reconnected_since_is_not_sent() {
    let smtp = SmtpServer::start();
    let (p, account) = portal_with_email_users();
    write_config(&p, &smtp_config(smtp.port));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let id = account.to_string();
    p.run(&["--as", ADMIN, "account", "disconnect", &id]).ok();
    p.run(&["--as", ADMIN, "account", "reconnect", &id]).ok();
    let watch = start_watch(&p);
    wait_until("every row settled", 20, || {
        outbox(&p).iter().all(|r| r["status"] != "pending")
    });
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(smtp.mails().is_empty(), "{:?}", smtp.mails());
    for row in outbox(&p) {
        assert_eq!(row["status"], "expired", "{row}");
        assert!(
            row["last_error"]
                .as_str()
                .unwrap()
                .contains("deadline has changed"),
            "{row}"
        );
    }
}

/// An HTTP listener answering every POST with a redirect elsewhere.
fn redirecting_server(location: &str) -> (HttpServer, String) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let kept = Arc::clone(&requests);
    let location = location.to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut writer = stream;
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            kept.lock().unwrap().push(Request {
                headers: HashMap::from([("request-line".into(), line.trim().to_string())]),
                body: Vec::new(),
            });
            let _ = write!(
                writer,
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    let server = HttpServer { port, requests };
    let url = server.url();
    (server, url)
}

#[test]
fn a_redirect_is_a_failure_naming_where_it_pointed_and_is_never_followed() {
    let elsewhere = HttpServer::start(vec![200], Duration::ZERO);
    let (hook, url) = redirecting_server(&elsewhere.url());
    let (p, _) = portal_with_email_users();
    set_email(&p, &[ADMIN, BO, CY], "off");
    write_config(
        &p,
        &format!("[delivery]\nfirst_retry = \"100ms\"\n{PRIVATE}"),
    );
    p.run(&["--as", BO, "user", "set", BO, "--webhook", &url])
        .ok();
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("the failure", 20, || failed_deliveries(&p).len() == 1);
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    let failed = failed_deliveries(&p);
    let error = failed[0]["last_error"].as_str().unwrap();
    assert!(error.contains("302"), "{error}");
    assert!(error.contains(&elsewhere.url()), "{error}");
    assert_eq!(hook.requests().len(), 1, "tried once: a redirect is final");
    assert!(elsewhere.requests().is_empty(), "the redirect was followed");
}

#[test]
fn webhooks_to_this_machine_or_its_network_are_refused_unless_the_operator_allows_them() {
    let hook = HttpServer::start(vec![200], Duration::ZERO);
    let (p, _) = portal_with_email_users();
    set_email(&p, &[ADMIN, BO, CY], "off");
    for url in [
        "http://127.0.0.1:5432/",
        "http://[::1]:22/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://127.1/",
        "http://localhost:8080/",
        "http://10.0.0.8/hook",
        "http://user:pw@hooks.example.com/",
    ] {
        let run = p.run(&["--as", BO, "user", "set", BO, "--webhook", url]);
        assert_eq!(run.code, 2, "{url}: {}", run.stdout);
        assert!(
            run.stderr.contains("allow_private_webhooks")
                || run.stderr.contains("no user name or password"),
            "{url}: {}",
            run.stderr
        );
    }
    // Set while allowed, then the operator closes it: the watch checks the
    // resolved address again when it sends.
    write_config(&p, &format!("[delivery]\n{PRIVATE}"));
    p.run(&["--as", BO, "user", "set", BO, "--webhook", &hook.url()])
        .ok();
    write_config(&p, "[delivery]\nfirst_retry = \"100ms\"\n");
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("the refusal", 20, || failed_deliveries(&p).len() == 1);
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    let error = failed_deliveries(&p)[0]["last_error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(error.contains("loopback"), "{error}");
    assert!(hook.requests().is_empty());
}

#[test]
fn a_mail_is_standard_mime_that_pythons_email_parser_reads() {
    let smtp = SmtpServer::start();
    let (p, _) = portal_with_email_users();
    set_email(&p, &[BO, CY], "off");
    write_config(&p, &smtp_config(smtp.port));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("the mail", 20, || smtp.mails().len() == 1);
    let (code, _, stdout) = stop_timed(watch);
    assert_eq!(code, Some(0));
    let mail = &smtp.mails()[0];
    assert_eq!(mail.header("MIME-Version").as_deref(), Some("1.0"));
    // Python's own parser, which we did not write, reads it as one plain
    // part whose text names the account.
    let mut python = Command::new("python3")
        .args([
            "-c",
            "import sys, email, email.policy\n\
             m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)\n\
             assert m['MIME-Version'] == '1.0', m['MIME-Version']\n\
             assert m.get_content_type() == 'text/plain', m.get_content_type()\n\
             assert not m.defects, m.defects\n\
             print(m.get_content())",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 reads the mail");
    python
        .stdin
        .take()
        .unwrap()
        .write_all(mail.data.replace('\n', "\r\n").as_bytes())
        .unwrap();
    let parsed = python.wait_with_output().unwrap();
    assert!(
        parsed.status.success(),
        "{}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    assert!(String::from_utf8_lossy(&parsed.stdout).contains("Facebook"));
    // `watch --json` prints the row as the attempt left it.
    let delivered = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|d| d["delivery"]["outcome"] == "delivered")
        .expect("a delivered line");
    assert_eq!(delivered["delivery"]["status"], "delivered");
    assert_eq!(delivered["delivery"]["attempts"], 1);
    assert!(delivered["delivery"]["delivered_at"].is_string());
}

#[test]
fn a_password_in_clear_is_refused_at_start_naming_the_key() {
    let (p, _) = portal_with_email_users();
    write_config(
        &p,
        "[email]\nhost = \"127.0.0.1\"\nsecurity = \"none\"\nusername = \"me\"\nfrom = \"switchboard@acme.test\"\n",
    );
    let output = start_watch(&p).wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("allow_insecure_auth"), "{said}");
}

#[test]
fn a_name_that_cannot_stand_in_a_header_fails_its_delivery_and_the_watch_goes_on() {
    let smtp = SmtpServer::start();
    let (p, _) = portal_with_email_users();
    write_config(&p, &smtp_config(smtp.port));
    // Written by another program: a name holding CR LF.
    p.execute_raw(&format!(
        "UPDATE users SET name = 'Bo' || char(13) || char(10) || 'Bcc: all@example.com' WHERE email = '{BO}'"
    ));
    p.run(&["--as", ADMIN, "clock", "advance", "84d"]).ok();
    let watch = start_watch(&p);
    wait_until("every row settled", 20, || {
        outbox(&p).iter().all(|r| r["status"] != "pending")
    });
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "the watch crashed: {stderr}");
    assert_eq!(smtp.mails().len(), 1, "Ana's");
    let failed = failed_deliveries(&p);
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("control character"),
        "{}",
        failed[0]
    );
}

#[test]
fn sweeps_keep_to_their_instants_while_a_delivery_is_in_hand() {
    // A portal on the system clock, whose reminder is due now.
    let ago = |days: i64| {
        (chrono::Utc::now() - chrono::TimeDelta::days(days))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let p = TestPortal::empty();
    p.run(&[
        "init",
        "--portal",
        "Acme",
        "--tier",
        "professional",
        "--admin",
        ADMIN,
        "--admin-name",
        "Ana",
        "--now",
        &ago(100),
    ])
    .ok();
    p.run(&[
        "--now",
        &ago(90),
        "--as",
        ADMIN,
        "user",
        "set",
        ADMIN,
        "--email-notifications",
        "on",
    ])
    .ok();
    p.run(&[
        "--now",
        &ago(84),
        "--as",
        ADMIN,
        "account",
        "connect",
        "facebook",
        "acme",
    ])
    .ok();
    // The mail server takes the connection and says nothing more.
    let smtp = TricklingSmtp::start(Duration::from_secs(3600), None, usize::MAX);
    write_config(
        &p,
        &format!(
            "[email]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nfrom = \"switchboard@acme.test\"\n\n[delivery]\ntimeout = \"20s\"\n",
            smtp.port
        ),
    );
    let watch = start_watch(&p);
    wait_until("the delivery in hand", 10, || {
        *smtp.connections.lock().unwrap() == 1
    });
    let at = (chrono::Utc::now() + chrono::TimeDelta::seconds(2))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let post = p
        .run(&[
            "--json", "--as", ADMIN, "post", "schedule", "1", "--at", &at, "--text", "On time",
        ])
        .ok()
        .json()["id"]
        .as_i64()
        .unwrap();
    std::thread::sleep(Duration::from_secs(4));
    let (code, took, stdout) = stop_timed(watch);
    assert_eq!(code, Some(0));
    assert!(took < Duration::from_secs(2), "took {took:?} to stop");
    // The watch itself published the post at its instant, the delivery
    // still in hand (nothing else swept meanwhile).
    let published = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|d| d["events"].as_array().cloned())
        .flatten()
        .any(|e| e["post_id"] == post);
    assert!(published, "{stdout}");
    assert!(
        outbox(&p)[0]["status"] == "pending",
        "still in hand when stopped"
    );
}
