error-unavailable-title = Próbálja újra néhány perc múlva
error-unavailable-detail = A választás adatbázisa most nem érhető el, így semmit sem erősítettünk meg abból, amit elküldött. Nyugta nélkül ne számítson a szavazólapjára: jöjjön vissza néhány perc múlva, és adja le újra (ha mégis bekerült az urnába, a választás ezt jelzi önnek).
