//! Every failure the app reports, with its exit code (CLI.md) and a message
//! that says what to do next.

use crate::lifecycle::StateRefusal;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad usage or a malformed value: exit 2.
    #[error("{message}")]
    Usage { code: &'static str, message: String },
    /// Refused by a rule of permission or tier (R2, R10): exit 3.
    #[error("{message}")]
    Denied { code: &'static str, message: String },
    /// No such account, post, user or database: exit 4.
    #[error("{message}")]
    NotFound { code: &'static str, message: String },
    /// Refused by the state of the portal: exit 5.
    #[error("{}", .0.message())]
    State(StateRefusal),
    /// Refused because something already exists (a portal file, a user): exit 5.
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    /// Anything else: a corrupt database, a full disk: exit 1.
    #[error("{message}")]
    Other { code: &'static str, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn usage(message: impl Into<String>) -> Error {
        Error::Usage {
            code: "usage",
            message: message.into(),
        }
    }

    pub fn invalid(code: &'static str, message: impl Into<String>) -> Error {
        Error::Usage {
            code,
            message: message.into(),
        }
    }

    pub fn not_found(code: &'static str, message: impl Into<String>) -> Error {
        Error::NotFound {
            code,
            message: message.into(),
        }
    }

    pub fn conflict(code: &'static str, message: impl Into<String>) -> Error {
        Error::Conflict {
            code,
            message: message.into(),
        }
    }

    pub fn other(code: &'static str, message: impl Into<String>) -> Error {
        Error::Other {
            code,
            message: message.into(),
        }
    }

    /// This error, reported with `other`'s exit code class (several
    /// accounts' summary keeps the first refusal's code).
    pub fn with_exit_code_of(self, other: &Error) -> Error {
        let message = self.to_string();
        let code = self.code();
        match other {
            Error::Usage { .. } => Error::Usage { code, message },
            Error::Denied { .. } => Error::Denied { code, message },
            Error::NotFound { .. } => Error::NotFound { code, message },
            Error::State(_) | Error::Conflict { .. } => Error::Conflict { code, message },
            Error::Other { .. } => Error::Other { code, message },
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage { .. } => 2,
            Error::Denied { .. } => 3,
            Error::NotFound { .. } => 4,
            Error::State(_) | Error::Conflict { .. } => 5,
            Error::Other { .. } => 1,
        }
    }

    /// The machine-readable code of the JSON error object.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Usage { code, .. }
            | Error::Denied { code, .. }
            | Error::NotFound { code, .. }
            | Error::Conflict { code, .. }
            | Error::Other { code, .. } => code,
            Error::State(refusal) => match refusal {
                StateRefusal::ClockBackwards { .. } => "clock_backwards",
                StateRefusal::WrongConfirmation { .. } => "wrong_confirmation",
                StateRefusal::NotInTheFuture { .. } => "not_in_the_future",
                StateRefusal::DeletedOnNetwork => "deleted_on_network",
                StateRefusal::AlreadyConnected => "already_connected",
                _ => "refused_by_state",
            },
        }
    }

    /// Refusals by a rule are audited (R10e, R14); other failures are not.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            Error::Denied { .. } | Error::State(_) | Error::Conflict { .. }
        ) && !matches!(self, Error::State(StateRefusal::ClockBackwards { .. }))
    }
}

pub fn disk_full() -> Error {
    Error::other("disk_full", crate::tr!("error-disk-full"))
}

impl From<StateRefusal> for Error {
    fn from(refusal: StateRefusal) -> Error {
        Error::State(refusal)
    }
}
