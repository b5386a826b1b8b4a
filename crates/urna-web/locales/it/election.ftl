election-state-label = Stato
election-state-draft = In preparazione
election-state-ready = Programmata
election-state-open = Aperta al voto
election-state-closed = Il voto è chiuso; conteggio a breve
election-state-counted = Conteggiata; risultati non ancora pubblicati
election-state-published = Risultati pubblicati
election-state-archived = Archiviata
election-window-title = Periodo di voto
election-window-opens = Apertura
election-window-closes = Chiusura
election-window-zones = Gli orari sono indicati nel fuso orario dell'elezione ({ $election }), poi nel tuo ({ $viewer }).
election-vote-title = Vota
election-vote-go = Vai alla tua scheda
election-vote-how = Per votare, apri il link di voto personale che hai ricevuto.
election-results-link = Vedi i risultati
election-results-later = I risultati sono pubblicati dopo il conteggio. Nessuno vede risultati parziali prima.
election-questions-title = Quesiti
election-question-position = Quesito { $number } di { $total }:
election-kind-choose-one = scegli un'opzione.
election-kind-approval = approva le opzioni che sostieni.
election-kind-support-oppose = sostieni, resta neutrale o opponiti a ciascuna opzione.
election-kind-score = dai un punteggio a ciascuna opzione.
election-kind-ranked = ordina i candidati per preferenza.
election-method = Metodo di conteggio: { $method }; { $seats ->
    [one] un seggio.
   *[other] { $seats } seggi.
}
election-turnout = { $eligible ->
    [one] { $voted } elettore su 1 ha votato.
   *[other] { $voted } elettori su { $eligible } hanno votato.
}

voter-notice-back = Torna alla pagina dell'elezione
voter-notice-sign-in-title = Accedi per votare
voter-notice-sign-in = Questa scheda richiede il tuo link di voto personale per questa elezione. Apri il link che hai ricevuto.
voter-notice-wrong-election = Hai effettuato l'accesso per un'altra elezione. Apri il link di voto ricevuto per questa.
voter-notice-revoked = Questo link di voto è stato ritirato. Chiedine uno nuovo agli organizzatori dell'elezione.
voter-notice-not-open-title = Il voto non è aperto
voter-notice-not-yet = Il voto non è ancora iniziato. Si apre { $opens }.
voter-notice-closed = Il voto è chiuso. Le schede non possono più essere espresse né modificate.
voter-notice-already-voted-title = Hai già votato
voter-notice-no-changes = Hai già votato, e questa elezione non permette di modificare una scheda già espressa.
voter-notice-revote = Hai già votato. Se esprimi una nuova scheda, sostituisce la precedente: conta solo l'ultima.
voter-notice-replaced = Questa scheda ha sostituito la precedente. Sarà contata solo questa.
voter-notice-struck = La tua scheda precedente è stata annullata dagli amministratori dell'elezione (motivo: { $reason }). Puoi votare di nuovo.
voter-notice-invalid = La tua scheda non è stata accettata: { $problem }
