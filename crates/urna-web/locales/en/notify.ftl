# Notifications: link delivery outcomes, reminders to voters who have not voted, and the
# turnout tracker with its quorum.

mail-status-bounced = bounced (refused for good)
mail-status-skipped = not needed
mail-send-failed = Send new links to the { $count } voters whose e-mail failed or bounced

mail-reminder-subject = Reminder: please vote in { $election }
mail-reminder-body =
    You have not voted yet in “{ $election }”. There is still time.
mail-reminder-link =
    To vote, open the personal voting link you were sent by e-mail. If you cannot find it,
    ask the election's administrators for a new one. If you voted in the meantime, ignore
    this message.

reminders-title = Reminders to voters who have not voted
reminders-help = Each reminder goes out once, at its time before the end of voting, to every voter with an e-mail address who has not voted by then, in their language when it is available. Extending the end moves the reminders that have not gone out yet.
reminders-none = No reminders are set.
reminders-before = Before the end
reminders-due = Goes out at
reminders-went-out = Went out
reminders-not-yet = not yet
reminders-counts = Messages
reminders-count-line = Queued: { $queued } · Sent: { $sent } · Not needed: { $skipped } · Failed: { $failed }
reminders-text = Text
reminders-standard-text = the standard reminder
reminders-delete = Delete
reminders-before-label = Time before the end of voting
reminders-before-help = For example 3d (three days), 24h (24 hours) or 90m (90 minutes).
reminders-text-label = Own text in { $lang } (optional)
reminders-text-help = Leave every text empty to send the standard reminder, translated into each voter's language. If you write your own text, write it at least in the election's default language: voters of a language without a text get that one.
reminders-add = Add the reminder

turnout-page-title = Turnout over time
turnout-page-link = Turnout over time and quorum
turnout-summary = { $voted } of { $eligible } voters have voted.
turnout-quorum-reached = The quorum of { $quorum } voters is reached.
turnout-quorum-missing = The quorum of { $quorum } voters is not reached yet: { $missing } more needed.
turnout-help = Voters who have voted so far, counted by the hour of their first vote. Only counts per hour are shown, never when a particular voter voted.
turnout-chart-title = Voters who have voted so far, by hour
turnout-quorum-line = quorum { $quorum }
turnout-table-caption = Voters by hour of their first vote
turnout-hour = Hour starting
turnout-new-voters = New voters
turnout-voters-so-far = Voters so far
turnout-none-yet = Nobody has voted yet.
turnout-quorum-title = Quorum
turnout-quorum-label = Voters needed (leave empty for none)
turnout-quorum-help = The number of voters who must vote for the election to be valid, drawn as a line on the chart.
turnout-quorum-save = Save the quorum
