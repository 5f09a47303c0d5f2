//! The `[email]`, `[webhook]` and `[delivery]` sections of the config file:
//! where messages go and how hard the watch tries. Secrets are never in the
//! file (nor the portal): the SMTP password and the webhook secret come from
//! environment variables the file may name.
//!
//! ```toml
//! [email]
//! host = "smtp.example.com"
//! port = 587                      # default: 587 for starttls, 465 for tls, 25 for none
//! security = "starttls"           # starttls, tls or none
//! username = "switchboard@example.com"   # optional; password: $SWITCHBOARD_SMTP_PASSWORD
//! from = "Switchboard <switchboard@example.com>"
//! allow_insecure_auth = false     # a password over security = "none" is refused unless true
//!
//! [webhook]
//! secret_env = "SWITCHBOARD_WEBHOOK_SECRET"   # the HMAC secret's variable (this is the default)
//!
//! [delivery]
//! max_attempts = 8
//! first_retry = "30s"             # doubled after each failure, with jitter
//! longest_retry = "1h"
//! timeout = "30s"                 # one deadline for a whole delivery (1s to 10m)
//! allow_private_webhooks = false  # webhooks to loopback/private addresses
//! ```
//!
//! Every count and duration has a range (issue 17, item 15): a value out
//! of it is refused naming the key and the range, so no setting can make
//! the watch loop hot or overflow a deadline.

use std::time::Duration;

use serde::Deserialize;

/// As the file says it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailSection {
    host: String,
    port: Option<u16>,
    security: Option<String>,
    username: Option<String>,
    password_env: Option<String>,
    from: String,
    allow_insecure_auth: Option<bool>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookSection {
    secret_env: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliverySection {
    max_attempts: Option<u32>,
    first_retry: Option<String>,
    longest_retry: Option<String>,
    timeout: Option<String>,
    allow_private_webhooks: Option<bool>,
}

/// How an SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (refused if the server cannot).
    StartTls,
    /// TLS from the first byte (SMTPS).
    Tls,
    /// No encryption: a relay on this machine, or a test server.
    None,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    /// The variable holding the password (read when sending, never stored).
    pub password_env: String,
    pub from: String,
}

/// The ranges the `[delivery]` values must fall in.
pub const ATTEMPTS: std::ops::RangeInclusive<u32> = 1..=100;
pub const FIRST_RETRY: (Duration, Duration) =
    (Duration::from_millis(100), Duration::from_secs(3600));
pub const LONGEST_RETRY: (Duration, Duration) =
    (Duration::from_millis(100), Duration::from_secs(7 * 86_400));
pub const TIMEOUT: (Duration, Duration) = (Duration::from_secs(1), Duration::from_secs(600));

/// Everything the delivery needs from the config file, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub email: Option<Email>,
    /// The variable holding the webhook's HMAC secret.
    pub webhook_secret_env: String,
    pub max_attempts: u32,
    pub first_retry: Duration,
    pub longest_retry: Duration,
    /// One deadline for a whole delivery: name lookup, connection, TLS and
    /// the exchange (issue 17, item 1).
    pub timeout: Duration,
    /// Whether webhooks may point at loopback, private and link-local
    /// addresses (issue 17, item 8).
    pub allow_private_webhooks: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            email: None,
            webhook_secret_env: "SWITCHBOARD_WEBHOOK_SECRET".into(),
            max_attempts: 8,
            first_retry: Duration::from_secs(30),
            longest_retry: Duration::from_secs(3600),
            timeout: Duration::from_secs(30),
            allow_private_webhooks: false,
        }
    }
}

impl Settings {
    /// Checks the sections as read: an SMTP host that cannot be a host
    /// name, a sender that is no address, a duration that does not parse.
    pub fn from_sections(
        email: Option<EmailSection>,
        webhook: Option<WebhookSection>,
        delivery: Option<DeliverySection>,
    ) -> Result<Settings, String> {
        let defaults = Settings::default();
        let email = email.map(check_email).transpose()?;
        let webhook_secret_env = webhook
            .and_then(|w| w.secret_env)
            .unwrap_or(defaults.webhook_secret_env);
        let delivery = delivery.unwrap_or_default();
        let duration = |text: Option<String>,
                        what: &str,
                        default: Duration,
                        (low, high): (Duration, Duration)| {
            let value = match text {
                Some(text) => {
                    parse_duration(&text).map_err(|e| format!("[delivery] {what}: {e}"))?
                }
                None => default,
            };
            if value < low || value > high {
                return Err(format!(
                    "[delivery] {what}: from {} to {}",
                    show_duration(low),
                    show_duration(high)
                ));
            }
            Ok(value)
        };
        let max_attempts = delivery.max_attempts.unwrap_or(defaults.max_attempts);
        if !ATTEMPTS.contains(&max_attempts) {
            return Err(format!(
                "[delivery] max_attempts: from {} to {}",
                ATTEMPTS.start(),
                ATTEMPTS.end()
            ));
        }
        let first_retry = duration(
            delivery.first_retry,
            "first_retry",
            defaults.first_retry,
            FIRST_RETRY,
        )?;
        let longest_retry = duration(
            delivery.longest_retry,
            "longest_retry",
            defaults.longest_retry.max(first_retry),
            (first_retry, LONGEST_RETRY.1),
        )?;
        Ok(Settings {
            email,
            webhook_secret_env,
            max_attempts,
            first_retry,
            longest_retry,
            timeout: duration(delivery.timeout, "timeout", defaults.timeout, TIMEOUT)?,
            allow_private_webhooks: delivery.allow_private_webhooks.unwrap_or(false),
        })
    }

    /// How long to wait before attempt `attempts + 1`, after `attempts`
    /// failures: doubling from `first_retry` up to `longest_retry`, with up
    /// to a quarter of jitter either way so watches retrying together drift
    /// apart. `random` is any number in [0, 1).
    pub fn backoff(&self, attempts: u32, random: f64) -> Duration {
        let doubled = self
            .first_retry
            .saturating_mul(1u32 << attempts.saturating_sub(1).min(30));
        let capped = doubled.min(self.longest_retry);
        capped.mul_f64(0.75 + random.clamp(0.0, 1.0) * 0.5)
    }
}

fn check_email(section: EmailSection) -> Result<Email, String> {
    let host = section.host.trim().to_string();
    crate::address::check_host(&host).map_err(|e| format!("[email] host {host:?}: {e}"))?;
    let security = match section.security.as_deref().unwrap_or("starttls") {
        "starttls" => Security::StartTls,
        "tls" => Security::Tls,
        "none" => Security::None,
        other => {
            return Err(format!(
                "[email] security {other:?}: use starttls, tls or none"
            ));
        }
    };
    let port = section.port.unwrap_or(match security {
        Security::StartTls => 587,
        Security::Tls => 465,
        Security::None => 25,
    });
    if port == 0 {
        return Err("[email] port: 1 to 65535".into());
    }
    let username = section.username.filter(|u| !u.is_empty());
    // A password over a plain connection can be read by anyone on the way
    // (issue 17, item 11): only an operator who says so sends one.
    if security == Security::None && username.is_some() && section.allow_insecure_auth != Some(true)
    {
        return Err(
            "[email] username with security = \"none\" would send the password in clear: use security = \"starttls\" or \"tls\", or set allow_insecure_auth = true for a relay on a trusted network"
                .into(),
        );
    }
    if section.from.parse::<lettre::message::Mailbox>().is_err() {
        return Err(format!(
            "[email] from {:?}: not an email address (like \"Switchboard <switchboard@example.com>\")",
            section.from
        ));
    }
    Ok(Email {
        host,
        port,
        security,
        username,
        password_env: section
            .password_env
            .unwrap_or_else(|| "SWITCHBOARD_SMTP_PASSWORD".into()),
        from: section.from,
    })
}

/// `500ms`, `30s`, `5m`, `1h`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .ok()
        .filter(|n| *n <= 1_000_000_000)
        .ok_or_else(|| format!("{text:?} is not a duration (like 500ms, 30s, 5m, 1h)"))?;
    Ok(match unit {
        "ms" => Duration::from_millis(n),
        "s" => Duration::from_secs(n),
        "m" => Duration::from_secs(n.saturating_mul(60)),
        "h" => Duration::from_secs(n.saturating_mul(3600)),
        _ => {
            return Err(format!(
                "{text:?} is not a duration (like 500ms, 30s, 5m, 1h)"
            ));
        }
    })
}

/// A duration as the config file writes it.
fn show_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms.is_multiple_of(3_600_000) {
        format!("{}h", ms / 3_600_000)
    } else if ms.is_multiple_of(60_000) {
        format!("{}m", ms / 60_000)
    } else if ms.is_multiple_of(1000) {
        format!("{}s", ms / 1000)
    } else {
        format!("{ms}ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_hosts_and_webhook_urls_are_checked_at_configuration() {
        assert!(crate::address::check_host("smtp.example.com").is_ok());
        assert!(crate::address::check_host("127.0.0.1").is_ok());
        assert!(crate::address::check_host("smtp example.com").is_err());
        assert!(crate::address::check_host("-bad.example").is_err());
        assert!(crate::address::check_host("").is_err());
        use crate::address::check_url;
        assert!(check_url("https://hooks.example.com/x?y=1", false).is_ok());
        assert!(check_url("http://127.0.0.1:8080/hook", true).is_ok());
        assert!(check_url("ftp://example.com/", true).is_err());
        assert!(check_url("hooks.example.com", true).is_err());
        assert!(check_url("https://exa mple.com/", true).is_err());
    }

    #[test]
    fn backoff_doubles_up_to_the_longest_with_a_quarter_of_jitter() {
        let s = Settings::default();
        assert_eq!(s.backoff(1, 0.5), Duration::from_secs(30));
        assert_eq!(s.backoff(2, 0.5), Duration::from_secs(60));
        assert_eq!(s.backoff(20, 0.5), Duration::from_secs(3600));
        assert_eq!(s.backoff(1, 0.0), Duration::from_millis(22_500));
        assert!(s.backoff(1, 0.999) < Duration::from_millis(37_500));
    }

    #[test]
    fn sections_with_mistakes_are_refused_saying_which() {
        let email = |host: &str, from: &str, security: Option<&str>| EmailSection {
            host: host.into(),
            from: from.into(),
            security: security.map(str::to_string),
            ..EmailSection::default()
        };
        let bad_host = Settings::from_sections(Some(email("smtp..x", "a@b.c", None)), None, None);
        assert!(bad_host.unwrap_err().contains("[email] host"));
        let bad_from = Settings::from_sections(Some(email("smtp.x", "nobody", None)), None, None);
        assert!(bad_from.unwrap_err().contains("[email] from"));
        let bad_security =
            Settings::from_sections(Some(email("smtp.x", "a@b.c", Some("ssl"))), None, None);
        assert!(bad_security.unwrap_err().contains("starttls, tls or none"));
        let fine = Settings::from_sections(Some(email("smtp.x", "a@b.c", Some("tls"))), None, None)
            .unwrap();
        assert_eq!(fine.email.unwrap().port, 465);
    }

    #[test]
    fn every_count_and_duration_out_of_range_is_refused_naming_the_key_and_range() {
        let delivery = |key: &str, value: &str| {
            let text = format!("{key} = {value}");
            let section: DeliverySection = toml::from_str(&text).unwrap();
            Settings::from_sections(None, None, Some(section))
        };
        for (key, value, says) in [
            ("timeout", "\"18446744073709551615s\"", "timeout"),
            ("first_retry", "\"18446744073709551615s\"", "first_retry"),
            ("timeout", "\"0s\"", "timeout: from 1s to 10m"),
            ("first_retry", "\"0ms\"", "first_retry: from 100ms to 1h"),
            ("max_attempts", "4000000000", "max_attempts: from 1 to 100"),
            ("max_attempts", "0", "max_attempts: from 1 to 100"),
            ("longest_retry", "\"30d\"", "longest_retry"),
        ] {
            let refused = delivery(key, value).unwrap_err();
            assert!(refused.contains(says), "{key} = {value}: {refused}");
        }
        assert!(delivery("timeout", "\"10m\"").is_ok());
    }

    #[test]
    fn a_password_in_clear_is_refused_unless_the_operator_allows_it() {
        let section = |allow: Option<bool>| EmailSection {
            host: "smtp.x".into(),
            from: "a@b.c".into(),
            security: Some("none".into()),
            username: Some("me".into()),
            allow_insecure_auth: allow,
            ..EmailSection::default()
        };
        let refused = Settings::from_sections(Some(section(None)), None, None).unwrap_err();
        assert!(refused.contains("allow_insecure_auth"), "{refused}");
        assert!(Settings::from_sections(Some(section(Some(true))), None, None).is_ok());
    }
}
