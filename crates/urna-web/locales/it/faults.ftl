error-unavailable-title = Riprova tra qualche minuto
error-unavailable-detail = Il database dell'elezione non è raggiungibile in questo momento, quindi nulla di ciò che hai inviato è stato confermato. Senza ricevuta non fare affidamento sulla tua scheda: torna tra qualche minuto e votala di nuovo (se è già arrivata nell'urna, l'elezione te lo dirà).
