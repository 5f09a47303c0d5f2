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

/// The manual page, as roff: one page naming every command and flag
/// (it refers to no other page); with `dir`, one page a command, each
/// naming its subcommands' pages, written there (issue 17, item 20).
pub fn man<W: Write>(out: &mut Output<W>, dir: Option<&std::path::Path>) -> Result<()> {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    if let Some(dir) = dir {
        let mut written = Vec::new();
        write_pages(&root, dir, &mut written)?;
        return if out.json() {
            out.doc(&j!({ "dir": dir.display().to_string(), "pages": written }))
        } else {
            out.line(&crate::tr!(
                "cli-man-written",
                count = written.len(),
                dir = dir.display().to_string()
            ))
        };
    }
    let mut roff = Vec::new();
    page(&root, false, &mut roff).map_err(io_error)?;
    // Every subcommand's own section, so the page names every flag.
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        render_subcommand(&mut roff, sub, "switchboard").map_err(io_error)?;
    }
    out.raw(&roff)
}

/// One command's page: clap_mangen's sections, the subcommands' pages
/// named only when they are written too, and examples kept as written.
fn page(command: &clap::Command, name_pages: bool, roff: &mut Vec<u8>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(roff)?;
    man.render_name_section(roff)?;
    man.render_synopsis_section(roff)?;
    man.render_description_section(roff)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(roff)?;
    }
    if name_pages && command.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(roff)?;
    }
    examples(command, ".SH EXAMPLES", roff)?;
    if command.get_version().is_some() {
        man.render_version_section(roff)?;
    }
    Ok(())
}

/// A command's `after_long_help` (its examples) as written: `.nf` keeps
/// its lines and spaces from being filled and justified.
fn examples(command: &clap::Command, heading: &str, roff: &mut Vec<u8>) -> std::io::Result<()> {
    let Some(text) = command
        .get_after_long_help()
        .or_else(|| command.get_after_help())
    else {
        return Ok(());
    };
    writeln!(
        roff,
        "{heading}\n.nf\n{}\n.fi",
        escape_roff(&text.to_string())
    )
}

fn write_pages(
    command: &clap::Command,
    dir: &std::path::Path,
    written: &mut Vec<String>,
) -> Result<()> {
    let name = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_string();
    let mut roff = Vec::new();
    page(command, true, &mut roff).map_err(io_error)?;
    let file = format!("{name}.1");
    let path = dir.join(&file);
    // A page made again replaces the one before: write beside it, then
    // rename, so a reader never meets half a page.
    let partial = dir.join(format!(".{file}.partial"));
    let _ = std::fs::remove_file(&partial);
    let mut handle = crate::files::create_private(&partial, "manual page")?;
    let done = handle
        .write_all(&roff)
        .and_then(|()| handle.sync_all())
        .and_then(|()| std::fs::rename(&partial, &path));
    if let Err(e) = done {
        // Nothing half written is left behind.
        let _ = std::fs::remove_file(&partial);
        return Err(io_error(e));
    }
    written.push(file);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir, written)?;
    }
    Ok(())
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
    examples(command, ".SS Examples", roff)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
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
