# Pannes : la base de données est injoignable.
error-unavailable-title = Veuillez réessayer dans quelques minutes
error-unavailable-detail = La base de données de l’élection est injoignable pour le moment ; rien de ce que vous avez envoyé n’a été confirmé. Sans reçu, ne comptez pas sur votre bulletin : revenez dans quelques minutes et votez de nouveau (si le bulletin est bien arrivé dans l’urne, l’élection vous le dira).
