//! Webhooks (ureq): the message as JSON, signed as GitHub and Stripe sign
//! theirs: `X-Switchboard-Signature: sha256=<hex HMAC-SHA256 of the body>`
//! with a secret shared with the receiver.

use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Failure;

/// `sha256=…` of `body` under `secret`.
pub fn signature(secret: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

pub fn send(
    url: &str,
    secret_env: &str,
    timeout: Duration,
    message_id: &str,
    body: &str,
) -> Result<(), Failure> {
    let secret = std::env::var(secret_env)
        .ok()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| {
            Failure::transient(format!(
                "no webhook secret to sign with: set ${secret_env} for the watch"
            ))
        })?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("switchboard/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent
        .post(url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", message_id)
        .header(
            "X-Switchboard-Signature",
            signature(secret.as_bytes(), body.as_bytes()),
        )
        .send(body)
        .map_err(|e| Failure::transient(format!("{url}: {e}")))?;
    let status = response.status().as_u16();
    match status {
        200..=299 => Ok(()),
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
    fn the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231 test case 2.
        assert_eq!(
            super::signature(b"Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
