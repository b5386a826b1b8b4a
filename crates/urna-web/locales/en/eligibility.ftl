# The public eligibility page: why a wiki account may or may not vote.

eligibility-title = Who may vote
eligibility-intro = Enter a wiki account to see whether it may vote in this election and, if not, which rule it did not meet.
eligibility-account-label = Wiki account
eligibility-account-help = Your user name and your wiki, as Name@wiki (for example Jane Doe@enwiki).
eligibility-submit = Check
eligibility-error-account = Write the account as Name@wiki, for example Jane Doe@enwiki.
eligibility-no-rules = This election does not decide eligibility from wiki data.
eligibility-not-checked = { $account } was not among the accounts checked for this election.
eligibility-eligible = { $account } may vote in this election.
eligibility-refused = { $account } may not vote in this election.
eligibility-as-of = As the wiki answered on { $date }.
eligibility-appeal-title = How to appeal
eligibility-indefinite = indefinitely
eligibility-rule-exclude-list = The account is on the { $list }.
eligibility-rule-exists = The wiki has no account of this name.
eligibility-rule-min-edits = At least { $required } edits are needed; the account had { $found }.
eligibility-rule-max-registration = The account must have been registered before { $before }; it was registered on { $registered }.
eligibility-rule-sitewide-blocked = The account is blocked from the whole wiki ({ $expiry }).
eligibility-rule-partially-blocked = The account is partially blocked ({ $expiry }).
eligibility-rule-central-block = Accounts blocked on { $threshold } or more wikis may not vote; this one is blocked on { $count } ({ $wikis }).
eligibility-rule-globally-blocked = It is also globally blocked.
eligibility-rule-locked = Its global account is locked.
eligibility-rule-bot = The account is a bot.
eligibility-rule-need-group = The account must be in one of these groups: { $needed }. It is in: { $groups }.
eligibility-rule-exclude-group = Members of the group { $group } may not take part.
eligibility-rule-edits-before = At least { $required } edits before { $before } are needed; the account had { $found }.
eligibility-rule-edits-between = At least { $required } edits from { $from } to { $to } are needed; the account had { $found }.
eligibility-rule-need-list = The account is not on the { $list }.
eligibility-rule-need-central-list = The global account is not on the { $list }.
eligibility-rule-missing-facts = The rules changed after the accounts were checked; the administrators must check again.

# The admin page.
admin-eligibility-title = Eligibility from wiki data
admin-eligibility-cutoff = snapshot cutoff:
admin-eligibility-progress = Accounts fetched
admin-eligibility-progress-help = The fetch runs with "urna eligibility fetch"; reload this page to follow it.
admin-eligibility-decisions = Decisions for voters
admin-eligibility-rule = Rule failed
admin-eligibility-accounts = Accounts
admin-eligibility-eligible = Eligible
admin-eligibility-fill = Add the eligible accounts to the voter list
admin-eligibility-no-rules = This election has no eligibility rules; set them with "urna eligibility rules".
