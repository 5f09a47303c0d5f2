//! Unit tests of the pure rules, named after the rule they check.

use super::account::{NetworkReport, hidden_cutoff};
use super::events::{next_event, publication_bound};
use super::notify::{purge_warning_recipients, reminder_recipients};
use super::permission::{Attempt, SocialAccess, User, authorize, recommended_reconnector};
use super::post::{cancel, check_schedulable, effective_status, listed_in, reschedule};
use super::time::{days, one_second, parse_instant};
use super::*;

fn at(s: &str) -> Instant {
    parse_instant(s).unwrap()
}

fn t0() -> Instant {
    at("2026-03-01T09:00:00Z")
}

fn account(network: Network) -> Account {
    Account::connect_new(1, network, "acme", "Acme", 10, t0())
}

fn user(id: UserId) -> User {
    User {
        id,
        email: format!("u{id}@example.com"),
        name: format!("User {id}"),
        super_admin: false,
        access: SocialAccess::All,
        can_publish: true,
        active: true,
    }
}

#[test]
fn r1_facebook_and_instagram_reauthorize_90_days_after_the_grant() {
    for network in [Network::Facebook, Network::Instagram] {
        let a = account(network);
        assert_eq!(a.reauth_due_at(), Some(t0() + days(90)));
        assert_eq!(a.reminder_at(), Some(t0() + days(83)));
    }
}

#[test]
fn r1_x_deadline_counts_from_the_latest_activity() {
    let mut a = account(Network::X);
    assert_eq!(a.reauth_due_at(), Some(t0() + days(90)));
    a.last_published_at = Some(t0() + days(30));
    assert_eq!(a.last_activity_at(), t0() + days(30));
    assert_eq!(a.reauth_due_at(), Some(t0() + days(120)));
    assert_eq!(a.reminder_at(), None, "X has no reminder");
}

#[test]
fn r1_linkedin_deadline_is_one_calendar_year_after_the_grant() {
    let a = Account::connect_new(
        1,
        Network::Linkedin,
        "h",
        "n",
        1,
        at("2024-02-29T10:00:00Z"),
    );
    assert_eq!(a.reauth_due_at(), Some(at("2025-02-28T10:00:00Z")));
    assert_eq!(a.reminder_at(), Some(at("2025-02-21T10:00:00Z")));
}

#[test]
fn r1_youtube_never_asks_to_reauthorize() {
    let a = account(Network::Youtube);
    assert_eq!(a.reauth_due_at(), None);
    assert_eq!(next_event(&a, &ReminderPlan::article(), None), None);
}

#[test]
fn r3_states_and_r4_reasons() {
    let a = account(Network::Facebook);
    assert_eq!(a.status(), Status::Connected);
    let d = a
        .disconnect(DisconnectReason::Manual, t0() + days(1), Some(10))
        .unwrap();
    assert_eq!(d.status(), Status::Disconnected);
    assert_eq!(d.disconnection().unwrap().by, Some(10));
    assert_eq!(d.expire().status(), Status::Expired);
    for r in DisconnectReason::ALL {
        assert_eq!(DisconnectReason::parse(r.name()), Some(r));
    }
}

#[test]
fn r5a_disconnect_cancels_scheduled_posts_with_cause_disconnected() {
    let s = effective_status(PostStatus::Scheduled, None, false);
    assert_eq!(s.status, PostStatus::Canceled);
    assert_eq!(s.cancel_cause, Some(CancelCause::Disconnected));
    assert_eq!(
        effective_status(PostStatus::Scheduled, None, true).status,
        PostStatus::Scheduled
    );
}

#[test]
fn r5b_published_posts_leave_the_published_tab_while_disconnected() {
    let p = effective_status(PostStatus::Published, None, false);
    assert_eq!(listed_in(p, false), None);
    assert_eq!(listed_in(p, true), Some(Tab::Published));
}

#[test]
fn r5c_drafts_are_kept_and_listed_while_disconnected() {
    let d = effective_status(PostStatus::Draft, None, false);
    assert_eq!(listed_in(d, false), Some(Tab::Drafts));
}

#[test]
fn r5_disconnecting_twice_is_refused() {
    let d = account(Network::X)
        .disconnect(DisconnectReason::Security, t0(), None)
        .unwrap();
    assert_eq!(
        d.disconnect(DisconnectReason::Manual, t0(), Some(1)),
        Err(StateRefusal::AlreadyDisconnectedFor(
            DisconnectReason::Security
        ))
    );
}

#[test]
fn r5f_a_deadline_disconnects_at_the_deadline_instant() {
    let a = account(Network::Facebook);
    let mut reminded = a.clone();
    reminded.reminded = Some(7 * 86_400);
    let e = next_event(&reminded, &ReminderPlan::article(), None).unwrap();
    assert_eq!(e.at, t0() + days(90));
    assert_eq!(e.kind, EventKind::Lapse(DisconnectReason::ReauthExpired));
    let x = account(Network::X);
    assert_eq!(
        next_event(&x, &ReminderPlan::article(), None).unwrap().kind,
        EventKind::Lapse(DisconnectReason::Inactivity)
    );
}

#[test]
fn r6a_reconnect_starts_a_new_grant_and_keeps_the_original_connector() {
    let d = account(Network::Facebook)
        .disconnect(DisconnectReason::ReauthExpired, t0() + days(90), None)
        .unwrap();
    let now = t0() + days(100);
    let r = d.reconnect(22, now).unwrap();
    assert!(r.restored);
    assert_eq!(r.account.status(), Status::Connected);
    assert_eq!(r.account.authorized_at, now);
    assert_eq!(r.account.last_activity_at(), now);
    assert_eq!(r.account.last_connector, 22);
    assert_eq!(r.account.original_connector, 10);
    assert_eq!(r.account.first_connected_at, t0());
    assert_eq!(r.missed_through, Some(now));
}

#[test]
fn r6d_reconnect_starts_a_new_reminder_cycle() {
    let mut a = account(Network::Linkedin);
    a.reminded = Some(7 * 86_400);
    let d = a
        .disconnect(DisconnectReason::Manual, t0() + days(5), Some(10))
        .unwrap();
    let r = d.reconnect(10, t0() + days(6)).unwrap();
    assert_eq!(r.account.reminded, None);
    let e = next_event(&r.account, &ReminderPlan::article(), None).unwrap();
    assert_eq!(e.kind, EventKind::Reminder);
    assert_eq!(e.at, at("2027-03-07T09:00:00Z") - days(7));
}

#[test]
fn r6e_an_account_deleted_on_the_network_cannot_be_reconnected() {
    let d = account(Network::Instagram)
        .apply_network_report(NetworkReport::Deleted, t0())
        .unwrap();
    assert_eq!(
        d.reconnect(10, t0() + days(1)),
        Err(StateRefusal::DeletedOnNetwork)
    );
}

#[test]
fn r6e_a_disconnected_account_reported_deleted_keeps_its_window() {
    let d = account(Network::Facebook)
        .disconnect(DisconnectReason::Manual, t0(), Some(10))
        .unwrap()
        .apply_network_report(NetworkReport::Deleted, t0() + days(3))
        .unwrap();
    let gone = d.disconnection().unwrap();
    assert_eq!((gone.reason, gone.at), (DisconnectReason::Deleted, t0()));
}

#[test]
fn r6f_reconnect_is_only_for_disconnected_or_expired_accounts() {
    let a = account(Network::Facebook);
    assert_eq!(a.reconnect(10, t0()), Err(StateRefusal::AlreadyConnected));
    assert!(!a.in_reminder_week(t0() + days(82)));
    assert!(a.in_reminder_week(t0() + days(83)));
    assert!(!a.in_reminder_week(t0() + days(90)));
}

#[test]
fn r7_reconnect_window_is_a_year_or_60_days() {
    let fb = account(Network::Facebook)
        .disconnect(
            DisconnectReason::Manual,
            at("2024-02-29T00:00:00Z"),
            Some(10),
        )
        .unwrap();
    assert_eq!(fb.reconnect_deadline(), Some(at("2025-02-28T00:00:00Z")));
    let yt = account(Network::Youtube)
        .disconnect(DisconnectReason::Security, t0(), None)
        .unwrap();
    assert_eq!(yt.reconnect_deadline(), Some(t0() + days(60)));
    let e = next_event(&yt, &ReminderPlan::article(), None).unwrap();
    assert_eq!((e.kind, e.at), (EventKind::PurgeWarning, t0() + days(53)));
    let mut warned = yt.clone();
    warned.purge_warning_sent = true;
    let e = next_event(&warned, &ReminderPlan::article(), None).unwrap();
    assert_eq!((e.kind, e.at), (EventKind::Purge, t0() + days(60)));
}

#[test]
fn r7_reconnecting_an_expired_account_starts_afresh() {
    let expired = account(Network::Youtube)
        .disconnect(DisconnectReason::Security, t0(), None)
        .unwrap()
        .expire();
    let now = t0() + days(200);
    let r = expired.reconnect(33, now).unwrap();
    assert!(!r.restored);
    assert_eq!(r.missed_through, None);
    assert_eq!(r.account.id, 1);
    assert_eq!(
        (r.account.original_connector, r.account.last_connector),
        (33, 33)
    );
    assert_eq!(
        (r.account.first_connected_at, r.account.authorized_at),
        (now, now)
    );
    assert_eq!(
        next_event(&expired, &ReminderPlan::article(), None),
        None,
        "an expired account has no events"
    );
}

#[test]
fn r7_reconnect_at_the_window_end_is_a_fresh_start() {
    let d = account(Network::Linkedin)
        .disconnect(DisconnectReason::Manual, t0(), Some(10))
        .unwrap();
    assert!(
        d.reconnect(10, t0() + days(60) - one_second())
            .unwrap()
            .restored
    );
    assert!(!d.reconnect(10, t0() + days(60)).unwrap().restored);
}

#[test]
fn r8_hidden_once_disconnected_for_90_days() {
    let d = account(Network::X)
        .disconnect(DisconnectReason::Inactivity, t0(), None)
        .unwrap();
    assert!(!d.is_hidden(t0() + days(90) - one_second()));
    assert!(d.is_hidden(t0() + days(90)));
    assert!(d.expire().is_hidden(t0() + days(400)));
    assert!(!account(Network::X).is_hidden(t0() + days(1000)));
    assert_eq!(hidden_cutoff(t0() + days(90)), t0());
}

#[test]
fn r9a_reminder_a_week_before_the_deadline_under_the_same_grant() {
    let a = account(Network::Facebook);
    let e = next_event(&a, &ReminderPlan::article(), None).unwrap();
    assert_eq!((e.kind, e.at), (EventKind::Reminder, t0() + days(83)));
}

#[test]
fn r9b_reminder_recipients_with_duplicates_and_a_deactivated_super_admin() {
    let last = user(1);
    let creator = user(2);
    let mut inactive_creator = user(3);
    inactive_creator.active = false;
    let mut admin = user(4);
    admin.super_admin = true;
    let mut gone_admin = user(5);
    gone_admin.super_admin = true;
    gone_admin.active = false;
    let got = reminder_recipients(
        &last,
        &[creator.clone(), inactive_creator, last.clone(), creator],
        &[admin.clone(), gone_admin.clone(), last.clone()],
    );
    assert_eq!(got, vec![1, 2, 4]);
    assert_eq!(
        purge_warning_recipients(&last, &[admin, gone_admin]),
        vec![1, 4]
    );
}

#[test]
fn r9c_no_second_reminder_in_the_same_grant() {
    let mut a = account(Network::Instagram);
    a.reminded = Some(7 * 86_400);
    assert_eq!(
        next_event(&a, &ReminderPlan::article(), None).unwrap().kind,
        EventKind::Lapse(DisconnectReason::ReauthExpired)
    );
}

#[test]
fn r10_deactivated_users_may_do_nothing_and_super_admins_everything() {
    let a = account(Network::Facebook);
    let mut gone = user(10);
    gone.active = false;
    gone.super_admin = true;
    assert_eq!(
        authorize(&gone, Tier::Enterprise, Attempt::ViewSocial),
        Err(Denial::Deactivated)
    );
    let mut admin = user(99);
    admin.super_admin = true;
    admin.access = SocialAccess::None;
    admin.can_publish = false;
    for attempt in [
        Attempt::Connect,
        Attempt::Disconnect(&a),
        Attempt::Remove(&a),
        Attempt::Post(&a),
        Attempt::Administer,
        Attempt::ReadInbox(5),
        Attempt::ManageInbox(5),
        Attempt::ReadEveryInbox,
    ] {
        assert_eq!(authorize(&admin, Tier::Professional, attempt), Ok(()));
    }
}

#[test]
fn r10_deliveries_are_ones_own_to_see_and_set_and_every_inbox_a_super_admins() {
    let mut publisher = user(5);
    publisher.can_publish = true;
    publisher.access = SocialAccess::All;
    for tier in [Tier::Free, Tier::Enterprise] {
        assert_eq!(authorize(&publisher, tier, Attempt::ManageInbox(5)), Ok(()));
        assert!(authorize(&publisher, tier, Attempt::ManageInbox(6)).is_err());
        assert!(authorize(&publisher, tier, Attempt::ReadEveryInbox).is_err());
    }
}

#[test]
fn r2_free_and_starter_lock_the_social_tool_naming_the_tiers() {
    let mut admin = user(1);
    admin.super_admin = true;
    for tier in [Tier::Free, Tier::Starter] {
        let denial = authorize(&admin, tier, Attempt::Connect).unwrap_err();
        assert_eq!(denial, Denial::TierWithoutSocialTool(tier));
        let text = denial.message(&|_| String::new());
        assert!(
            text.contains("Professional, Enterprise, Legacy Basic"),
            "{text}"
        );
        assert_eq!(authorize(&admin, tier, Attempt::Administer), Ok(()));
    }
}

#[test]
fn r10a_connecting_needs_all_access_and_publish() {
    let mut u = user(2);
    assert_eq!(authorize(&u, Tier::Professional, Attempt::Connect), Ok(()));
    u.can_publish = false;
    assert!(authorize(&u, Tier::Professional, Attempt::Connect).is_err());
    u.can_publish = true;
    u.access = SocialAccess::Own;
    assert!(authorize(&u, Tier::Professional, Attempt::Connect).is_err());
}

#[test]
fn r10b_only_the_original_connector_disconnects_or_removes() {
    let a = account(Network::Facebook);
    let owner = user(10);
    let other = user(11);
    assert_eq!(
        authorize(&owner, Tier::Professional, Attempt::Disconnect(&a)),
        Ok(())
    );
    let denial = authorize(&other, Tier::Professional, Attempt::Remove(&a)).unwrap_err();
    let text = denial.message(&|id| format!("user{id}@x.test"));
    assert!(text.contains("user10@x.test"), "{text}");
}

#[test]
fn r10c_anyone_allowed_may_reconnect_but_the_original_connector_is_recommended() {
    let a = account(Network::Facebook);
    assert_eq!(
        authorize(&user(11), Tier::Professional, Attempt::Reconnect(&a)),
        Ok(())
    );
    assert_eq!(recommended_reconnector(&a, 11), Some(10));
    assert_eq!(recommended_reconnector(&a, 10), None);
}

#[test]
fn r10d_viewing_needs_own_or_all_access() {
    let mut u = user(3);
    u.access = SocialAccess::None;
    assert!(authorize(&u, Tier::Professional, Attempt::ViewSocial).is_err());
    u.access = SocialAccess::Own;
    assert_eq!(
        authorize(&u, Tier::Professional, Attempt::ViewSocial),
        Ok(())
    );
}

#[test]
fn r10f_posting_needs_publish_and_access_to_the_account() {
    let mut a = account(Network::Facebook);
    a.last_connector = 12;
    let mut own = user(12);
    own.access = SocialAccess::Own;
    assert_eq!(
        authorize(&own, Tier::Professional, Attempt::Post(&a)),
        Ok(())
    );
    let mut stranger = user(13);
    stranger.access = SocialAccess::Own;
    assert!(authorize(&stranger, Tier::Professional, Attempt::Post(&a)).is_err());
    let mut viewer = user(14);
    viewer.can_publish = false;
    assert!(authorize(&viewer, Tier::Professional, Attempt::Post(&a)).is_err());
    assert_eq!(
        check_schedulable(&a, t0(), t0()),
        Err(StateRefusal::NotInTheFuture {
            at: t0(),
            now: t0()
        })
    );
    assert_eq!(check_schedulable(&a, t0() + one_second(), t0()), Ok(()));
    let d = a
        .disconnect(DisconnectReason::Manual, t0(), Some(10))
        .unwrap();
    assert_eq!(
        check_schedulable(&d, t0() + days(1), t0()),
        Err(StateRefusal::AccountNotConnected)
    );
}

#[test]
fn r6b_missed_posts_can_be_rescheduled_but_published_ones_cannot() {
    let a = account(Network::Facebook);
    let missed = effective_status(PostStatus::Canceled, Some(CancelCause::Missed), true);
    assert_eq!(
        reschedule(missed, &a, t0() + days(1), t0()).unwrap().status,
        PostStatus::Scheduled
    );
    let published = effective_status(PostStatus::Published, None, true);
    assert_eq!(
        reschedule(published, &a, t0() + days(1), t0()),
        Err(StateRefusal::PostAlreadyPublished)
    );
    assert_eq!(cancel(published), Err(StateRefusal::PostAlreadyPublished));
}

#[test]
fn r11_the_earliest_scheduled_post_is_the_next_event_of_a_connected_account() {
    let a = account(Network::Youtube);
    let e = next_event(&a, &ReminderPlan::article(), Some(t0() + days(3))).unwrap();
    assert_eq!((e.kind, e.at), (EventKind::Publication, t0() + days(3)));
    let d = a
        .disconnect(DisconnectReason::Manual, t0(), Some(10))
        .unwrap();
    assert_ne!(
        next_event(&d, &ReminderPlan::article(), Some(t0() + days(3)))
            .unwrap()
            .kind,
        EventKind::Publication
    );
}

#[test]
fn r12b_a_post_scheduled_at_the_deadline_lapses_instead_of_publishing() {
    let mut a = account(Network::Facebook);
    a.reminded = Some(7 * 86_400);
    let deadline = t0() + days(90);
    let e = next_event(&a, &ReminderPlan::article(), Some(deadline)).unwrap();
    assert_eq!(e.kind, EventKind::Lapse(DisconnectReason::ReauthExpired));
    assert_eq!(
        publication_bound(&a, &ReminderPlan::article(), deadline + days(5)),
        deadline - one_second()
    );
}

#[test]
fn r12_publications_at_the_reminder_instant_come_before_the_reminder() {
    let a = account(Network::Facebook);
    let reminder = t0() + days(83);
    assert_eq!(
        next_event(&a, &ReminderPlan::article(), Some(reminder))
            .unwrap()
            .kind,
        EventKind::Publication
    );
    assert_eq!(
        publication_bound(&a, &ReminderPlan::article(), reminder + days(1)),
        reminder
    );
    assert_eq!(
        publication_bound(&a, &ReminderPlan::article(), t0() + days(2)),
        t0() + days(2)
    );
}

#[test]
fn t4_the_clock_never_goes_backwards() {
    assert_eq!(check_clock(t0(), None), Ok(()));
    assert_eq!(check_clock(t0(), Some(t0())), Ok(()));
    assert!(matches!(
        check_clock(t0() - one_second(), Some(t0())),
        Err(StateRefusal::ClockBackwards { .. })
    ));
}

#[test]
fn r13_removal_is_confirmed_by_the_handle() {
    let a = account(Network::Facebook);
    assert_eq!(a.check_removal_confirmation("@ACME"), Ok(()));
    assert_eq!(
        a.check_removal_confirmation("acne"),
        Err(StateRefusal::WrongConfirmation {
            handle: "acme".into()
        })
    );
}

#[test]
fn the_last_active_super_admin_cannot_be_deactivated() {
    use super::permission::check_deactivation;
    let mut admin = user(1);
    admin.super_admin = true;
    assert_eq!(
        check_deactivation(&admin, 1),
        Err(StateRefusal::LastActiveSuperAdmin)
    );
    assert_eq!(check_deactivation(&admin, 2), Ok(()));
    admin.active = false;
    assert_eq!(
        check_deactivation(&admin, 2),
        Err(StateRefusal::UserAlreadyDeactivated)
    );
}

#[test]
fn r6f_r6e_reconnect_is_offered_only_where_it_can_work() {
    let a = account(Network::Facebook);
    assert!(!a.offers_reconnect() && a.offers_disconnect());
    let manual = a
        .disconnect(DisconnectReason::Manual, t0(), Some(10))
        .unwrap();
    assert!(manual.offers_reconnect() && !manual.offers_disconnect());
    assert!(manual.expire().offers_reconnect());
    let deleted = a.disconnect(DisconnectReason::Deleted, t0(), None).unwrap();
    assert!(!deleted.offers_reconnect());
}
