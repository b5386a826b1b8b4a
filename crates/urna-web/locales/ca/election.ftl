election-state-label = Estat
election-state-draft = En preparació
election-state-ready = Programada
election-state-open = Oberta a votació
election-state-closed = La votació s'ha tancat; aviat el recompte
election-state-counted = Comptada; resultats encara no publicats
election-state-published = Resultats publicats
election-state-archived = Arxivada
election-window-title = Període de votació
election-window-opens = Obertura
election-window-closes = Tancament
election-window-zones = Les hores s'indiquen en el fus horari de l'elecció ({ $election }) i després en el vostre ({ $viewer }).
election-vote-title = Vota
election-vote-go = Aneu a la vostra papereta
election-vote-how = Per votar, obriu l'enllaç de votació personal que heu rebut.
election-results-link = Vegeu els resultats
election-results-later = Els resultats es publiquen després del recompte. Ningú no veu resultats parcials abans.
election-questions-title = Preguntes
election-question-position = Pregunta { $number } de { $total }:
election-kind-choose-one = trieu una opció.
election-kind-approval = aproveu les opcions que doneu suport.
election-kind-support-oppose = doneu suport, quedeu-vos neutrals o oposeu-vos a cada opció.
election-kind-score = doneu una puntuació a cada opció.
election-kind-ranked = ordeneu els candidats per preferència.
election-method = Mètode de recompte: { $method }; { $seats ->
    [one] un escó.
   *[other] { $seats } escons.
}
election-turnout = { $eligible ->
    [one] Ha votat { $voted } d'1 votant.
   *[other] Han votat { $voted } de { $eligible } votants.
}

voter-notice-back = Torna a la pàgina de l'elecció
voter-notice-sign-in-title = Inicieu la sessió per votar
voter-notice-sign-in = Aquesta papereta necessita el vostre enllaç de votació personal per a aquesta elecció. Obriu l'enllaç que heu rebut.
voter-notice-wrong-election = Heu iniciat la sessió per a una altra elecció. Obriu l'enllaç de votació que heu rebut per a aquesta.
voter-notice-revoked = Aquest enllaç de votació s'ha retirat. Demaneu-ne un de nou als organitzadors de l'elecció.
voter-notice-not-open-title = La votació no és oberta
voter-notice-not-yet = La votació encara no ha començat. S'obre { $opens }.
voter-notice-closed = La votació s'ha tancat. Ja no es poden emetre ni canviar paperetes.
voter-notice-already-voted-title = Ja heu votat
voter-notice-no-changes = Ja heu votat, i aquesta elecció no permet canviar una papereta un cop emesa.
voter-notice-revote = Ja heu votat. Si emeteu una papereta nova, substitueix l'anterior: només compta l'última.
voter-notice-replaced = Aquesta papereta ha substituït l'anterior. Només es comptarà aquesta.
voter-notice-struck = Els administradors de l'elecció han anul·lat la vostra papereta anterior (motiu: { $reason }). Podeu tornar a votar.
voter-notice-invalid = La vostra papereta no s'ha acceptat: { $problem }
