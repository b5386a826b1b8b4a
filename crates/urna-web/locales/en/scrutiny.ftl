# Scrutiny without exposing voters: clusters, checkuser, views of private data, purge.
scrutiny-title = Scrutiny
scrutiny-intro = Voters who voted from the same browser, the same browser and network, or the same network. No address or browser string is shown here; the links say only what was shared.
scrutiny-logged = Every view of this page is logged and visible to every scrutineer of the election.
scrutiny-views-link = Views of private data
scrutiny-no-clusters = No voters share a browser or a network.
scrutiny-cluster = Cluster
scrutiny-links = What links these voters
scrutiny-signal = Shared
scrutiny-strength = Strength
scrutiny-voters = Voters
scrutiny-voter = Voter
scrutiny-signal-cookie = the same browser (cookie)
scrutiny-signal-agent_on_network = the same browser type on the same network
scrutiny-signal-network = the same network
scrutiny-strength-strong = strong
scrutiny-strength-medium = medium
scrutiny-strength-weak = weak
scrutiny-strike-legend = Strike the ballots of the checked voters
scrutiny-not-counted = no counted ballot
scrutiny-reason = Reason
scrutiny-strike-button = Strike
scrutiny-checkuser-link = Raw values (checkuser)
scrutiny-purge-explain = Purging deletes this election's fingerprints, addresses, browser strings, vote times, superseded ballots, voter sessions and e-mail addresses now. It is done automatically some days after the close.
scrutiny-purge-button = Purge private data now
scrutiny-purged = The election's private data was purged.
scrutiny-back = Back to scrutiny
scrutiny-checkuser-title = Checkuser
scrutiny-checkuser-intro = The addresses and browser strings the voters sent. Give a reason: it is logged with the voters' names, and every scrutineer of the election can read it.
scrutiny-checkuser-voter = Another voter
scrutiny-checkuser-button = Show the raw values
scrutiny-checkuser-raw = Raw values of each ballot submission
scrutiny-address = Address
scrutiny-network = Network
scrutiny-user-agent = Browser string
scrutiny-checkuser-only = Only holders of the checkuser right may see raw addresses and browser strings.
scrutiny-views-title = Views of private data
scrutiny-views-intro = Who looked at the clusters or at raw values, when, and why.
scrutiny-view-what = Viewed
scrutiny-view-checkuser = raw values
scrutiny-view-clusters = clusters
scrutiny-no-voter = Choose at least one voter.
scrutiny-reason-required = Give a reason.
scrutiny-struck = { $count ->
    [one] One ballot was struck.
   *[other] { $count } ballots were struck.
}
scrutiny-strike-failed = { $count ->
    [one] One voter had no counted ballot to strike.
   *[other] { $count } voters had no counted ballot to strike.
}
