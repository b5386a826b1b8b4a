# Pages d’erreur, titres et détails des documents de problème JSON.

error-status = Erreur { $status }
error-back-home = Retour à l’accueil
error-not-found-title = Page introuvable
error-not-found-detail = Il n’y a rien à cette adresse. Vérifiez le lien, ou repartez de la page d’accueil.
error-method-not-allowed-title = Non autorisé ici
error-method-not-allowed-detail = Cette page ne peut pas être utilisée de cette façon.
error-bad-request-title = La requête n’a pas pu être lue
error-bad-request-detail = Une partie de l’envoi manque ou est mal formée. Revenez en arrière, vérifiez le formulaire et réessayez.
error-csrf-title = Ce formulaire n’a pas pu être accepté
error-csrf-detail = Le formulaire a expiré ou a été envoyé depuis un autre site. Revenez en arrière, rechargez la page et réessayez.
error-rate-limited-title = Trop de tentatives
error-rate-limited-detail = { $seconds ->
    [one] Attendez { $seconds } seconde, puis réessayez.
   *[other] Attendez { $seconds } secondes, puis réessayez.
}
error-payload-too-large-title = Trop de données
error-payload-too-large-detail = L’envoi dépasse la taille acceptée par ce serveur.
error-timeout-title = Cela a pris trop de temps
error-timeout-detail = Le serveur n’a pas pu répondre à temps. Réessayez dans un instant.
error-internal-title = Une erreur s’est produite
error-internal-detail = Le serveur n’a pas pu traiter votre demande. Rien n’a été modifié ; réessayez dans un instant.
