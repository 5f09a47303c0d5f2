//! `completions`, `man` and `config`: what the program is, for the shell
//! and for its config file. No portal is opened.

use std::io::Write;

use clap::CommandFactory;
use serde_json::json as j;

use crate::cli::args::Cli;
use crate::cli::output::{Output, io_error};
use crate::error::Result;

/// The completion script of `shell`, for every command and flag.
pub fn completions<W: Write>(shell: clap_complete::Shell, out: &mut Output<W>) -> Result<()> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "switchboard", &mut script);
    out.raw(&script)
}

/// The manual page, as roff.
pub fn man<W: Write>(out: &mut Output<W>) -> Result<()> {
    let page = clap_mangen::Man::new(Cli::command());
    let mut roff = Vec::new();
    page.render(&mut roff).map_err(io_error)?;
    // Every subcommand's own section, so the page names every flag.
    for sub in Cli::command().get_subcommands() {
        render_subcommand(&mut roff, sub, "switchboard").map_err(io_error)?;
    }
    out.raw(&roff)
}

fn render_subcommand(
    roff: &mut Vec<u8>,
    command: &clap::Command,
    parent: &str,
) -> std::io::Result<()> {
    let name = format!("{parent} {}", command.get_name());
    writeln!(roff, ".SH \"{}\"", name.to_uppercase())?;
    if let Some(about) = command.get_about() {
        writeln!(roff, "{}", escape_roff(&about.to_string()))?;
    }
    for arg in command.get_arguments() {
        if arg.is_hide_set() {
            continue;
        }
        let flag = match (arg.get_long(), arg.get_short()) {
            (Some(long), Some(short)) => format!("\\-{short}, \\-\\-{long}"),
            (Some(long), None) => format!("\\-\\-{long}"),
            (None, Some(short)) => format!("\\-{short}"),
            (None, None) => format!("<{}>", arg.get_id().as_str().to_uppercase()),
        };
        writeln!(roff, ".TP\n\\fB{flag}\\fR")?;
        if let Some(help) = arg.get_help() {
            writeln!(roff, "{}", escape_roff(&help.to_string()))?;
        }
    }
    for sub in command.get_subcommands() {
        render_subcommand(roff, sub, &name)?;
    }
    Ok(())
}

/// Text as roff reads it: a line starting with `.` or `'` is not a request,
/// and a backslash is a backslash.
fn escape_roff(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace('\\', "\\\\").replace('-', "\\-");
            if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `config`: where the TUI reads its config; `--default`: the whole
/// default config, every action a key can be bound to.
pub fn config<W: Write>(default: bool, out: &mut Output<W>) -> Result<()> {
    if default {
        let text = crate::tui::config::default_text();
        return if out.json() {
            out.doc(&j!({"default": text}))
        } else {
            out.raw(text.as_bytes())
        };
    }
    let path = crate::tui::config::default_path();
    let exists = path.as_ref().is_some_and(|p| p.exists());
    if out.json() {
        return out.doc(&j!({
            "path": path.as_ref().map(|p| p.display().to_string()),
            "exists": exists,
        }));
    }
    match path {
        Some(path) if exists => out.line(&crate::tr!(
            "cli-config-at",
            path = path.display().to_string()
        )),
        Some(path) => out.line(&crate::tr!(
            "cli-config-none",
            path = path.display().to_string()
        )),
        None => out.line(&crate::tr!("cli-config-no-home")),
    }
}
