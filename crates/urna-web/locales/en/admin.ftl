# Election administration pages and the JSON API's error titles.

admin-back-to-election = Back to the election
admin-back-to-list = All elections

admin-error-no-database = Not available
admin-error-no-database-detail = Election administration needs the database, which this server was started without.
admin-error-input = The input could not be used
admin-error-not-found = Not found
admin-error-conflict = Not possible now
admin-error-refused = Refused
admin-error-internal = Something went wrong
admin-error-internal-detail = The server could not finish this. Nothing was changed by the failed step; the error has been logged.
admin-error-forbidden = Not allowed
admin-error-sign-in = Sign-in needed
admin-error-sign-in-detail = Sign in with your staff account to administer elections.
admin-error-operators-only = Only site operators can do this.
admin-error-csrf = Request refused
admin-error-csrf-detail = This request did not carry the session's CSRF token in the X-CSRF-Token header, or came from another site. Get the token from GET /api/v1/session.
admin-error-json-expected = Send the request body as JSON (Content-Type: application/json).

admin-elections-title = Elections
admin-elections-none = There are no elections you can administer yet.
admin-elections-slug = Short name
admin-elections-name = Title
admin-elections-state = State
admin-create-title = Create an election
admin-create-help = Write the election's definition as JSON: short name, languages, title, voting window (with its time zone, or AoE) and questions. The example shows the shape; an id is added if you leave it out.
admin-create-definition = Definition (JSON)
admin-create-submit = Create the draft

admin-state-draft = Draft
admin-state-ready = Ready
admin-state-open = Open
admin-state-closed = Closed
admin-state-counted = Counted
admin-state-published = Published
admin-state-archived = Archived

admin-action-mark-ready = Mark ready
admin-action-return-to-draft = Back to draft
admin-action-open = Open voting now
admin-action-close = Close voting now
admin-action-freeze = Freeze the ballots for the count
admin-action-count = Count
admin-action-publish = Publish the results
admin-action-archive = Archive

admin-election-state = State
admin-window = Voting window
admin-window-none = Not set yet
admin-window-opens = Opens
admin-window-closes = Closes
admin-problems-title = What stops this election from being ready
admin-actions-title = What you can do now
admin-turnout-title = Turnout
admin-turnout-voted = Voters who voted:
admin-turnout-who = Who voted (no ballots are linked)
admin-jobs-title = Background jobs

admin-voters-title = Voters
admin-voters-help = One voter per line, with a header line: voter, and optionally email, weight and include/exclude. The answer is a CSV file of the new voting links: download it now, the server keeps no copy.
admin-voters-csv = Voter list (CSV)
admin-voters-submit = Add voters and download their links
admin-voter = Voter
admin-link-reissue = Issue a new link
admin-link-revoke = Withdraw the link

admin-trustees-title = Trustees and the election key
admin-trustees-threshold = Trustees needed to decrypt:
admin-trustees-public-files = The trustees' public files (from urna trustee init), one after another
admin-trustees-setup-submit = Set up the key ceremony
admin-trustees-round1 = Round 1 files:
admin-trustees-round2 = Round 2 files:
admin-trustees-shares = Decryption shares:
admin-trustees-tally = Partial decryption of the tally:
admin-trustees-key-made = The election key has been made.
admin-frozen = Ballots frozen for the count:
admin-upload-kind = Kind of file
admin-upload-file = File contents
admin-upload-submit = Upload

admin-live-title = While voting runs
admin-strike-reason = Reason (required to strike)
admin-strike = Strike the ballot
admin-unstrike = Reinstate the ballot
admin-extend-label = New end, in the election's time zone (or an instant such as 2030-01-21T12:00:00Z)
admin-extend = Extend the end
admin-withdraw = Withdraw
admin-withdrawn = withdrawn

admin-withdraw-title = Withdraw a candidate
admin-withdraw-impact = { $count ->
    [one] One voter has voted already and will be told; they may vote again.
   *[other] { $count } voters have voted already and will be told; they may vote again.
}
admin-withdraw-confirm = Withdraw the candidate

admin-audit-title = Audit log
admin-audit-verified = The hash chain verifies: no entry has been changed or removed.
admin-audit-broken = The hash chain does NOT verify:
admin-audit-export = Export (JSON Lines)
admin-audit-at = When (UTC)
admin-audit-actor = Who
admin-audit-action = What
admin-audit-details = Details
