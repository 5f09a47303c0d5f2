//! Issue 21, item 6: `watch --metrics` tells an operator how the service
//! is, in a text a real parser reads (Python's `prometheus_client`, its
//! OpenMetrics parser, in tests/python/site).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::Duration;

use super::delivery::{HttpServer, PRIVATE, stop, wait_until, write_config};
use crate::common::{ADMIN, T0, TestPortal};

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `GET path` on loopback: the status line's code and the body.
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let code = answer.split_whitespace().nth(1)?.parse().ok()?;
    let body = answer.split_once("\r\n\r\n")?.1.to_string();
    Some((code, body))
}

fn watch_with_metrics(p: &TestPortal, port: u16) -> Child {
    p.command(&["--json", "watch", "--metrics", &port.to_string()])
        .env("SWITCHBOARD_WEBHOOK_SECRET", "s3cret")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The exposition as Python's OpenMetrics parser reads it: each sample's
/// name, labels and value.
fn parsed(text: &str) -> Vec<serde_json::Value> {
    let script = r#"
import json, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for s in family.samples:
        samples.append({'family': family.name, 'type': family.type, 'name': s.name, 'labels': s.labels, 'value': s.value})
print(json.dumps(samples))
"#;
    match crate::common::python_json(script, text.as_bytes(), "prometheus_client") {
        serde_json::Value::Array(samples) => samples,
        other => panic!("not a list of samples: {other}"),
    }
}

fn value(samples: &[serde_json::Value], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    samples
        .iter()
        .find(|s| {
            s["name"] == name
                && labels
                    .iter()
                    .all(|(k, v)| s["labels"][*k].as_str() == Some(*v))
        })
        .and_then(|s| s["value"].as_f64())
}

#[test]
#[cfg_attr(
    no_python_parsers,
    ignore = "needs Python's prometheus_client: python3 -m pip install --target tests/python/site -r tests/python/requirements.txt (README, Test)"
)]
fn watch_serves_metrics_a_prometheus_parser_reads_and_healthz_while_sweeps_are_on_time() {
    let p = TestPortal::new();
    p.run(&["--now", T0, "clock", "set", T0]).ok();
    p.connect("facebook", "acme", T0);
    p.connect("instagram", "style", T0);
    let x = p.connect("x", "news", T0);
    p.act(ADMIN, T0, &["account", "disconnect", &x.to_string()])
        .ok();
    // 80 days on: both reminders (day 83) are within the week.
    p.run(&["--as", ADMIN, "clock", "advance", "80d"]).ok();
    let hook = HttpServer::start(vec![200], Duration::ZERO);
    write_config(&p, &format!("[delivery]\n{PRIVATE}"));
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
    let port = free_port();
    let watch = watch_with_metrics(&p, port);
    wait_until("a healthy watch", 20, || {
        get(port, "/healthz").is_some_and(|(code, _)| code == 200)
    });
    let (code, body) = get(port, "/healthz").unwrap();
    assert_eq!((code, body.as_str()), (200, "ok\n"));
    let (code, text) = get(port, "/metrics").unwrap();
    assert_eq!(code, 200);
    let samples = parsed(&text);
    let accounts = |network, state| {
        value(
            &samples,
            "switchboard_accounts",
            &[("network", network), ("state", state)],
        )
    };
    assert_eq!(accounts("facebook", "connected"), Some(1.0), "{text}");
    assert_eq!(accounts("instagram", "connected"), Some(1.0));
    assert_eq!(accounts("x", "disconnected"), Some(1.0));
    assert_eq!(accounts("linkedin", "connected"), Some(0.0));
    assert_eq!(
        value(
            &samples,
            "switchboard_due_next_7_days",
            &[("kind", "reauth_reminder")]
        ),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        value(&samples, "switchboard_deliveries", &[("status", "failed")]),
        Some(0.0)
    );
    assert!(value(&samples, "switchboard_last_sweep_timestamp_seconds", &[]).unwrap() > 1.7e9);
    assert!(value(&samples, "switchboard_last_sweep_duration_seconds", &[]).is_some());
    assert!(value(&samples, "switchboard_sweeps_total", &[]).unwrap() >= 1.0);
    assert_eq!(
        value(
            &samples,
            "switchboard_build_info",
            &[("version", env!("CARGO_PKG_VERSION"))]
        ),
        Some(1.0)
    );
    let attempts = &[("channel", "email"), ("outcome", "delivered")];
    assert_eq!(
        value(
            &samples,
            "switchboard_delivery_attempt_seconds_count",
            attempts
        ),
        Some(0.0),
        "{text}"
    );
    assert!(
        samples
            .iter()
            .any(|s| s["family"] == "switchboard_delivery_attempt_seconds"
                && s["type"] == "histogram")
    );
    // Anything else is not found.
    assert_eq!(get(port, "/").map(|(code, _)| code), Some(404));
    // The reminders go out: each attempt's time is in the histogram.
    p.run(&["--as", ADMIN, "clock", "advance", "4d"]).ok();
    let webhook = &[("channel", "webhook"), ("outcome", "delivered")];
    wait_until("two attempts measured", 20, || {
        get(port, "/metrics").is_some_and(|(_, text)| {
            value(
                &parsed(&text),
                "switchboard_delivery_attempt_seconds_count",
                webhook,
            ) == Some(2.0)
        })
    });
    assert_eq!(hook.requests().len(), 2);
    let (code, stderr) = stop(watch);
    assert_eq!(code, Some(0), "{stderr}");
    // The port is free again once the watch is gone.
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn a_metrics_address_that_is_not_one_or_is_taken_is_refused_before_the_watch_starts() {
    let p = TestPortal::new();
    let bad = p.run(&["watch", "--metrics", "localhost:http"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(bad.stderr.contains("give a port"), "{}", bad.stderr);
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = p.run(&["watch", "--metrics", &port]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("cannot serve metrics"),
        "{}",
        run.stderr
    );
}
