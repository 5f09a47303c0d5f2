//! R9 on the admin's terms (issue 21): the reminders' leads before a
//! reauthorization deadline. The article's one week is the default; a
//! portal may ask for up to five (`7d,1d`). Each lead goes out once per
//! grant (R9c per offset); a lead whose instant falls before the grant
//! began is never sent.

use chrono::Duration;

use super::time::Instant;

/// Seconds before the deadline.
pub type Lead = i64;

const MOST: usize = 5;
const SHORTEST: Lead = 3_600;
const LONGEST: Lead = 366 * 86_400;

/// The reminders' leads, longest first, distinct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReminderPlan {
    leads: [Lead; MOST],
    count: usize,
}

/// Why a plan was refused (the faces word it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    Empty,
    TooMany {
        most: usize,
    },
    OutOfRange {
        lead: Lead,
        shortest: Lead,
        longest: Lead,
    },
    Repeated {
        lead: Lead,
    },
}

impl ReminderPlan {
    /// R9a: one reminder a week before.
    pub fn article() -> ReminderPlan {
        ReminderPlan::new(&[7 * 86_400]).expect("the article's week is a valid plan")
    }

    pub fn new(leads: &[Lead]) -> Result<ReminderPlan, PlanError> {
        if leads.is_empty() {
            return Err(PlanError::Empty);
        }
        if leads.len() > MOST {
            return Err(PlanError::TooMany { most: MOST });
        }
        let mut sorted = leads.to_vec();
        sorted.sort_unstable_by(|a, b| b.cmp(a));
        for pair in sorted.windows(2) {
            if pair[0] == pair[1] {
                return Err(PlanError::Repeated { lead: pair[0] });
            }
        }
        if let Some(&lead) = sorted.iter().find(|&&l| !(SHORTEST..=LONGEST).contains(&l)) {
            return Err(PlanError::OutOfRange {
                lead,
                shortest: SHORTEST,
                longest: LONGEST,
            });
        }
        let mut plan = ReminderPlan {
            leads: [0; MOST],
            count: sorted.len(),
        };
        plan.leads[..sorted.len()].copy_from_slice(&sorted);
        Ok(plan)
    }

    /// The leads, longest first.
    pub fn leads(&self) -> &[Lead] {
        &self.leads[..self.count]
    }

    pub fn is_article(&self) -> bool {
        *self == ReminderPlan::article()
    }

    /// As the portal stores it: seconds, longest first, comma-separated.
    pub fn to_stored(&self) -> String {
        self.leads()
            .iter()
            .map(Lead::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// A stored plan; None when it is not one (a corrupt row).
    pub fn from_stored(text: &str) -> Option<ReminderPlan> {
        let leads: Option<Vec<Lead>> = text.split(',').map(|l| l.trim().parse().ok()).collect();
        ReminderPlan::new(&leads?).ok()
    }

    /// The reminders of a grant that began at `granted` for a deadline at
    /// `due`, soonest first, with their leads; a lead that would fall before
    /// the grant is left out (it is already past at connect time).
    pub fn instants(&self, granted: Instant, due: Instant) -> Vec<(Instant, Lead)> {
        self.leads()
            .iter()
            .map(|&lead| (due - Duration::seconds(lead), lead))
            .filter(|(at, _)| *at >= granted)
            .collect()
    }

    /// The next reminder still to send after the one with lead `sent`
    /// (None: none sent in this grant).
    pub fn next(
        &self,
        granted: Instant,
        due: Instant,
        sent: Option<Lead>,
    ) -> Option<(Instant, Lead)> {
        self.instants(granted, due)
            .into_iter()
            .find(|(_, lead)| sent.is_none_or(|s| *lead < s))
    }
}

impl Default for ReminderPlan {
    fn default() -> ReminderPlan {
        ReminderPlan::article()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::time::parse_instant;

    const DAY: Lead = 86_400;

    #[test]
    fn r9_plans_are_one_to_five_distinct_leads_between_an_hour_and_a_year() {
        assert_eq!(ReminderPlan::article().leads(), &[7 * DAY]);
        assert_eq!(
            ReminderPlan::new(&[DAY, 7 * DAY]).map(|p| p.leads().to_vec()),
            Ok(vec![7 * DAY, DAY])
        );
        assert_eq!(ReminderPlan::new(&[]), Err(PlanError::Empty));
        assert_eq!(
            ReminderPlan::new(&[DAY; 2]),
            Err(PlanError::Repeated { lead: DAY })
        );
        assert!(matches!(
            ReminderPlan::new(&[60]),
            Err(PlanError::OutOfRange { lead: 60, .. })
        ));
        assert!(matches!(
            ReminderPlan::new(&[DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY, 6 * DAY]),
            Err(PlanError::TooMany { most: 5 })
        ));
        let plan = ReminderPlan::new(&[DAY, 7 * DAY]).expect("valid");
        assert_eq!(ReminderPlan::from_stored(&plan.to_stored()), Some(plan));
        assert_eq!(ReminderPlan::from_stored("7d"), None);
    }

    #[test]
    fn r9c_each_lead_once_and_a_lead_before_the_grant_never() {
        let granted = parse_instant("2026-01-01T09:00:00Z").expect("instant");
        let due = granted + Duration::days(90);
        let plan = ReminderPlan::new(&[100 * DAY, 7 * DAY, DAY]).expect("valid");
        // 100 days before a 90-day deadline is before the grant: not sent.
        assert_eq!(
            plan.next(granted, due, None),
            Some((due - Duration::days(7), 7 * DAY))
        );
        assert_eq!(
            plan.next(granted, due, Some(7 * DAY)),
            Some((due - Duration::days(1), DAY))
        );
        assert_eq!(plan.next(granted, due, Some(DAY)), None);
    }
}
