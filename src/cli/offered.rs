//! The values a command-line argument offers (its completions and help).

use crate::lifecycle::{Network, SocialAccess, StateFilter, Tab, Tier};

pub fn networks() -> Vec<&'static str> {
    Network::all().map(Network::name).collect()
}
pub fn tiers() -> Vec<&'static str> {
    Tier::ALL.iter().map(|t| t.name()).collect()
}
pub fn statuses() -> Vec<&'static str> {
    StateFilter::ALL.iter().map(|f| f.name()).collect()
}
pub fn tabs() -> Vec<&'static str> {
    Tab::ALL.iter().map(|t| t.name()).collect()
}
pub fn accesses() -> Vec<&'static str> {
    SocialAccess::ALL.iter().map(|a| a.name()).collect()
}
pub fn langs() -> Vec<&'static str> {
    crate::i18n::Lang::ALL.iter().map(|l| l.code()).collect()
}
pub fn sorts() -> Vec<&'static str> {
    vec!["network", "urgency"]
}
pub fn switches() -> Vec<&'static str> {
    vec!["on", "off"]
}
pub fn deliveries() -> Vec<&'static str> {
    vec!["immediate", "digest"]
}
pub fn webhook_formats() -> Vec<&'static str> {
    crate::store::outbox::WebhookFormat::ALL
        .iter()
        .map(|f| f.name())
        .collect()
}
pub fn network_events() -> Vec<&'static str> {
    vec!["security", "deleted", "inactive"]
}
