//! Where results go, in the form asked for: lines for people, one JSON
//! document, or CSV rows. Lists are streamed row by row, never held whole.
//! Every human line and CSV field passes `escape_control` here, so nothing
//! from the data drives the terminal.

use std::io::{self, Write};

use serde_json::Value;

use super::args::Format;
use crate::error::{Error, Result};
use crate::present::{escape_control, escape_lines};

/// A command's result, which knows both of its forms.
pub trait Shown {
    /// The JSON document of CLI.md.
    fn json(&self) -> Value;
    /// The lines for people.
    fn human(&self) -> String;
}

/// A list's CSV form: the header row, and one item's fields.
pub type CsvForm<'a, T> = (&'a [&'a str], &'a dyn Fn(&T) -> Vec<String>);

/// How a list shows its items in each form.
pub struct Listing<'a, T> {
    /// What people read when the list is empty.
    pub empty: &'a str,
    pub json: &'a dyn Fn(&T) -> Value,
    /// One item's lines; `FnMut`, so a list can print a group's heading
    /// when the group changes.
    pub human: &'a mut dyn FnMut(&T) -> String,
    /// The header row and one item's fields, where the list has a CSV form.
    pub csv: Option<CsvForm<'a, T>>,
}

pub struct Output<W: Write> {
    pub(super) writer: W,
    pub format: Format,
    pub verbose: bool,
    /// A failure to report once the output is written and the transaction
    /// committed (some accounts of several were refused).
    pub failed_after: Option<Error>,
}

pub fn io_error(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Error::other("broken_pipe", "the reader of the output went away")
    } else {
        Error::other(
            "io",
            crate::tr!("error-cannot-write-output", why = e.to_string()),
        )
    }
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => io_error(e),
        other => Error::other("io", format!("cannot write the CSV: {other:?}")),
    }
}

/// A text field of a CSV row: control characters escaped like every other
/// output, and a leading `=`, `+`, `-` or `@` made inert with a `'`, so a
/// spreadsheet shows the text instead of running it as a formula.
pub fn csv_text(text: &str) -> String {
    let text = escape_control(text);
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}

impl<W: Write> Output<W> {
    pub fn new(writer: W, format: Format, verbose: bool) -> Output<W> {
        Output {
            writer,
            format,
            verbose,
            failed_after: None,
        }
    }

    pub fn json(&self) -> bool {
        self.format == Format::Json
    }

    /// Writes human output; the line breaks of multi-line output stay.
    pub fn line(&mut self, text: &str) -> Result<()> {
        writeln!(self.writer, "{}", escape_lines(text)).map_err(io_error)
    }

    pub fn doc(&mut self, value: &Value) -> Result<()> {
        self.line(&value.to_string())
    }

    /// A command's one result, in the form asked for.
    pub fn show(&mut self, result: &dyn Shown) -> Result<()> {
        if self.json() {
            self.doc(&result.json())
        } else {
            self.line(&result.human())
        }
    }

    /// Raw bytes (a generated script or page), not escaped: they are the
    /// program's own text, with no data in them.
    pub fn raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.writer.write_all(bytes).map_err(io_error)
    }

    pub fn writer(&mut self) -> &mut W {
        &mut self.writer
    }

    pub fn flush(&mut self) -> Result<()> {
        self.writer.flush().map_err(io_error)
    }

    /// Streams a list: a JSON array (one item a line), CSV rows under a
    /// header, or human lines. Returns how many items there were. Nothing
    /// is written before the first item or the end, so a refusal found by
    /// `produce` (a permission) leaves the output empty for its error.
    pub fn list<T>(
        &mut self,
        listing: Listing<'_, T>,
        produce: impl FnOnce(&mut dyn FnMut(T) -> Result<()>) -> Result<()>,
    ) -> Result<usize> {
        let mut count = 0usize;
        match (self.format, listing.csv) {
            (Format::Csv, Some((header, fields))) => {
                let mut csv = csv::Writer::from_writer(&mut self.writer);
                produce(&mut |item: T| {
                    if count == 0 {
                        csv.write_record(header).map_err(csv_error)?;
                    }
                    count += 1;
                    csv.write_record(fields(&item)).map_err(csv_error)
                })?;
                if count == 0 {
                    csv.write_record(header).map_err(csv_error)?;
                }
                csv.flush().map_err(io_error)?;
            }
            (Format::Csv, None) => {
                return Err(Error::usage(
                    "this list has no CSV form: use --format human or --format json",
                ));
            }
            (Format::Json, _) => {
                let writer = &mut self.writer;
                produce(&mut |item: T| {
                    let sep = if count == 0 { "[\n" } else { ",\n" };
                    count += 1;
                    write!(writer, "{sep}{}", (listing.json)(&item)).map_err(io_error)
                })?;
                self.line(if count == 0 { "[\n]" } else { "\n]" })?;
            }
            (Format::Human, _) => {
                let writer = &mut self.writer;
                let human = listing.human;
                produce(&mut |item: T| {
                    count += 1;
                    writeln!(writer, "{}", escape_lines(&human(&item))).map_err(io_error)
                })?;
                if count == 0 && !listing.empty.is_empty() {
                    self.line(listing.empty)?;
                }
            }
        }
        Ok(count)
    }
}
