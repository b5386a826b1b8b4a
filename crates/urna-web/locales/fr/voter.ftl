# Pages des électeurs : accueil et connexion par lien de vote.

home-title = Des élections auxquelles une communauté peut se fier
home-intro = Urna organise des élections en ligne à bulletin secret. Les électeurs se connectent avec un lien de vote personnel, et chaque bulletin est scellé dès son arrivée.
home-secret-title = Votre vote reste secret
home-secret-text = Les bulletins sont chiffrés avec une clé partagée entre plusieurs dépositaires. Personne à soi seul, pas même la personne qui gère ce serveur, ne peut lire un bulletin.
home-count-title = Chaque vote est compté exactement
home-count-text = Après la clôture, les bulletins scellés sont mélangés, les dépositaires les déchiffrent ensemble, et les résultats sont calculés selon la méthode annoncée par l’élection.
home-elections-title = Élections
home-no-elections = Il n’y a pas encore d’élection publique sur ce serveur.
home-have-link = Avez-vous reçu un lien de vote ?
home-sign-in = Se connecter pour voter

vote-title = Se connecter pour voter
vote-intro = Ouvrez le lien de vote personnel que vous avez reçu, ou collez-le ici.
vote-token-label = Lien ou code de vote
vote-token-help = Votre lien est personnel. Ne le transférez pas : quiconque le possède peut voter à votre place.
vote-submit = Continuer
vote-instructions-title = Comment se déroule le vote
vote-instructions-sign-in = Une fois connecté, vous voyez le bulletin de chaque question de l’élection.
vote-instructions-review = Avant que votre vote soit enregistré, vous pouvez relire vos choix sur une page de confirmation.
vote-instructions-receipt = Vous recevez ensuite un code de reçu. Conservez-le : il montre que votre bulletin a été enregistré, sans révéler votre vote.
vote-instructions-revote = Tant que l’élection est ouverte, vous pouvez voter de nouveau ; seul votre dernier bulletin compte, sauf si l’élection n’autorise pas les modifications.
vote-error-empty = Saisissez votre lien ou code de vote.
vote-error-malformed = Ceci n’est pas un lien de vote. Copiez le lien complet depuis votre courriel et réessayez.
vote-error-unknown = Ce lien de vote est inconnu ou a expiré. Vérifiez que vous l’avez copié en entier, ou demandez-en un nouveau aux organisateurs de l’élection.
