//! The words of the lifecycle's parse errors (`lifecycle::parse`), in the
//! current language: what was typed, and what is taken instead.

use std::fmt;

use crate::lifecycle::parse::{InstantProblem, ParseError, YEARS};
use crate::lifecycle::policy::{Network, Tier};
use crate::lifecycle::time::format_instant;
use crate::tr;

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let years = || format!("{}-{}", YEARS.0, YEARS.1);
        let hint = || tr!("duration-hint");
        let text = match self {
            ParseError::UnknownTab(text) => tr!("error-unknown-tab", text = text.clone()),
            ParseError::UnknownEvent(text) => tr!("error-unknown-event", text = text.clone()),
            ParseError::UnknownStatus(text) => tr!("error-unknown-status", text = text.clone()),
            ParseError::UnknownAccess(text) => tr!("error-unknown-access", text = text.clone()),
            ParseError::UnknownNetwork(text) => {
                let names: Vec<&str> = Network::all().map(|n| n.name()).collect();
                tr!(
                    "error-unknown-network",
                    text = text.clone(),
                    names = names.join(", ")
                )
            }
            ParseError::UnknownTier(text) => {
                let names: Vec<&str> = Tier::ALL.iter().map(|t| t.name()).collect();
                tr!(
                    "error-unknown-tier",
                    text = text.clone(),
                    names = names.join(", ")
                )
            }
            ParseError::NotAnInstant { text, why } => tr!(
                "error-not-an-instant",
                text = text.clone(),
                why = tr!(match why {
                    InstantProblem::TooShort => "time-why-too-short",
                    InstantProblem::TooLong => "time-why-too-long",
                    InstantProblem::Impossible => "time-why-impossible",
                    InstantProblem::NotEnough => "time-why-not-enough",
                    InstantProblem::Form => "time-why-form",
                })
            ),
            ParseError::InstantOutOfYears { text } => tr!(
                "error-instant-out-of-years",
                text = text.clone(),
                years = years()
            ),
            ParseError::ClockOutOfYears { from, days } => tr!(
                "error-clock-out-of-years",
                from = format_instant(*from),
                days = *days,
                years = years()
            ),
            ParseError::DurationEmpty => tr!("error-duration-empty", hint = hint()),
            ParseError::DurationUnit { text, unit } => tr!(
                "error-duration-unit",
                text = text.clone(),
                unit = unit.to_string(),
                hint = hint()
            ),
            ParseError::DurationNoNumber { text } => tr!(
                "error-duration-no-number",
                text = text.clone(),
                hint = hint()
            ),
            ParseError::DurationTooLong { text } => {
                tr!("error-duration-too-long", text = text.clone())
            }
            ParseError::DurationNoUnit { text } => {
                tr!("error-duration-no-unit", text = text.clone(), hint = hint())
            }
            ParseError::DurationZero { text } => tr!("error-duration-zero", text = text.clone()),
        };
        f.write_str(&text)
    }
}

/// Where the faces keep errors as text (clap's value parsers, the dialogs).
impl From<ParseError> for String {
    fn from(error: ParseError) -> String {
        error.to_string()
    }
}
