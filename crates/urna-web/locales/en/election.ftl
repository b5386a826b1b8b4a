# The public election page and the notices of the voter's ballot routes.

election-state-label = Status
election-state-draft = Being prepared
election-state-ready = Scheduled
election-state-open = Open for voting
election-state-closed = Voting has closed; counting soon
election-state-counted = Counted; results not yet published
election-state-published = Results published
election-state-archived = Archived
election-window-title = Voting period
election-window-opens = Opens
election-window-closes = Closes
election-window-zones = Times are given in the election's time zone ({ $election }), then in yours ({ $viewer }).
election-vote-title = Vote
election-vote-go = Go to your ballot
election-vote-how = To vote, open the personal voting link you received.
election-results-link = See the results
election-results-later = Results are published after the count. Nobody sees partial results before then.
election-questions-title = Questions
election-question-position = Question { $number } of { $total }:
election-kind-choose-one = choose one option.
election-kind-approval = approve the options you support.
election-kind-support-oppose = support, stay neutral on or oppose each option.
election-kind-score = give each option a score.
election-kind-ranked = rank the candidates in order of preference.
election-method = Counting method: { $method }; { $seats ->
    [one] one seat.
   *[other] { $seats } seats.
}
election-turnout = { $eligible ->
    [one] { $voted } of 1 voter voted.
   *[other] { $voted } of { $eligible } voters voted.
}

voter-notice-back = Back to the election page
voter-notice-sign-in-title = Sign in to vote
voter-notice-sign-in = This ballot needs your personal voting link for this election. Open the link you received.
voter-notice-wrong-election = You are signed in for another election. Open the voting link you received for this one.
voter-notice-revoked = This voting link has been withdrawn. Ask the election's organisers for a new one.
voter-notice-not-open-title = Voting is not open
voter-notice-not-yet = Voting has not started yet. It opens { $opens }.
voter-notice-closed = Voting has closed. Ballots can no longer be cast or changed.
voter-notice-already-voted-title = You have already voted
voter-notice-no-changes = You have already voted, and this election does not allow changing a ballot once it is cast.
voter-notice-revote = You have already voted. If you cast a new ballot, it replaces your previous one: only your last ballot counts.
voter-notice-replaced = This ballot replaced your previous one. Only this ballot will be counted.
voter-notice-struck = Your previous ballot was struck by the election's administrators (reason: { $reason }). You may vote again.
voter-notice-invalid = Your ballot was not accepted: { $problem }
