# Textes communs : mise en page, navigation, choix de la langue, pied de page.

language-name = Français
site-name = Urna
site-tagline = Vote secret, décompte exact
skip-to-content = Aller au contenu principal
nav-label = Menu principal
nav-home = Accueil
nav-vote = Voter
language-switcher-label = Langue
footer-about = Urna est un logiciel libre pour des élections auxquelles une communauté peut se fier.
footer-privacy = Votre vote est scellé dès son arrivée. Personne ne peut le lire seul, pas même les personnes qui gèrent ce serveur.
