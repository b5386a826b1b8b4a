error-unavailable-title = Torneu-ho a provar d'aquí a uns minuts
error-unavailable-detail = Ara mateix no es pot accedir a la base de dades de l'elecció, així que no s'ha confirmat res del que heu enviat. Sense rebut, no compteu amb la vostra papereta: torneu d'aquí a uns minuts i voteu de nou (si la papereta ja va arribar a l'urna, l'elecció us ho dirà).
