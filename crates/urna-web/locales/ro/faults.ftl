error-unavailable-title = Încercați din nou peste câteva minute
error-unavailable-detail = Baza de date a alegerilor nu poate fi accesată acum, așa că nimic din ce ați trimis nu a fost confirmat. Fără confirmare, nu vă bazați pe buletin: reveniți peste câteva minute și votați din nou (dacă buletinul a ajuns totuși în urnă, alegerile vă vor spune).
