//! The words of the app in each language: Project Fluent catalogs
//! (`assets/i18n/*.ftl`), one per language, with named placeholders and
//! the language's own plural rules. JSON output, exit codes, config keys and
//! audit `action` codes are not words for people and stay as they are.
//!
//! The language is chosen once at start (`choose`): `--lang`, else
//! `SWITCHBOARD_LANG`, else the config file's `lang`, else the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`: `it_IT.UTF-8` is Italian), else
//! English. The TUI can switch it live (`set`).

use std::cell::Cell;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub mod dates;
pub mod parse_errors;
pub mod refusals;

/// A language the app speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    It,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    /// Its code: `en`, `it`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    /// `en`, `it`, `it_IT.UTF-8`, `it-CH`, `english`, `italiano`...
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let primary = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match primary {
            "en" | "english" | "c" | "posix" => Some(Lang::En),
            "it" | "italian" | "italiano" => Some(Lang::It),
            _ => None,
        }
    }

    /// The language after this one (the TUI's switch).
    pub fn next(self) -> Lang {
        match self {
            Lang::En => Lang::It,
            Lang::It => Lang::En,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../assets/i18n/en.ftl"),
            Lang::It => include_str!("../../assets/i18n/it.ftl"),
        }
    }

    /// The command line's help in this language, when it is not clap's.
    pub fn help_source(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::It => Some(include_str!("../../assets/i18n/it-help.ftl")),
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::It => 1,
        }
    }
}

/// Where the choice of language can come from, in order (see `choose`).
#[derive(Debug, Default)]
pub struct Choices<'a> {
    pub flag: Option<&'a str>,
    pub variable: Option<&'a str>,
    pub config: Option<&'a str>,
    /// `LC_ALL`, `LC_MESSAGES`, `LANG`, in that order.
    pub locale: [Option<&'a str>; 3],
}

/// The language to speak. An explicit choice that names no language we
/// have (`--lang fr`) is an error, so a typo does not pass silently; the
/// locale falls back to English.
pub fn choose(choices: &Choices<'_>) -> Result<Lang, String> {
    for (what, value) in [
        ("--lang", choices.flag),
        ("SWITCHBOARD_LANG", choices.variable),
        ("the config file's lang", choices.config),
    ] {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            return Lang::parse(value).ok_or_else(|| {
                format!("{what} is '{value}': Switchboard speaks en (English) and it (Italian)")
            });
        }
    }
    // POSIX: the first of LC_ALL, LC_MESSAGES, LANG that is set decides.
    let locale = choices
        .locale
        .iter()
        .flatten()
        .find(|v| !v.trim().is_empty());
    Ok(locale.and_then(|v| Lang::parse(v)).unwrap_or(Lang::En))
}

/// The choices this process was given by its environment.
pub fn environment() -> [Option<String>; 4] {
    let var = |name: &str| std::env::var(name).ok();
    [
        var("SWITCHBOARD_LANG"),
        var("LC_ALL"),
        var("LC_MESSAGES"),
        var("LANG"),
    ]
}

thread_local! {
    /// Per thread: the app draws and prints on one thread, and tests of
    /// each language run side by side.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Speaks `lang` from now on (on this thread).
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// A language's catalog, parsed the first time one of its words is asked
/// for: a process that speaks one language (or none, with `--json`) parses
/// no other (issue 22, item 6).
fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| bundle(lang))
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: they are bidi controls,
    // which the terminal output escapes (present::escape_control).
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(lang.source().to_string()) {
        Ok(resource) => resource,
        // A test parses both catalogs whole; keep what parsed.
        Err((resource, _)) => resource,
    };
    let _ = bundle.add_resource(resource);
    // Italian puts "il" before a date, "l'" before 8 and 11, and "1°" for
    // the first: the catalog writes `{ IL($due) }` (issue 19).
    let _ = bundle.add_function("IL", |positional, _named| match positional.first() {
        Some(FluentValue::String(date)) => FluentValue::from(with_day_article(date)),
        Some(FluentValue::Number(n)) => FluentValue::from(format!("il {}", n.as_string())),
        _ => FluentValue::Error,
    });
    // The command line's help, where a language has its own (English is
    // clap's, from the argument definitions).
    if let Some(help) = lang.help_source()
        && let Ok(resource) = FluentResource::try_new(help.to_string())
    {
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A value for a placeholder.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(text: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Text(text.into_owned())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as i64)
            }
        }
    )*};
}
number_args!(i64, i32, u32, u64, usize, u16);

/// The message `id` in the current language, its placeholders filled.
pub fn message(id: &str, args: &[(&str, Arg)]) -> String {
    message_in(current(), id, args)
}

/// The message `id` in `lang`. A message the catalog lacks is its id (the
/// catalog test makes sure none is lacking).
pub fn message_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// A date with its Italian article: "l'11 mag", "l'8 feb", "il 1° mar",
/// "il 21 mag". Text that does not start with a day and a month keeps "il".
fn with_day_article(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ];
    let mut words = date.splitn(3, ' ');
    let (day, month) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let month = month.trim_end_matches(',');
    if !MONTHS.contains(&month) {
        return format!("il {date}");
    }
    let rest = &date[day.len()..];
    match day {
        "8" | "11" => format!("l'{day}{rest}"),
        "1" => format!("il 1°{rest}"),
        _ => format!("il {date}"),
    }
}

/// `tr!("id")`, `tr!("id", name = value, count = n)`: a message in the
/// current language.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::message($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// Every message id of a catalog and the placeholders it uses, for the
/// completeness test.
pub fn catalog(lang: Lang) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    let resource = match fluent_syntax::parser::parse(lang.source()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let mut messages = Vec::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut names = Vec::new();
            if let Some(pattern) = &message.value {
                variables(pattern, &mut names);
            }
            names.sort();
            names.dedup();
            messages.push((message.id.name.to_string(), names));
        }
    }
    messages
}

fn variables(pattern: &fluent_syntax::ast::Pattern<&str>, names: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, names: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => names.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => expression_names(expression, names),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, names);
                }
            }
            _ => {}
        }
    }
    fn expression_names(e: &Expression<&str>, names: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, names),
            Expression::Select { selector, variants } => {
                inline(selector, names);
                for v in variants {
                    variables(&v.value, names);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_names(expression, names);
        }
    }
}

/// Parse errors of a catalog, for the completeness test.
pub fn catalog_errors(lang: Lang) -> Vec<String> {
    match fluent_syntax::parser::parse(lang.source()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_flag_then_the_variable_then_the_config_then_the_locale() {
        let pick = |flag, variable, config, lang| {
            choose(&Choices {
                flag,
                variable,
                config,
                locale: [None, None, lang],
            })
        };
        assert_eq!(pick(None, None, None, Some("it_IT.UTF-8")), Ok(Lang::It));
        assert_eq!(pick(None, None, None, Some("de_DE.UTF-8")), Ok(Lang::En));
        assert_eq!(pick(None, None, None, None), Ok(Lang::En));
        assert_eq!(
            pick(None, None, Some("en"), Some("it_IT.UTF-8")),
            Ok(Lang::En)
        );
        assert_eq!(pick(None, Some("it"), Some("en"), None), Ok(Lang::It));
        assert_eq!(pick(Some("en"), Some("it"), None, None), Ok(Lang::En));
        assert!(pick(Some("fr"), None, None, None).is_err());
        // LC_ALL wins over LANG.
        let all = choose(&Choices {
            locale: [Some("it_IT.UTF-8"), None, Some("en_US.UTF-8")],
            ..Choices::default()
        });
        assert_eq!(all, Ok(Lang::It));
    }

    #[test]
    fn every_message_exists_in_every_language_with_the_same_placeholders() {
        for lang in Lang::ALL {
            assert_eq!(catalog_errors(lang), Vec::<String>::new(), "{lang:?}");
        }
        let english = catalog(Lang::En);
        let italian = catalog(Lang::It);
        for (id, names) in &english {
            match italian.iter().find(|(i, _)| i == id) {
                None => panic!("'{id}' is missing from the Italian catalog"),
                Some((_, it_names)) => {
                    assert_eq!(names, it_names, "'{id}' has other placeholders in Italian")
                }
            }
        }
        for (id, _) in &italian {
            assert!(
                english.iter().any(|(e, _)| e == id),
                "'{id}' is missing from the English catalog"
            );
        }
    }

    #[test]
    fn italian_dates_take_their_article() {
        let said = |date: &str| message_in(Lang::It, "on-date", &[("date", Arg::from(date))]);
        assert_eq!(said("11 mag 2026"), "l'11 mag 2026");
        assert_eq!(said("8 feb"), "l'8 feb");
        assert_eq!(said("1 mar 2026, 09:00"), "il 1° mar 2026, 09:00");
        assert_eq!(said("21 mag"), "il 21 mag");
        // Not a date: the article as it is.
        assert_eq!(said("1 post"), "il 1 post");
    }

    #[test]
    fn plurals_follow_each_language() {
        let posts = |lang, n: i64| message_in(lang, "count-posts", &[("count", Arg::Number(n))]);
        assert_eq!(posts(Lang::En, 1), "1 post");
        assert_eq!(posts(Lang::En, 3), "3 posts");
        assert_eq!(posts(Lang::It, 1), "1 post");
        assert_eq!(posts(Lang::It, 0), "0 post");
        let days =
            |lang, n: i64| message_in(lang, "relative-future-days", &[("count", Arg::Number(n))]);
        assert_eq!(days(Lang::It, 1), "tra 1 giorno");
        assert_eq!(days(Lang::It, 3), "tra 3 giorni");
        assert_eq!(days(Lang::En, 3), "in 3 days");
    }

    /// The variables that hold counts: a message that puts one before a
    /// word needs a plural form for it.
    const COUNTS: [&str; 14] = [
        "count",
        "failed",
        "resumed",
        "missed",
        "total",
        "days",
        "hours",
        "minutes",
        "accounts",
        "posts",
        "scheduled",
        "published",
        "done",
        "attempts",
    ];

    /// Counts that need no plural form, reviewed one by one: the number
    /// stands alone ("3 of 5", "step 2/24", "Text (1/280 characters)") or
    /// before a word that does not change with it ("1 published").
    const NUMBER_INVARIANT: [(&str, &str, &str); 24] = [
        ("*", "bulk-some-done", "done|count"),
        ("en", "bulk-will-reconnect", "missed"),
        ("en", "tally-published", "count"),
        ("en", "tally-disconnected", "count"),
        ("en", "tally-purged", "count"),
        ("en", "reconnect-missed", "count"),
        ("en", "toast-reconnected", "missed"),
        ("en", "bulk-reconnected", "missed"),
        ("en", "connect-failures", "failed"),
        ("en", "connect-failures", "count"),
        ("it", "connect-failures", "count"),
        ("en", "detail-post-counts", "count"),
        ("en", "detail-post-counts", "scheduled"),
        ("en", "detail-post-counts", "published"),
        ("en", "detail-post-counts", "missed"),
        ("it", "detail-post-counts", "count"),
        ("it", "detail-post-counts", "scheduled"),
        ("it", "detail-post-counts", "published"),
        ("it", "detail-post-counts", "missed"),
        ("en", "compose-text", "count"),
        ("it", "compose-text", "count"),
        ("en", "bulk-more", "count"),
        ("it", "bulk-more", "count"),
        ("*", "tour-step-title|headless-step", "done|total"),
    ];

    fn invariant(lang: Lang, id: &str, var: &str) -> bool {
        NUMBER_INVARIANT.iter().any(|(l, ids, vars)| {
            (*l == "*" || *l == lang.code())
                && ids.split('|').any(|i| i == id)
                && vars.split('|').any(|v| v == var)
        })
    }

    /// The variables each message selects a variant on.
    fn selected(lang: Lang) -> std::collections::HashMap<String, Vec<String>> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn walk(pattern: &Pattern<&str>, out: &mut Vec<String>) {
            for element in &pattern.elements {
                if let PatternElement::Placeable {
                    expression: Expression::Select { selector, variants },
                } = element
                {
                    if let InlineExpression::VariableReference { id } = selector {
                        out.push(id.name.to_string());
                    }
                    for v in variants {
                        walk(&v.value, out);
                    }
                }
            }
        }
        let resource = match fluent_syntax::parser::parse(lang.source()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let mut all = std::collections::HashMap::new();
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut out = Vec::new();
                if let Some(p) = &m.value {
                    walk(p, &mut out);
                }
                all.insert(m.id.name.to_string(), out);
            }
        }
        all
    }

    #[test]
    fn every_count_goes_through_the_plural_rules_at_0_1_2_and_5_in_both_languages() {
        for lang in Lang::ALL {
            let selected = selected(lang);
            for (id, vars) in catalog(lang) {
                for var in vars.iter().filter(|v| COUNTS.contains(&v.as_str())) {
                    let has_plural = selected.get(&id).is_some_and(|s| s.contains(var));
                    assert!(
                        has_plural || invariant(lang, &id, var),
                        "{}: '{id}' puts ${var} before words without a plural form",
                        lang.code()
                    );
                    for n in [0, 1, 2, 5] {
                        let args: Vec<(&str, Arg)> = vars
                            .iter()
                            .map(|v| {
                                let value = if v == var {
                                    Arg::Number(n)
                                } else if COUNTS.contains(&v.as_str()) {
                                    Arg::Number(3)
                                } else {
                                    Arg::Text("x".into())
                                };
                                (v.as_str(), value)
                            })
                            .collect();
                        let text = message_in(lang, &id, &args);
                        assert!(
                            !text.contains('{') && text != id,
                            "{}: '{id}' with {var} = {n}: {text}",
                            lang.code()
                        );
                    }
                }
            }
        }
        // What a reader sees at one and at five.
        let reminders =
            |lang, n: i64| message_in(lang, "tally-reauth-reminder", &[("count", Arg::Number(n))]);
        assert_eq!(reminders(Lang::En, 1), "1 reauth reminder");
        assert_eq!(reminders(Lang::En, 3), "3 reauth reminders");
        let resumed = |lang, n: i64| {
            message_in(
                lang,
                "audit-reconnected",
                &[("resumed", Arg::Number(n)), ("missed", Arg::Number(1))],
            )
        };
        assert!(resumed(Lang::En, 1).contains("1 scheduled post resumes, 1 was missed"));
        assert!(resumed(Lang::It, 1).contains("1 post programmato riprende, 1 perso"));
        assert!(resumed(Lang::It, 5).contains("5 post programmati riprendono"));
    }

    /// Every message id the code names, whole (in `tr!(...)` or as the
    /// arm of a match that picks one), read from the sources.
    fn ids_in_code() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut found = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for lead in ["tr!(\"", "tr(\"", "word(\"", "=> \""] {
                for (at, _) in text.match_indices(lead) {
                    let rest = &text[at + lead.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let id = &rest[..end];
                    let shaped = id.contains('-')
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        && id.starts_with(|c: char| c.is_ascii_lowercase());
                    if shaped {
                        found.push((file.display().to_string(), id.to_string()));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn every_message_id_the_code_names_is_in_both_catalogs() {
        // Literals of that shape that are not messages: a key's name and a
        // subcommand's.
        const NOT_MESSAGES: [&str; 2] = ["shift-tab", "network-event"];
        let known = |lang: Lang| -> std::collections::HashSet<String> {
            let mut ids: std::collections::HashSet<String> =
                catalog(lang).into_iter().map(|(id, _)| id).collect();
            if let Some(help) = lang.help_source() {
                for line in help.lines() {
                    if let Some((id, _)) = line.split_once(" =") {
                        ids.insert(id.trim().to_string());
                    }
                }
            }
            ids
        };
        let (english, italian) = (known(Lang::En), known(Lang::It));
        let named = ids_in_code();
        assert!(
            named.len() > 300,
            "{} ids found: the scan is broken",
            named.len()
        );
        for (file, id) in named {
            if NOT_MESSAGES.contains(&id.as_str()) {
                continue;
            }
            // The command line's Italian help words clap's own English
            // (it-help.ftl): those are Italian only.
            assert!(
                english.contains(&id) || italian.contains(&id),
                "{file} names '{id}', in no catalog"
            );
            assert!(
                italian.contains(&id),
                "{file} names '{id}', missing from it.ftl"
            );
        }
        // And no id is built at run time: each is written whole.
        for file in ["tui/keymap.rs", "tui/view/mod.rs", "present.rs"] {
            let text = std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src")
                    .join(file),
            )
            .unwrap();
            assert!(!text.contains("tr!(&format!"), "{file} builds a message id");
        }
    }
}
