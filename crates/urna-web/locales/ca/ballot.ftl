ballot-title = La vostra papereta
ballot-intro = Responeu cada pregunta, o trieu abstenir-vos. Encara no s'emet res: tornareu a veure les vostres opcions abans d'emetre la papereta.
ballot-question-position = Pregunta { $number } de { $total }
ballot-list-separator = {", "}
ballot-abstain = M'abstinc en aquesta pregunta
ballot-withdrawn = S'ha retirat, ja no s'hi presenta: { $names }
ballot-review-help = A continuació tornareu a veure les vostres opcions per revisar-les abans d'emetre la papereta.
ballot-review = Revisa la meva papereta

ballot-instructions-choose-one = Trieu una opció.
ballot-instructions-approval-exactly = { $count ->
    [one] Aproveu exactament una opció.
   *[other] Aproveu exactament { $count } opcions.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Aproveu com a màxim una opció. Podeu no aprovar-ne cap.
   *[other] Aproveu les opcions que vulgueu, com a màxim { $max }. Podeu no aprovar-ne cap.
}
ballot-instructions-approval-range = Aproveu com a mínim { $min } i com a màxim { $max } opcions.
ballot-instructions-score = Doneu a cada opció una puntuació de { $min } (la pitjor) a { $max } (la millor), o deixeu-la sense puntuació.
ballot-instructions-son = Per a cada opció, trieu A favor, Neutral o En contra, o deixeu-la sense opinió.
ballot-instructions-ranked = Ordeneu els candidats per preferència: 1 per a la primera opció, 2 per a la segona, i així successivament. Els candidats que deixeu en blanc no s'ordenen.
ballot-instructions-ranked-distinct = Doneu un número diferent a cada candidat ordenat.
ballot-instructions-ranked-equal = Podeu donar el mateix número a diversos candidats per ordenar-los igual.
ballot-instructions-ranked-max = { $max ->
    [one] Només podeu ordenar un candidat.
   *[other] Podeu ordenar com a màxim { $max } candidats.
}
ballot-instructions-ranked-js = Feu servir «Afegeix» per posar candidats a la vostra classificació, i després «Amunt» i «Avall» per ordenar-la. La primera opció és a dalt. Les fletxes amunt i avall passen d'un botó a l'altre.
ballot-rank-range = Escriviu un número de l'1 al { $max } al costat de cada candidat que ordeneu.
ballot-score-blank = Sense puntuació
ballot-son-support = A favor
ballot-son-neutral = Neutral
ballot-son-oppose = En contra
ballot-son-blank = Sense opinió

ballot-js-your-ranking = La vostra classificació
ballot-js-empty = Encara no heu ordenat ningú.
ballot-js-candidates = Candidats encara no ordenats
ballot-js-filter = Cerca un candidat
ballot-js-filter-count = { $count } candidats mostrats
ballot-js-add = Afegeix
ballot-js-add-label = Afegeix { $name } a la vostra classificació
ballot-js-remove = Treu
ballot-js-remove-label = Treu { $name } de la vostra classificació
ballot-js-up = Amunt
ballot-js-up-label = Mou { $name } amunt
ballot-js-down = Avall
ballot-js-down-label = Mou { $name } avall
ballot-js-added = { $name } afegit a la posició { $rank }
ballot-js-moved = { $name } mogut a la posició { $rank }
ballot-js-removed = { $name } tret de la vostra classificació
ballot-js-at-top = { $name } ja és la vostra primera opció
ballot-js-at-bottom = { $name } ja és l'últim de la vostra classificació
ballot-js-limit = Podeu ordenar com a màxim { $max } candidats

ballot-error-summary-title = La vostra papereta necessita atenció
ballot-error-summary-intro = No s'ha emès res. Corregiu el següent i torneu a revisar la papereta:
ballot-error-in-question = Pregunta { $number }: { $message }
ballot-error-no-choice = Trieu una opció, o trieu abstenir-vos en aquesta pregunta.
ballot-error-abstain-and-answer = Heu triat abstenir-vos però també heu marcat opcions. Esborreu les opcions o desmarqueu «M'abstinc en aquesta pregunta».
ballot-error-several-choices = Trieu només una opció.
ballot-error-unknown-option = La papereta esmentava una opció que no hi figura («{ $value }»). Recarregueu la pàgina i torneu-la a emplenar.
ballot-error-withdrawn = { $name } s'ha retirat i ja no es pot triar.
ballot-error-repeated = { $name } apareix dues vegades en el que s'ha enviat. Recarregueu la pàgina i torneu-la a emplenar.
ballot-error-rank-not-number = La posició de { $name } ha de ser un nombre enter, no «{ $value }».
ballot-error-score-not-number = La puntuació de { $name } ha de ser un nombre enter, no «{ $value }».
ballot-error-rank-out-of-range = La posició de { $name } ha de ser de l'1 al { $max }, no { $value }.
ballot-error-score-out-of-range = La puntuació de { $name } ha de ser de { $min } a { $max }, no { $value }.
ballot-error-equal-ranks = { $names } tenen tots la posició { $rank }. Doneu un número diferent a cada candidat.
ballot-error-too-few = { $min ->
    [one] Aproveu com a mínim una opció, o trieu abstenir-vos.
   *[other] Aproveu com a mínim { $min } opcions, o trieu abstenir-vos.
}
ballot-error-too-many = { $max ->
    [one] Aproveu com a màxim una opció.
   *[other] Aproveu com a màxim { $max } opcions.
}
ballot-error-too-many-ranked = { $max ->
    [one] Ordeneu només un candidat.
   *[other] Ordeneu com a màxim { $max } candidats.
}
ballot-error-other = Aquesta resposta no es pot acceptar: { $detail }
ballot-error-unknown-field = El formulari contenia alguna cosa que no pertany a aquesta papereta. Recarregueu la pàgina i torneu-la a emplenar.

ballot-confirm-title = Comproveu la vostra papereta
ballot-confirm-intro = La vostra papereta encara no s'ha emès. Comproveu les vostres opcions i després emeteu la papereta o canvieu-la.
ballot-confirm-question = Pregunta { $number }:
ballot-confirm-abstain = Us absteniu en aquesta pregunta.
ballot-confirm-choice = Heu triat:
ballot-confirm-approved-none = No aproveu cap de les opcions.
ballot-confirm-approved = { $count ->
    [one] Aproveu aquesta opció:
   *[other] Aproveu aquestes { $count } opcions:
}
ballot-confirm-scores-none = No heu puntuat cap opció.
ballot-confirm-scores = { $blank ->
    [0] Les vostres puntuacions:
    [one] Les vostres puntuacions (una opció sense puntuació):
   *[other] Les vostres puntuacions ({ $blank } opcions sense puntuació):
}
ballot-confirm-ranking = { $unranked ->
    [0] La vostra classificació, la primera opció primer:
    [one] La vostra classificació, la primera opció primer (un candidat sense ordenar):
   *[other] La vostra classificació, la primera opció primer ({ $unranked } candidats sense ordenar):
}
ballot-confirm-equal = empatats
ballot-confirm-secret = Quan emeteu la papereta, queda segellada a l'instant: ningú no la pot llegir tot sol, ni tan sols qui gestiona aquest servidor.
ballot-confirm-cast = Emet aquesta papereta
ballot-confirm-change = Canvia la meva papereta

ballot-receipt-title = La vostra papereta s'ha emès
ballot-receipt-code-label = El vostre codi de rebut
ballot-receipt-keep = Anoteu-lo o deseu-lo.
ballot-receipt-proves-title = Què mostra aquest codi
ballot-receipt-proves = El codi es calcula a partir de la vostra papereta segellada. Us permet comprovar que la papereta s'ha registrat i que és entre les comptades.
ballot-receipt-not-title = Què no mostra
ballot-receipt-not = El codi no revela com heu votat i no pot demostrar a ningú com heu votat: ningú no el pot fer servir per comprar o controlar el vostre vot.
ballot-receipt-revote = Mentre l'elecció és oberta podeu tornar a votar. Només compta l'última papereta, que rep un codi nou.
ballot-receipt-no-revote = Aquesta elecció no permet canviar una papereta un cop emesa.
ballot-preview-note = Això és una previsualització: no s'ha registrat res i el codi de sota és un exemple.
