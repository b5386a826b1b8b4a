# Verifiable elections: the ballot encrypted in the voter's browser, the Benaloh audit, the
# refusals of an encrypted ballot, and the receipt's tracker (docs/record-format.md §4).

verifiable-review-title = Check your choices
verifiable-encrypting = Encrypting your ballot in this browser…
verifiable-encrypted = Your ballot is encrypted in this browser. Your choices have not left it. Cast it, or audit it first to check that it contains your choices.
verifiable-tracker-label = Tracker of this encrypted ballot
verifiable-cast = Cast this ballot
verifiable-audit = Audit this ballot (it will not be cast)
verifiable-change = Change my choices
verifiable-audit-title = Audited ballot
verifiable-audit-ok = Checked in this page: this encrypted ballot contains exactly the choices shown above. It has been discarded and will never be cast; you can keep the file and check it with any verifier.
verifiable-audit-failed = This audited ballot did not check out: { $problem }. Do not cast a ballot from this page; tell the election's organisers.
verifiable-audit-download = Download the audited ballot (JSON)
verifiable-encrypt-again = Encrypt my choices again
verifiable-invalid = Your ballot cannot be encrypted as filled in: { $problem }
verifiable-abstain = Abstain
verifiable-unavailable = This browser could not load the encryption script. Your ballot will be encrypted by the server instead when you continue.

verifiable-refused-title = Ballot not accepted
verifiable-refused-malformed = The encrypted ballot could not be read ({ $problem }). Nothing was stored. Please go back to the ballot and try again.
verifiable-refused-wrong-election = This encrypted ballot was made for another election (or for this one before it changed). Nothing was stored. Please go back to the ballot and vote again.
verifiable-refused-proof = The encrypted ballot's proofs do not check out ({ $problem }). Nothing was stored. Please go back to the ballot and vote again.
verifiable-refused-copied = This ballot was already cast by someone else: its credential key has been used in this election. Nothing was stored. Please go back to the ballot and vote again.

verifiable-receipt-tracker = Your ballot's tracker
verifiable-receipt-board = Find your ballot on the public board
verifiable-receipt-inclusion = Your encrypted ballot appears on the public board without your name. Proof that it is included becomes available once the next signed tree head is published.
verifiable-sealed-by-voter = Your ballot was encrypted in your browser.
verifiable-sealed-by-server = Your ballot was encrypted by the server, because this browser did not run the encryption script.
