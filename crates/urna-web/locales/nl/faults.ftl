error-unavailable-title = Probeer het over een paar minuten opnieuw
error-unavailable-detail = De database van de verkiezing is nu niet bereikbaar, dus niets van wat u verstuurde is bevestigd. Reken zonder ontvangstbewijs niet op uw stembiljet: kom over een paar minuten terug en breng het opnieuw uit (als het de stembus toch bereikte, meldt de verkiezing u dat).
