# La page publique d’une élection et les avis des pages de vote.

election-state-label = État
election-state-draft = En préparation
election-state-ready = Programmée
election-state-open = Vote ouvert
election-state-closed = Le vote est clos ; décompte prochainement
election-state-counted = Décomptée ; résultats pas encore publiés
election-state-published = Résultats publiés
election-state-archived = Archivée
election-window-title = Période de vote
election-window-opens = Ouverture
election-window-closes = Clôture
election-window-zones = Les heures sont données dans le fuseau horaire de l’élection ({ $election }), puis dans le vôtre ({ $viewer }).
election-vote-title = Voter
election-vote-go = Aller à votre bulletin
election-vote-how = Pour voter, ouvrez le lien de vote personnel que vous avez reçu.
election-results-link = Voir les résultats
election-results-later = Les résultats sont publiés après le décompte. Personne ne voit de résultats partiels avant.
election-questions-title = Questions
election-question-position = Question { $number } sur { $total } :
election-kind-choose-one = choisissez une option.
election-kind-approval = approuvez les options que vous soutenez.
election-kind-support-oppose = soutenez chaque option, restez neutre ou opposez-vous.
election-kind-score = donnez une note à chaque option.
election-kind-ranked = classez les candidats par ordre de préférence.
election-method = Méthode de décompte : { $method } ; { $seats ->
    [one] { $seats } siège.
   *[other] { $seats } sièges.
}
election-turnout = { $eligible ->
    [one] { $voted } électeur sur { $eligible } a voté.
   *[other] { $voted } électeurs sur { $eligible } ont voté.
}

voter-notice-back = Retour à la page de l’élection
voter-notice-sign-in-title = Se connecter pour voter
voter-notice-sign-in = Ce bulletin nécessite votre lien de vote personnel pour cette élection. Ouvrez le lien que vous avez reçu.
voter-notice-wrong-election = Vous êtes connecté pour une autre élection. Ouvrez le lien de vote reçu pour celle-ci.
voter-notice-revoked = Ce lien de vote a été retiré. Demandez-en un nouveau aux organisateurs de l’élection.
voter-notice-not-open-title = Le vote n’est pas ouvert
voter-notice-not-yet = Le vote n’a pas encore commencé. Il ouvre { $opens }.
voter-notice-closed = Le vote est clos. Les bulletins ne peuvent plus être déposés ni modifiés.
voter-notice-already-voted-title = Vous avez déjà voté
voter-notice-no-changes = Vous avez déjà voté, et cette élection ne permet pas de modifier un bulletin déposé.
voter-notice-revote = Vous avez déjà voté. Si vous déposez un nouveau bulletin, il remplace le précédent : seul votre dernier bulletin compte.
voter-notice-replaced = Ce bulletin a remplacé le précédent. Seul ce bulletin sera compté.
voter-notice-struck = Votre bulletin précédent a été annulé par les administrateurs de l’élection (motif : { $reason }). Vous pouvez voter de nouveau.
voter-notice-invalid = Votre bulletin n’a pas été accepté : { $problem }
