# Pages voters see: home page and sign-in with a voting link.

home-title = Elections a community can trust
home-intro = Urna runs online elections with secret ballots. Voters sign in with a personal voting link, and every ballot is sealed the moment it arrives.
home-secret-title = Your vote stays secret
home-secret-text = Ballots are encrypted to a key shared among several trustees. No single person, not even whoever runs this server, can read a ballot.
home-count-title = Every vote is counted exactly
home-count-text = After the election closes, the sealed ballots are shuffled, the trustees decrypt them together, and the results are counted with the method the election announced.
home-elections-title = Elections
home-no-elections = There are no public elections on this server yet.
home-have-link = Have you received a voting link?
home-sign-in = Sign in to vote

vote-title = Sign in to vote
vote-intro = Open the personal voting link you received, or paste it here.
vote-token-label = Voting link or code
vote-token-help = Your link is personal. Do not forward it: anyone who has it can vote in your place.
vote-submit = Continue
vote-instructions-title = How voting works
vote-instructions-sign-in = After you sign in, you see the ballot for each question of the election.
vote-instructions-review = Before your vote is recorded, you can review your choices on a confirmation page.
vote-instructions-receipt = You then receive a receipt code. Keep it: it shows that your ballot was recorded, without revealing how you voted.
vote-instructions-revote = While the election is open you may vote again; only your last ballot counts, unless the election does not allow changes.
vote-error-empty = Enter your voting link or code.
vote-error-malformed = This is not a voting link. Copy the whole link from your email and try again.
vote-error-unknown = This voting link is unknown or has expired. Check that you copied all of it, or ask the election's organisers for a new one.
