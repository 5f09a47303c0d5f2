//! The `[networks.NAME]` sections of the config file: a network as an OAuth
//! 2.0 client (issue 20). The client secret is never in the file nor the
//! portal: it comes from `SWITCHBOARD_<NETWORK>_CLIENT_SECRET` (or a
//! systemd credential of that name). A network without a section stays
//! simulated.
//!
//! ```toml
//! [networks.facebook]
//! client_id = "1234567890"
//! authorization_url = "https://www.facebook.com/v19.0/dialog/oauth"
//! token_url = "https://graph.facebook.com/v19.0/oauth/access_token"
//! device_authorization_url = "https://graph.facebook.com/v19.0/device/login"  # optional
//! revocation_url = "..."      # optional (RFC 7009)
//! introspection_url = "..."   # optional (RFC 7662)
//! userinfo_url = "..."        # the account's identity (id, name)
//! scopes = ["public_profile", "pages_manage_posts"]
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::lifecycle::Network;

/// As the file says it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkSection {
    client_id: String,
    authorization_url: String,
    token_url: String,
    device_authorization_url: Option<String>,
    revocation_url: Option<String>,
    introspection_url: Option<String>,
    userinfo_url: String,
    #[serde(default)]
    scopes: Vec<String>,
    /// How often `watch` asks the network whether a grant still holds
    /// (1s to 1d; default 1h).
    check_every: Option<String>,
    /// One deadline for each whole exchange with the network (1s to 2m;
    /// default 20s).
    timeout: Option<String>,
}

/// A network the operator registered Switchboard with.
#[derive(Clone, PartialEq, Eq)]
pub struct Client {
    pub network: Network,
    pub client_id: String,
    pub authorization_url: String,
    pub token_url: String,
    pub device_authorization_url: Option<String>,
    pub revocation_url: Option<String>,
    pub introspection_url: Option<String>,
    pub userinfo_url: String,
    pub scopes: Vec<String>,
    /// The least time between two checks of a grant with the network.
    pub check_every: std::time::Duration,
    /// Each whole exchange with the network is done within this.
    pub timeout: std::time::Duration,
}

/// The secret never shows in a debug print (a log, a panic).
impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("network", &self.network)
            .field("client_id", &self.client_id)
            .field("token_url", &self.token_url)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// The client secret, for a confidential client; a public client (a
    /// native app, PKCE) has none.
    pub fn secret(&self) -> Option<String> {
        let name = format!(
            "SWITCHBOARD_{}_CLIENT_SECRET",
            self.network.name().to_ascii_uppercase()
        );
        crate::delivery::secret(&name)
    }
}

/// The clients of the `[networks]` table, checked: a known network, URLs
/// that are http(s).
pub fn from_sections(sections: BTreeMap<String, NetworkSection>) -> Result<Vec<Client>, String> {
    let mut clients = Vec::new();
    for (name, section) in sections {
        let network = Network::parse(&name).map_err(|e| format!("[networks.{name}]: {e}"))?;
        let check = |key: &str, url: &str| -> Result<String, String> {
            let trimmed = url.trim();
            check_endpoint(trimmed).map_err(|why| {
                crate::tr!(
                    "error-network-url",
                    network = name.clone(),
                    key = key,
                    why = why
                )
            })?;
            Ok(trimmed.to_string())
        };
        if section.client_id.trim().is_empty() {
            return Err(crate::tr!(
                "error-network-client-id",
                network = name.clone()
            ));
        }
        let optional = |key: &str, url: Option<String>| url.map(|u| check(key, &u)).transpose();
        clients.push(Client {
            network,
            client_id: section.client_id.trim().to_string(),
            authorization_url: check("authorization_url", &section.authorization_url)?,
            token_url: check("token_url", &section.token_url)?,
            device_authorization_url: optional(
                "device_authorization_url",
                section.device_authorization_url,
            )?,
            revocation_url: optional("revocation_url", section.revocation_url)?,
            introspection_url: optional("introspection_url", section.introspection_url)?,
            userinfo_url: check("userinfo_url", &section.userinfo_url)?,
            scopes: section.scopes,
            check_every: within(
                &name,
                ("check_every", section.check_every.as_deref()),
                (1, 86_400, 3_600),
            )?,
            timeout: within(&name, ("timeout", section.timeout.as_deref()), (1, 120, 20))?,
        });
    }
    Ok(clients)
}

/// A duration key, within its range (seconds: least, most, default).
fn within(
    network: &str,
    (key, text): (&str, Option<&str>),
    (least, most, default): (u64, u64, u64),
) -> Result<std::time::Duration, String> {
    use std::time::Duration;
    let Some(text) = text else {
        return Ok(Duration::from_secs(default));
    };
    let value = crate::delivery::settings::parse_duration(text)?;
    if value < Duration::from_secs(least) || value > Duration::from_secs(most) {
        return Err(crate::tr!(
            "error-network-duration",
            network = network,
            key = key,
            text = text,
            least = format!("{least}s"),
            most = format!("{most}s")
        ));
    }
    Ok(value)
}

/// An endpoint a grant may cross: https, or http to this machine only
/// (a test server; tokens never cross a network in clear).
pub fn check_endpoint(url: &str) -> Result<(), String> {
    if url.starts_with("https://") {
        return Ok(());
    }
    let rest = url.strip_prefix("http://").unwrap_or("");
    let host = rest.split(['/', '?']).next().unwrap_or("");
    let host = match host.rsplit_once(':') {
        Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
        _ => host,
    };
    if ["127.0.0.1", "localhost", "[::1]"].contains(&host) {
        Ok(())
    } else {
        Err(crate::tr!("oauth-why-not-https", url = url))
    }
}

/// The commented example `config --default` prints.
pub const EXAMPLE: &str = "\
# A network as a real OAuth 2.0 client (README: Connecting real networks);
# without a section the network is simulated. The client secret, for a
# confidential client, is $SWITCHBOARD_<NETWORK>_CLIENT_SECRET.
# [networks.facebook]
# client_id = \"1234567890\"
# authorization_url = \"https://www.facebook.com/v19.0/dialog/oauth\"
# token_url = \"https://graph.facebook.com/v19.0/oauth/access_token\"
# device_authorization_url = \"https://graph.facebook.com/v19.0/device/login\"
# userinfo_url = \"https://graph.facebook.com/me\"
# scopes = [\"public_profile\", \"pages_manage_posts\"]
# check_every = \"1h\"   # how often watch asks whether a grant still holds
# timeout = \"20s\"      # one deadline for each whole exchange with the network
";
