# Les pages du bulletin : bulletin, erreurs, confirmation et reçu.

ballot-title = Votre bulletin
ballot-intro = Répondez à chaque question, ou choisissez de vous abstenir. Rien n’est encore déposé : vous reverrez vos choix avant de déposer votre bulletin.
ballot-question-position = Question { $number } sur { $total }
ballot-list-separator = {", "}
ballot-abstain = S’abstenir sur cette question
ballot-withdrawn = Retiré, ne se présente plus : { $names }
ballot-review-help = Ensuite, vous reverrez vos choix pour les vérifier avant de déposer votre bulletin.
ballot-review = Relire mon bulletin

ballot-instructions-choose-one = Choisissez une option.
ballot-instructions-approval-exactly = { $count ->
    [one] Approuvez exactement { $count } option.
   *[other] Approuvez exactement { $count } options.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Approuvez au plus { $max } option. Vous pouvez n’en approuver aucune.
   *[other] Approuvez les options de votre choix, au plus { $max }. Vous pouvez n’en approuver aucune.
}
ballot-instructions-approval-range = Approuvez au moins { $min } et au plus { $max } options.
ballot-instructions-score = Donnez à chaque option une note de { $min } (la pire) à { $max } (la meilleure), ou laissez-la sans note.
ballot-instructions-son = Pour chaque option, choisissez Pour, Neutre ou Contre, ou laissez-la sans avis.
ballot-instructions-ranked = Classez les candidats par ordre de préférence : 1 pour votre premier choix, 2 pour le deuxième, et ainsi de suite. Les candidats laissés vides ne sont pas classés.
ballot-instructions-ranked-distinct = Donnez un numéro différent à chaque candidat classé.
ballot-instructions-ranked-equal = Vous pouvez donner le même numéro à plusieurs candidats pour les classer à égalité.
ballot-instructions-ranked-max = { $max ->
    [one] Vous pouvez classer au plus { $max } candidat.
   *[other] Vous pouvez classer au plus { $max } candidats.
}
ballot-instructions-ranked-js = Utilisez « Ajouter » pour placer des candidats dans votre classement, puis « Monter » et « Descendre » pour l’ordonner. Votre premier choix est en haut. Les flèches haut et bas permettent de passer d’un bouton à l’autre.
ballot-rank-range = Inscrivez un nombre de 1 à { $max } à côté de chaque candidat que vous classez.
ballot-score-blank = Sans note
ballot-son-support = Pour
ballot-son-neutral = Neutre
ballot-son-oppose = Contre
ballot-son-blank = Sans avis

ballot-js-your-ranking = Votre classement
ballot-js-empty = Vous n’avez encore classé personne.
ballot-js-candidates = Candidats pas encore classés
ballot-js-filter = Chercher un candidat
ballot-js-filter-count = { $count } candidats affichés
ballot-js-add = Ajouter
ballot-js-add-label = Ajouter { $name } à votre classement
ballot-js-remove = Retirer
ballot-js-remove-label = Retirer { $name } de votre classement
ballot-js-up = Monter
ballot-js-up-label = Monter { $name }
ballot-js-down = Descendre
ballot-js-down-label = Descendre { $name }
ballot-js-added = { $name } ajouté au rang { $rank }
ballot-js-moved = { $name } déplacé au rang { $rank }
ballot-js-removed = { $name } retiré de votre classement
ballot-js-at-top = { $name } est déjà votre premier choix
ballot-js-at-bottom = { $name } est déjà le dernier de votre classement
ballot-js-limit = Vous pouvez classer au plus { $max } candidats

ballot-error-summary-title = Votre bulletin demande votre attention
ballot-error-summary-intro = Rien n’a été déposé. Corrigez les points suivants, puis relisez votre bulletin :
ballot-error-in-question = Question { $number } : { $message }
ballot-error-no-choice = Choisissez une option, ou choisissez de vous abstenir sur cette question.
ballot-error-abstain-and-answer = Vous avez choisi de vous abstenir mais aussi coché des choix. Effacez vos choix, ou décochez « S’abstenir sur cette question ».
ballot-error-several-choices = Choisissez une seule option.
ballot-error-unknown-option = Le bulletin mentionnait une option qui n’y figure pas (« { $value } »). Rechargez la page et remplissez-la de nouveau.
ballot-error-withdrawn = { $name } s’est retiré et ne peut plus être choisi.
ballot-error-repeated = { $name } apparaît deux fois dans l’envoi. Rechargez la page et remplissez-la de nouveau.
ballot-error-rank-not-number = Le rang de { $name } doit être un nombre entier, pas « { $value } ».
ballot-error-score-not-number = La note de { $name } doit être un nombre entier, pas « { $value } ».
ballot-error-rank-out-of-range = Le rang de { $name } doit être compris entre 1 et { $max }, pas { $value }.
ballot-error-score-out-of-range = La note de { $name } doit être comprise entre { $min } et { $max }, pas { $value }.
ballot-error-equal-ranks = { $names } ont tous le rang { $rank }. Donnez un numéro différent à chaque candidat.
ballot-error-too-few = { $min ->
    [one] Approuvez au moins { $min } option, ou choisissez de vous abstenir.
   *[other] Approuvez au moins { $min } options, ou choisissez de vous abstenir.
}
ballot-error-too-many = { $max ->
    [one] Approuvez au plus { $max } option.
   *[other] Approuvez au plus { $max } options.
}
ballot-error-too-many-ranked = { $max ->
    [one] Classez au plus { $max } candidat.
   *[other] Classez au plus { $max } candidats.
}
ballot-error-other = Cette réponse ne peut pas être acceptée : { $detail }
ballot-error-unknown-field = Le formulaire contenait un élément qui n’appartient pas à ce bulletin. Rechargez la page et remplissez-la de nouveau.

ballot-confirm-title = Vérifiez votre bulletin
ballot-confirm-intro = Votre bulletin n’est pas encore déposé. Vérifiez vos choix, puis déposez votre bulletin ou modifiez-le.
ballot-confirm-question = Question { $number } :
ballot-confirm-abstain = Vous vous abstenez sur cette question.
ballot-confirm-choice = Votre choix :
ballot-confirm-approved-none = Vous n’approuvez aucune des options.
ballot-confirm-approved = { $count ->
    [one] Vous approuvez cette option :
   *[other] Vous approuvez ces { $count } options :
}
ballot-confirm-scores-none = Vous n’avez noté aucune option.
ballot-confirm-scores = { $blank ->
    [0] Vos notes :
    [one] Vos notes ({ $blank } option laissée sans note) :
   *[other] Vos notes ({ $blank } options laissées sans note) :
}
ballot-confirm-ranking = { $unranked ->
    [0] Votre classement, premier choix en tête :
    [one] Votre classement, premier choix en tête ({ $unranked } candidat non classé) :
   *[other] Votre classement, premier choix en tête ({ $unranked } candidats non classés) :
}
ballot-confirm-equal = classés à égalité
ballot-confirm-secret = Dès que vous déposez votre bulletin, il est scellé : personne ne peut le lire seul, pas même les personnes qui gèrent ce serveur.
ballot-confirm-cast = Déposer ce bulletin
ballot-confirm-change = Modifier mon bulletin

ballot-receipt-title = Votre bulletin a été déposé
ballot-receipt-code-label = Votre code de reçu
ballot-receipt-keep = Notez-le ou enregistrez-le.
ballot-receipt-proves-title = Ce que ce code montre
ballot-receipt-proves = Le code est calculé à partir de votre bulletin scellé. Il vous permet de vérifier que votre bulletin a été enregistré et figure parmi les bulletins comptés.
ballot-receipt-not-title = Ce qu’il ne montre pas
ballot-receipt-not = Le code ne révèle pas votre vote et ne peut prouver à personne comment vous avez voté : personne ne peut s’en servir pour acheter ou contrôler votre vote.
ballot-receipt-revote = Tant que l’élection est ouverte, vous pouvez voter de nouveau. Seul votre dernier bulletin compte, et il reçoit un nouveau code.
ballot-receipt-no-revote = Cette élection ne permet pas de modifier un bulletin déposé.
ballot-preview-note = Ceci est un aperçu : rien n’a été enregistré, et le code ci-dessous est un exemple.
