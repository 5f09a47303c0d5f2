//! The command line's own help and usage errors in the language spoken.
//! English is clap's, from the argument definitions (`args.rs`); Italian
//! comes from `assets/i18n/it-help.ftl`, one message per command
//! (`about-PATH`) and per argument (`arg-PATH-ID`), and clap's errors are
//! worded again from their context (which argument, which suggestion).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use super::args::Cli;
use crate::i18n::{Lang, current, message_in};

/// The command line as clap parses it, its help in the current language.
pub fn command() -> Command {
    match current() {
        Lang::En => Cli::command(),
        Lang::It => italian(Cli::command(), "switchboard", true),
    }
}

/// A catalog message of the Italian help, or `None` when it has none.
fn help(id: &str) -> Option<String> {
    let text = message_in(Lang::It, id, &[]);
    (text != id).then_some(text)
}

/// A word of the Italian help's frame (headings, clap's own flags), from
/// it-help.ftl like every other word the help shows.
fn word(id: &'static str) -> String {
    message_in(Lang::It, id, &[])
}

/// clap's help layout with its headings in Italian.
fn template() -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        word("clap-usage")
    )
}

fn italian(mut command: Command, path: &str, root: bool) -> Command {
    if let Some(about) = help(&format!("about-{path}")) {
        command = command.about(about).long_about(None::<&str>);
    }
    // The examples are commands, the same in every language: their heading
    // and comments are not.
    let examples = command
        .get_after_long_help()
        .map(|h| examples(&h.to_string()));
    let exit_codes = help("exit-codes").unwrap_or_default();
    command = match (root, examples) {
        (true, Some(e)) => command
            .after_help(exit_codes.clone())
            .after_long_help(format!("{e}\n\n{exit_codes}")),
        (true, None) => command.after_help(exit_codes),
        (false, Some(e)) => command.after_long_help(e),
        (false, None) => command,
    };
    command = command
        .help_template(template())
        .subcommand_help_heading(word("clap-heading-commands"))
        .subcommand_value_name(word("clap-value-command"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(word("clap-help-flag"))
                .help_heading(word("clap-heading-options")),
        );
    if root {
        // clap's own `help` subcommand says "Print this message...": ours
        // says it in Italian, and `help_for` prints what it asks for.
        command = command.disable_help_subcommand(true).subcommand(
            Command::new("help")
                .about(word("clap-help-subcommand"))
                .arg(
                    Arg::new("command")
                        .num_args(0..)
                        .value_name(word("clap-value-command")),
                ),
        );
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(word("clap-version-flag"))
                .help_heading(word("clap-heading-options")),
        );
    }
    let ids: Vec<(String, bool, bool)> = command
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| (a.get_id().to_string(), a.is_global_set(), a.is_positional()))
        .collect();
    for (id, global, positional) in ids {
        let text = help(&format!("arg-{path}-{id}"));
        command = command.mut_arg(&id, |arg| {
            let arg = match &text {
                Some(text) => arg.help(text.clone()).long_help(None::<&str>),
                None => arg,
            };
            let heading = word(if global {
                "clap-heading-global"
            } else if positional {
                "clap-heading-arguments"
            } else {
                "clap-heading-options"
            });
            // The help text lists the values in Italian already.
            let takes_value = arg.get_action().takes_values();
            // Defaults and variables are in the Italian texts themselves.
            let has_env = arg.get_env().is_some();
            arg.help_heading(heading)
                .hide_possible_values(takes_value)
                .hide_default_value(takes_value)
                .hide_env(has_env)
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if root {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        command = command.mut_subcommand(&name, |sub| italian(sub, &sub_path, false));
    }
    command
}

/// `switchboard help [COMMAND...]` in Italian: the long help of that
/// command (or which name is not one), or `None` when the arguments ask for
/// something else.
pub fn help_for(matches: &clap::ArgMatches) -> Option<Result<String, String>> {
    let ("help", help) = matches.subcommand()? else {
        return None;
    };
    let path: Vec<String> = help
        .get_many::<String>("command")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    let mut command = command();
    command.build();
    let mut target = &mut command;
    for name in &path {
        target = match target.find_subcommand_mut(name) {
            Some(sub) => sub,
            None => {
                return Some(Err(format!(
                    "{}; {}",
                    message_in(
                        Lang::It,
                        "clap-invalid-subcommand",
                        &[("name", crate::i18n::Arg::from(name.as_str()))]
                    ),
                    message_in(
                        Lang::It,
                        "clap-see-help",
                        &[("command", crate::i18n::Arg::from("switchboard"))]
                    )
                )));
            }
        };
    }
    Some(Ok(target.render_long_help().to_string()))
}

/// The examples of a long help in Italian: the heading translated, the
/// English comments after `#` left out.
fn examples(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line
                .replace("Examples:", &word("clap-examples"))
                .replace("Example:", &word("clap-example"));
            match line.find("  # ") {
                Some(at) => line[..at].trim_end().to_string(),
                None => line,
            }
        })
        .take_while(|line| !line.starts_with("Exit codes"))
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
}

/// The usage of the command a clap usage line names, as its `--help` shows
/// it: options that have defaults (an environment variable, the data
/// folder) are `[OPTIONS]`, not the values the environment gave them
/// (issue 18, item 14). None when the line names no known command.
pub fn own_usage(usage: &str) -> Option<String> {
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let words: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    let mut root = command();
    root.build();
    let mut current = &mut root;
    for word in words.iter().skip(1) {
        current = current.find_subcommand_mut(word)?;
    }
    let rendered = current.render_usage().to_string();
    let own = rendered
        .trim()
        .split_once(':')
        .map_or(rendered.trim(), |(_, rest)| rest.trim());
    Some(own.to_string())
}

/// A usage error of clap in the current language, on one line. English is
/// clap's own message.
pub fn usage_message(error: &clap::Error, english: impl FnOnce() -> String) -> String {
    if current() == Lang::En {
        return english();
    }
    let context = |kind: ContextKind| -> Vec<String> {
        match error.get(kind) {
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::Strings(v)) => v.clone(),
            Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
            Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
            Some(ContextValue::Number(n)) => vec![n.to_string()],
            _ => Vec::new(),
        }
    };
    let first = |kind| context(kind).into_iter().next().unwrap_or_default();
    let quoted = |items: Vec<String>| {
        items
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let tr = |id: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, crate::i18n::Arg)> = args
            .iter()
            .map(|(k, v)| (*k, crate::i18n::Arg::from(v.clone())))
            .collect();
        message_in(Lang::It, id, &args)
    };
    let mut line = match error.kind() {
        ErrorKind::InvalidSubcommand => tr(
            "clap-invalid-subcommand",
            &[("name", first(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::UnknownArgument => tr(
            "clap-unknown-argument",
            &[("name", first(ContextKind::InvalidArg))],
        ),
        ErrorKind::MissingRequiredArgument => tr(
            "clap-missing-argument",
            &[("names", context(ContextKind::InvalidArg).join(", "))],
        ),
        ErrorKind::MissingSubcommand => tr("clap-missing-subcommand", &[]),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => tr(
            "clap-invalid-value",
            &[
                ("value", first(ContextKind::InvalidValue)),
                ("name", first(ContextKind::InvalidArg)),
            ],
        ),
        ErrorKind::ArgumentConflict => tr(
            "clap-conflict",
            &[
                ("name", first(ContextKind::InvalidArg)),
                ("other", first(ContextKind::PriorArg)),
            ],
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr("clap-values", &[("name", first(ContextKind::InvalidArg))])
        }
        _ => return english(),
    };
    let valid = context(ContextKind::ValidValue);
    if !valid.is_empty() {
        line.push_str(&format!(
            "; {}",
            tr("clap-valid-values", &[("values", quoted(valid))])
        ));
    }
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let suggested = context(kind);
        if !suggested.is_empty() {
            line.push_str(&format!(
                "; {}",
                tr("clap-did-you-mean", &[("names", quoted(suggested))])
            ));
        }
    }
    let usage = first(ContextKind::Usage);
    let usage = own_usage(&usage)
        .unwrap_or_else(|| usage.trim().trim_start_matches("Usage:").trim().to_string());
    let usage = usage.as_str();
    if !usage.is_empty() {
        line.push_str(&format!("; Uso: {usage}"));
    }
    let command = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect::<Vec<_>>()
        .join(" ");
    let command = if command.is_empty() {
        "switchboard".to_string()
    } else {
        command
    };
    line.push_str(&format!(
        "; {}",
        tr("clap-see-help", &[("command", command)])
    ));
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of the clap tree, as help message ids.
    fn help_ids() -> Vec<String> {
        fn walk(command: &Command, path: &str, root: bool, ids: &mut Vec<String>) {
            ids.push(format!("about-{path}"));
            for arg in command.get_arguments() {
                ids.push(format!("arg-{path}-{}", arg.get_id()));
            }
            for sub in command.get_subcommands() {
                let sub_path = if root {
                    sub.get_name().to_string()
                } else {
                    format!("{path}-{}", sub.get_name())
                };
                walk(sub, &sub_path, false, ids);
            }
        }
        let mut ids = Vec::new();
        walk(&Cli::command(), "switchboard", true, &mut ids);
        ids
    }

    #[test]
    fn every_command_and_argument_has_its_italian_help() {
        let missing: Vec<String> = help_ids()
            .into_iter()
            .filter(|id| help(id).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "missing from it-help.ftl:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_italian_help_speaks_italian() {
        crate::i18n::set(Lang::It);
        let text = command()
            .try_get_matches_from(["switchboard", "account", "list", "--help"])
            .unwrap_err()
            .render()
            .to_string();
        crate::i18n::set(Lang::En);
        assert!(text.contains("Uso:"), "{text}");
        assert!(text.contains("Opzioni globali:"), "{text}");
        assert!(text.contains("Esempi:"), "{text}");
        for english in [
            "Usage:",
            "Options:",
            "Global options",
            "Only accounts",
            "Print help",
        ] {
            assert!(!text.contains(english), "'{english}' in:\n{text}");
        }
    }
}
