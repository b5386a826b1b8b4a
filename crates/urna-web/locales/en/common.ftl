# Shared by every page: layout, navigation, language switcher, footer.

# The language's own name, shown in the language switcher.
language-name = English
site-name = Urna
site-tagline = Secret ballots, exact counts
skip-to-content = Skip to main content
nav-label = Main
nav-home = Home
nav-vote = Vote
language-switcher-label = Language
footer-about = Urna is free software for elections a community can trust.
footer-privacy = Your vote is sealed as soon as it arrives. Nobody can read it alone, not even the people who run this server.
