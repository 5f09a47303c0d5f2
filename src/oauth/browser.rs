//! The authorization code grant with PKCE (RFC 7636, S256) and a loopback
//! redirect (RFC 8252 §7.3): the user signs in in a browser, which the
//! network sends back to `http://127.0.0.1:PORT/callback` on this machine,
//! where one request is awaited (with a deadline, a stop request heard),
//! its `state` checked, then the code exchanged for the grant.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use sha2::{Digest, Sha256};

use super::{Client, Grant, Secret, exchange, failed, grant_of, refusal};
use crate::error::Result;

/// A sign-in under way: the page to open, and what checks its answer.
pub struct BrowserSignIn {
    pub url: String,
    listener: TcpListener,
    redirect_uri: String,
    state: String,
    verifier: Secret,
}

fn random_text(bytes: usize) -> Result<String> {
    let mut raw = vec![0u8; bytes];
    getrandom::getrandom(&mut raw)
        .map_err(|e| crate::error::Error::other("random", e.to_string()))?;
    Ok(B64.encode(raw))
}

fn encoded(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(&text[i + 1..i + 3], 16) {
                Ok(byte) => {
                    out.push(byte);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Starts a sign-in: a loopback port of our own, a PKCE verifier and a
/// `state`, and the network's page with all of them.
pub fn start(client: &Client) -> Result<BrowserSignIn> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .map_err(|e| failed(client, crate::tr!("oauth-why-listen", why = e.to_string())))?;
    let port = listener
        .local_addr()
        .map_err(|e| failed(client, crate::tr!("oauth-why-listen", why = e.to_string())))?
        .port();
    let redirect_uri = format!("http://127.0.0.1:{port}/callback");
    let verifier = random_text(48)?;
    let challenge = B64.encode(Sha256::digest(verifier.as_bytes()));
    let state = random_text(24)?;
    let separator = if client.authorization_url.contains('?') {
        '&'
    } else {
        '?'
    };
    let url = format!(
        "{}{separator}response_type=code&client_id={}&redirect_uri={}&scope={}&state={}&code_challenge={}&code_challenge_method=S256",
        client.authorization_url,
        encoded(&client.client_id),
        encoded(&redirect_uri),
        encoded(&client.scopes.join(" ")),
        encoded(&state),
        encoded(&challenge),
    );
    Ok(BrowserSignIn {
        url,
        listener,
        redirect_uri,
        state,
        verifier: Secret(verifier),
    })
}

/// What the network's redirect said.
#[derive(Debug, PartialEq, Eq)]
pub enum Callback {
    Code(String),
    /// The network said why not (`access_denied`...).
    Refused(String),
    /// Not the answer to our request (`state` differs): never used.
    WrongState,
    /// Not a callback at all (a favicon, a probe): waited past.
    Other,
}

/// Reads the redirect's request line: `GET /callback?code=..&state=.. HTTP/1.1`.
pub fn parse_callback(request_line: &str, state: &str) -> Callback {
    let mut parts = request_line.split_whitespace();
    let (Some("GET"), Some(target)) = (parts.next(), parts.next()) else {
        return Callback::Other;
    };
    let Some(query) = target.strip_prefix("/callback?") else {
        return Callback::Other;
    };
    let mut code = None;
    let mut error = None;
    let mut got_state = None;
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "code" => code = Some(decoded(value)),
            "error" => error = Some(decoded(value)),
            "state" => got_state = Some(decoded(value)),
            _ => {}
        }
    }
    if got_state.as_deref() != Some(state) {
        return Callback::WrongState;
    }
    match (code, error) {
        (_, Some(error)) => Callback::Refused(error),
        (Some(code), None) => Callback::Code(code),
        (None, None) => Callback::Other,
    }
}

/// The page the browser shows once the redirect came.
fn answer(mut stream: TcpStream, title: &str) {
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>Switchboard</title><p>{}</p>",
        title.replace('<', "&lt;")
    );
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

impl BrowserSignIn {
    /// Waits for the network's redirect (until `deadline`, or `stopped`),
    /// checks it, and exchanges its code for the grant.
    pub fn finish(
        self,
        client: &Client,
        deadline: Duration,
        stopped: &dyn Fn() -> bool,
    ) -> Result<Grant> {
        let until = Instant::now() + deadline;
        self.listener
            .set_nonblocking(true)
            .map_err(|e| failed(client, crate::tr!("oauth-why-listen", why = e.to_string())))?;
        let code = loop {
            if stopped() {
                return Err(failed(client, crate::tr!("oauth-why-stopped")));
            }
            if Instant::now() >= until {
                return Err(failed(
                    client,
                    crate::tr!("oauth-why-no-redirect", seconds = deadline.as_secs()),
                ));
            }
            let mut stream = match self.listener.accept() {
                Ok((stream, _)) => stream,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(50));
                    continue;
                }
                Err(e) => {
                    return Err(failed(
                        client,
                        crate::tr!("oauth-why-listen", why = e.to_string()),
                    ));
                }
            };
            let _ = stream.set_nonblocking(false);
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut head = [0u8; 4096];
            let read = stream.read(&mut head).unwrap_or(0);
            let text = String::from_utf8_lossy(&head[..read]);
            let line = text.lines().next().unwrap_or("");
            match parse_callback(line, &self.state) {
                Callback::Code(code) => {
                    answer(stream, &crate::tr!("oauth-browser-done"));
                    break code;
                }
                Callback::Refused(error) => {
                    answer(stream, &crate::tr!("oauth-browser-refused"));
                    let why = serde_json::json!({ "error": error });
                    return Err(failed(client, refusal(400, &why)));
                }
                Callback::WrongState => {
                    answer(stream, &crate::tr!("oauth-browser-refused"));
                    return Err(failed(client, crate::tr!("oauth-why-state")));
                }
                Callback::Other => answer(stream, ""),
            }
        };
        let (status, json) = exchange(
            client,
            &client.token_url,
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", &self.redirect_uri),
                ("client_id", &client.client_id),
                ("code_verifier", self.verifier.expose()),
            ],
            None,
        )?;
        if status != 200 {
            // A code the network will not trade for this sign-in's PKCE
            // verifier (or a code used twice): start again.
            if json.get("error").and_then(|e| e.as_str()) == Some("invalid_grant") {
                return Err(failed(client, crate::tr!("oauth-why-code-refused")));
            }
            return Err(failed(client, refusal(status, &json)));
        }
        grant_of(client, &json)
    }
}

/// Opens the page in the desktop's browser, when there is a desktop; the
/// URL is printed either way (a terminal over SSH opens nothing).
pub fn open_in_desktop(url: &str) {
    let desktop = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
    if desktop {
        let _ = std::process::Command::new("xdg-open")
            .arg(url)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_is_used_only_with_our_state() {
        assert_eq!(
            parse_callback("GET /callback?code=abc&state=s1 HTTP/1.1", "s1"),
            Callback::Code("abc".into())
        );
        assert_eq!(
            parse_callback("GET /callback?code=abc&state=other HTTP/1.1", "s1"),
            Callback::WrongState
        );
        assert_eq!(
            parse_callback("GET /callback?code=abc HTTP/1.1", "s1"),
            Callback::WrongState
        );
        assert_eq!(
            parse_callback("GET /callback?error=access_denied&state=s1 HTTP/1.1", "s1"),
            Callback::Refused("access_denied".into())
        );
        assert_eq!(
            parse_callback("GET /favicon.ico HTTP/1.1", "s1"),
            Callback::Other
        );
    }
}
