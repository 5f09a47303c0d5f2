//! Recordings as asciicast v2 (what asciinema plays): a JSON header with the
//! version, width and height, then one `[seconds, "o", text]` line per output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::clock::Stopwatch;
use crate::error::{Error, Result};

pub struct Recorder {
    out: BufWriter<File>,
    clock: Stopwatch,
    /// Bytes of a UTF-8 character split across two writes.
    pending: Vec<u8>,
}

impl Recorder {
    pub fn create(path: &Path, width: u16, height: u16, title: &str) -> Result<Recorder> {
        // Never over an existing file (the portal itself, another recording).
        let file = crate::files::create_private(path, "recording")?;
        let mut out = BufWriter::new(file);
        let header = serde_json::json!({
            "version": 2,
            "width": width,
            "height": height,
            "title": title,
            "env": {"TERM": "xterm-256color"},
        });
        writeln!(out, "{header}").map_err(|e| Error::other("io", e.to_string()))?;
        Ok(Recorder {
            out,
            clock: Stopwatch::start(),
            pending: Vec::new(),
        })
    }

    /// Keeps terminal output for the next event: a frame is written in many
    /// small pieces, and a cast holds one event per frame (issue 17, item
    /// 22), not one per piece.
    pub fn output(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// Records the output kept since the last event as one event, now.
    pub fn emit(&mut self) -> io::Result<()> {
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            // An incomplete character at the end waits for the next write.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        if valid == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.pending[..valid]).into_owned();
        self.pending.drain(..valid);
        self.event(self.clock.seconds(), &text)
    }

    /// Records output at a given time (headless tours pace their steps).
    pub fn event(&mut self, seconds: f64, text: &str) -> io::Result<()> {
        let line = serde_json::json!([(seconds * 1000.0).round() / 1000.0, "o", text]);
        writeln!(self.out, "{line}")
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.emit()?;
        self.out.flush()
    }
}

/// Writes to the terminal and, when recording, to the cast too.
pub struct Tee<W: Write> {
    pub inner: W,
    pub recorder: Option<Recorder>,
}

impl<W: Write> Write for Tee<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(recorder) = &mut self.recorder {
            recorder.output(&buf[..n]);
        }
        Ok(n)
    }

    /// A frame is flushed once it is whole: its output is one event.
    fn flush(&mut self) -> io::Result<()> {
        if let Some(recorder) = &mut self.recorder {
            recorder.emit()?;
            recorder.out.flush()?;
        }
        self.inner.flush()
    }
}

/// A screen of text as terminal output: clear, home, then the lines.
pub fn screen_output(screen: &str) -> String {
    let mut text = String::from("\x1b[2J\x1b[H");
    text.push_str(&screen.replace('\n', "\r\n"));
    text
}
