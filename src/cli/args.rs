//! The command line of CLI.md, as clap sees it. Values the rules check
//! (instants, networks, tiers) are kept as text here and parsed by the
//! commands, so every malformed value gets the same kind of error.

use std::path::PathBuf;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// A text argument whose values are declared to clap for completion and
/// help (issue 17, item 19), while the command still parses the text and
/// words its own error (docs/CLI.md's messages stay as they are).
#[derive(Clone, Copy, Debug)]
pub struct Offered(pub fn() -> Vec<&'static str>);

impl TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(PossibleValue::new)))
    }
}

/// The values each offered argument completes to, from the rules' own lists.
pub use super::offered;

const GLOBAL: &str = "Global options";

#[derive(Debug, Parser)]
#[command(
    name = "switchboard",
    version,
    about = "Keep your company's social accounts connected to its marketing suite",
    long_about = "Keep your company's social accounts connected to its marketing suite.\n\n\
        Without a subcommand, opens the terminal UI. With one, runs it and exits: \
        every command first brings the portal up to its instant (the sweep).",
    after_help = "Exit codes: 0 done, 2 bad usage or value, 3 refused by permission or tier, \
        4 no such account/post/user/database, 5 refused by the state, 1 anything else.",
    after_long_help = "Examples:\n  \
        switchboard demo                                   # a demo portal and its guided tour\n  \
        switchboard init --portal 'Acme' --tier professional --admin ana@acme.test --admin-name Ana\n  \
        switchboard --as ana@acme.test account connect facebook acme\n  \
        switchboard account list --status attention --sort urgency\n  \
        switchboard --json sweep                           # from cron: apply what is due\n\n\
        Exit codes: 0 done, 2 bad usage or value, 3 refused by permission or tier, \
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
    #[arg(long, global = true, env = "SWITCHBOARD_DB", value_name = "PATH", help_heading = GLOBAL)]
    pub db: Option<PathBuf>,
    /// The acting user, by email: who the permission rules check
    #[arg(
        long = "as",
        global = true,
        env = "SWITCHBOARD_USER",
        value_name = "EMAIL",
        help_heading = GLOBAL
    )]
    pub as_user: Option<String>,
    /// The instant to act at, RFC 3339 (else the demo clock, else the system clock)
    #[arg(long, global = true, value_name = "RFC3339", help_heading = GLOBAL)]
    pub now: Option<String>,
    /// Machine output on stdout: one JSON document per command
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,
    /// The language of the output: en (English) or it (Italian) [default:
    /// $SWITCHBOARD_LANG, else the config file's lang, else the locale]
    #[arg(long, global = true, value_name = "LANG", help_heading = GLOBAL, value_parser = Offered(offered::langs))]
    pub lang: Option<String>,
    /// Say more: every event a sweep applied, not only the summary
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub verbose: bool,
    /// Record the terminal UI (or a headless tour) as an asciicast v2 file
    #[arg(long, global = true, value_name = "FILE.cast", help_heading = GLOBAL)]
    pub record: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new portal database with one super admin
    #[command(after_long_help = "Example:\n  \
        switchboard --db acme.db init --portal 'Acme Corp' --tier professional \\\n    \
        --admin ana@acme.test --admin-name 'Ana Ruiz'")]
    Init {
        /// The portal's name, as the header shows it
        #[arg(long, value_name = "NAME")]
        portal: String,
        /// The subscription: free, starter, professional, enterprise or legacy_basic
        #[arg(long, value_name = "TIER", value_parser = Offered(offered::tiers))]
        tier: String,
        /// The first super admin's email (the user to act as)
        #[arg(long, value_name = "EMAIL")]
        admin: String,
        /// The first super admin's name
        #[arg(long = "admin-name", value_name = "NAME")]
        admin_name: String,
    },
    /// Copy a portal to another engine or file: SQLite to PostgreSQL, or back
    #[command(
        long_about = "Copy a portal to another engine or file: SQLite to PostgreSQL, or back. \
            Every table is copied with its ids, the id sequences after them, in one \
            transaction on the new side, and the row counts are checked before it commits. \
            The copy goes to a new file or an empty PostgreSQL database; the source is left as it was.",
        after_long_help = "Examples:\n  \
            switchboard migrate --from acme.db --to postgres://ana@db.acme.test/switchboard\n  \
            switchboard migrate --from postgres://ana@db.acme.test/switchboard --to acme-copy.db"
    )]
    Migrate {
        /// The portal to copy: a file, or postgres://user@host/dbname
        #[arg(long, value_name = "PORTAL")]
        from: std::path::PathBuf,
        /// Where the copy goes: a new file, or an empty PostgreSQL database
        #[arg(long, value_name = "PORTAL")]
        to: std::path::PathBuf,
    },
    /// Create the demo portal and open the terminal UI on it, with the guided tour
    #[command(
        long_about = "Create the demo portal and open the terminal UI on it, with the guided tour.\n\n\
            Without --db it is demo.db in the data directory, rebuilt on every run \
            (only ever over a demo portal: any other file there is left alone).",
        after_long_help = "Examples:\n  \
            switchboard demo\n  \
            switchboard demo --no-tui          # build it, print its users, and exit"
    )]
    Demo {
        /// Only create it, and print its users
        #[arg(long)]
        no_tui: bool,
    },
    /// Present a guided tour (a TOML file, or 'article' for the bundled one)
    #[command(after_long_help = "Examples:\n  \
        switchboard tour article\n  \
        switchboard tour article --headless --size 100x30")]
    Tour {
        /// A tour file, or 'article' for the bundled tour of the article's steps
        #[arg(value_name = "FILE|article")]
        file: String,
        /// Run it without a terminal, printing each step's screen as text
        #[arg(long)]
        headless: bool,
        /// The headless screen size
        #[arg(long, default_value = "120x36", value_name = "WxH")]
        size: String,
    },
    /// Create a synthetic portal for benchmarks (deterministic per seed)
    #[command(after_long_help = "Example:\n  \
        switchboard --db big.db generate --accounts 100000 --posts 1000000")]
    Generate {
        /// How many social accounts, in every state the rules allow
        #[arg(long, value_name = "N")]
        accounts: u32,
        /// How many posts, spread over the accounts that still have a history
        #[arg(long, value_name = "M")]
        posts: u64,
        /// The generator's seed: the same seed gives the same portal
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// The portal's tier
    #[command(subcommand)]
    Tier(TierCommand),
    /// The portal's settings: its time zone and its reminders
    #[command(subcommand)]
    Portal(PortalCommand),
    /// The portal's users
    #[command(subcommand)]
    User(UserCommand),
    /// Social accounts
    #[command(subcommand)]
    Account(AccountCommand),
    /// What a network does to an account: security, deleted or inactive
    #[command(after_long_help = "Example:\n  \
        switchboard network-event 12 security   # the network dropped account #12")]
    NetworkEvent {
        /// The account's id
        id: i64,
        /// security (a password change or a security check), deleted (the
        /// account is gone from the network) or inactive (X: 90 days without a post)
        #[arg(value_name = "security|deleted|inactive", value_parser = Offered(offered::network_events))]
        event: String,
    },
    /// Posts
    #[command(subcommand)]
    Post(PostCommand),
    /// Apply every event due up to now, and say what happened
    #[command(after_long_help = "Examples:\n  \
        switchboard sweep                   # a summary by kind\n  \
        switchboard sweep --verbose         # and every event\n  \
        switchboard --json sweep            # every event, as JSON")]
    Sweep,
    /// The portal's demo clock
    #[command(subcommand)]
    Clock(ClockCommand),
    /// Keep the portal swept: apply each event at its instant, until stopped
    #[command(
        long_about = "Keep the portal swept: a long-running process that applies each event \
            at its instant (it sleeps until the portal's next event, and wakes early when \
            another process changes the portal), printing what each sweep did. SIGHUP reloads \
            the config; SIGTERM or SIGINT stops it at once, exit 0.",
        after_long_help = "Examples:\n  \
            switchboard --db acme.db watch\n  \
            switchboard --db acme.db --json watch      # one sweep document a line\n\n\
            As a systemd user service: assets/systemd/switchboard-watch.service"
    )]
    Watch {
        /// Keep an iCalendar file of the deadlines of the next year current
        /// (as `deadlines --format ics`), for a calendar to subscribe to
        #[arg(long, value_name = "FILE")]
        ics: Option<std::path::PathBuf>,
        /// Serve Prometheus metrics at /metrics and health at /healthz on this port (loopback) or address:port
        #[arg(long, value_name = "[ADDRESS:]PORT")]
        metrics: Option<String>,
    },
    /// An inbox: the acting user's, or --user's
    #[command(args_conflicts_with_subcommands = true)]
    Notifications {
        /// Whose inbox (a super admin may read anyone's)
        #[arg(long, value_name = "EMAIL")]
        user: Option<String>,
        /// Mark the listed notifications read
        #[arg(long)]
        mark_read: bool,
        #[command(subcommand)]
        delivery: Option<DeliveryCommand>,
    },
    /// Upcoming reauthorization deadlines and purges: lines, JSON, or an
    /// iCalendar file (one event each, with stable UIDs: a re-import
    /// updates the events)
    #[command(after_long_help = "Examples:\n  \
        switchboard deadlines --days 30\n  \
        switchboard deadlines --format ics > deadlines.ics")]
    Deadlines {
        /// Only this account's
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
        /// How many days ahead (1 to 3660)
        #[arg(long, value_name = "N", default_value_t = 90,
              value_parser = clap::value_parser!(u32).range(1..=3660))]
        days: u32,
        /// human, json or ics [default: human, or json with --json]
        #[arg(long, value_enum, value_name = "FORMAT")]
        format: Option<CalendarFormat>,
    },
    /// The audit log
    #[command(after_long_help = "Examples:\n  \
        switchboard audit --account 12\n  \
        switchboard audit --format csv > audit.csv")]
    Audit {
        /// Only this account's entries
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Print the shell completion script for SHELL
    #[command(long_about = "Print the shell completion script for SHELL.\n\n\
        bash:  switchboard completions bash > ~/.local/share/bash-completion/completions/switchboard\n\
        zsh:   switchboard completions zsh > ~/.zfunc/_switchboard   (with fpath+=~/.zfunc)\n\
        fish:  switchboard completions fish > ~/.config/fish/completions/switchboard.fish")]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on stdout, or write one page a command
    #[command(
        long_about = "Print the manual page (roff) on stdout: one page naming every command and flag.\n\n\
        With --dir, write one page a command there instead (switchboard.1, switchboard-watch.1, ...), \
        each naming its subcommands' pages.",
        after_long_help = "Examples:\n  \
        switchboard man > ~/.local/share/man/man1/switchboard.1 && man switchboard\n  \
        switchboard man --dir ~/.local/share/man/man1 && man switchboard-watch"
    )]
    Man {
        /// Write one page a command into this folder (replacing pages made before)
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Where the TUI's config file is, or the whole default config
    #[command(after_long_help = "Examples:\n  \
        switchboard config                       # where it is read from\n  \
        switchboard config --default > ~/.config/switchboard/config.toml")]
    Config {
        /// Print the full default config: the theme and every bindable action with its keys
        #[arg(long)]
        default: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TierCommand {
    /// Change the portal's tier (super admin only)
    Set {
        /// free, starter, professional, enterprise or legacy_basic
        #[arg(value_name = "TIER", value_parser = Offered(offered::tiers))]
        tier: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PortalCommand {
    /// Show the portal's settings
    Show,
    /// Change the portal's settings (super admin only)
    #[command(after_long_help = "Examples:\n  \
        switchboard --as ana@acme.test portal set --timezone Europe/Rome\n  \
        switchboard --as ana@acme.test portal set --reminders 7d,1d")]
    Set {
        /// The time zone people read times in unless they chose their own: an IANA name such as Europe/Rome (default UTC)
        #[arg(long, value_name = "ZONE")]
        timezone: Option<String>,
        /// When reminders go out before a reauthorization deadline: up to five leads such as 7d,1d (default 7d)
        #[arg(long, value_name = "LEADS")]
        reminders: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (super admin only)
    #[command(after_long_help = "Example:\n  \
        switchboard --as ana@acme.test user add bo@acme.test --name 'Bo Lind' --access own --publish")]
    Add {
        /// The new user's email
        #[arg(value_name = "EMAIL")]
        email: String,
        /// The new user's name
        #[arg(long, value_name = "NAME")]
        name: String,
        /// Make the user a super admin (all access, may publish)
        #[arg(long)]
        super_admin: bool,
        /// Social access: none, own (the accounts they connected) or all
        #[arg(long, default_value = "none", value_name = "none|own|all", value_parser = Offered(offered::accesses))]
        access: String,
        /// The publish permission: may schedule and connect
        #[arg(long)]
        publish: bool,
    },
    /// Deactivate a user (super admin only)
    Deactivate {
        /// The user's email
        #[arg(value_name = "EMAIL")]
        email: String,
    },
    /// List the users (super admin only)
    List,
    /// Where and how a user's reminders are delivered: email, a webhook and its format, a daily digest, the language and time zone (their own, or anyone's as a super admin); without a flag, shows them
    #[command(after_long_help = "Examples:\n  \
        switchboard --as bo@acme.test user set bo@acme.test --email-notifications on\n  \
        switchboard --as ana@acme.test user set ana@acme.test --webhook https://hooks.acme.test/switchboard\n  \
        switchboard --as ana@acme.test user set cy@acme.test --no-webhook --lang it\n  \
        switchboard --as ana@acme.test user set cy@acme.test --timezone Europe/Rome --delivery digest --digest-at 08:30\n  \
        switchboard --as ana@acme.test user set cy@acme.test --webhook https://hooks.slack.com/services/T0/B0/X --webhook-format slack\n\n\
        'switchboard watch' delivers them; the SMTP server is in the config file (switchboard config --default).")]
    Set {
        /// The user's email
        #[arg(value_name = "EMAIL")]
        email: String,
        /// Send their reminders and purge warnings to their email address
        #[arg(long, value_name = "on|off", value_parser = Offered(offered::switches))]
        email_notifications: Option<String>,
        /// POST their reminders and purge warnings, signed, to this http(s) URL
        #[arg(long, value_name = "URL", conflicts_with = "no_webhook")]
        webhook: Option<String>,
        /// Stop sending them to a webhook
        #[arg(long)]
        no_webhook: bool,
        /// The language of their messages: en or it (default: the watch's)
        #[arg(long, value_name = "en|it", conflicts_with = "default_lang", value_parser = Offered(offered::langs))]
        lang: Option<String>,
        /// Write their messages in the watch's language again
        #[arg(long)]
        default_lang: bool,
        /// The time zone they read times in: an IANA name such as Europe/Rome, or 'portal' for the portal's (the default)
        #[arg(long, value_name = "ZONE")]
        timezone: Option<String>,
        /// immediate: each message as it comes (the default); digest: one message a day
        #[arg(long, value_name = "immediate|digest", value_parser = Offered(offered::deliveries))]
        delivery: Option<String>,
        /// The hour of their daily digest in their time zone, HH:MM (default 08:00)
        #[arg(long, value_name = "HH:MM")]
        digest_at: Option<String>,
        /// The shape of their webhook's messages: json (signed), slack, discord or teams
        #[arg(long, value_name = "FORMAT", value_parser = Offered(offered::webhook_formats))]
        webhook_format: Option<String>,
    },
}

/// The outbox: notifications on their way by email and webhook (`watch`).
#[derive(Debug, Subcommand)]
pub enum DeliveryCommand {
    /// The deliveries of reminders and purge warnings, newest first (a super admin sees everyone's)
    #[command(after_long_help = "Examples:\n  \
        switchboard --as ana@acme.test notifications outbox --failed\n  \
        switchboard --as bo@acme.test --json notifications outbox")]
    Outbox {
        /// Only the deliveries that failed for good
        #[arg(long)]
        failed: bool,
        /// Only this user's (a super admin may see anyone's)
        #[arg(long, value_name = "EMAIL")]
        user: Option<String>,
    },
    /// Queue a failed delivery again (its recipient, or a super admin)
    Retry {
        /// The delivery's id, from 'notifications outbox'
        #[arg(value_name = "ID")]
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Connect a new account, or reconnect a known one of that network and handle
    #[command(after_long_help = "Example:\n  \
        switchboard --as ana@acme.test account connect instagram acme.shop --name 'Acme Shop'")]
    Connect {
        /// facebook, instagram, linkedin, x or youtube
        #[arg(value_name = "NETWORK", value_parser = Offered(offered::networks))]
        network: String,
        /// The account's handle on the network (with or without @); with
        /// --authorize the network says it
        #[arg(value_name = "HANDLE", required_unless_present = "authorize")]
        handle: Option<String>,
        /// The name the list shows [default: the handle]
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Sign in at the network (its [networks.NAME] in the config file):
        /// the account and its grant are the network's
        #[arg(long)]
        authorize: bool,
        /// With --authorize: by a code typed on another device (RFC 8628),
        /// the URL and code printed on stderr
        #[arg(long, requires = "authorize")]
        device: bool,
    },
    /// Reconnect disconnected or expired accounts (several ids: each its own
    /// result, all in one transaction)
    #[command(after_long_help = "Examples:\n  \
        switchboard --as ana@acme.test account reconnect 12\n  \
        switchboard --as ana@acme.test account reconnect 12 14 15")]
    Reconnect {
        /// The accounts' ids
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        #[command(flatten)]
        guard: VersionGuard,
        /// Sign in at the network again (one account): the login must be
        /// the account's own
        #[arg(long)]
        authorize: bool,
        /// With --authorize: by a code typed on another device (RFC 8628)
        #[arg(long, requires = "authorize")]
        device: bool,
    },
    /// Disconnect accounts (their scheduled posts are canceled; several ids:
    /// each its own result, all in one transaction)
    #[command(after_long_help = "Examples:\n  \
        switchboard --as ana@acme.test account disconnect 12\n  \
        switchboard --as ana@acme.test account disconnect 12 --if-version 7")]
    Disconnect {
        /// The accounts' ids
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        #[command(flatten)]
        guard: VersionGuard,
    },
    /// Remove an account and all its posts
    #[command(after_long_help = "Example:\n  \
        switchboard --as ana@acme.test account remove 12 --confirm acme")]
    Remove {
        /// The account's id
        id: i64,
        /// The account's handle, to confirm
        #[arg(long, value_name = "HANDLE")]
        confirm: String,
        #[command(flatten)]
        guard: VersionGuard,
    },
    /// The Accounts list
    #[command(after_long_help = "Examples:\n  \
        switchboard account list --status attention --sort urgency\n  \
        switchboard account list --network x --limit 20 --after 340\n  \
        switchboard account list --all --format csv > accounts.csv")]
    List {
        /// Include accounts hidden after 90 days disconnected
        #[arg(long)]
        all: bool,
        /// Only accounts in this state: attention (reminder week, or
        /// disconnected and restorable), connected, disconnected, expired
        #[arg(long, value_name = "STATE", value_parser = Offered(offered::statuses))]
        status: Option<String>,
        /// Only this network's accounts
        #[arg(long, value_name = "NETWORK", value_parser = Offered(offered::networks))]
        network: Option<String>,
        /// network (the page's order, the default) or urgency (soonest
        /// deadline or purge first)
        #[arg(long, value_name = "ORDER", default_value = "network", value_parser = Offered(offered::sorts))]
        sort: String,
        #[command(flatten)]
        page: Page,
        #[command(flatten)]
        format: FormatArg,
    },
    /// One account
    Show {
        /// The account's id
        id: i64,
    },
    /// Write an account's whole history (posts, notifications, audit) as JSON,
    /// to keep it before the purge
    #[command(after_long_help = "Example:\n  \
        switchboard account export 12 --output acme-history.json")]
    Export {
        /// The account's id
        id: i64,
        /// A new file to write it to (never over an existing one) [default: stdout]
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PostCommand {
    /// Schedule a post on a connected account
    #[command(after_long_help = "Example:\n  \
        switchboard --as ana@acme.test post schedule 12 --at 2026-03-20T09:00:00Z --text 'Spring sale'")]
    Schedule {
        /// The account's id
        account_id: i64,
        /// When it publishes, RFC 3339 (in the future)
        #[arg(long, value_name = "RFC3339")]
        at: String,
        /// What it says (within the network's length limit)
        #[arg(long)]
        text: String,
    },
    /// Draft a post
    Draft {
        /// The account's id
        account_id: i64,
        /// What it says (within the network's length limit)
        #[arg(long)]
        text: String,
    },
    /// Cancel a post
    Cancel {
        /// The post's id
        id: i64,
    },
    /// Reschedule a draft, or a scheduled or canceled post
    Reschedule {
        /// The post's id
        id: i64,
        /// When it publishes, RFC 3339 (in the future)
        #[arg(long, value_name = "RFC3339")]
        at: String,
    },
    /// One tab of posts, or every post
    #[command(after_long_help = "Examples:\n  \
        switchboard post list --tab scheduled --limit 50\n  \
        switchboard post list --account 12 --format csv > acme-posts.csv")]
    List {
        /// scheduled, published, drafts or canceled
        #[arg(long, value_parser = Offered(offered::tabs))]
        tab: Option<String>,
        /// Only this account's posts
        #[arg(long, value_name = "ID")]
        account: Option<i64>,
        #[command(flatten)]
        page: Page,
        #[command(flatten)]
        format: FormatArg,
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

/// What `deadlines` is printed as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CalendarFormat {
    /// Lines for people
    Human,
    /// One JSON document (as --json)
    Json,
    /// An iCalendar file (RFC 5545), for a calendar to import
    Ics,
}

/// What a list is printed as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lines for people
    Human,
    /// One JSON document (as --json)
    Json,
    /// Comma-separated values with a header row, for spreadsheets
    Csv,
}

#[derive(Debug, Args)]
pub struct FormatArg {
    /// human, json or csv [default: human, or json with --json]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

#[derive(Debug, Subcommand)]
pub enum ClockCommand {
    /// The effective clock and how far the portal has been brought
    Show,
    /// Set the demo clock and bring the portal up to it
    #[command(after_long_help = "Example:\n  switchboard clock set 2026-06-01T09:00:00Z")]
    Set {
        /// The new instant, RFC 3339 (never before the portal's last sweep)
        #[arg(value_name = "RFC3339")]
        instant: String,
    },
    /// Move the demo clock forward (like 90d, 12h, 30m) and bring the portal up to it
    #[command(after_long_help = "Examples:\n  \
        switchboard clock advance 7d\n  \
        switchboard clock advance 90d --verbose   # and list every event")]
    Advance {
        /// How far: a number and d, h or m (90d, 12h, 30m)
        #[arg(value_name = "DURATION")]
        duration: String,
    },
    /// Back to the system clock (refused while the demo clock is ahead of it)
    Unset,
}
