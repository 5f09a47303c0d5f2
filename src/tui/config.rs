//! The config file: `config.toml` in the platform config directory
//! (`~/.config/switchboard/` on Linux), for the theme and key remaps:
//!
//! ```toml
//! theme = "dark"          # default, dark, light or mono
//! [keys]
//! quit = ["q", "ctrl-q"]
//! disconnect = ["D"]
//! ```
//!
//! A malformed file is reported with its line, and the app starts with the
//! defaults.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::action::Action;
use super::keymap::{Key, Keymap, defaults};
use super::theme::ThemeName;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<String>,
    lang: Option<String>,
    #[serde(default)]
    keys: HashMap<Action, Vec<String>>,
    email: Option<crate::delivery::settings::EmailSection>,
    webhook: Option<crate::delivery::settings::WebhookSection>,
    delivery: Option<crate::delivery::settings::DeliverySection>,
    #[serde(default)]
    networks: std::collections::BTreeMap<String, crate::oauth::settings::NetworkSection>,
}

pub struct Config {
    pub theme: ThemeName,
    /// `lang = "it"`: the language when neither --lang nor
    /// SWITCHBOARD_LANG says (i18n::choose).
    pub lang: Option<String>,
    pub keymap: Keymap,
    /// Where `watch` delivers reminders, and how (src/delivery/).
    pub delivery: crate::delivery::Settings,
    /// The networks registered as OAuth clients (src/oauth/); the others
    /// are simulated.
    pub networks: Vec<crate::oauth::Client>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            theme: ThemeName::Default,
            lang: None,
            keymap: Keymap::default(),
            delivery: crate::delivery::Settings::default(),
            networks: Vec::new(),
        }
    }
}

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "switchboard")
        .map(|d| d.config_dir().join("config.toml"))
}

/// The config file's `lang`, if it has one (a malformed file has none: the
/// TUI reports it when it starts).
pub fn lang_setting() -> Option<String> {
    let path = default_path()?;
    let text = crate::files::read_settings_text(&path).ok()?;
    parse(&text).ok()?.lang
}

/// Whether the config lets webhooks point at private addresses (issue 17,
/// item 8); a missing or malformed config does not.
pub fn allows_private_webhooks() -> bool {
    load(default_path().as_deref())
        .0
        .delivery
        .allow_private_webhooks
}

/// Reads the config; a missing file is the defaults, a malformed one is the
/// defaults and a message that names the file and line.
pub fn load(path: Option<&Path>) -> (Config, Option<String>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    match crate::files::read_settings_text(path) {
        Ok(text) => match parse(&text) {
            Ok(config) => (config, None),
            Err(problem) => (
                Config::default(),
                Some(crate::tr!(
                    "config-problem",
                    path = path.display().to_string(),
                    problem = problem
                )),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
        Err(e) => (
            Config::default(),
            Some(crate::tr!(
                "config-unreadable",
                path = path.display().to_string(),
                why = e.to_string()
            )),
        ),
    }
}

/// The config for a service (`watch`): a missing file is the defaults, a
/// malformed one an error naming the file and line, so a watch never runs
/// on settings other than the ones written.
pub fn load_strict(path: Option<&Path>) -> crate::error::Result<Config> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    match crate::files::read_settings_text(path) {
        Ok(text) => parse(&text).map_err(|problem| {
            crate::error::Error::invalid(
                "config",
                crate::tr!(
                    "config-invalid",
                    path = path.display().to_string(),
                    problem = problem
                ),
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(crate::error::Error::other(
            "config",
            crate::tr!(
                "config-cannot-read",
                path = path.display().to_string(),
                why = e.to_string()
            ),
        )),
    }
}

/// Where `switchboard watch` delivers reminders (src/delivery/settings.rs),
/// commented out: without an [email] section nothing is emailed.
const DELIVERY_EXAMPLE: &str = "\
# Reminders and purge warnings by email and webhook, sent by
# 'switchboard watch' to the users who chose them (switchboard user set).
# [email]
# host = \"smtp.example.com\"
# port = 587                      # default: 587 starttls, 465 tls, 25 none
# security = \"starttls\"           # starttls, tls or none
# username = \"switchboard@example.com\"   # password: $SWITCHBOARD_SMTP_PASSWORD
# password_env = \"SWITCHBOARD_SMTP_PASSWORD\"
# from = \"Switchboard <switchboard@example.com>\"
# allow_insecure_auth = false     # a password over security = none: refused unless true
#
# [webhook]
# secret_env = \"SWITCHBOARD_WEBHOOK_SECRET\"   # the signing secret (Standard Webhooks)
#
# [delivery]
# max_attempts = 8                # 1 to 100
# first_retry = \"30s\"             # doubled after each failure, with jitter
# longest_retry = \"1h\"
# timeout = \"30s\"                 # one deadline for a whole delivery (1s to 10m)
# allow_private_webhooks = false  # webhooks to loopback or private addresses
";

/// The whole default config, with every action a keymap can bind and its
/// default keys: what `switchboard config --default` prints, and what
/// `parse` reads back as the defaults.
pub fn default_text() -> String {
    use std::fmt::Write;
    let mut text = String::from(
        "# Switchboard's config file. Every line is optional: what is left out\n\
         # keeps its default. Keys are a character, or enter, esc, tab,\n\
         # shift-tab, space, up, down, left, right, home, end, pageup, pagedown,\n\
         # backspace, delete, f1..f12, each with an optional ctrl- in front.\n\n\
         theme = \"default\"  # default, dark, light or mono\n\
         # lang = \"it\"     # en or it; else SWITCHBOARD_LANG or the locale decide\n\n",
    );
    text.push_str(DELIVERY_EXAMPLE);
    text.push('\n');
    text.push_str(crate::oauth::settings::EXAMPLE);
    text.push_str("\n[keys]\n");
    for binding in defaults() {
        let keys: Vec<String> = binding
            .keys
            .iter()
            .map(|k| format!("{:?}", k.name()))
            .collect();
        let _ = writeln!(
            text,
            "{} = [{}]  # {}",
            binding.action.name(),
            keys.join(", "),
            binding.help_text()
        );
    }
    text
}

pub fn parse(text: &str) -> Result<Config, String> {
    let file: File = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|span| text.get(..span.start).unwrap_or(text).matches('\n').count() + 1);
        let message = e.message().to_string();
        match line {
            Some(line) => format!("line {line}: {message}"),
            None => message,
        }
    })?;
    let theme = match file.theme {
        Some(t) => ThemeName::parse(&t)?,
        None => ThemeName::Default,
    };
    let mut overrides = HashMap::new();
    for (action, names) in file.keys {
        let keys = names
            .iter()
            .map(|k| Key::parse(k))
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(crate::tr!("config-no-key", action = action.name()));
        }
        overrides.insert(action, keys);
    }
    let delivery =
        crate::delivery::Settings::from_sections(file.email, file.webhook, file.delivery)?;
    Ok(Config {
        theme,
        lang: file.lang,
        keymap: Keymap::remapped(defaults(), &overrides),
        delivery,
        networks: crate::oauth::settings::from_sections(file.networks)?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_default_configs_delivery_example_reads_as_written_once_uncommented() {
        let uncommented: String = super::DELIVERY_EXAMPLE
            .lines()
            .filter(|l| l.starts_with("# [") || l.starts_with("# ") && l.contains(" = "))
            .map(|l| format!("{}\n", &l[2..]))
            .collect();
        let config = super::parse(&uncommented).expect("the example parses");
        let email = config.delivery.email.expect("an [email] section");
        assert_eq!(email.host, "smtp.example.com");
        assert_eq!(email.port, 587);
        assert_eq!(config.delivery.max_attempts, 8);
        assert_eq!(config.delivery.timeout, std::time::Duration::from_secs(30));
        assert!(!config.delivery.allow_private_webhooks);
        // And left commented, as printed, nothing is emailed.
        assert!(
            super::parse(&super::default_text())
                .unwrap()
                .delivery
                .email
                .is_none()
        );
    }
}
