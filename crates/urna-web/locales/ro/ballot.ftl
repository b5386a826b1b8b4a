ballot-title = Buletinul dumneavoastră
ballot-intro = Răspundeți la fiecare întrebare sau alegeți să vă abțineți. Încă nu s-a depus nimic: vă veți revedea opțiunile înainte de a depune buletinul.
ballot-question-position = Întrebarea { $number } din { $total }
ballot-list-separator = {", "}
ballot-abstain = Mă abțin la această întrebare
ballot-withdrawn = S-au retras, nu mai candidează: { $names }
ballot-review-help = Apoi vă veți revedea opțiunile pentru a le verifica înainte de a depune buletinul.
ballot-review = Revizuiește buletinul meu

ballot-instructions-choose-one = Alegeți o opțiune.
ballot-instructions-approval-exactly = { $count ->
    [one] Aprobați exact o opțiune.
    [few] Aprobați exact { $count } opțiuni.
   *[other] Aprobați exact { $count } de opțiuni.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Aprobați cel mult o opțiune. Puteți să nu aprobați niciuna.
   *[other] Aprobați orice opțiuni doriți, cel mult { $max }. Puteți să nu aprobați niciuna.
}
ballot-instructions-approval-range = Aprobați cel puțin { $min } și cel mult { $max } opțiuni.
ballot-instructions-score = Acordați fiecărei opțiuni un punctaj de la { $min } (cel mai slab) la { $max } (cel mai bun) sau lăsați-o fără punctaj.
ballot-instructions-son = Pentru fiecare opțiune, alegeți Pentru, Neutru sau Împotrivă sau lăsați-o fără opinie.
ballot-instructions-ranked = Ordonați candidații după preferință: 1 pentru prima alegere, 2 pentru a doua și așa mai departe. Candidații lăsați necompletați nu sunt ordonați.
ballot-instructions-ranked-distinct = Dați fiecărui candidat ordonat un număr diferit.
ballot-instructions-ranked-equal = Puteți da același număr mai multor candidați pentru a-i ordona la egalitate.
ballot-instructions-ranked-max = { $max ->
    [one] Puteți ordona un singur candidat.
   *[other] Puteți ordona cel mult { $max } candidați.
}
ballot-instructions-ranked-js = Folosiți „Adaugă” pentru a pune candidați în clasamentul dumneavoastră, apoi „Mută sus” și „Mută jos” pentru a-l ordona. Prima alegere este sus. Săgețile sus și jos trec de la un buton la altul.
ballot-rank-range = Scrieți un număr de la 1 la { $max } lângă fiecare candidat pe care îl ordonați.
ballot-score-blank = Fără punctaj
ballot-son-support = Pentru
ballot-son-neutral = Neutru
ballot-son-oppose = Împotrivă
ballot-son-blank = Fără opinie

ballot-js-your-ranking = Clasamentul dumneavoastră
ballot-js-empty = Nu ați ordonat încă pe nimeni.
ballot-js-candidates = Candidați încă neordonați
ballot-js-filter = Căutați un candidat
ballot-js-filter-count = Candidați afișați: { $count }
ballot-js-add = Adaugă
ballot-js-add-label = Adaugă pe { $name } în clasament
ballot-js-remove = Elimină
ballot-js-remove-label = Elimină pe { $name } din clasament
ballot-js-up = Mută sus
ballot-js-up-label = Mută pe { $name } mai sus
ballot-js-down = Mută jos
ballot-js-down-label = Mută pe { $name } mai jos
ballot-js-added = { $name } adăugat pe locul { $rank }
ballot-js-moved = { $name } mutat pe locul { $rank }
ballot-js-removed = { $name } eliminat din clasament
ballot-js-at-top = { $name } este deja prima dumneavoastră alegere
ballot-js-at-bottom = { $name } este deja ultimul în clasamentul dumneavoastră
ballot-js-limit = Puteți ordona cel mult { $max } candidați

ballot-error-summary-title = Buletinul dumneavoastră necesită atenție
ballot-error-summary-intro = Nu s-a depus nimic. Corectați următoarele, apoi revizuiți din nou buletinul:
ballot-error-in-question = Întrebarea { $number }: { $message }
ballot-error-no-choice = Alegeți o opțiune sau alegeți să vă abțineți la această întrebare.
ballot-error-abstain-and-answer = Ați ales să vă abțineți, dar ați marcat și opțiuni. Ștergeți opțiunile sau debifați „Mă abțin la această întrebare”.
ballot-error-several-choices = Alegeți o singură opțiune.
ballot-error-unknown-option = Buletinul a numit o opțiune care nu se află pe el („{ $value }”). Reîncărcați pagina și completați-o din nou.
ballot-error-withdrawn = { $name } s-a retras și nu mai poate fi ales.
ballot-error-repeated = { $name } apare de două ori în ce s-a trimis. Reîncărcați pagina și completați-o din nou.
ballot-error-rank-not-number = Locul pentru { $name } trebuie să fie un număr întreg, nu „{ $value }”.
ballot-error-score-not-number = Punctajul pentru { $name } trebuie să fie un număr întreg, nu „{ $value }”.
ballot-error-rank-out-of-range = Locul pentru { $name } trebuie să fie între 1 și { $max }, nu { $value }.
ballot-error-score-out-of-range = Punctajul pentru { $name } trebuie să fie între { $min } și { $max }, nu { $value }.
ballot-error-equal-ranks = { $names } au toți locul { $rank }. Dați fiecărui candidat un număr diferit.
ballot-error-too-few = { $min ->
    [one] Aprobați cel puțin o opțiune sau alegeți să vă abțineți.
   *[other] Aprobați cel puțin { $min } opțiuni sau alegeți să vă abțineți.
}
ballot-error-too-many = { $max ->
    [one] Aprobați cel mult o opțiune.
   *[other] Aprobați cel mult { $max } opțiuni.
}
ballot-error-too-many-ranked = { $max ->
    [one] Ordonați un singur candidat.
   *[other] Ordonați cel mult { $max } candidați.
}
ballot-error-other = Acest răspuns nu poate fi acceptat: { $detail }
ballot-error-unknown-field = Formularul conținea ceva ce nu aparține acestui buletin. Reîncărcați pagina și completați-o din nou.

ballot-confirm-title = Verificați-vă buletinul
ballot-confirm-intro = Buletinul nu a fost încă depus. Verificați-vă opțiunile, apoi depuneți buletinul sau modificați-l.
ballot-confirm-question = Întrebarea { $number }:
ballot-confirm-abstain = Vă abțineți la această întrebare.
ballot-confirm-choice = Ați ales:
ballot-confirm-approved-none = Nu aprobați niciuna dintre opțiuni.
ballot-confirm-approved = { $count ->
    [one] Aprobați această opțiune:
    [few] Aprobați aceste { $count } opțiuni:
   *[other] Aprobați aceste { $count } de opțiuni:
}
ballot-confirm-scores-none = Nu ați acordat punctaj niciunei opțiuni.
ballot-confirm-scores = { $blank ->
    [0] Punctajele dumneavoastră:
    [one] Punctajele dumneavoastră (o opțiune fără punctaj):
   *[other] Punctajele dumneavoastră (opțiuni fără punctaj: { $blank }):
}
ballot-confirm-ranking = { $unranked ->
    [0] Clasamentul dumneavoastră, începând cu prima alegere:
    [one] Clasamentul dumneavoastră, începând cu prima alegere (un candidat neordonat):
   *[other] Clasamentul dumneavoastră, începând cu prima alegere (candidați neordonați: { $unranked }):
}
ballot-confirm-equal = la egalitate
ballot-confirm-secret = Imediat ce depuneți buletinul, acesta este sigilat: nimeni nu îl poate citi singur, nici măcar cei care administrează acest server.
ballot-confirm-cast = Depune acest buletin
ballot-confirm-change = Modifică buletinul meu

ballot-receipt-title = Buletinul dumneavoastră a fost depus
ballot-receipt-code-label = Codul dumneavoastră de confirmare
ballot-receipt-keep = Notați-l sau salvați-l.
ballot-receipt-proves-title = Ce arată acest cod
ballot-receipt-proves = Codul este calculat din buletinul dumneavoastră sigilat. Vă permite să verificați că buletinul a fost înregistrat și se află printre cele numărate.
ballot-receipt-not-title = Ce nu arată
ballot-receipt-not = Codul nu dezvăluie cum ați votat și nu poate dovedi nimănui cum ați votat: nimeni nu îl poate folosi pentru a vă cumpăra sau verifica votul.
ballot-receipt-revote = Cât timp alegerile sunt deschise, puteți vota din nou. Contează doar ultimul buletin, care primește un cod nou.
ballot-receipt-no-revote = Aceste alegeri nu permit modificarea unui buletin depus.
ballot-preview-note = Aceasta este o previzualizare: nu s-a înregistrat nimic, iar codul de mai jos este un exemplu.
