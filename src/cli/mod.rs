//! The scripting face (CLI.md): parses the command line, runs one command
//! (`commands/`, one file per subcommand) through the store, and prints its
//! result for people, as JSON or as CSV (`output`). It holds no rule: what a
//! user may see or do is asked of the store.

pub mod args;
pub mod commands;
pub mod human;
pub mod json;
pub mod localize;
pub mod offered;
pub mod output;
pub mod progress;

use std::ffi::OsString;
use std::io::{self, BufWriter};

use serde_json::json as j;

use crate::error::Error;
use crate::present::escape_control;
use args::{Cli, Format};
use output::Output;

/// Runs the program on these arguments and returns its exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    let wants_json = args.iter().any(|a| a == "--json");
    // The language first, so help and usage errors speak it too.
    if let Err(error) = choose_language(lang_flag(&args).as_deref()) {
        return report(&error, wants_json);
    }
    let matches = match localize::command().try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(e) => return usage_error(e, wants_json),
    };
    match localize::help_for(&matches) {
        Some(Ok(help)) => {
            return match say(&mut io::stdout(), &help) {
                Ok(()) => 0,
                Err(e) => write_failure(&e),
            };
        }
        Some(Err(message)) => return report(&Error::usage(message), wants_json),
        None => {}
    }
    let cli = match <Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return usage_error(e, wants_json),
    };
    let format = match commands::format_of(&cli) {
        Ok(format) => format,
        Err(error) => return report(&error, cli.global.json),
    };
    crate::logging::init(commands::face_of(&cli));
    let stdout = io::stdout();
    let mut out = Output::new(BufWriter::new(stdout.lock()), format, cli.global.verbose);
    let result = commands::execute(&cli, &mut out).and_then(|()| out.flush());
    let json_errors = format == Format::Json;
    match result {
        // The results are printed (one JSON document); the error line says
        // what was not done, and the exit code is the first refusal's.
        Ok(()) => match out.failed_after.take() {
            Some(error) => {
                complain(&error.to_string());
                error.exit_code()
            }
            None => 0,
        },
        Err(Error::Other {
            code: "broken_pipe",
            ..
        }) => 0,
        Err(error) => {
            let _ = out.flush();
            report(&error, json_errors)
        }
    }
}

/// Speaks the language asked for (`i18n::choose`).
fn choose_language(flag: Option<&str>) -> crate::error::Result<()> {
    let [variable, all, messages, lang] = crate::i18n::environment();
    let config = crate::tui::config::lang_setting();
    let lang = crate::i18n::choose(&crate::i18n::Choices {
        flag,
        variable: variable.as_deref(),
        config: config.as_deref(),
        locale: [all.as_deref(), messages.as_deref(), lang.as_deref()],
    })
    .map_err(|message| Error::invalid("bad_lang", message))?;
    crate::i18n::set(lang);
    Ok(())
}

/// `--lang X` or `--lang=X` among the arguments, read before clap parses
/// them (clap's help and errors are then in that language).
fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            return None;
        }
        if word == "--lang" {
            return words.next().map(|w| w.into_owned());
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// A command line clap refused: its own message (which argument is
/// missing, the suggestion for a typo, the command's usage), on the one
/// `error:` line of CLI.md, exit 2. Help and version are not errors.
fn usage_error(e: clap::Error, json: bool) -> i32 {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return 0;
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let error = Error::usage(missing_subcommand(&e.render().to_string()));
        return report(&error, json);
    }
    let error = Error::usage(localize::usage_message(&e, || {
        one_line(&e.render().to_string())
    }));
    report(&error, json)
}

/// clap's message on one line, without its leading "error: " (the report
/// adds it): a list after a colon joined by commas, the other parts by
/// "; ", and the closing hint naming the command's own help.
fn one_line(text: &str) -> String {
    let mut line = String::new();
    let mut in_list = false;
    for raw in text.lines() {
        let part = raw.trim();
        if part.is_empty() {
            in_list = false;
            continue;
        }
        if part.starts_with("For more information") {
            continue;
        }
        let own = part
            .starts_with("Usage:")
            .then(|| localize::own_usage(part).map(|u| format!("Usage: {u}")))
            .flatten();
        let part = own.as_deref().unwrap_or(part);
        if line.is_empty() {
            line.push_str(part.trim_start_matches("error: "));
        } else if line.ends_with(':') {
            line.push(' ');
            line.push_str(part);
            in_list = raw.starts_with("  ") && !part.starts_with("tip:");
        } else if in_list && raw.starts_with("  ") {
            line.push_str(", ");
            line.push_str(part);
        } else {
            line.push_str("; ");
            line.push_str(part);
        }
    }
    line.push_str(&format!("; see '{} --help'", command_of_usage(text)));
    line
}

/// A command that needs a subcommand, named without one: which ones it has,
/// from its help text.
fn missing_subcommand(help: &str) -> String {
    let command = command_of_usage(help);
    let names: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:") && !l.starts_with("Comandi:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    crate::tr!(
        "cli-needs-subcommand",
        command = command,
        names = names.join(", ")
    )
}

/// The command a usage line is for: `switchboard post schedule` from
/// "Usage: switchboard post schedule --at <RFC3339> ...".
fn command_of_usage(text: &str) -> String {
    let usage = text
        .lines()
        .find_map(|l| {
            let l = l.trim();
            l.strip_prefix("Usage: ")
                .or_else(|| l.strip_prefix("Uso: "))
        })
        .unwrap_or("switchboard");
    usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect::<Vec<_>>()
        .join(" ")
}

/// CLI.md: one `error:` line on stderr; with --json, the error object on stdout.
fn report(error: &Error, json: bool) -> i32 {
    tracing::warn!(
        code = error.code(),
        "{}",
        escape_control(&error.to_string())
    );
    if json {
        let doc = j!({"error": {"code": error.code(), "message": error.to_string()}});
        // A closed or full stdout: the error line below still says it.
        let _ = say(&mut io::stdout(), &format!("{doc}\n"));
    }
    complain(&error.to_string());
    error.exit_code()
}

/// Writes and flushes `text`; a closed pipe or a full disk is an error
/// here, never a panic (issue 17, item 16).
fn say(to: &mut impl io::Write, text: &str) -> io::Result<()> {
    to.write_all(text.as_bytes())?;
    to.flush()
}

/// The one `error:` line on stderr. A stderr that cannot take it (closed,
/// full) leaves nothing else to tell: the exit code still says it.
fn complain(message: &str) {
    let _ = say(
        &mut io::stderr(),
        &format!("error: {}\n", escape_control(message)),
    );
}

/// What a failed write of the results means for the exit code: a reader
/// that went away (`| head -1`) is not a failure; anything else is, said
/// on stderr if it can be.
fn write_failure(e: &io::Error) -> i32 {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return 0;
    }
    complain(&crate::tr!(
        "error-cannot-write-output",
        why = e.to_string()
    ));
    1
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn clap_messages_become_one_line_with_their_tip_and_usage() {
        let text = "error: unrecognized subcommand 'acount'\n\n  tip: a similar subcommand exists: 'account'\n\nUsage: switchboard [OPTIONS] [COMMAND]\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(text),
            "unrecognized subcommand 'acount'; tip: a similar subcommand exists: 'account'; Usage: switchboard [OPTIONS] [COMMAND]; see 'switchboard --help'"
        );
        let missing = "error: the following required arguments were not provided:\n  --at <RFC3339>\n  --text <TEXT>\n\nUsage: switchboard post schedule --at <RFC3339> --text <TEXT> <ACCOUNT_ID>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(missing),
            "the following required arguments were not provided: --at <RFC3339>, --text <TEXT>; Usage: switchboard post schedule [OPTIONS] --at <RFC3339> --text <TEXT> <ACCOUNT_ID>; see 'switchboard post schedule --help'"
        );
    }
}
