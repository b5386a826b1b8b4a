error-status = Errore { $status }
error-back-home = Torna alla pagina iniziale
error-not-found-title = Pagina non trovata
error-not-found-detail = A questo indirizzo non c'è nulla. Controlla il link o ricomincia dalla pagina iniziale.
error-method-not-allowed-title = Non consentito qui
error-method-not-allowed-detail = Questa pagina non può essere usata in questo modo.
error-bad-request-title = Impossibile leggere la richiesta
error-bad-request-detail = Qualcosa in ciò che è stato inviato manca o non è valido. Torna indietro, controlla il modulo e riprova.
error-csrf-title = Impossibile accettare questo modulo
error-csrf-detail = Il modulo è scaduto o è stato inviato da un altro sito. Torna indietro, ricarica la pagina e riprova.
error-rate-limited-title = Troppi tentativi
error-rate-limited-detail = { $seconds ->
    [one] Attendi un secondo, poi riprova.
   *[other] Attendi { $seconds } secondi, poi riprova.
}
error-payload-too-large-title = Troppi dati
error-payload-too-large-detail = Ciò che è stato inviato supera quanto accetta questo server.
error-timeout-title = Ci è voluto troppo tempo
error-timeout-detail = Il server non ha potuto rispondere in tempo. Riprova tra un momento.
error-internal-title = Qualcosa è andato storto
error-internal-detail = Il server non ha potuto completare la richiesta. Non è stato modificato nulla; riprova tra un momento.
