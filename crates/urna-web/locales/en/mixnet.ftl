# Mixnet elections (docs/record-format.md A.6–A.7): ranked ballots shuffled by the trustees.
form-mixnet = Count through the mixnet (ranked questions only)
form-mixnet-help = Ballots are encrypted rankings; each trustee shuffles them in turn with a proof, then they are decrypted with proofs and counted. Anyone can check every step in the election record.
mixnet-progress-heading = Mixnet
mixnet-shuffles-done = Shuffles done:
mixnet-decryptions-done = Decryptions received:
mixnet-shuffle-heading = Shuffle the ballots
mixnet-shuffle-help = Download the election record, run `urna trustee mix --record record.jsonl --secret YOUR.secret.json --out shuffle.json`, then upload shuffle.json here.
mixnet-decrypt-heading = Decrypt the shuffled ballots
mixnet-decrypt-help = Once the shuffles are done, download the record again, run `urna trustee decrypt-mix --record record.jsonl --secret YOUR.secret.json --out decryption.json`, then upload decryption.json here.
mixnet-upload = Upload
mixnet-shuffle-accepted = Your shuffle was checked and added to the record.
mixnet-decryption-accepted = Your decryption was checked and added to the record.
mixnet-no-javascript = This election's ballots are encrypted on your device, which needs JavaScript. Please turn JavaScript on, or use another browser, to vote.
results-set-aside-heading = Ballots set aside
results-set-aside-intro = These shuffled ballots did not decrypt to a valid ranking and were not counted (position in the last shuffle, and why).
results-set-aside-row = Ballot { $position }: { $reason }
