//! Networks as OAuth 2.0 clients (issue 20): the device authorization grant
//! (RFC 8628) and what a grant says of the account (userinfo). Written on
//! the HTTP client the webhooks use (ureq) rather than the `oauth2` crate,
//! whose blocking client is built on another major version of ureq (a
//! second HTTP stack to compile): every call here has one overall deadline,
//! polling hears a stop request between waits, and no token is ever in a
//! debug print or an error.

pub mod browser;
pub mod settings;
pub mod vault;

use std::time::{Duration, Instant};

pub use settings::Client;

use crate::error::{Error, Result};

/// A token, shown nowhere.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub(crate) String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("[secret]")
    }
}

/// A device code: what the user types at the network, and where.
#[derive(Clone, Debug)]
pub struct DeviceCode {
    pub user_code: String,
    pub verification_uri: String,
    /// The same page with the code filled in, when the network gives it.
    pub verification_uri_complete: Option<String>,
    device_code: Secret,
    pub expires_at: Instant,
    /// How long to wait between polls (the network may ask for more).
    pub interval: Duration,
}

/// What a grant gave: tokens, and the scopes the network granted.
#[derive(Clone, Debug)]
pub struct Grant {
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
    pub expires_in: Option<Duration>,
    pub scopes: Vec<String>,
}

/// The account a grant is for, as the network names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// The network's stable id of the account.
    pub id: String,
    /// Its handle (the network's username), else its id.
    pub handle: String,
    pub name: String,
}

/// A failure said in the catalog's words, with the network named.
fn failed(network: &Client, why: String) -> Error {
    Error::other(
        "oauth",
        crate::tr!("error-oauth", network = network.network.label(), why = why),
    )
}

/// One form POST (or GET with a bearer token) with a deadline for all of
/// it; the JSON answer and its status.
fn exchange(
    client: &Client,
    url: &str,
    form: &[(&str, &str)],
    bearer: Option<&Secret>,
) -> Result<(u16, serde_json::Value)> {
    settings::check_endpoint(url).map_err(|why| failed(client, why))?;
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(client.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("switchboard/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let sent = match bearer {
        Some(token) => agent
            .get(url)
            .header("Authorization", format!("Bearer {}", token.expose()))
            .header("Accept", "application/json")
            .call(),
        None => {
            let mut all: Vec<(&str, &str)> = form.to_vec();
            let secret = client.secret();
            if let Some(secret) = &secret {
                all.push(("client_secret", secret));
            }
            agent
                .post(url)
                .header("Accept", "application/json")
                .send_form(all)
        }
    };
    let mut response = sent.map_err(|e| match e {
        ureq::Error::Timeout(_) => failed(
            client,
            crate::tr!("oauth-why-timeout", seconds = client.timeout.as_secs()),
        ),
        _ => failed(client, crate::tr!("oauth-why-unreachable", url = url)),
    })?;
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(256 * 1024)
        .read_to_string()
        .map_err(|_| failed(client, crate::tr!("oauth-why-unreadable", url = url)))?;
    let json = serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
    Ok((status, json))
}

fn text(json: &serde_json::Value, key: &str) -> Option<String> {
    json.get(key).and_then(|v| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// The OAuth error an answer names (`access_denied`, `slow_down`...).
fn oauth_error(json: &serde_json::Value) -> Option<String> {
    text(json, "error")
}

/// RFC 8628 §3.1: asks the network for a device code.
pub fn start_device(client: &Client) -> Result<DeviceCode> {
    let Some(url) = &client.device_authorization_url else {
        return Err(failed(client, crate::tr!("oauth-why-no-device")));
    };
    let scope = client.scopes.join(" ");
    let (status, json) = exchange(
        client,
        url,
        &[("client_id", &client.client_id), ("scope", &scope)],
        None,
    )?;
    let answer = |key: &str| text(&json, key);
    match (
        status,
        answer("device_code"),
        answer("user_code"),
        answer("verification_uri"),
    ) {
        (200, Some(device_code), Some(user_code), Some(verification_uri)) => {
            let expires_in = json
                .get("expires_in")
                .and_then(|v| v.as_u64())
                .unwrap_or(600)
                .clamp(1, 3600);
            let interval = json
                .get("interval")
                .and_then(|v| v.as_u64())
                .unwrap_or(5)
                .clamp(1, 60);
            Ok(DeviceCode {
                user_code: crate::present::escape_control(&user_code).into_owned(),
                verification_uri: crate::present::escape_control(&verification_uri).into_owned(),
                verification_uri_complete: answer("verification_uri_complete")
                    .map(|u| crate::present::escape_control(&u).into_owned()),
                device_code: Secret(device_code),
                expires_at: Instant::now() + Duration::from_secs(expires_in),
                interval: Duration::from_secs(interval),
            })
        }
        _ => Err(failed(client, refusal(status, &json))),
    }
}

/// What a refusing answer says: its OAuth error, else its status.
fn refusal(status: u16, json: &serde_json::Value) -> String {
    match oauth_error(json).as_deref() {
        Some("access_denied") => crate::tr!("oauth-why-denied"),
        Some("expired_token") => crate::tr!("oauth-why-expired"),
        Some("invalid_grant") => crate::tr!("oauth-why-invalid-grant"),
        Some(other) => crate::tr!(
            "oauth-why-error",
            error = crate::present::escape_control(other).into_owned(),
            status = status
        ),
        None => crate::tr!("oauth-why-status", status = status),
    }
}

/// RFC 8628 §3.4-3.5: polls the token endpoint at the network's interval
/// (longer after `slow_down`) until the user approves, denies, or the code
/// expires; `stopped` is asked between waits (a signal, Esc).
pub fn poll_device(
    client: &Client,
    code: &DeviceCode,
    stopped: &dyn Fn() -> bool,
) -> Result<Grant> {
    let mut interval = code.interval;
    loop {
        let waited = Instant::now() + interval;
        while Instant::now() < waited {
            if stopped() {
                return Err(failed(client, crate::tr!("oauth-why-stopped")));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if Instant::now() >= code.expires_at {
            return Err(failed(client, crate::tr!("oauth-why-expired")));
        }
        let (status, json) = exchange(
            client,
            &client.token_url,
            &[
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("device_code", code.device_code.expose()),
                ("client_id", &client.client_id),
            ],
            None,
        )?;
        match (status, oauth_error(&json).as_deref()) {
            (200, _) => return grant_of(client, &json),
            (_, Some("authorization_pending")) => {}
            // §3.5: five seconds more from now on.
            (_, Some("slow_down")) => interval += Duration::from_secs(5),
            _ => return Err(failed(client, refusal(status, &json))),
        }
    }
}

fn grant_of(client: &Client, json: &serde_json::Value) -> Result<Grant> {
    let Some(access_token) = text(json, "access_token") else {
        return Err(failed(client, crate::tr!("oauth-why-no-token")));
    };
    let scopes = text(json, "scope")
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_else(|| client.scopes.clone());
    Ok(Grant {
        access_token: Secret(access_token),
        refresh_token: text(json, "refresh_token").map(Secret),
        expires_in: json
            .get("expires_in")
            .and_then(|v| v.as_u64())
            .map(Duration::from_secs),
        scopes,
    })
}

/// The account the grant is for, from the network's userinfo: its id
/// (`sub` or `id`), handle (`preferred_username`, `username`, else the id)
/// and name.
pub fn identity(client: &Client, grant: &Grant) -> Result<Identity> {
    let (status, json) = exchange(client, &client.userinfo_url, &[], Some(&grant.access_token))?;
    if status != 200 {
        return Err(failed(client, refusal(status, &json)));
    }
    let id = text(&json, "sub")
        .or_else(|| text(&json, "id"))
        .ok_or_else(|| failed(client, crate::tr!("oauth-why-no-identity")))?;
    let handle = text(&json, "preferred_username")
        .or_else(|| text(&json, "username"))
        .unwrap_or_else(|| id.clone());
    let name = text(&json, "name").unwrap_or_else(|| handle.clone());
    Ok(Identity { id, handle, name })
}

/// RFC 6749 §6: new tokens for a refresh token. A refresh is not a
/// reauthorization: the rules' deadlines do not move.
pub fn refresh(client: &Client, refresh_token: &Secret) -> Result<Grant> {
    let (status, json) = exchange(
        client,
        &client.token_url,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
            ("client_id", &client.client_id),
        ],
        None,
    )?;
    if status == 200 {
        let mut grant = grant_of(client, &json)?;
        // A network that does not rotate refresh tokens keeps the old one.
        grant
            .refresh_token
            .get_or_insert_with(|| refresh_token.clone());
        return Ok(grant);
    }
    Err(refused_grant(client, status, &json))
}

/// A grant the network no longer honours is an error of its own code, so
/// the watch can tell it from a network that is down.
fn refused_grant(client: &Client, status: u16, json: &serde_json::Value) -> Error {
    match oauth_error(json).as_deref() {
        Some("invalid_grant") => Error::other(
            REVOKED,
            crate::tr!(
                "error-oauth",
                network = client.network.label(),
                why = crate::tr!("oauth-why-invalid-grant")
            ),
        ),
        _ => failed(client, refusal(status, json)),
    }
}

/// The code of an error that says the network revoked the grant.
pub const REVOKED: &str = "grant_revoked";

/// RFC 7662: whether the network still honours a token (`None`: it has no
/// introspection endpoint).
pub fn introspect(client: &Client, token: &Secret) -> Result<Option<bool>> {
    let Some(url) = &client.introspection_url else {
        return Ok(None);
    };
    let (status, json) = exchange(
        client,
        url,
        &[("token", token.expose()), ("client_id", &client.client_id)],
        None,
    )?;
    if status != 200 {
        return Err(failed(client, refusal(status, &json)));
    }
    Ok(Some(
        json.get("active").and_then(|v| v.as_bool()) == Some(true),
    ))
}

/// RFC 7009: tells the network a token is no longer wanted (`false`: it has
/// no revocation endpoint).
pub fn revoke(client: &Client, token: &Secret) -> Result<bool> {
    let Some(url) = &client.revocation_url else {
        return Ok(false);
    };
    let (status, json) = exchange(
        client,
        url,
        &[("token", token.expose()), ("client_id", &client.client_id)],
        None,
    )?;
    if status == 200 {
        Ok(true)
    } else {
        Err(failed(client, refusal(status, &json)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_in_a_debug_print_or_a_panic_shows_no_token() {
        let grant = Grant {
            access_token: Secret("access-token-value".into()),
            refresh_token: Some(Secret("refresh-token-value".into())),
            expires_in: Some(Duration::from_secs(60)),
            scopes: vec!["openid".into()],
        };
        let printed = format!("{grant:?} {:?}", grant.clone());
        assert!(!printed.contains("token-value"), "{printed}");
        assert!(printed.contains("openid"));
    }
}
