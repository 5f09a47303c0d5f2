# Switchboard in English. Every message here exists in it.ftl with the same
# placeholders (a test checks it).

## Dates

month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
relative-now = now
relative-future-minutes = { $count ->
    [one] in 1 minute
   *[other] in { $count } minutes
}
relative-future-hours = { $count ->
    [one] in 1 hour
   *[other] in { $count } hours
}
relative-future-days = { $count ->
    [one] in 1 day
   *[other] in { $count } days
}
relative-past-minutes = { $count ->
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
relative-past-hours = { $count ->
    [one] 1 hour ago
   *[other] { $count } hours ago
}
relative-past-days = { $count ->
    [one] 1 day ago
   *[other] { $count } days ago
}

## Counts

count-posts = { $count ->
    [one] 1 post
   *[other] { $count } posts
}

## Keys: the footer's word (hint-) and the help's description (help-)

hint-up = move
help-up = Move up
hint-down = move
help-down = Move down
hint-top = top
help-top = First row
hint-bottom = bottom
help-bottom = Last row
hint-page-up = page up
help-page-up = Page up
hint-page-down = page down
help-page-down = Page down
hint-left = left
help-left = Previous tab or button
hint-right = right
help-right = Next tab or button
hint-next-focus = focus
help-next-focus = Next area, or the next field
hint-prev-focus = focus
help-prev-focus = Previous area (or field)
hint-confirm = details
help-confirm = Details; in a dialog, press
hint-cancel = cancel
help-cancel = Close the dialog, clear the filter
hint-reconnect = reconnect
help-reconnect = Reconnect the hovered account
hint-disconnect = disconnect
help-disconnect = Disconnect the hovered account
hint-remove = remove
help-remove = Remove the hovered account
hint-connect = connect
help-connect = Connect account
hint-clock = time
help-clock = Move the demo clock
hint-switch-user = user
help-switch-user = Act as another user
hint-notifications = inbox
help-notifications = Notifications
hint-filter = filter
help-filter = Filter accounts by name or handle
hint-filter-activity = by account
help-filter-activity = Activity of the hovered account only
hint-mark-all-read = mark read
help-mark-all-read = Mark every notification read
hint-toggle = mark
help-toggle = Mark a row; tick in dialogs
hint-compose = compose
help-compose = Compose a post (draft or scheduled)
hint-reschedule = reschedule
help-reschedule = Reschedule a post, or missed ones
hint-cancel-post = cancel post
help-cancel-post = Cancel the selected post
hint-sort = sort
help-sort = Accounts by urgency, or by network
hint-state-filter = state
help-state-filter = Show one state, or all
hint-tab-accounts = accounts
help-tab-accounts = Accounts tab
hint-tab-publishing = publishing
help-tab-publishing = Publishing tab
hint-tab-notifications = notifications
help-tab-notifications = Notifications tab
hint-tab-activity = activity
help-tab-activity = Activity tab
hint-tour-back = step back
help-tour-back = Tour: undo the previous step
hint-tour-panel = tour panel
help-tour-panel = Tour: hide or show the panel
hint-help = help
help-help = All keys
hint-quit = quit
help-quit = Quit
hint-tour-next = next step
help-tour-next = Tour: perform the next step
hint-ok = ok

## The frame

loading = loading…
demo-mark = demo
too-small = Switchboard needs a terminal of at least { $min }; this one is { $size }. Enlarge it, press ? for the keys, or q to quit.
role-title-super-admin = Super Admin
role-title-publisher = Publisher
role-title-own-publisher = Publisher (own)
role-title-viewer = Viewer
role-title-no-social-access = No social access
role-title-deactivated = Deactivated
sidebar-settings = Settings
sidebar-preferences = Your preferences
sidebar-account-defaults = Account defaults
sidebar-marketing = Marketing
sidebar-email = Email
social = Social
sidebar-forms = Forms
sidebar-users = Users & Teams
elsewhere = { $name } settings live outside Switchboard: this tool manages the portal's social accounts.
elsewhere-back = Select Social in the menu (↑↓ then ⏎) to come back.
connect-account = Connect account
tab-accounts = Accounts
tab-publishing = Publishing
tab-notifications = Notifications
tab-activity = Activity
locked-title = 🔒 The social tool is locked
no-access-title = No access to the social tool
locked-hint = Your data is kept. Press u to act as another user, q to quit.
clock-moving = ⏳ Moving the clock to { $target }: swept to { $swept }, { $count ->
    [one] 1 event
   *[other] { $count } events
} applied · Esc stops after this step
portal-busy = ⏳ Portal busy: another program is writing to it; showing it as last brought up to date, retrying…
toast-clock-nothing = Clock at { $at } · nothing happened
toast-clock-moved = Clock at { $at } · { $events }
tally-published = { $count } published
tally-reauth-reminder = { $count ->
    [one] 1 reauth reminder
   *[other] { $count } reauth reminders
}
tally-purge-warning = { $count ->
    [one] 1 purge warning
   *[other] { $count } purge warnings
}
tally-disconnected = { $count } disconnected
tally-purged = { $count } purged


## Words for states and people

reason-manual = manual
reason-reauth-expired = reauthorization expired
reason-inactivity = inactivity
reason-security = security
reason-deleted = deleted on the network
role-super-admin = super admin
role-publisher = publisher, all accounts
role-own-publisher = publisher, own accounts
role-viewer = viewer
role-no-social-access = no social access

## Accounts

count-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
status-connected = Connected
status-connected-due = Connected · reauthorize by { $due } ({ $left })
status-disconnected = Disconnected ({ $reason }) { $since } · { $days ->
    [one] 1 day
   *[other] { $days } days
} left to keep history
status-deleted = Deleted on the network { $since } · cannot come back
status-expired = Expired ({ $reason }) · history purged { $purged }
state-all = all accounts
state-attention = needs attention
state-connected = connected
state-disconnected = disconnected
state-expired = expired
toast-connected-due = @{ $handle } is connected: reauthorize by { $due }; Reconnect appears once it is disconnected
toast-connected = @{ $handle } is connected; Reconnect appears once it is disconnected
toast-already-disconnected = @{ $handle } is already disconnected
filter-typing-keys = ⏎ keep  Esc clear
filter-kept = Filter: { $filter }
filter-kept-keys = / change  Esc clear
order-by-urgency = by urgency (soonest deadline first)
showing-state = showing: { $state }
order-keys = s sort  f state
advice-reminder-week = the network asks again then: disconnect and reconnect before it to avoid an interruption
advice-cannot-come-back = remove it, or let its history be purged
empty-filter = No account's name or handle contains '{ $filter }'.
empty-filter-hidden = { $count ->
    [one] 1 hidden account matches (disconnected over 90 days): use Connect account
   *[other] { $count } hidden accounts match (disconnected over 90 days): use Connect account
}
empty-accounts = No accounts yet: press c to connect one.
empty-state = No account is { $state }: press f for another state.
hidden-accounts = { $count ->
    [one] 1 account disconnected for over 90 days is hidden: use Connect account
   *[other] { $count } accounts disconnected for over 90 days are hidden: use Connect account
}
button-reconnect = Reconnect
button-disconnect = Disconnect
button-remove = Remove
only-who-may-disconnect = only { $who } may disconnect

## Dialogs: buttons

button-cancel = Cancel
button-ok = OK
button-next = Next
button-continue = Continue
button-save-draft = Save draft
button-schedule-post = Schedule post
button-remove-account = Remove account
button-reconnect-accounts = Reconnect accounts
button-disconnect-accounts = Disconnect accounts
button-remove-accounts = Remove accounts
button-reschedule = Reschedule
button-cancel-post = Cancel post
button-keep-it = Keep it
button-disconnect-account = Disconnect account
button-authorize = Authorize
button-start-demo-clock = Start a demo clock
demo-clock-title = Start a demo clock?
demo-clock-system = This portal runs on the system clock.
demo-clock-explain = Moving time starts a demo clock: every command, here and from the CLI, then acts at the demo clock until it is unset (back to the system clock, from this menu or 'switchboard clock unset', once the system clock has caught up).

## The Disconnect dialog

disconnect-question = Disconnect { $network } @{ $handle } from the portal?
disconnect-scheduled = { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
}
disconnect-scheduled-end = { $count ->
    [one] {" "}will be canceled.
   *[other] {" "}will be canceled.
}
disconnect-published = { $count ->
    [one] Its 1 published post leaves the Published tab (kept, not deleted).
   *[other] Its { $count } published posts leave the Published tab (kept, not deleted).
}
disconnect-drafts = Drafts are kept. Nobody is notified.
disconnect-restore-before = Reconnect before{" "}
disconnect-restore-after = {" "}to restore everything; after that its history is purged.

## The Connect account dialog

connect-which-network = Which network? (↑↓ then ⏎)
connect-accounts-of = { $network } accounts to connect:
connect-explain = Disconnected accounts of this network are listed: tick them to reconnect; those hidden after 90 days come ticked.
connect-none-yet = (none yet: type a handle below and press ⏎)
connect-entry-reconnects = disconnected { $since } · reconnects
connect-entry-new-named = new, named { $name }
connect-entry-new = new
connect-add-handle = Add a handle:
connect-its-name = Its name:

## Notifications

empty-notifications = No notifications.
notification-reminder = Reauthorize within a week
notification-purge-warning = History purged in a week unless reconnected
account-number = account #{ $id }

## Toasts and refusals

toast-disconnected = Disconnected @{ $handle }: { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
} canceled
toast-press-to-reschedule = press { $key } to reschedule them
toast-reconnected = Reconnected @{ $handle }: { $resumed ->
    [one] 1 post
   *[other] { $resumed } posts
} will publish, { $missed } missed
toast-removed = Removed the account and its { $count ->
    [one] 1 post
   *[other] { $count } posts
}
toast-acting-as = Acting as { $email }
toast-marked-read = { $count ->
    [one] 1 notification marked read
   *[other] { $count } notifications marked read
}
toast-stopping = Stopping after the step in hand…
toast-system-clock = Back to the system clock
toast-post-scheduled = Post #{ $id } scheduled
toast-post-drafted = Post #{ $id } saved as a draft
toast-post-canceled = Post #{ $id } canceled
toast-no-missed = This account has no missed posts to reschedule
toast-post-rescheduled = Post #{ $id } rescheduled for { $when }
toast-account-changed = The account changed since this dialog opened: nothing was done; here it is as it is now
toast-stopped = Stopped: later events stay due
refused-not-allowed = Not allowed
refused-cannot-now = Cannot do that now
connect-already-connected = @{ $handle } is already connected on { $network }
connect-deleted = @{ $handle } was deleted on { $network }: it cannot come back
compose-nothing-title = Nothing to post to
compose-nothing-explain = You may not publish to any account: posting needs the publish permission and access to the account (R10f). Ask a super admin.
toast-connect-done = { $network } · { $connected } connected, { $reconnected } reconnected
connect-failures = { $failed } of { $count } not connected

## Pickers, the account's detail, help

clock-an-hour = an hour
clock-a-day = a day
clock-a-week = a week
clock-30-days = 30 days
clock-90-days = 90 days
clock-next-event = to the next event
clock-advance = Advance { $by }
clock-unset = Back to the system clock (unset the demo clock)
clock-unset-not-yet = Back to the system clock: not before { $until } (time never goes back)
error-tui-clock-back = This portal's time is already past the system clock, and time never goes back: the system clock takes over from { $until } on.
error-no-next-event = nothing is scheduled to happen: no next event
error-clock-moving = the clock is already moving: wait for it, or press Esc to stop it
picker-clock = Move the demo clock
picker-act-as = Act as
picker-keys = ↑↓ ⏎ choose · Esc close
user-deactivated = deactivated
menu-language = Language: switch to { $next }
language-en = English
language-it = Italiano
toast-language = Language: English
toast-field-cut = That field takes at most { $limit } characters: the rest was cut
toast-showing-state = Showing { $state } · f for the next state
toast-hover-first = hover an account in the Accounts tab first, then press f here
toast-marked = { $count ->
    [one] 1 account
   *[other] { $count } accounts
} marked: r, d or x act on all of them · Esc clears the marks
toast-marks-cleared = Marks cleared
mark-first-connection = first connection
mark-current-grant = current grant
mark-reminder = reminder (a week before)
mark-deadline = reauthorization deadline
mark-disconnected = disconnected ({ $reason })
mark-hidden = hidden from the Accounts list (90 days)
mark-purge-warning = purge warning
mark-window-end = end of reconnect window: history purged
esc-close = Esc close
detail-status = Status
detail-connected-by = Connected by
detail-last-connected-by = Last connected by
detail-posts = Posts
detail-post-counts = { $count } in all · { $scheduled } scheduled · { $published } published · { $missed } missed
detail-advice-reminder-week = ⚠ The network asks again on { $due }: disconnect and reconnect before then to avoid an interruption.
detail-advice-deleted = Deleted on the network: it cannot be reconnected; its history is purged on { $purge }.
detail-advice-export = Keep a copy of its history before the purge: switchboard account export { $id }
now-mark = now
place-dialogs = dialogs
place-tours = tours
help-keys-scroll = ↑↓ scroll · Esc close
help-keys-mouse = Esc close · mouse: hover a row, click an action, wheel scrolls
help-title = Keys

## The Reconnect and Remove dialogs

reconnect-title = Reconnect account
reconnect-authorize-title = { $network } · Authorize Switchboard
reconnect-would-publish = Switchboard would like to publish as { $name } (@{ $handle }) on behalf of { $actor }.
reconnect-simulated = (A simulated authorization screen: no network is reached.)
reconnect-restores = Reconnecting restores everything:{" "}
reconnect-will-publish = { $count ->
    [one] {" "}will publish at their time;{" "}
   *[other] {" "}will publish at their time;{" "}
}
reconnect-missed = { $count } missed
reconnect-missed-end = { $count ->
    [one] {" "}their time while disconnected and stay canceled (you can reschedule them).
   *[other] {" "}their time while disconnected and stay canceled (you can reschedule them).
}
reconnect-published-back = Published posts come back to the Published tab.
reconnect-fresh = The reconnect window has ended: this starts a fresh connection with no history.
reconnect-recommended = Recommended: { $who } connected this account originally and should reauthorize it.
remove-question = Remove { $network } @{ $handle } and all its { $count ->
    [one] 1 post
   *[other] { $count } posts
}? There is no window to come back: it is gone at once.
remove-type-handle = Type the handle{" "}
remove-to-confirm = {" "}to confirm:

## Posts: compose, reschedule, cancel; bulk actions

post-scheduled-for = scheduled for { $when }
post-a-draft = a draft
post-was = was { $when }
post-publishes = publishes { $when } ({ $relative })
cancel-post-question = Cancel post #{ $id } on { $network } · { $account } ({ $when })?
cancel-post-explain = It will not publish; it stays in the Canceled tab and can be rescheduled.
reschedule-title = Reschedule post
reschedule-post-on = Post #{ $id } on { $network } · { $account } ({ $was }):
reschedule-at = Publish it at ({ $example }, or +3d from now):
compose-title = Compose a post
compose-no-match = no account you may post to matches: type part of its name
compose-type-text = type the post's text
compose-too-long = { $network } takes at most { $limit } characters ({ $typed } typed)
compose-account = Account (type to search):
compose-no-account = No account you may publish to matches.
compose-text = Text ({ $count }/{ $limit } characters):
compose-when = When: empty saves a draft; { $example } or +3d schedules it
compose-saved-draft = saved as a draft
time-not-a-time = '{ $typed }' is not a time: write it like 2026-03-14 09:30, or +3d from now
time-not-in-zone = { $typed } does not exist in this time zone
time-out-of-range = '{ $typed }' is out of range
refused-nothing-changed = Nothing was changed; the attempt is in the Activity log.
bulk-title = Several accounts
toast-bulk-reconnected = { $count ->
    [one] 1 account reconnected
   *[other] { $count } accounts reconnected
}
toast-bulk-disconnected = { $count ->
    [one] 1 account disconnected
   *[other] { $count } accounts disconnected
}
toast-bulk-removed = { $count ->
    [one] 1 account removed
   *[other] { $count } accounts removed
}
bulk-some-done = { $done } of { $count } done
bulk-will-disconnect = { $count ->
    [one] 1 scheduled post canceled
   *[other] { $count } scheduled posts canceled
}
bulk-will-reconnect = { $resumed ->
    [one] 1 post
   *[other] { $resumed } posts
} will publish, { $missed } missed
bulk-will-start-fresh = a fresh start: the window has ended
bulk-will-remove = gone with its { $count ->
    [one] 1 post
   *[other] { $count } posts
}
detail-missed-reschedule = { $count ->
    [one] 1 post
   *[other] { $count } posts
} missed while disconnected: press { $key } to reschedule.
bulk-reconnect-head = Reconnect { $count ->
    [one] 1 account
   *[other] { $count } accounts
} of the { $marked } marked:
bulk-disconnect-head = Disconnect { $count ->
    [one] 1 account
   *[other] { $count } accounts
} of the { $marked } marked:
bulk-remove-head = Remove { $count ->
    [one] 1 account
   *[other] { $count } accounts
} of the { $marked } marked:
bulk-refused = { $count ->
    [one] 1 account
   *[other] { $count } accounts
} not: ✗ says why, and who may.
bulk-more = and { $count } more
bulk-type-to-confirm = There is no window to come back. Type { $word } to confirm:

## Refusals: by the state (exit 5), by permission or tier (exit 3)

refusal-already-connected = the account is already connected: nothing to reconnect (disconnect it first to start a new grant)
refusal-not-connected = the account is not connected: reconnect it first
refusal-deleted-on-network = the account was deleted on the network and cannot be reconnected (R6e): connect the account the network has now, or remove this one
refusal-already-disconnected = the account is already disconnected ({ $reason }): nothing changes
refusal-clock-backwards = the portal has already been brought up to { $swept }, and { $now } is earlier: a portal's clock never goes backwards; act at { $swept } or later (--now, or clock set)
refusal-not-in-the-future = { $at } is not in the future (now is { $now }): pick a later instant
refusal-account-not-connected = the account is not connected, so nothing can be scheduled on it: reconnect it first
refusal-account-expired = the account's history was purged when its reconnect window ended: reconnect it first
refusal-post-published = the post is already published: it cannot be canceled or rescheduled; schedule a new post instead
refusal-post-canceled = the post is already canceled by a user: reschedule it with 'post reschedule ID --at ...' to bring it back
refusal-wrong-confirmation = the confirmation does not match the account's handle: pass --confirm { $handle } to remove it
refusal-last-super-admin = this is the last active super admin: add another super admin first
refusal-user-exists = a user with this email already exists: see 'user list'
refusal-user-deactivated = the user is already deactivated
denial-deactivated = your user is deactivated and may do nothing: ask a super admin
denial-tier = the social tool is not included in the { $tier } tier: it comes with { $tiers } (a super admin can run 'tier set')
denial-only = only { $who } may do this
who-tiers = portals on { $tiers }
who-super-admins = a super admin
who-original-connector = the account's original connector ({ $email }) or a super admin
who-all-access-publishers = users with social access 'all' and the publish permission, or a super admin
who-either = { $first } or { $second }
who-publishers-with-access = users with the publish permission and social access 'all' (or 'own', for { $connectors }), or a super admin
who-viewers = users with social access 'own' or 'all', or a super admin
who-self-or-super-admins = { $email } or a super admin

## Errors

error-no-post = no post #{ $id } in this portal: see 'switchboard post list'
error-no-user = no user '{ $email }' in this portal: see 'switchboard user list'
error-no-database = no portal database at { $path }: create one with 'switchboard init' (or 'switchboard demo'), or point --db at an existing one
error-no-account = no account #{ $id } in this portal: see 'switchboard account list --all'
error-unknown-network = unknown network '{ $text }': use one of { $names }
error-not-an-instant = '{ $text }' is not an RFC 3339 instant ({ $why }); write it like 2026-03-01T09:00:00Z
time-why-too-short = it ends too soon
time-why-too-long = it has more after the instant
time-why-impossible = no such date or time
time-why-not-enough = a part of it is missing
time-why-form = it is not in that form
key-space = Space
key-back-tab = S-Tab
key-home = Home
key-end = End
key-page-up = PgUp
key-page-down = PgDn
post-after-deadline = past its { $deadline } deadline: canceled unless reauthorized first
cli-post-after-deadline = Note: this is after the account's reauthorization deadline ({ $deadline }): the disconnect then cancels the post unless someone reauthorizes the account first.
error-disk-full = the disk is full: free some space and try again (nothing was changed)
error-not-a-database = the file is not a SQLite database: check --db or SWITCHBOARD_DB, or create a portal with 'switchboard init'

## The command line's words for people

cli-status-connected = connected
cli-status-connected-due = connected · reauthorize by { $due }
cli-status-disconnected = disconnected ({ $reason }) { $since } · reconnect by { $deadline } to keep its history
cli-status-deleted = deleted on the network { $since } · cannot come back; its history is purged { $purge }
cli-status-expired = expired ({ $reason }) · history purged { $purged }
cli-hidden = hidden
cli-detail-status = status
cli-detail-first-connected = first connected
cli-detail-authorized = authorized
cli-detail-last-activity = last activity
cli-detail-original-connector = original connector
cli-detail-last-connector = last connector
cli-detail-reauthorize-by = reauthorize by
cli-detail-reminder = reminder
cli-detail-reconnect-by = reconnect by
cli-notification-reminder = reauthorize within a week
cli-notification-purge-warning = history purged in a week unless reconnected (keep a copy: switchboard account export { $id })
cli-list-limit-0 = --limit 0 lists nothing: give a positive --limit, or leave it out for every account.
cli-list-no-more = No more accounts after that one.
cli-list-no-match = No account matches: try another --status or --network.
cli-list-empty = No accounts yet: connect one with 'switchboard account connect NETWORK HANDLE'.
cli-list-hidden = { $count ->
    [one] 1 account disconnected for over 90 days is hidden: see them with --all, reconnect with 'account connect'.
   *[other] { $count } accounts disconnected for over 90 days are hidden: see them with --all, reconnect with 'account connect'.
}
error-not-sqlite = { $path } is not a SQLite database, so not a portal: check --db or SWITCHBOARD_DB, or create a portal with 'switchboard init'
error-not-a-portal = the file is a SQLite database but not a Switchboard portal: check --db or SWITCHBOARD_DB, or create a portal with 'switchboard init'

## The Activity log: action codes in words (the codes stay in JSON)

action-connect = connect
action-disconnect = disconnect
action-reconnect = reconnect
action-remove = remove
action-export-account = export account
action-list-accounts = list accounts
action-list-posts = list posts
action-list-users = list users
action-network-event = network event
action-read-audit = read audit
action-read-notifications = read notifications
action-show-account = show account
action-tier-set = tier set
action-user-add = user add
action-user-deactivate = user deactivate
action-draft-post = draft post
action-generate = generate
action-init = init
action-publish = publish
action-purge = purge
action-purge-warning = purge warning
action-reauth-reminder = reauth reminder
action-schedule-post = schedule post
action-cancel-post = cancel post
action-reschedule-post = reschedule post
action-clock-set = clock set
action-clock-unset = clock unset
action-command = command

toast-account-removed-log = Account #{ $id } was removed: only this log remembers it
activity-of-account = Activity of account #{ $id } only · f shows all accounts · ⏎ opens the account
activity-of-all = Activity of all accounts · f shows the hovered account's only · ⏎ opens the account
empty-activity = Nothing recorded yet.
activity-account-removed = account #{ $id }, removed
activity-the-portal = the portal
activity-removed-short = #{ $id } (removed)
activity-denied = denied
post-status-draft = draft
post-status-scheduled = scheduled
post-status-published = published
post-status-canceled = canceled
cancel-cause-user = user
cancel-cause-disconnected = disconnected
cancel-cause-missed = missed
post-tab-scheduled = Scheduled
post-tab-published = Published
post-tab-drafts = Drafts
post-tab-canceled = Canceled
post-tabs-switch = ←→ switch
empty-posts = Nothing here: press a to compose a post.


## Tours

toast-acting-as-default = Acting as { $actor }: pass --as EMAIL, or press u, to act as someone else
toast-clock-moving = The clock is moving: wait for it, or press Esc to stop it
tour-at-start = This is the start of the tour: there is no step to go back to
tour-changed-elsewhere = another program changed the portal since this step, so going back would erase its changes: nothing was undone (the tour goes on from here)
tour-went-back = Back to before the previous step
toast-tier-set = Tier set to { $tier }
tour-step-title = Tour · step { $done }/{ $total } · { $title }
tour-title = Tour · { $title }
tour-intro = { $total ->
    [one] 1 step walks
   *[other] { $total } steps walk
} through the whole article. Press { $next } to perform the first one.
tour-hint-next = { $next } next: { $upcoming } · { $back } back
tour-hint-over = The tour is over · { $back } back · explore freely

## The audit log's details, written in the language of whoever acted

audit-connected = { $network } account @{ $handle } connected
audit-disconnected-manually = disconnected manually; { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
} canceled
audit-removed = { $network } account @{ $handle } removed with its { $count ->
    [one] 1 post
   *[other] { $count } posts
}
audit-reconnected = reconnected within the window; { $resumed ->
    [one] 1 scheduled post resumes
   *[other] { $resumed } scheduled posts resume
}, { $missed ->
    [one] 1 was missed
   *[other] { $missed } were missed
}
audit-reconnected-fresh = reconnected after the window: a fresh connection with no history ({ $purged } leftover posts removed)
audit-post-scheduled = post #{ $id } scheduled for { $at }
audit-post-drafted = post #{ $id } drafted
audit-post-rescheduled = post #{ $id } rescheduled for { $at }
audit-post-canceled = post #{ $id } canceled
audit-user-added = user { $email } added as { $role }
audit-user-deactivated = user { $email } deactivated
audit-tier-changed = tier changed from { $from } to { $to }
audit-clock-set = demo clock set to { $at }
audit-clock-unset = demo clock unset: the portal follows the system clock again
audit-network-reported = the network reported the account { $reason }; { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
} canceled
audit-published = post #{ $id } published at its scheduled time
audit-reminder = reauthorization reminder sent to { $count ->
    [one] 1 user
   *[other] { $count } users
}; the account must be reauthorized by { $due }
audit-purge-warning = purge warning sent to { $count ->
    [one] 1 user
   *[other] { $count } users
}: the history is purged in 7 days unless the account is reconnected (keep a copy with 'switchboard account export { $id }')
audit-lapse = disconnected by the network ({ $reason }); { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
} canceled
audit-purged = reconnect window ended; { $count ->
    [one] 1 post
   *[other] { $count } posts
} purged
bulk-reconnected = reconnected: { $resumed ->
    [one] 1 post
   *[other] { $resumed } posts
} will publish, { $missed } missed
bulk-disconnected = disconnected: { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
} canceled
bulk-removed = removed with its { $count ->
    [one] 1 post
   *[other] { $count } posts
}
headless-title = { $title } ({ $count ->
    [one] 1 step
   *[other] { $count } steps
}; times in UTC)
headless-step = Step { $done }/{ $total }: { $title }
actor-system = system
actor-network = network

## Sweeps, on the command line

event-published = post #{ $id } published
event-published-one = a post published
event-reminder = reauthorization reminder sent to { $count ->
    [one] 1 user
   *[other] { $count } users
}
event-purge-warning = purge warning sent to { $count ->
    [one] 1 user
   *[other] { $count } users
}
event-lapse = disconnected by the network ({ $reason }); { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
} canceled
event-purged = reconnect window ended; { $count ->
    [one] 1 post
   *[other] { $count } posts
} purged
summary-nothing = Nothing was due.
summary-head = { $count ->
    [one] 1 event
   *[other] { $count } events
} on { $accounts ->
    [one] 1 account
   *[other] { $accounts } accounts
}:
summary-published = { $count ->
    [one] 1 post
   *[other] { $count } posts
} published at their time
summary-reminders = { $count ->
    [one] 1 reauthorization reminder
   *[other] { $count } reauthorization reminders
} ({ $sum ->
    [one] 1 notification
   *[other] { $sum } notifications
} in all)
summary-purge-warnings = { $count ->
    [one] 1 purge warning
   *[other] { $count } purge warnings
} ({ $sum ->
    [one] 1 notification
   *[other] { $sum } notifications
} in all)
summary-lapses = { $count ->
    [one] 1 account
   *[other] { $count } accounts
} disconnected by their network ({ $sum ->
    [one] 1 scheduled post
   *[other] { $sum } scheduled posts
} canceled)
summary-purges = { $count ->
    [one] 1 history
   *[other] { $count } histories
} purged after the reconnect window ({ $sum ->
    [one] 1 post
   *[other] { $sum } posts
} deleted)

## Command results

cli-connected = Connected { $network } @{ $handle } as account #{ $id }.
cli-reconnected = Reconnected { $network } @{ $handle }: { $resumed ->
    [one] 1 scheduled post will publish at its time
   *[other] { $resumed } scheduled posts will publish at their time
}, { $missed ->
    [0] none was missed.
    [one] 1 was missed (reschedule it with 'post reschedule').
   *[other] { $missed } were missed (reschedule them with 'post reschedule').
}
cli-reconnected-note = Note: { $who } connected it originally and is the recommended user to reauthorize it.
cli-disconnected = Disconnected @{ $handle }: { $count ->
    [one] 1 scheduled post
   *[other] { $count } scheduled posts
} canceled; published posts leave the Published tab. Reconnect by { $deadline } to restore everything.
cli-removed = Removed { $network } @{ $handle } and its { $count ->
    [one] 1 post
   *[other] { $count } posts
}.
cli-exported = Wrote the history of account #{ $id } to { $path }.
cli-not-done = not done: { $why }
progress-applying = applying due events
progress-drawing-posts = drawing the posts
progress-writing-accounts = writing the accounts
progress-writing-posts = writing the posts
progress-building-indexes = building the indexes
progress-saving = saving the file
cli-each-event = Each event: add --verbose (or --json).
cli-swept = Portal brought up to { $at }.
cli-clock-set = Demo clock set to { $at }.
cli-clock-unset = Demo clock unset: the portal follows the system clock again ({ $at }).
cli-clock-show = now { $now } ({ $source } clock); demo clock { $demo }; portal brought up to { $swept }
cli-clock-unset-word = unset
cli-clock-never = never
cli-demo-created = Created the demo portal at { $path }. Its users:
cli-demo-open = Open it with: switchboard --db { $path } --as { $admin }
error-not-a-demo = { $path } is not a demo portal, so it is left alone: move it away, or build the demo elsewhere with --db PATH
cli-audit-empty = The audit log is empty.
cli-created = Created portal '{ $portal }' ({ $tier }) at { $path } with super admin { $admin }.
cli-generated = Generated { $accounts ->
    [one] 1 account
   *[other] { $accounts } accounts
} and { $posts ->
    [one] 1 post
   *[other] { $posts } posts
} at { $path } (seed { $seed }, clock { $now }); act as { $admin }.
cli-tier-set = Tier set to { $tier }.
cli-config-at = The TUI reads its config from { $path }. See every setting with 'switchboard config --default'.
cli-config-none = No config file at { $path } (the TUI uses its defaults). Start one with: switchboard config --default > { $path }
cli-config-no-home = No home directory, so no config file: the TUI uses its defaults.
cli-user-added = Added { $email } as { $role }.
cli-user-deactivated = Deactivated { $email }.
cli-no-users = No users.
cli-no-posts = No posts.
cli-user-access = access
cli-user-publish = publish
cli-yes = yes
cli-no = no
cli-user-active = active
cli-outcome-ok = ok
error-account-changed = { $network } account @{ $handle } (#{ $id }) changed since it was shown (version { $seen }, now { $now }), so nothing was done: look at it again ('switchboard account show { $id }') and repeat the action if it still applies
error-unsafe-character = { $what } '{ $text }' contains { $found }: type it again without that character
error-handle-length = a handle is 1 to { $max } characters, like acmecorp or @acmecorp
error-migrate-unsafe-row = { $table } row { $id }: its { $column } holds { $what }, which would reach a terminal or a mail header raw: correct it in the source portal, then migrate again (nothing was copied)
error-handle-spaces = the handle '{ $handle }' has spaces: a handle is one word, like acmecorp
error-handle-mixed-scripts = the handle '{ $handle }' mixes scripts (like a Cyrillic letter among Latin ones), so it can pass for another: type it in one script
error-handle-lookalike = the handle '@{ $handle }' looks like @{ $existing } (#{ $id }) on this network: reconnect that account, or check the spelling
error-text-length = a post's text on { $network } is 1 to { $limit } characters (this one has { $length }): shorten it
field-account-name = an account name
field-handle = the handle
field-email = the email address
field-user-name = a user's name
error-name-length = { $what } is 1 to { $max } printable characters
error-bad-email = '{ $email }' is not an email address: write it like ana@example.com
error-journal = could not switch the portal database to WAL mode (it is in { $mode } mode): make its folder writable
error-folder-not-database = { $path } is a folder, not a portal database: pass the database file with --db
error-read-only-file = the portal database { $path } is read-only, and every command writes to bring the portal up to date: make it writable (chmod u+w { $path })
error-portal-replaced = { $path } is no longer the file Switchboard opened (it was replaced, moved, or its -wal file was deleted), so nothing was written: start Switchboard again to open the file now at that path
error-needs-actor = this command acts, so it needs a user: pass --as EMAIL or set SWITCHBOARD_USER
error-read-only = the portal database is read-only, and every command must write to bring the portal up to date: make the file and its folder writable
error-busy = another process holds the portal database: try again in a moment
error-io = the portal database could not be read or written ({ $why }): check that its folder is writable and the disk has space, then try again (nothing was changed)
error-corrupt = the portal database is corrupt: restore it from a backup
error-database = the portal database failed: { $why }; if this repeats, check the file with 'sqlite3 FILE "PRAGMA integrity_check"'
error-file-exists = { $path } already exists: Switchboard never overwrites a file; pick another path for the { $what } or delete that file first
error-no-folder = the folder { $dir } does not exist: create it first (mkdir -p { $dir }) or pick another path
error-file-too-large = the portal database reached the file size limit of this shell ({ $limit } bytes, 'ulimit -f'): raise the limit (ulimit -f unlimited) and try again (nothing was changed)

## Values that do not parse

error-unknown-tab = unknown tab '{ $text }': use scheduled, published, drafts or canceled
error-unknown-event = unknown network event '{ $text }': use security, deleted or inactive
error-unknown-status = unknown status '{ $text }': use attention, connected, disconnected, expired or all
error-unknown-access = unknown social access '{ $text }': use none, own or all
error-unknown-tier = unknown tier '{ $text }': use one of { $names }
error-unknown-order = unknown order '{ $text }': use --sort network or --sort urgency
error-instant-out-of-years = '{ $text }' is outside the years { $years } that a portal can hold
error-clock-out-of-years = moving the clock from { $from } by { $days ->
    [one] 1 day
   *[other] { $days } days
} would leave the years { $years } that a portal can hold: move it by less
duration-hint = write a duration like 90d, 12h, 30m, 2w or 1d12h
error-duration-empty = an empty duration: { $hint }
error-duration-unit = '{ $text }' has the unknown unit '{ $unit }': { $hint }
error-duration-no-number = '{ $text }' has a unit without a number before it: { $hint }
error-duration-too-long = '{ $text }' is longer than 1000 years
error-duration-no-unit = '{ $text }' ends without a unit: { $hint }
error-duration-zero = '{ $text }' is zero: the clock only moves forward
error-generate-no-accounts = --accounts must be at least 1
error-generate-too-many = at most 10 000 000 accounts and 1 000 000 000 posts
error-no-super-admin = the portal has no active super admin: pass --as EMAIL
config-problem = { $path }: { $problem }; using the defaults
config-unreadable = cannot read { $path }: { $why }; using the defaults
config-no-key = [keys] { $action } has no key: give at least one
error-unknown-theme = unknown theme '{ $text }': use default, dark, light or mono
error-unknown-key = unknown key '{ $text }': use a character, or enter, esc, tab, space, up, pagedown, f1, ctrl-x ...
error-needs-terminal = the terminal UI needs a terminal: run it in one, or use a subcommand (see 'switchboard --help')
error-terminal = the terminal failed: { $why }
error-cannot-write-output = cannot write the output: { $why }
cli-man-written = Wrote { $count ->
    [one] 1 manual page
   *[other] { $count } manual pages
} to { $dir }.
error-foreign-wal = the write-ahead log { $wal } belongs to another database, not to { $path } (a file was moved over the portal while a program had it open): nothing was opened; if { $path } is the portal you want, move { $wal } aside and run the command again
error-tour-json = tour prints each step's screen as Markdown, not JSON: run it without --json
error-terminal-gone = the terminal hung up
cli-needs-subcommand = '{ $command }' needs a subcommand: { $names }; see '{ $command } --help'
on-date = { $date }

## Delivery by email and webhook (watch, notifications outbox, user set)
config-invalid = { $path }: { $problem }: fix it, then start the watch again (or send it SIGHUP)
config-cannot-read = cannot read { $path }: { $why }
error-no-delivery = no delivery #{ $id } in this portal: see 'switchboard notifications outbox'
error-delivery-not-failed = delivery #{ $id } is { $state }, not failed: only a failed delivery is retried
error-bad-webhook = { $why }
error-bad-switch = '{ $value }' is neither on nor off
error-bad-lang = '{ $value }' is not a language Switchboard speaks: use en or it
audit-user-channels = { $email }'s deliveries: email { $mail }, webhook { $webhook } ({ $format }), { $delivery }, time zone { $zone }
audit-delivery-retry = delivery #{ $id } ({ $channel } to { $address }) queued again
action-user-channels = user deliveries
action-delivery-retry = delivery retry
action-read-outbox = read outbox
delivery-removed-account = account #{ $id } (removed)
delivery-no-deadline = soon
delivery-reminder-subject = Reauthorize { $network } · { $account } by { $deadline }
delivery-reminder-text =
    Hello { $name },

    { $network } will ask again for the authorization of { $account } (@{ $handle }) on { $deadline } ({ $zone }). Reconnect it before then, so its scheduled posts keep publishing without an interruption:

    - in the suite: Settings > Social > Accounts, then Reconnect under the account's name;
    - from a terminal: switchboard account reconnect { $id }

    This reminder comes { $lead } before the deadline.
    Switchboard
delivery-purge-subject = { $network } · { $account }: its history is deleted on { $deadline }
delivery-purge-text =
    Hello { $name },

    { $account } (@{ $handle }) on { $network } has been disconnected for almost all of its reconnect window: on { $deadline } ({ $zone }) its posts and history are deleted for good. To keep them, reconnect it before then:

    - in the suite: Settings > Social > Accounts, then Reconnect under the account's name;
    - from a terminal: switchboard account reconnect { $id }

    To keep a copy of its history instead: switchboard account export { $id }
    Switchboard
cli-delivery-reminder = reminder
cli-delivery-purge-warning = purge warning
cli-delivery-delivered = delivered ({ $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
    })
cli-delivery-queued = queued
cli-delivery-expired = expired, not sent: { $reason }
cli-delivery-retrying = retrying after { $attempts ->
    [one] 1 failed attempt
   *[other] { $attempts } failed attempts
    }: { $error }
cli-delivery-failed = failed after { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
    }: { $error } (send it again: switchboard notifications retry { $id })
cli-delivery-requeued = Delivery #{ $id } ({ $channel } to { $address }) is queued again: a running 'switchboard watch' sends it now.
cli-outbox-empty = Nothing in the outbox: reminders are delivered to users who chose email or a webhook (switchboard user set EMAIL --email-notifications on).
cli-outbox-no-failed = No failed deliveries.
cli-channel-off = off
cli-channel-watch-lang = as the watch's default
cli-user-channels-short = · email { $mail } · webhook { $webhook } · language { $lang } · time zone { $zone } · { $delivery }
cli-channel-on = on
cli-user-channels = { $email }: email { $mail } · webhook { $webhook } · language { $lang } · time zone { $zone } · { $delivery }
cli-watch-delivered = delivered #{ $id } by { $channel } to { $address }
cli-watch-expired = delivery #{ $id } by { $channel } to { $address } expired, not sent: { $reason }
delivery-stale-deadline-passed = the deadline it names has passed
delivery-stale-account-removed = the account was removed
delivery-stale-deadline-moved = the account's deadline has changed since it was written
delivery-stale-account-disconnected = the account is no longer connected
delivery-stale-account-reconnected = the account was reconnected
delivery-stale-account-purged = the account's history was already purged
delivery-stale-recipient-inactive = the recipient was deactivated
delivery-stale-channel-changed = the recipient turned this channel off or changed its address
cli-watch-delivery-failed = delivery #{ $id } by { $channel } to { $address } failed: { $error } { $retry ->
    [yes] (will retry)
   *[no] (given up: switchboard notifications retry { $id })
    }

## Delivery in the TUI (issue 12)
hint-retry-deliveries = resend
help-retry-deliveries = Send the failed deliveries again
toast-deliveries-queued = { $count ->
    [one] 1 delivery queued again
   *[other] { $count } deliveries queued again
    }
menu-email-on = Your reminders: by email{ $webhook } (change)
menu-email-off = Your reminders: not by email{ $webhook } (change)
menu-webhook = {" "}· webhook { $url }
notifications-failed-heading = ⚠ { $count ->
    [one] 1 delivery failed
   *[other] { $count } deliveries failed
    } for good: R sends them again
notifications-failed-line = {"  "}{ $channel } to { $address } · { $account }: { $error }
deliveries-title = Your reminders
deliveries-intro = Besides the inbox, { $email }'s reminders also go to:
deliveries-email = { $mark } By email to { $email } (Space)
deliveries-webhook = Webhook URL:{" "}
deliveries-webhook-note = Empty: no webhook. Signed with $SWITCHBOARD_WEBHOOK_SECRET.
button-save = Save
word-on = on
word-off = off
toast-deliveries-saved = Reminders for { $email }: email { $mail }, webhook { $webhook }

## PostgreSQL (issue 13)
error-postgres-no-database = the PostgreSQL database does not exist ({ $why }): create it first (createdb NAME), or check the URL
error-postgres-login = PostgreSQL refused the login ({ $why }): check the user and password in the URL, PGPASSWORD or ~/.pgpass
error-postgres-unreachable = cannot reach the PostgreSQL server ({ $why }): start it, or check the host and port in the URL
error-postgres-silent = the PostgreSQL server at { $host } did not finish connecting within { $seconds } s ({ $why }): check that the host and port are a PostgreSQL server's, or give it longer with connect_timeout=SECONDS in the URL
error-postgres-silent-why = it accepted the connection and then did not answer
error-postgres-url = '{ $url }' is not a PostgreSQL URL ({ $why }): write it like postgres://user@host/dbname
error-postgres-not-empty = the PostgreSQL database already holds tables: a new portal needs an empty database (createdb NAME)
error-sqlite-only = { $what } works on a SQLite portal only: make it in a file, then move it to the server with 'switchboard migrate --from FILE --to URL'
word-rewind = Going back a tour step
error-postgres-failed = the PostgreSQL portal failed: { $why }; if this repeats, see the server's log
error-migrate-same = --from and --to name the same portal: copy it to a new file or an empty database
error-migrate-mismatch = the copy of { $table } has { $copied } rows where the portal has { $expected }: nothing was written
cli-migrated = Copied the portal from { $from } to { $to }, every row counted again: { $tables }.
error-postgres-not-a-portal = the PostgreSQL database is not a Switchboard portal: check --db or SWITCHBOARD_DB, or make a portal there with 'switchboard init' (in an empty database)

## Tours: what a tour author reads when a tour cannot run
tour-error-unreadable = { $file }: cannot read it: { $why }
tour-error-no-file = { $file }: no such tour file; give a path to a .toml tour, or '{ $article }' ('{ $articolo }' in Italian) for the bundled one
tour-error-no-step = a tour needs at least one [[step]]
tour-error-lang = lang is '{ $code }': a tour is in en or it
tour-error-no-title = a step needs a title
tour-error-action-form = an action is a table with one key, like {"{"} select = "handle" {"}"}; the keys are { $actions }
tour-error-takes-text = '{ $key }' takes a text, like {"{"} { $key } = "..." {"}"}
tour-error-unknown-user = unknown user '{ $email }': the portal's users are { $users }
tour-error-unknown-handle = unknown handle '{ $handle }': the portal's accounts are { $handles }
tour-error-unknown-tab = unknown tab '{ $tab }': use accounts, publishing, notifications or activity
tour-error-unknown-dialog = unknown dialog '{ $dialog }': use disconnect, reconnect, remove, connect, detail, clock, user or help
tour-error-unknown-button = unknown button '{ $label }': use one of { $labels }
tour-error-next-event = write next_event = true
tour-error-unknown-action = unknown action '{ $action }': the actions are { $actions }
tour-error-select-first = select an account before a network event
tour-error-gone = there is no account @{ $handle } any more
tour-error-hidden = @{ $handle } is hidden (disconnected over 90 days): open Connect account to reach it
tour-error-step = step { $step } ({ $title }): { $why }
tour-error-not-shown = the screen does not show '{ $text }'
tour-error-no-dialog = no dialog is open to press '{ $label }'
tour-error-no-button = the dialog has no '{ $label }' button (it has { $labels })
tour-error-disabled = '{ $label }' is disabled
tour-error-no-network-step = the Connect account dialog is not asking for a network

## Real networks (OAuth 2.0)
error-oauth = { $network }: { $why }
error-network-url = [networks.{ $network }] { $key }: { $why }
error-network-client-id = [networks.{ $network }] client_id is empty: write the client id the network gave when you registered Switchboard
error-no-network-client = { $network } is simulated here: no [networks.{ $name }] section in the config file; add one with the client id the network gave you (README: Connecting real networks), or connect without --authorize
error-authorize-handle = with --authorize the network says which account it is: leave out the handle, or leave out --authorize
oauth-why-timeout = no whole answer within { $seconds } s; try again, or check the network's status
oauth-why-unreachable = { $url } could not be reached; check the address in the config file and the network's status
oauth-why-unreadable = the answer of { $url } could not be read; try again
oauth-why-no-device = its config has no device_authorization_url: add it, or sign in in a browser
oauth-why-denied = the sign-in was declined at the network: nothing was connected
oauth-why-expired = the code expired before it was entered: start again for a new one
oauth-why-invalid-grant = the network no longer accepts this grant: reconnect the account
oauth-why-error = the network answered { $error } ({ $status })
oauth-why-status = the network answered { $status } without saying why
oauth-why-stopped = stopped before the sign-in finished: nothing was connected
oauth-why-no-token = the network's answer held no access token
oauth-why-no-identity = the network did not say which account signed in (no id in its userinfo)
oauth-why-not-https = { $url } is not https: a grant crosses only https (or http to this machine, for a test server)
oauth-device-prompt = To connect the { $network } account, open { $url } and enter the code { $code } (it expires in { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }). Waiting for the sign-in...
oauth-device-open = Or open { $url }
audit-authorized = signed in at { $network } as @{ $handle }; scopes granted: { $scopes }
action-authorize = authorize
error-vault-key = the vault's key cannot be used: { $why }
vault-why-env = SWITCHBOARD_VAULT_KEY is not 64 hexadecimal digits
vault-why-mode = { $path } can be read by others: make it its owner's only (chmod 600 { $path })
vault-why-file = { $path } does not hold a key of 64 hexadecimal digits: restore it from a backup, or remove it (the grants sealed with it are then lost: reconnect those accounts)
vault-why-seal = a token could not be sealed
error-vault-missing = the vault has no key here (vault.key in the data directory, or SWITCHBOARD_VAULT_KEY): the grants kept with another key cannot be read; reconnect those accounts
error-authorize-one = --authorize reconnects one account at a time: give one id
error-another-login = this login is @{ $login }, not @{ $handle }: sign in at the network as @{ $handle }
error-network-duration = [networks.{ $network }] { $key } = "{ $text }" is out of range: write { $least } to { $most }
warning-not-revoked = warning: the grant could not be withdrawn at { $network } ({ $why }); the account is disconnected here: withdraw the app's access in the network's settings
oauth-why-listen = no loopback port to hear the network's answer on ({ $why })
oauth-why-no-redirect = the browser did not come back within { $seconds } s: start again
oauth-why-state = an answer that is not to this sign-in came back (its state differs): nothing was connected
oauth-browser-done = Signed in: you can close this window and go back to Switchboard.
oauth-browser-refused = The sign-in did not complete: go back to Switchboard to see why.
oauth-browser-prompt = To connect the { $network } account, sign in at this page (it comes back to this machine within { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }):
signin-title = Sign in at { $network }
signin-asking = Asking { $network } for a code...
signin-open = On any device, open { $url }
signin-code = and enter the code  { $code }
signin-expires = The code expires in { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }. Or scan:
signin-no-room-qr = (a taller terminal shows the page as a QR code)
toast-sign-in-stopped = Sign-in stopped: nothing was connected
toast-signed-in = Signed in at { $network }: @{ $handle } is connected
connect-all-simulated = Simulated: no network has a client configured.
connect-all-real = Each network signs in for real.
connect-some-simulated = Simulated: { $networks }.
cli-detail-grant = grant: kept sealed; scopes { $scopes }
cli-detail-grant-unreadable = grant unreadable: reconnect (this machine's vault key does not open it)
detail-grant = Grant
detail-grant-kept = kept sealed · scopes { $scopes }
detail-grant-unreadable = unreadable here (the vault key does not open it): reconnect
signin-open-browser = Sign in at this page, in a browser (opened for you on a desktop):
signin-browser-waits = It comes back to this machine; waiting { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    } at most.
oauth-why-code-refused = the network refused to trade the sign-in's code (it was not issued to this sign-in, or was used already): start again
cli-deadlines-none = No deadline in the next { $days ->
        [one] day
       *[other] { $days } days
    }.
cli-deadline-reauthorize = reauthorize by then, or it disconnects
cli-deadline-purge = its history is purged then, unless it is reconnected
ics-calendar-name = { $portal } · Switchboard
ics-reauthorize-summary = Reauthorize { $network } @{ $handle }
ics-reauthorize-description = { $name } (@{ $handle }) on { $network } must be reauthorized by this time, or it disconnects and its scheduled posts are canceled. Disconnect and reconnect it before then: switchboard account reconnect { $id }
ics-purge-summary = { $network } @{ $handle }: history purged
ics-purge-description = { $name } (@{ $handle }) on { $network } has been disconnected for almost its whole reconnect window: at this time its posts and history are purged for good. To keep them, reconnect it before then: switchboard account reconnect { $id }
error-ics-not-calendar = { $path } is there and is not a calendar: watch --ics replaces only a calendar it wrote; give another path

## Issue 21: time zones, reminder plans, digests, chat formats
error-bad-timezone = '{ $value }' is not a time zone: use an IANA name such as Europe/Rome, America/New_York or UTC
error-bad-timezone-like = '{ $value }' is not a time zone: did you mean { $like }?
error-bad-digest-at = '{ $value }' is not an hour of the day: write it as HH:MM, such as 08:00
error-digest-at-immediate = --digest-at sets the hour of a daily digest: use it with --delivery digest, not immediate
error-bad-reminders = '{ $value }' is not a reminder plan: { $why }; write up to five leads such as 7d,1d
reminders-empty = it names no lead
reminders-too-many = it has more than { $most } leads
reminders-out-of-range = { $lead } is outside { $shortest } to { $longest }
reminders-repeated = { $lead } is there twice
error-portal-set-nothing = portal set needs --timezone or --reminders: see switchboard portal set --help
cli-portal-settings = { $portal }: time zone { $zone } · reminders { $reminders } before a deadline
cli-delivery-digest = daily digest at { $at }
cli-delivery-immediate = each message as it comes
cli-channel-portal-zone = the portal's
audit-portal-settings = portal settings: time zone { $zone }, reminders { $reminders } before a deadline
menu-zone = Time zone: { $zone }
zone-title = Your time zone
zone-intro = Every time on the screens, and in your reminders, reads in this zone.
zone-field = Zone
zone-portal = the portal's, { $zone }
zone-reads = { $zone }: the portal's clock reads { $clock } · Tab completes · empty: the portal's
toast-zone-saved = Times now read in { $zone }
chat-account = Account
chat-network = Network
chat-deadline = Deadline
chat-action-reminder = Reconnect it before the deadline, so its scheduled posts keep publishing:
chat-action-purge = Reconnect it before then to keep its posts and history:
error-bad-metrics-address = '{ $value }' is not an address to serve metrics on: give a port (9464, on this machine only) or an address and port (127.0.0.1:9464)
error-metrics-bind = cannot serve metrics on { $address }: { $why }; choose another port with --metrics
health-no-sweep-yet = no sweep has completed yet
health-sweep-failing = the last sweep could not run: { $why }
health-sweep-late = the last sweep completed { $seconds } s ago; one is expected at least every { $most } s
delivery-digest-subject = Switchboard: { $count ->
        [one] one account needs you
       *[other] { $count } accounts need you
    }
delivery-digest-hello =
    Hello { $name },

    These accounts need you, the most urgent first:
delivery-digest-by = By { $deadline } ({ $zone }):
delivery-digest-reminder = reauthorize it
delivery-digest-purge = reconnect it to keep its posts and history
delivery-digest-closing =
    Each command reconnects its account (switchboard deadlines --days 7 lists them all).

    — Switchboard
chat-action-digest = Every account that needs you, the most urgent first:
chat-more = and { $count ->
        [one] one more
       *[other] { $count } more
    } in the text
lead-days = { $count ->
        [1] one day
        [7] a week
       *[other] { $count } days
    }
lead-hours = { $count ->
        [one] one hour
       *[other] { $count } hours
    }
cli-watch-digest = { "  " }as one digest of { $count ->
        [one] one reminder or warning
       *[other] { $count } reminders and warnings
    }
error-pgpass-mode = the password file { $file } was not read: others may read it (chmod 600 { $file }, as libpq asks)
error-postgres-no-password = the server asks for a password and none was given
cli-portal-engine-file = held in a SQLite file (SQLite { $version })
cli-portal-engine-server-clear = held on a PostgreSQL { $version } server; the connection is not encrypted
cli-portal-engine-server-tls = held on a PostgreSQL { $version } server; the connection is encrypted ({ $protocol })
error-postgres-sslmode = { $setting } { $value } is not a mode PostgreSQL clients know: use one of { $modes }
error-postgres-system-roots-weak = sslrootcert=system checks the server's name, so it goes with sslmode=verify-full, not { $mode }: drop sslmode, or say verify-full
error-postgres-service = no service [{ $service }] in { $files }: define it there (host=, dbname=, …), or leave service out
error-postgres-tls-file = cannot use { $setting } { $file } ({ $why }): give a readable PEM file
error-postgres-key-mode = others may read the client key { $file }: chmod 600 it (psql refuses it too)
error-postgres-tls-failed = the TLS session to PostgreSQL failed ({ $why }). Nothing was written
error-postgres-tls-unknown-issuer = the certificate of { $host } was not issued by a CA Switchboard trusts ({ $roots }): give its CA with sslrootcert=FILE, or say sslmode=require to encrypt without checking who the server is. Nothing was written
postgres-tls-system-roots = the system's trusted roots
error-postgres-tls-name = the certificate of { $host } is for { $names }, not { $host }: connect by a name on the certificate, or say sslmode=verify-ca to check its CA but not its name. Nothing was written
error-postgres-tls-expired = the certificate of { $host } expired on { $date }: renew it on the server (sslmode=require would encrypt without checking it). Nothing was written
error-postgres-tls-not-yet = the certificate of { $host } is not valid before { $date }: check the clocks of the server and of this machine. Nothing was written
error-postgres-tls-bad-certificate = the certificate of { $host } was refused ({ $why }): check it on the server, or say sslmode=require to encrypt without checking it. Nothing was written
error-postgres-tls-refused = the server at { $host } does not offer TLS, and Switchboard sends no portal data across a network in clear: turn ssl on in its postgresql.conf, or say sslmode=disable if the network is yours alone. Nothing was written
cli-portal-engine-certificate = the server's certificate: { $subject }; { $mode ->
    [verify-full] its CA and its name were checked (sslmode=verify-full)
    [verify-ca] its CA was checked, not its name (sslmode=verify-ca)
   *[other] it was not checked (sslmode={ $mode }): say sslmode=verify-full to check who the server is
}
