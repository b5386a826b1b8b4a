ballot-title = La tua scheda
ballot-intro = Rispondi a ogni quesito, oppure scegli di astenerti. Non viene ancora espresso nulla: rivedrai le tue scelte prima di esprimere la scheda.
ballot-question-position = Quesito { $number } di { $total }
ballot-list-separator = {", "}
ballot-abstain = Astieniti da questo quesito
ballot-withdrawn = Ritirato, non più candidato: { $names }
ballot-review-help = Poi rivedrai le tue scelte per controllarle prima di esprimere la scheda.
ballot-review = Rivedi la mia scheda

ballot-instructions-choose-one = Scegli un'opzione.
ballot-instructions-approval-exactly = { $count ->
    [one] Approva esattamente un'opzione.
   *[other] Approva esattamente { $count } opzioni.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Approva al massimo un'opzione. Puoi non approvarne nessuna.
   *[other] Approva le opzioni che vuoi, al massimo { $max }. Puoi non approvarne nessuna.
}
ballot-instructions-approval-range = Approva almeno { $min } e al massimo { $max } opzioni.
ballot-instructions-score = Dai a ogni opzione un punteggio da { $min } (peggiore) a { $max } (migliore), oppure lasciala senza punteggio.
ballot-instructions-son = Per ogni opzione scegli Favorevole, Neutrale o Contrario, oppure lasciala senza opinione.
ballot-instructions-ranked = Ordina i candidati per preferenza: 1 per la prima scelta, 2 per la seconda e così via. I candidati lasciati vuoti non sono classificati.
ballot-instructions-ranked-distinct = Dai un numero diverso a ogni candidato classificato.
ballot-instructions-ranked-equal = Puoi dare lo stesso numero a più candidati per classificarli alla pari.
ballot-instructions-ranked-max = { $max ->
    [one] Puoi classificare un solo candidato.
   *[other] Puoi classificare al massimo { $max } candidati.
}
ballot-instructions-ranked-js = Usa «Aggiungi» per inserire candidati nella tua classifica, poi «Sposta su» e «Sposta giù» per ordinarla. La prima scelta è in cima. Le frecce su e giù passano da un pulsante all'altro.
ballot-rank-range = Scrivi un numero da 1 a { $max } accanto a ogni candidato che classifichi.
ballot-score-blank = Nessun punteggio
ballot-son-support = Favorevole
ballot-son-neutral = Neutrale
ballot-son-oppose = Contrario
ballot-son-blank = Nessuna opinione

ballot-js-your-ranking = La tua classifica
ballot-js-empty = Non hai ancora classificato nessuno.
ballot-js-candidates = Candidati non ancora classificati
ballot-js-filter = Trova un candidato
ballot-js-filter-count = { $count } candidati mostrati
ballot-js-add = Aggiungi
ballot-js-add-label = Aggiungi { $name } alla tua classifica
ballot-js-remove = Rimuovi
ballot-js-remove-label = Rimuovi { $name } dalla tua classifica
ballot-js-up = Sposta su
ballot-js-up-label = Sposta su { $name }
ballot-js-down = Sposta giù
ballot-js-down-label = Sposta giù { $name }
ballot-js-added = { $name } aggiunto alla posizione { $rank }
ballot-js-moved = { $name } spostato alla posizione { $rank }
ballot-js-removed = { $name } rimosso dalla tua classifica
ballot-js-at-top = { $name } è già la tua prima scelta
ballot-js-at-bottom = { $name } è già l'ultimo della tua classifica
ballot-js-limit = Puoi classificare al massimo { $max } candidati

ballot-error-summary-title = La tua scheda richiede attenzione
ballot-error-summary-intro = Non è stato espresso nulla. Correggi quanto segue, poi rivedi di nuovo la scheda:
ballot-error-in-question = Quesito { $number }: { $message }
ballot-error-no-choice = Scegli un'opzione, oppure scegli di astenerti da questo quesito.
ballot-error-abstain-and-answer = Hai scelto di astenerti ma hai anche segnato delle scelte. Cancella le scelte o togli la spunta da «Astieniti da questo quesito».
ballot-error-several-choices = Scegli una sola opzione.
ballot-error-unknown-option = La scheda indicava un'opzione che non vi compare («{ $value }»). Ricarica la pagina e compilala di nuovo.
ballot-error-withdrawn = { $name } si è ritirato e non può più essere scelto.
ballot-error-repeated = { $name } compare due volte in ciò che è stato inviato. Ricarica la pagina e compilala di nuovo.
ballot-error-rank-not-number = La posizione di { $name } deve essere un numero intero, non «{ $value }».
ballot-error-score-not-number = Il punteggio di { $name } deve essere un numero intero, non «{ $value }».
ballot-error-rank-out-of-range = La posizione di { $name } deve essere da 1 a { $max }, non { $value }.
ballot-error-score-out-of-range = Il punteggio di { $name } deve essere da { $min } a { $max }, non { $value }.
ballot-error-equal-ranks = { $names } hanno tutti la posizione { $rank }. Dai un numero diverso a ogni candidato.
ballot-error-too-few = { $min ->
    [one] Approva almeno un'opzione, oppure scegli di astenerti.
   *[other] Approva almeno { $min } opzioni, oppure scegli di astenerti.
}
ballot-error-too-many = { $max ->
    [one] Approva al massimo un'opzione.
   *[other] Approva al massimo { $max } opzioni.
}
ballot-error-too-many-ranked = { $max ->
    [one] Classifica un solo candidato.
   *[other] Classifica al massimo { $max } candidati.
}
ballot-error-other = Questa risposta non può essere accettata: { $detail }
ballot-error-unknown-field = Il modulo conteneva qualcosa che non appartiene a questa scheda. Ricarica la pagina e compilala di nuovo.

ballot-confirm-title = Controlla la tua scheda
ballot-confirm-intro = La tua scheda non è ancora stata espressa. Controlla le tue scelte, poi esprimi la scheda o modificala.
ballot-confirm-question = Quesito { $number }:
ballot-confirm-abstain = Ti astieni da questo quesito.
ballot-confirm-choice = Hai scelto:
ballot-confirm-approved-none = Non approvi nessuna delle opzioni.
ballot-confirm-approved = { $count ->
    [one] Approvi questa opzione:
   *[other] Approvi queste { $count } opzioni:
}
ballot-confirm-scores-none = Non hai dato un punteggio a nessuna opzione.
ballot-confirm-scores = { $blank ->
    [0] I tuoi punteggi:
    [one] I tuoi punteggi (un'opzione senza punteggio):
   *[other] I tuoi punteggi ({ $blank } opzioni senza punteggio):
}
ballot-confirm-ranking = { $unranked ->
    [0] La tua classifica, dalla prima scelta:
    [one] La tua classifica, dalla prima scelta (un candidato non classificato):
   *[other] La tua classifica, dalla prima scelta ({ $unranked } candidati non classificati):
}
ballot-confirm-equal = alla pari
ballot-confirm-secret = Appena esprimi la scheda, viene sigillata: nessuno può leggerla da solo, nemmeno chi gestisce questo server.
ballot-confirm-cast = Esprimi questa scheda
ballot-confirm-change = Modifica la mia scheda

ballot-receipt-title = La tua scheda è stata espressa
ballot-receipt-code-label = Il tuo codice di ricevuta
ballot-receipt-keep = Annotalo o salvalo.
ballot-receipt-proves-title = Che cosa mostra questo codice
ballot-receipt-proves = Il codice è calcolato dalla tua scheda sigillata. Ti permette di verificare che la scheda è stata registrata ed è tra quelle contate.
ballot-receipt-not-title = Che cosa non mostra
ballot-receipt-not = Il codice non rivela come hai votato e non può dimostrarlo a nessuno: nessuno può usarlo per comprare o controllare il tuo voto.
ballot-receipt-revote = Finché l'elezione è aperta puoi votare di nuovo. Conta solo l'ultima scheda, che riceve un nuovo codice.
ballot-receipt-no-revote = Questa elezione non permette di modificare una scheda già espressa.
ballot-preview-note = Questa è un'anteprima: non è stato registrato nulla e il codice qui sotto è un esempio.
