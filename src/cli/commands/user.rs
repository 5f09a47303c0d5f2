//! `user add|deactivate|list`.

use std::io::Write;

use serde_json::Value;

use super::parsed;
use crate::cli::args::UserCommand;
use crate::cli::output::{Listing, Output, Shown};
use crate::cli::{human, json};
use crate::error::Result;
use crate::lifecycle::SocialAccess;
use crate::lifecycle::permission::User;
use crate::store::{NewUser, Session, actions, reads};

/// A user added or deactivated: `verb` says which.
struct Changed {
    user: User,
    verb: &'static str,
}

impl Shown for Changed {
    fn json(&self) -> Value {
        json::user(&self.user)
    }

    fn human(&self) -> String {
        match self.verb {
            "added" => crate::tr!(
                "cli-user-added",
                email = self.user.email.clone(),
                role = self.user.role()
            ),
            _ => crate::tr!("cli-user-deactivated", email = self.user.email.clone()),
        }
    }
}

pub fn run<W: Write>(
    session: &mut Session<'_>,
    out: &mut Output<W>,
    command: &UserCommand,
) -> Result<()> {
    match command {
        UserCommand::Add {
            email,
            name,
            super_admin,
            access,
            publish,
        } => {
            let access = parsed(SocialAccess::parse(access), "bad_access")?;
            let user = actions::add_user(
                session,
                NewUser {
                    email: email.clone(),
                    name: name.clone(),
                    super_admin: *super_admin,
                    access: if *super_admin {
                        SocialAccess::All
                    } else {
                        access
                    },
                    can_publish: *publish || *super_admin,
                },
            )?;
            out.show(&Changed {
                user,
                verb: "added",
            })
        }
        UserCommand::Deactivate { email } => {
            let user = actions::deactivate_user(session, email)?;
            out.show(&Changed {
                user,
                verb: "deactivated",
            })
        }
        UserCommand::List => {
            let all = reads::users(session)?;
            out.list(
                Listing {
                    empty: &crate::tr!("cli-no-users"),
                    json: &json::user,
                    human: &mut human::user_line,
                    csv: None,
                },
                |each| all.into_iter().try_for_each(each),
            )?;
            Ok(())
        }
    }
}
