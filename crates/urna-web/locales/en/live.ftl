# Safe changes while voting runs (service::live): the voters' notices, the paused notice on
# the ballot page, and the administrators' page of changes.

live-voter-paused-title = Voting is paused
live-voter-paused = The election's administrators have paused voting. Your ballot was not taken. You will be told by e-mail when voting resumes; your voting link will still work.

live-mail-paused-subject = Voting paused: { $election }
live-mail-paused-body =
    The election's administrators have paused voting in “{ $election }”. Ballots already
    cast are kept. You will be told when voting resumes.
live-mail-resumed-subject = Voting resumed: { $election }
live-mail-resumed-body =
    Voting in “{ $election }” has resumed and closes { $closes }. If you have not voted yet,
    you may vote now with your voting link.
live-mail-shortened-subject = Voting closes earlier: { $election }
live-mail-shortened-body = Voting in “{ $election }” now closes earlier, { $closes }.
live-mail-swapped-subject = Please vote again: { $election }
live-mail-swapped-body =
    In “{ $question }” of “{ $election }”, { $old } has been replaced on the ballot by
    { $new }. Your ballot was cast before this change, so it has been struck and will not be
    counted.

    Please vote again with your voting link while voting is open.

live-page-title = Changes while voting runs
live-page-link = Changes while voting runs (preview first)
live-page-help = Each change is previewed first: it shows who is affected and how many. Nothing changes until you confirm. Everyone affected is e-mailed.
live-change-move-end = Move the end
live-change-pause = Pause voting
live-change-resume = Resume voting
live-change-swap = Swap a candidate
live-change-withdraw = Withdraw a candidate
live-change-add-voters = Add voters who were missed
live-change-fix-text = Correct a text
live-change-strike-window = Strike the ballots cast in an incident window
live-field-closes = New end (in the election's time zone, or UTC with Z)
live-field-question = Question
live-field-candidate = Candidate
live-field-name = New candidate's name
live-field-csv = Voter list (CSV)
live-field-title = New election title
live-field-from = From (UTC, e.g. 2026-11-26T10:00:00Z)
live-field-to = Until, not included (UTC)
live-field-reason = Reason
live-preview-button = Preview
live-preview-title = Preview: { $change }
live-preview-state = State now: { $state }; after the change: { $after }
live-preview-struck = Ballots that will be struck: { $count }
live-preview-told = Voters who will be e-mailed: { $count }
live-preview-no-address = Voters to tell who have no e-mail address: { $count }
live-preview-added = Voters who will be added: { $count }
live-preview-already = Already on the list: { $count }
live-confirm-button = Confirm this change
live-done = The change was made. Ballots struck: { $struck }; notices queued: { $queued }.
live-change-withdraw-after-count = Withdraw after the count (recount, keeping the original)
live-preview-recount-naming = Ballots that ranked { $candidate }: { $count }
live-preview-elected-count = Elected in the count:
live-preview-elected-recount = Elected in the recount without them:
live-results-recount-title = Recount without { $withdrawn } (withdrawn after the count)
live-results-recount-note = The result above is the original count. This recount counts the same ballots with the same method, leaving out the candidates withdrawn after the count.
