//! The metrics' HTTP face: `GET /metrics` and `GET /healthz`, one
//! connection at a time on a thread of its own, each with an overall
//! deadline, so a client that stalls or trickles holds nothing for long
//! and never the watch. Only what an operator's scraper sends is read:
//! the request line and headers, at most 8 KiB.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Metrics;
use crate::error::{Error, Result};

/// The whole exchange with one client, request and answer.
const EXCHANGE: Duration = Duration::from_secs(3);
const MOST_REQUEST: usize = 8 * 1024;

/// `9464`, `127.0.0.1:9464` or `[::1]:9464`: a bare port is on loopback.
pub fn address(text: &str) -> Result<SocketAddr> {
    let text = text.trim();
    let parsed = match text.parse::<u16>() {
        Ok(port) => Ok(SocketAddr::from(([127, 0, 0, 1], port))),
        Err(_) => text.parse::<SocketAddr>(),
    };
    parsed.map_err(|_| {
        Error::invalid(
            "bad_metrics_address",
            crate::tr!(
                "error-bad-metrics-address",
                value = crate::present::escape_control(text)
            ),
        )
    })
}

/// Listens on `at` and answers on a thread until the process ends; the
/// address it listens on (port 0 picks one).
pub fn serve(at: SocketAddr, metrics: Arc<Metrics>) -> Result<SocketAddr> {
    let failed = |e: std::io::Error| {
        Error::other(
            "metrics_bind",
            crate::tr!(
                "error-metrics-bind",
                address = at.to_string(),
                why = e.to_string()
            ),
        )
    };
    let listener = TcpListener::bind(at).map_err(failed)?;
    let bound = listener.local_addr().map_err(failed)?;
    if !bound.ip().is_loopback() {
        tracing::warn!(address = %bound, "metrics served beyond this machine");
    }
    std::thread::Builder::new()
        .name("metrics".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                if let Err(e) = answer(stream, &metrics) {
                    tracing::debug!("metrics request not answered: {e}");
                }
            }
        })
        .map_err(failed)?;
    Ok(bound)
}

/// Reads one request within the deadline and answers it.
fn answer(mut stream: TcpStream, metrics: &Metrics) -> std::io::Result<()> {
    let deadline = Instant::now() + EXCHANGE;
    let mut request = Vec::new();
    let mut buffer = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || request.len() > MOST_REQUEST {
            return reply(
                &mut stream,
                "408 Request Timeout",
                "text/plain",
                "\n",
                deadline,
            );
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut buffer) {
            Ok(0) => return Ok(()),
            Ok(n) => request.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let line = String::from_utf8_lossy(&request);
    let mut words = line.lines().next().unwrap_or("").split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let path = target.split('?').next().unwrap_or("");
    let now = crate::clock::wall_ms() as f64 / 1000.0;
    let (status, kind, body) = match (method, path) {
        ("GET" | "HEAD", "/metrics") => (
            "200 OK",
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
            metrics.render(),
        ),
        ("GET" | "HEAD", "/healthz") => match metrics.health(now) {
            Ok(()) => ("200 OK", "text/plain; charset=utf-8", "ok\n".to_string()),
            Err(why) => (
                "503 Service Unavailable",
                "text/plain; charset=utf-8",
                format!("{why}\n"),
            ),
        },
        ("GET" | "HEAD", _) => (
            "404 Not Found",
            "text/plain",
            "/metrics or /healthz\n".into(),
        ),
        _ => ("405 Method Not Allowed", "text/plain", "GET\n".into()),
    };
    let body = if method == "HEAD" {
        String::new()
    } else {
        body
    };
    reply(&mut stream, status, kind, &body, deadline)
}

fn reply(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &str,
    deadline: Instant,
) -> std::io::Result<()> {
    let left = deadline.saturating_duration_since(Instant::now());
    stream.set_write_timeout(Some(left.max(Duration::from_millis(100))))?;
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()
}
