//! Where the user is on the page: the Settings menu, the four tabs of
//! Social, and which of them has the keyboard.

/// The Settings menu: each entry's message id and indent; only Social is
/// this tool.
pub const SIDEBAR: [(&str, u16); 7] = [
    ("sidebar-preferences", 1),
    ("sidebar-account-defaults", 1),
    ("sidebar-marketing", 1),
    ("sidebar-email", 3),
    ("social", 3),
    ("sidebar-forms", 3),
    ("sidebar-users", 1),
];
pub const SOCIAL: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MainTab {
    Accounts,
    Publishing,
    Notifications,
    Activity,
}

impl MainTab {
    pub const ALL: [MainTab; 4] = [
        MainTab::Accounts,
        MainTab::Publishing,
        MainTab::Notifications,
        MainTab::Activity,
    ];

    pub fn title(self) -> String {
        crate::tr!(match self {
            MainTab::Accounts => "tab-accounts",
            MainTab::Publishing => "tab-publishing",
            MainTab::Notifications => "tab-notifications",
            MainTab::Activity => "tab-activity",
        })
    }

    pub fn index(self) -> usize {
        MainTab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Sidebar,
    Tabs,
    List,
}
