//! The command line of CLI.md, as clap sees it. Values the rules check
//! (instants, networks, tiers) are kept as text here and parsed by the
//! commands, so every malformed value gets the same kind of error.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "switchboard",
    version,
    about = "Keep your company's social accounts connected to its marketing suite",
    long_about = "Keep your company's social accounts connected to its marketing suite.\n\n\
        Without a subcommand, opens the terminal UI. With one, runs it and exits: \
        every command first brings the portal up to its instant (the sweep).",
    after_help = "Exit codes: 0 done, 2 bad usage or value, 3 refused by permission or tier, \
        4 no such account/post/user/database, 5 refused by the state, 1 anything else."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The portal database [default: portal.db in the data directory]
    #[arg(long, global = true, env = "SWITCHBOARD_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// The acting user
    #[arg(
        long = "as",
        global = true,
        env = "SWITCHBOARD_USER",
        value_name = "EMAIL"
    )]
    pub as_user: Option<String>,
    /// The instant to act at, RFC 3339 (else the demo clock, else the system clock)
    #[arg(long, global = true, value_name = "RFC3339")]
    pub now: Option<String>,
    /// Machine output on stdout: one JSON document per command
    #[arg(long, global = true)]
    pub json: bool,
    /// Record the terminal UI (or a headless tour) as an asciicast v2 file
    #[arg(long, global = true, value_name = "FILE.cast")]
    pub record: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new portal database with one super admin
    Init {
        #[arg(long, value_name = "NAME")]
        portal: String,
        /// free, starter, professional, enterprise or legacy_basic
        #[arg(long, value_name = "TIER")]
        tier: String,
        #[arg(long, value_name = "EMAIL")]
        admin: String,
        #[arg(long = "admin-name", value_name = "NAME")]
        admin_name: String,
    },
    /// Create a fresh demo portal and open the terminal UI on it, with the guided tour
    Demo {
        /// Only create it
        #[arg(long)]
        no_tui: bool,
    },
    /// Present a guided tour (a TOML file, or 'article' for the bundled one)
    Tour {
        file: String,
        /// Run it without a terminal, printing each step's screen as text
        #[arg(long)]
        headless: bool,
        /// The headless screen size
        #[arg(long, default_value = "120x36", value_name = "WxH")]
        size: String,
    },
    /// Create a synthetic portal for benchmarks (deterministic per seed)
    Generate {
        #[arg(long, value_name = "N")]
        accounts: u32,
        #[arg(long, value_name = "M")]
        posts: u64,
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// The portal's tier
    #[command(subcommand)]
    Tier(TierCommand),
    /// The portal's users
    #[command(subcommand)]
    User(UserCommand),
    /// Social accounts
    #[command(subcommand)]
    Account(AccountCommand),
    /// What a network does to an account: security, deleted or inactive
    NetworkEvent {
        id: i64,
        #[arg(value_name = "security|deleted|inactive")]
        event: String,
    },
    /// Posts
    #[command(subcommand)]
    Post(PostCommand),
    /// Apply every event due up to now
    Sweep,
    /// The portal's demo clock
    #[command(subcommand)]
    Clock(ClockCommand),
    /// An inbox: the acting user's, or --user's
    Notifications {
        #[arg(long, value_name = "EMAIL")]
        user: Option<String>,
        /// Mark the listed notifications read
        #[arg(long)]
        mark_read: bool,
    },
    /// The audit log
    Audit {
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TierCommand {
    /// free, starter, professional, enterprise or legacy_basic (super admin only)
    Set { tier: String },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (super admin only)
    Add {
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        super_admin: bool,
        /// Social access: none, own or all
        #[arg(long, default_value = "none", value_name = "none|own|all")]
        access: String,
        /// The publish permission
        #[arg(long)]
        publish: bool,
    },
    /// Deactivate a user (super admin only)
    Deactivate { email: String },
    /// List the users
    List,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Connect a new account, or reconnect a known one of that network and handle
    Connect {
        /// facebook, instagram, linkedin, x or youtube
        network: String,
        handle: String,
        #[arg(long)]
        name: Option<String>,
    },
    /// Reconnect disconnected or expired accounts (several ids: each its own
    /// result, all in one transaction)
    Reconnect {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        #[command(flatten)]
        guard: VersionGuard,
    },
    /// Disconnect accounts (their scheduled posts are canceled; several ids:
    /// each its own result, all in one transaction)
    Disconnect {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        #[command(flatten)]
        guard: VersionGuard,
    },
    /// Remove an account and all its posts
    Remove {
        id: i64,
        /// The account's handle, to confirm
        #[arg(long, value_name = "HANDLE")]
        confirm: String,
        #[command(flatten)]
        guard: VersionGuard,
    },
    /// The Accounts list
    List {
        /// Include accounts hidden after 90 days disconnected
        #[arg(long)]
        all: bool,
        /// Only accounts in this state: attention (reminder week, or
        /// disconnected and restorable), connected, disconnected, expired
        #[arg(long, value_name = "STATE")]
        status: Option<String>,
        /// Only this network's accounts
        #[arg(long, value_name = "NETWORK")]
        network: Option<String>,
        /// network (the page's order, the default) or urgency (soonest
        /// deadline or purge first)
        #[arg(long, value_name = "ORDER", default_value = "network")]
        sort: String,
        #[command(flatten)]
        page: Page,
    },
    /// One account
    Show { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum PostCommand {
    /// Schedule a post on a connected account
    Schedule {
        account_id: i64,
        #[arg(long, value_name = "RFC3339")]
        at: String,
        #[arg(long)]
        text: String,
    },
    /// Draft a post
    Draft {
        account_id: i64,
        #[arg(long)]
        text: String,
    },
    /// Cancel a post
    Cancel { id: i64 },
    /// Reschedule a draft, or a scheduled or canceled post
    Reschedule {
        id: i64,
        #[arg(long, value_name = "RFC3339")]
        at: String,
    },
    /// One tab of posts, or every post
    List {
        /// scheduled, published, drafts or canceled
        #[arg(long)]
        tab: Option<String>,
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
        #[command(flatten)]
        page: Page,
    },
}

/// Acts only on the account as it was seen.
#[derive(Debug, Args)]
pub struct VersionGuard {
    /// Refuse (exit 5) unless the account's `version` (from `account show
    /// --json`) is still this one: nothing changed it since it was looked at
    #[arg(long = "if-version", value_name = "VERSION")]
    pub if_version: Option<i64>,
}

/// Keyset paging for long lists.
#[derive(Debug, Args)]
pub struct Page {
    /// Start after this id (the last one of the previous page)
    #[arg(long, value_name = "ID")]
    pub after: Option<i64>,
    /// At most this many
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum ClockCommand {
    /// The effective clock and how far the portal has been brought
    Show,
    /// Set the demo clock and bring the portal up to it
    Set { instant: String },
    /// Move the demo clock forward (like 90d, 12h, 30m) and bring the portal up to it
    Advance { duration: String },
    /// Back to the system clock (refused while the demo clock is ahead of it)
    Unset,
}
