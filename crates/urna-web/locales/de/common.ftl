# Gemeinsame Texte: Seitenrahmen, Navigation, Sprachwahl, Fußzeile.

language-name = Deutsch
site-name = Urna
site-tagline = Geheime Wahl, exakte Auszählung
skip-to-content = Zum Hauptinhalt springen
nav-label = Hauptmenü
nav-home = Startseite
nav-vote = Abstimmen
language-switcher-label = Sprache
footer-about = Urna ist freie Software für Wahlen, denen eine Gemeinschaft vertrauen kann.
footer-privacy = Ihre Stimme wird versiegelt, sobald sie eintrifft. Niemand kann sie allein lesen, auch nicht die Betreiber dieses Servers.
