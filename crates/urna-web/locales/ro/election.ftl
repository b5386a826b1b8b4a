election-state-label = Stare
election-state-draft = În pregătire
election-state-ready = Programate
election-state-open = Votul este deschis
election-state-closed = Votul s-a încheiat; numărarea urmează în curând
election-state-counted = Numărate; rezultate încă nepublicate
election-state-published = Rezultate publicate
election-state-archived = Arhivate
election-window-title = Perioada de vot
election-window-opens = Deschidere
election-window-closes = Închidere
election-window-zones = Orele sunt date în fusul orar al alegerilor ({ $election }), apoi în al dumneavoastră ({ $viewer }).
election-vote-title = Votează
election-vote-go = Mergeți la buletinul dumneavoastră
election-vote-how = Pentru a vota, deschideți linkul de vot personal pe care l-ați primit.
election-results-link = Vedeți rezultatele
election-results-later = Rezultatele sunt publicate după numărare. Nimeni nu vede rezultate parțiale înainte.
election-questions-title = Întrebări
election-question-position = Întrebarea { $number } din { $total }:
election-kind-choose-one = alegeți o opțiune.
election-kind-approval = aprobați opțiunile pe care le susțineți.
election-kind-support-oppose = susțineți, rămâneți neutru sau opuneți-vă fiecărei opțiuni.
election-kind-score = acordați un punctaj fiecărei opțiuni.
election-kind-ranked = ordonați candidații după preferință.
election-method = Metoda de numărare: { $method }; { $seats ->
    [one] un loc.
    [few] { $seats } locuri.
   *[other] { $seats } de locuri.
}
election-turnout = { $eligible ->
    [one] Au votat { $voted } din 1 alegător.
    [few] Au votat { $voted } din { $eligible } alegători.
   *[other] Au votat { $voted } din { $eligible } de alegători.
}

voter-notice-back = Înapoi la pagina alegerilor
voter-notice-sign-in-title = Autentificați-vă pentru a vota
voter-notice-sign-in = Acest buletin necesită linkul dumneavoastră de vot personal pentru aceste alegeri. Deschideți linkul primit.
voter-notice-wrong-election = Sunteți autentificat pentru alte alegeri. Deschideți linkul de vot primit pentru acestea.
voter-notice-revoked = Acest link de vot a fost retras. Cereți unul nou organizatorilor alegerilor.
voter-notice-not-open-title = Votul nu este deschis
voter-notice-not-yet = Votul nu a început încă. Se deschide { $opens }.
voter-notice-closed = Votul s-a încheiat. Buletinele nu mai pot fi depuse sau modificate.
voter-notice-already-voted-title = Ați votat deja
voter-notice-no-changes = Ați votat deja, iar aceste alegeri nu permit modificarea unui buletin depus.
voter-notice-revote = Ați votat deja. Dacă depuneți un buletin nou, acesta îl înlocuiește pe cel anterior: contează doar ultimul.
voter-notice-replaced = Acest buletin l-a înlocuit pe cel anterior. Doar acesta va fi numărat.
voter-notice-struck = Buletinul anterior a fost anulat de administratorii alegerilor (motiv: { $reason }). Puteți vota din nou.
voter-notice-invalid = Buletinul dumneavoastră nu a fost acceptat: { $problem }
