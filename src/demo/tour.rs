//! Guided tours: TOML files of steps, each with a title, narration in plain
//! words, actions a presenter would do, and what its screen should show.
//! A tour is checked whole, against the portal, before any step runs: a
//! mistake is reported with its file and line and what is valid.
//!
//! A tour is written in one language (`lang`, English when left out): its
//! narration, the buttons it presses and the texts it expects are that
//! language's, so the app speaks it while the tour runs.
//!
//! ```toml
//! title = "A short tour"
//! lang = "en"
//! [[step]]
//! title = "The reminder week"
//! narration = "Facebook asks again every 90 days; a week before, ..."
//! actions = [{ user = "ana@northwind.test" }, { select = "northwind" }, { open = "detail" }]
//! expect = ["reauthorization deadline"]
//! ```

use std::path::Path;

use crate::store::db::Connection;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::lifecycle::account::NetworkReport;
use crate::lifecycle::time::parse_duration;
use crate::lifecycle::{Network, Tier};

/// The tour that walks through the whole article, in English.
pub const ARTICLE: &str = include_str!("../../assets/tours/article.toml");
pub const ARTICLE_NAME: &str = "article";
/// The same tour in Italian, with the article's own sentences.
pub const ARTICOLO: &str = include_str!("../../assets/tours/articolo.toml");
pub const ARTICOLO_NAME: &str = "articolo";

/// The language a tour file says it is in (`lang`), before it is parsed
/// whole: the demo portal it runs on is built in that language.
pub fn lang_of(text: &str) -> crate::i18n::Lang {
    #[derive(Deserialize)]
    struct Head {
        lang: Option<String>,
    }
    toml::from_str::<Head>(text)
        .ok()
        .and_then(|h| h.lang)
        .and_then(|l| crate::i18n::Lang::parse(&l))
        .unwrap_or(crate::i18n::Lang::En)
}

/// The bundled tour of the article in `lang`: its name and its text.
pub fn article_in(lang: crate::i18n::Lang) -> (String, String) {
    match lang {
        crate::i18n::Lang::En => (ARTICLE_NAME.to_string(), ARTICLE.to_string()),
        crate::i18n::Lang::It => (ARTICOLO_NAME.to_string(), ARTICOLO.to_string()),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabName {
    Accounts,
    Publishing,
    Notifications,
    Activity,
}

/// What a step can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    Disconnect,
    Reconnect,
    Remove,
    Connect,
    Detail,
    Clock,
    UserPicker,
    Help,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TourAction {
    /// Act as this user.
    User(String),
    Tab(TabName),
    /// Hover this account (by handle).
    Select(String),
    Open(Opening),
    /// Press the dialog button with this label.
    Press(String),
    /// Type into the focused field.
    Type(String),
    /// Press a key, as the keymap names it (`esc`, `enter`, `j`).
    Key(String),
    /// Pick the network in the Connect account dialog.
    Network(Network),
    /// Move the demo clock forward.
    Advance(chrono::Duration),
    /// Move the demo clock to the portal's next event.
    NextEvent,
    /// Change the portal's tier (as the acting super admin).
    Tier(Tier),
    /// The network reports the hovered account (R4).
    NetworkEvent(NetworkReport),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TourStep {
    pub title: String,
    pub narration: String,
    pub actions: Vec<TourAction>,
    /// Texts the step's screen shows.
    pub expect: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tour {
    pub title: String,
    /// The language it is written in.
    pub lang: crate::i18n::Lang,
    pub steps: Vec<TourStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TourFile {
    title: String,
    #[serde(default)]
    lang: Option<String>,
    step: Vec<Spanned<StepFile>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    title: String,
    narration: String,
    #[serde(default)]
    actions: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    expect: Vec<String>,
}

const ACTIONS: &str =
    "user, tab, select, open, press, type, key, network, advance, next_event, tier, network_event";
/// The buttons a tour may press, as message ids: their labels are the
/// tour's language's.
const BUTTONS: [&str; 8] = [
    "button-disconnect-account",
    "button-reschedule",
    "button-authorize",
    "button-remove-account",
    "button-next",
    "button-continue",
    "button-cancel",
    "button-ok",
];

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// Reads a tour: a file, or the name of a bundled one (`article`).
pub fn load(file: &str) -> Result<(String, String)> {
    let path = Path::new(file);
    if path.exists() {
        let text = crate::files::read_settings_text(path).map_err(|e| {
            Error::invalid(
                "bad_tour",
                crate::tr!("tour-error-unreadable", file = file, why = e.to_string()),
            )
        })?;
        return Ok((file.to_string(), text));
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(file);
    if stem == ARTICLE_NAME {
        return Ok((format!("{ARTICLE_NAME} (bundled)"), ARTICLE.to_string()));
    }
    if stem == ARTICOLO_NAME {
        return Ok((format!("{ARTICOLO_NAME} (bundled)"), ARTICOLO.to_string()));
    }
    Err(Error::invalid(
        "bad_tour",
        crate::tr!(
            "tour-error-no-file",
            file = file,
            article = ARTICLE_NAME,
            articolo = ARTICOLO_NAME
        ),
    ))
}

/// Parses and checks a tour against the portal (users and handles must
/// exist), before anything runs.
pub fn parse(name: &str, text: &str, portal: &Connection) -> Result<Tour> {
    let error = |line: usize, message: String| {
        Error::invalid("bad_tour", format!("{name}:{line}: {message}"))
    };
    let file: TourFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        error(line, e.message().to_string())
    })?;
    if file.step.is_empty() {
        return Err(error(1, crate::tr!("tour-error-no-step")));
    }
    let lang = match &file.lang {
        None => crate::i18n::Lang::En,
        Some(code) => crate::i18n::Lang::parse(code).ok_or_else(|| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("lang"))
                .map_or(1, |i| i + 1);
            error(line, crate::tr!("tour-error-lang", code = code.clone()))
        })?,
    };
    let mut steps = Vec::new();
    for step in file.step {
        let step_line = line_of(text, step.span().start);
        let step = step.into_inner();
        if step.title.trim().is_empty() {
            return Err(error(step_line, crate::tr!("tour-error-no-title")));
        }
        let mut actions = Vec::new();
        for action in step.actions {
            let line = line_of(text, action.span().start);
            let parsed =
                parse_action(action.get_ref(), portal, lang).map_err(|m| error(line, m))?;
            actions.push(parsed);
        }
        steps.push(TourStep {
            title: step.title,
            narration: step.narration.trim().to_string(),
            actions,
            expect: step.expect,
        });
    }
    Ok(Tour {
        title: file.title,
        lang,
        steps,
    })
}

fn parse_action(
    value: &toml::Value,
    portal: &Connection,
    lang: crate::i18n::Lang,
) -> std::result::Result<TourAction, String> {
    let table = value
        .as_table()
        .filter(|t| t.len() == 1)
        .ok_or_else(|| crate::tr!("tour-error-action-form", actions = ACTIONS))?;
    let (key, value) = table.iter().next().expect("one entry");
    let text = || {
        value
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| crate::tr!("tour-error-takes-text", key = key.clone()))
    };
    Ok(match key.as_str() {
        "user" => {
            let email = text()?;
            let known = crate::store::users::by_email(portal, &email).map_err(|e| e.to_string())?;
            known.ok_or_else(|| {
                let emails: Vec<String> = crate::store::users::list(portal)
                    .map(|users| users.into_iter().map(|u| u.email).collect())
                    .unwrap_or_default();
                crate::tr!(
                    "tour-error-unknown-user",
                    email = email.clone(),
                    users = emails.join(", ")
                )
            })?;
            TourAction::User(email)
        }
        "select" => {
            let handle = text()?.trim_start_matches('@').to_string();
            let known =
                crate::store::accounts::id_by_handle(portal, &handle).map_err(|e| e.to_string())?;
            known.ok_or_else(|| {
                let handles = crate::store::accounts::all_handles(portal).unwrap_or_default();
                crate::tr!(
                    "tour-error-unknown-handle",
                    handle = handle.clone(),
                    handles = handles.join(", ")
                )
            })?;
            TourAction::Select(handle)
        }
        "tab" => TourAction::Tab(match text()?.as_str() {
            "accounts" => TabName::Accounts,
            "publishing" => TabName::Publishing,
            "notifications" => TabName::Notifications,
            "activity" => TabName::Activity,
            other => {
                return Err(crate::tr!("tour-error-unknown-tab", tab = other));
            }
        }),
        "open" => TourAction::Open(match text()?.as_str() {
            "disconnect" => Opening::Disconnect,
            "reconnect" => Opening::Reconnect,
            "remove" => Opening::Remove,
            "connect" => Opening::Connect,
            "detail" => Opening::Detail,
            "clock" => Opening::Clock,
            "user" => Opening::UserPicker,
            "help" => Opening::Help,
            other => {
                return Err(crate::tr!("tour-error-unknown-dialog", dialog = other));
            }
        }),
        "press" => {
            let label = text()?;
            let labels: Vec<String> = BUTTONS
                .iter()
                .map(|id| crate::i18n::message_in(lang, id, &[]))
                .collect();
            if !labels.contains(&label) {
                return Err(crate::tr!(
                    "tour-error-unknown-button",
                    label = label.clone(),
                    labels = labels.join(", ")
                ));
            }
            TourAction::Press(label)
        }
        "type" => TourAction::Type(text()?),
        "key" => {
            let key = text()?;
            crate::keys::Key::parse(&key)?;
            TourAction::Key(key)
        }
        "network" => TourAction::Network(Network::parse(&text()?)?),
        "advance" => TourAction::Advance(parse_duration(&text()?)?),
        "next_event" => {
            if value.as_bool() != Some(true) {
                return Err(crate::tr!("tour-error-next-event"));
            }
            TourAction::NextEvent
        }
        "tier" => TourAction::Tier(Tier::parse(&text()?)?),
        "network_event" => TourAction::NetworkEvent(NetworkReport::parse(&text()?)?),
        other => {
            return Err(crate::tr!(
                "tour-error-unknown-action",
                action = other,
                actions = ACTIONS
            ));
        }
    })
}
