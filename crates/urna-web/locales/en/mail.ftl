# E-mail to voters: the messages (plain text, in the voter's language, else the election's) and the
# administrators' mail page.

mail-link-subject = Your voting link: { $election }
mail-link-body =
    Hello { $voter },

    You may vote in “{ $election }”. Open this personal link to sign in and vote:
mail-link-closes = Voting closes { $closes }.
mail-link-keep-private =
    Keep this link to yourself: anyone who has it can vote in your name. If you did not
    expect this message, tell the election's administrators.
    Any link you were sent before this one no longer works.

mail-struck-subject = Your ballot was struck: { $election }
mail-struck-body =
    The election's administrators struck your ballot in “{ $election }”, so it will not be
    counted.

    Reason: { $reason }

    While voting is open you may vote again with your voting link.
mail-extended-subject = Voting extended: { $election }
mail-extended-body = Voting in “{ $election }” now closes { $closes }.
mail-withdrawn-subject = A candidate was withdrawn: { $election }
mail-withdrawn-body =
    { $candidate } has been withdrawn from “{ $question }” in “{ $election }”. The count will
    skip them and pass your preferences on as if they had not stood.

    Ballots are sealed, so the server cannot see whose ballot names { $candidate }: every
    voter who has voted is told. While voting is open you may vote again if you wish.

mail-page-title = E-mail to voters
mail-page-link = E-mail voting links and notices
mail-not-configured = This server has no outgoing mail configured (no [smtp] section), so nothing can be e-mailed. Voting links can still be downloaded as CSV when voters are uploaded or links reissued.
mail-error-not-configured = E-mail is not configured
mail-links-title = Voting links by e-mail
mail-links-help = Each e-mail carries a new voting link: the link sent before stops working. The server keeps no copy of the links, only whether each e-mail was sent.
mail-send-not-yet-sent = E-mail links to voters not yet sent one (or whose e-mail failed)
mail-send-all = E-mail new links to all voters
mail-resend = Send again
mail-voter = Voter
mail-address = E-mail address
mail-status = Status
mail-status-none = not sent
mail-status-queued = queued
mail-status-sent = sent
mail-status-failed = failed
mail-updated = Updated
mail-without-address = Voters without an e-mail address: { $count }
mail-notices-title = Notices to voters
mail-notices-counts = Queued: { $queued } · Sent: { $sent } · Failed: { $failed }
mail-notices-retry = Try the failed notices again
