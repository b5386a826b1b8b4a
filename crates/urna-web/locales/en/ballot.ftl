# The voter's ballot pages: the ballot, its errors, the confirmation and the receipt.

ballot-title = Your ballot
ballot-intro = Answer each question, or choose to abstain from it. Nothing is cast yet: you will see your choices again before you cast your ballot.
ballot-question-position = Question { $number } of { $total }
# Joins names in a list: "Ann, Bob".
ballot-list-separator = {", "}
ballot-abstain = Abstain from this question
ballot-withdrawn = Withdrawn, no longer standing: { $names }
ballot-review-help = Next, you will see your choices again to check them before casting your ballot.
ballot-review = Review my ballot

## Instructions per ballot type

ballot-instructions-choose-one = Choose one option.
ballot-instructions-approval-exactly = { $count ->
    [one] Approve exactly one option.
   *[other] Approve exactly { $count } options.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Approve at most one option. You may approve none.
   *[other] Approve any options you like, at most { $max }. You may approve none.
}
ballot-instructions-approval-range = Approve at least { $min } and at most { $max } options.
ballot-instructions-score = Give each option a score from { $min } (worst) to { $max } (best), or leave it without a score.
ballot-instructions-son = For each option, choose Support, Neutral or Oppose, or leave it with no opinion.
ballot-instructions-ranked = Rank the candidates in order of preference: 1 for your first choice, 2 for your second, and so on. Candidates you leave blank are not ranked.
ballot-instructions-ranked-distinct = Give each ranked candidate a different number.
ballot-instructions-ranked-equal = You may give several candidates the same number to rank them equally.
ballot-instructions-ranked-max = { $max ->
    [one] You may rank only one candidate.
   *[other] You may rank at most { $max } candidates.
}
ballot-instructions-ranked-js = Use “Add” to put candidates in your ranking, then “Move up” and “Move down” to order it. Your first choice is at the top. Up and down arrow keys move between buttons.
ballot-rank-range = Type a number from 1 to { $max } next to each candidate you rank.
ballot-score-blank = No score
ballot-son-support = Support
ballot-son-neutral = Neutral
ballot-son-oppose = Oppose
ballot-son-blank = No opinion

## The ranking list built by the script

ballot-js-your-ranking = Your ranking
ballot-js-empty = You have not ranked anyone yet.
ballot-js-candidates = Candidates not yet ranked
ballot-js-filter = Find a candidate
ballot-js-filter-count = { $count } candidates shown
ballot-js-add = Add
ballot-js-add-label = Add { $name } to your ranking
ballot-js-remove = Remove
ballot-js-remove-label = Remove { $name } from your ranking
ballot-js-up = Move up
ballot-js-up-label = Move { $name } up
ballot-js-down = Move down
ballot-js-down-label = Move { $name } down
ballot-js-added = { $name } added at rank { $rank }
ballot-js-moved = { $name } moved to rank { $rank }
ballot-js-removed = { $name } removed from your ranking
ballot-js-at-top = { $name } is already your first choice
ballot-js-at-bottom = { $name } is already last in your ranking
ballot-js-limit = You may rank at most { $max } candidates

## Errors

ballot-error-summary-title = Your ballot needs attention
ballot-error-summary-intro = Nothing has been cast. Correct the following, then review your ballot again:
ballot-error-in-question = Question { $number }: { $message }
ballot-error-no-choice = Choose one option, or choose to abstain from this question.
ballot-error-abstain-and-answer = You chose to abstain but also marked choices. Clear your choices, or untick “Abstain from this question”.
ballot-error-several-choices = Choose only one option.
ballot-error-unknown-option = The ballot named an option that is not on it (“{ $value }”). Reload the page and fill it in again.
ballot-error-withdrawn = { $name } has withdrawn and can no longer be chosen.
ballot-error-repeated = { $name } appears twice in what was sent. Reload the page and fill it in again.
ballot-error-rank-not-number = The rank for { $name } must be a whole number, not “{ $value }”.
ballot-error-score-not-number = The score for { $name } must be a whole number, not “{ $value }”.
ballot-error-rank-out-of-range = The rank for { $name } must be from 1 to { $max }, not { $value }.
ballot-error-score-out-of-range = The score for { $name } must be from { $min } to { $max }, not { $value }.
ballot-error-equal-ranks = { $names } all have rank { $rank }. Give each candidate a different number.
ballot-error-too-few = { $min ->
    [one] Approve at least one option, or choose to abstain.
   *[other] Approve at least { $min } options, or choose to abstain.
}
ballot-error-too-many = { $max ->
    [one] Approve at most one option.
   *[other] Approve at most { $max } options.
}
ballot-error-too-many-ranked = { $max ->
    [one] Rank only one candidate.
   *[other] Rank at most { $max } candidates.
}
ballot-error-other = This answer cannot be accepted: { $detail }
ballot-error-unknown-field = The form contained something that does not belong to this ballot. Reload the page and fill it in again.

## Confirmation

ballot-confirm-title = Check your ballot
ballot-confirm-intro = Your ballot has not been cast yet. Check your choices, then cast your ballot or change it.
ballot-confirm-question = Question { $number }:
ballot-confirm-abstain = You abstain from this question.
ballot-confirm-choice = You chose:
ballot-confirm-approved-none = You approve none of the options.
ballot-confirm-approved = { $count ->
    [one] You approve this option:
   *[other] You approve these { $count } options:
}
ballot-confirm-scores-none = You gave no option a score.
ballot-confirm-scores = { $blank ->
    [0] Your scores:
    [one] Your scores (one option left without a score):
   *[other] Your scores ({ $blank } options left without a score):
}
ballot-confirm-ranking = { $unranked ->
    [0] Your ranking, first choice first:
    [one] Your ranking, first choice first (one candidate not ranked):
   *[other] Your ranking, first choice first ({ $unranked } candidates not ranked):
}
ballot-confirm-equal = ranked equally
ballot-confirm-secret = When you cast your ballot, it is sealed at once: nobody can read it on its own, not even the people who run this server.
ballot-confirm-cast = Cast this ballot
ballot-confirm-change = Change my ballot

## Receipt

ballot-receipt-title = Your ballot has been cast
ballot-receipt-code-label = Your receipt code
ballot-receipt-keep = Write it down or save it.
ballot-receipt-proves-title = What this code shows
ballot-receipt-proves = The code is computed from your sealed ballot. It lets you check that your ballot was recorded and is among the ballots counted.
ballot-receipt-not-title = What it does not show
ballot-receipt-not = The code does not reveal how you voted, and it cannot prove to anyone how you voted: nobody can use it to buy or check your vote.
ballot-receipt-revote = While the election is open you may vote again. Only your last ballot counts, and it gets a new code.
ballot-receipt-no-revote = This election does not allow changing a ballot once it is cast.
ballot-preview-note = This is a preview: nothing was recorded, and the code below is an example.
