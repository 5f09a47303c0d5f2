//! The network policy table (R1) and the portal tiers (R2), kept as data in
//! one place: adding a network is a variant and a row here, nothing else.

use super::time::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Network {
    Facebook,
    Instagram,
    Linkedin,
    X,
    Youtube,
}

/// What starts the countdown to a forced reauthorization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reauthorization {
    /// The network never asks (YouTube).
    Never,
    /// A fixed time after the current grant (Facebook, Instagram, LinkedIn).
    AfterAuthorization(Span),
    /// A time without activity (X): counted from `last_activity_at`.
    AfterInactivity(Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub network: Network,
    /// The name used on the command line and in JSON.
    pub name: &'static str,
    /// The name people read.
    pub label: &'static str,
    pub reauthorization: Reauthorization,
    /// Whether a reminder goes out `REMINDER_LEAD` before the deadline (R9a).
    pub reminder: bool,
    /// How long after a disconnect a reconnect still restores everything (R6, R7).
    pub reconnect_window: Span,
    /// The longest post text the network takes, in characters.
    pub text_limit: usize,
}

/// R9a, E1: reminders and purge warnings go out a week ahead.
pub const REMINDER_LEAD: Span = Span::Days(7);

/// R1, in the order the Accounts list groups networks (alphabetical by name).
pub const POLICIES: [Policy; 5] = [
    Policy {
        network: Network::Facebook,
        name: "facebook",
        label: "Facebook",
        reauthorization: Reauthorization::AfterAuthorization(Span::Days(90)),
        reminder: true,
        reconnect_window: Span::Years(1),
        text_limit: 63206,
    },
    Policy {
        network: Network::Instagram,
        name: "instagram",
        label: "Instagram",
        reauthorization: Reauthorization::AfterAuthorization(Span::Days(90)),
        reminder: true,
        reconnect_window: Span::Years(1),
        text_limit: 2200,
    },
    Policy {
        network: Network::Linkedin,
        name: "linkedin",
        label: "LinkedIn",
        reauthorization: Reauthorization::AfterAuthorization(Span::Years(1)),
        reminder: true,
        reconnect_window: Span::Days(60),
        text_limit: 3000,
    },
    Policy {
        network: Network::X,
        name: "x",
        label: "X",
        reauthorization: Reauthorization::AfterInactivity(Span::Days(90)),
        reminder: false,
        reconnect_window: Span::Years(1),
        text_limit: 280,
    },
    Policy {
        network: Network::Youtube,
        name: "youtube",
        label: "YouTube",
        reauthorization: Reauthorization::Never,
        reminder: false,
        reconnect_window: Span::Days(60),
        text_limit: 5000,
    },
];

impl Network {
    pub fn policy(self) -> &'static Policy {
        POLICIES
            .iter()
            .find(|p| p.network == self)
            .expect("every network has a row in POLICIES")
    }

    pub fn name(self) -> &'static str {
        self.policy().name
    }

    pub fn label(self) -> &'static str {
        self.policy().label
    }

    /// The longest post text the network takes, in characters.
    pub fn text_limit(self) -> usize {
        self.policy().text_limit
    }

    pub fn all() -> impl Iterator<Item = Network> {
        POLICIES.iter().map(|p| p.network)
    }

    /// Parses a network name; `twitter` is accepted for X.
    pub fn parse(text: &str) -> Result<Network, super::ParseError> {
        let wanted = text.trim().to_ascii_lowercase();
        let wanted = if wanted == "twitter" { "x" } else { &wanted };
        POLICIES
            .iter()
            .find(|p| p.name == wanted)
            .map(|p| p.network)
            .ok_or_else(|| super::ParseError::UnknownNetwork(text.to_string()))
    }
}

/// The portal's subscription tier (R2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    Free,
    Starter,
    Professional,
    Enterprise,
    LegacyBasic,
}

impl Tier {
    pub const ALL: [Tier; 5] = [
        Tier::Free,
        Tier::Starter,
        Tier::Professional,
        Tier::Enterprise,
        Tier::LegacyBasic,
    ];

    /// R2: the social tool comes with these tiers only.
    pub fn has_social_tool(self) -> bool {
        matches!(
            self,
            Tier::Professional | Tier::Enterprise | Tier::LegacyBasic
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::Free => "free",
            Tier::Starter => "starter",
            Tier::Professional => "professional",
            Tier::Enterprise => "enterprise",
            Tier::LegacyBasic => "legacy_basic",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Free => "Free",
            Tier::Starter => "Starter",
            Tier::Professional => "Professional",
            Tier::Enterprise => "Enterprise",
            Tier::LegacyBasic => "Legacy Basic",
        }
    }

    pub fn parse(text: &str) -> Result<Tier, super::ParseError> {
        let wanted = text.trim().to_ascii_lowercase().replace('-', "_");
        Tier::ALL
            .into_iter()
            .find(|t| t.name() == wanted)
            .ok_or_else(|| super::ParseError::UnknownTier(text.to_string()))
    }

    /// The tiers that include the social tool, for refusals (R2).
    pub fn social_tiers_text() -> String {
        let names: Vec<&str> = Tier::ALL
            .into_iter()
            .filter(|t| t.has_social_tool())
            .map(|t| t.label())
            .collect();
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r1_policy_table_matches_the_article() {
        use Reauthorization::*;
        let fb = Network::Facebook.policy();
        assert_eq!(fb.reauthorization, AfterAuthorization(Span::Days(90)));
        assert!(fb.reminder);
        assert_eq!(fb.reconnect_window, Span::Years(1));
        assert_eq!(
            Network::Instagram.policy().reauthorization,
            AfterAuthorization(Span::Days(90))
        );
        let x = Network::X.policy();
        assert_eq!(x.reauthorization, AfterInactivity(Span::Days(90)));
        assert!(!x.reminder);
        assert_eq!(x.reconnect_window, Span::Years(1));
        let li = Network::Linkedin.policy();
        assert_eq!(li.reauthorization, AfterAuthorization(Span::Years(1)));
        assert!(li.reminder);
        assert_eq!(li.reconnect_window, Span::Days(60));
        let yt = Network::Youtube.policy();
        assert_eq!(yt.reauthorization, Never);
        assert_eq!(yt.reconnect_window, Span::Days(60));
    }

    #[test]
    fn r1_network_names_parse_and_unknown_ones_list_the_valid() {
        assert_eq!(Network::parse("LinkedIn").unwrap(), Network::Linkedin);
        assert_eq!(Network::parse("twitter").unwrap(), Network::X);
        let err = Network::parse("myspace").unwrap_err().to_string();
        assert!(
            err.contains("facebook, instagram, linkedin, x, youtube"),
            "{err}"
        );
    }

    #[test]
    fn r2_social_tool_tiers() {
        let with: Vec<Tier> = Tier::ALL
            .into_iter()
            .filter(|t| t.has_social_tool())
            .collect();
        assert_eq!(
            with,
            [Tier::Professional, Tier::Enterprise, Tier::LegacyBasic]
        );
        assert_eq!(Tier::parse("legacy_basic").unwrap(), Tier::LegacyBasic);
        assert!(Tier::parse("gold").is_err());
    }
}
