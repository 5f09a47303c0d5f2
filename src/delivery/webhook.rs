//! Webhooks (ureq): the message as JSON, signed the Standard Webhooks way
//! (standardwebhooks.com, as Svix and Stripe sign theirs):
//!
//! - `webhook-id`: the message's id, the same on every retry;
//! - `webhook-timestamp`: seconds since 1970 when this attempt was signed;
//! - `webhook-signature`: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
//!
//! A receiver recomputes the signature and refuses a timestamp more than
//! five minutes from its own clock, so a captured request cannot be
//! replayed later (issue 17, item 9). Only the addresses the operator
//! allows are reached (item 8), and a redirect is never followed (item 7).

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver};

use super::Failure;
use crate::address as target;

/// The HMAC key of a secret: a Standard Webhooks secret (`whsec_` and
/// base64) is its decoded bytes, any other secret its own bytes.
fn key_of(secret: &str) -> Vec<u8> {
    secret
        .strip_prefix("whsec_")
        .and_then(|encoded| BASE64.decode(encoded).ok())
        .unwrap_or_else(|| secret.as_bytes().to_vec())
}

/// `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under `secret`.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(&key_of(secret)).expect("HMAC takes a key of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
}

/// ureq's resolver for one request: the addresses this attempt already
/// resolved and checked, so a name that resolves anew to a private address
/// between the check and the connection (DNS rebinding) is never reached.
#[derive(Debug)]
struct Pinned(Vec<SocketAddr>);

impl Resolver for Pinned {
    fn resolve(
        &self,
        _uri: &ureq::http::Uri,
        _config: &ureq::config::Config,
        _timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let mut addrs = self.empty();
        for addr in self.0.iter().take(16) {
            addrs.push(*addr);
        }
        if addrs.is_empty() {
            return Err(ureq::Error::HostNotFound);
        }
        Ok(addrs)
    }
}

/// Resolves the URL's host within the deadline and checks every address.
fn resolve(
    uri: &ureq::http::Uri,
    allow_private: bool,
    deadline: Instant,
) -> Result<Vec<SocketAddr>, Failure> {
    let host = uri
        .host()
        .unwrap_or("")
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let port = uri
        .port_u16()
        .unwrap_or(if uri.scheme_str() == Some("https") {
            443
        } else {
            80
        });
    let addrs = super::lookup_before(&host, port, deadline, || {
        Failure::transient(format!("{host}: no address before the deadline"))
    })?;
    if !allow_private {
        for addr in &addrs {
            if let Some(why) = target::forbidden(addr.ip()) {
                return Err(Failure::permanent(format!(
                    "{host} resolves to {} ({why}): webhooks go to public addresses unless [delivery] allow_private_webhooks = true",
                    addr.ip()
                )));
            }
        }
    }
    Ok(addrs)
}

pub struct Request<'a> {
    pub url: &'a str,
    pub secret: &'a str,
    pub message_id: &'a str,
    pub timestamp: i64,
    pub body: &'a str,
    pub allow_private: bool,
}

/// Posts the body once, within `timeout` for everything (resolution,
/// connection, TLS, request, answer).
pub fn send(request: &Request<'_>, timeout: Duration) -> Result<(), Failure> {
    let deadline = Instant::now() + timeout;
    let url = request.url;
    target::check_url(url, request.allow_private).map_err(Failure::permanent)?;
    let uri: ureq::http::Uri = url
        .parse()
        .map_err(|_| Failure::permanent(format!("{url:?} is not a URL")))?;
    let addrs = resolve(&uri, request.allow_private, deadline)?;
    let left = deadline.saturating_duration_since(Instant::now());
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(left.max(Duration::from_millis(1))))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("switchboard/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::with_parts(
        config,
        ureq::unversioned::transport::DefaultConnector::new(),
        Pinned(addrs),
    );
    let response = agent
        .post(url)
        .header("Content-Type", "application/json")
        .header("webhook-id", request.message_id)
        .header("webhook-timestamp", request.timestamp.to_string())
        .header(
            "webhook-signature",
            signature(
                request.secret,
                request.message_id,
                request.timestamp,
                request.body.as_bytes(),
            ),
        )
        .header("Idempotency-Key", request.message_id)
        .send(request.body)
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => Failure::transient(format!(
                "{url}: no whole exchange within {} s ([delivery] timeout)",
                timeout.as_secs_f64()
            )),
            e => Failure::transient(format!("{url}: {e}")),
        })?;
    let status = response.status().as_u16();
    match status {
        200..=299 => Ok(()),
        // A redirect would send the signed body (or a GET without it) to
        // an address nobody checked: a failure, saying where it pointed.
        300..=399 => {
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or("nowhere");
            Err(Failure::permanent(format!(
                "{url} answered {status}, a redirect to {}: webhooks are not redirected; set the final URL with `switchboard user set EMAIL --webhook URL`",
                crate::present::escape_control(location)
            )))
        }
        // The receiver will not take it, however often it is sent; a
        // timeout or a rate limit are worth another try.
        400..=499 if status != 408 && status != 429 => {
            Err(Failure::permanent(format!("{url} answered {status}")))
        }
        _ => Err(Failure::transient(format!("{url} answered {status}"))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_signature_follows_the_standard_webhooks_test_vector() {
        // The specification's own example (standard-webhooks, spec/
        // standard-webhooks.md): this secret, id, timestamp and body sign
        // to this value.
        assert_eq!(
            super::signature(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                br#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }
}
