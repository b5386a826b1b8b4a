error-status = Error { $status }
error-back-home = Torna a la pàgina d'inici
error-not-found-title = No s'ha trobat la pàgina
error-not-found-detail = No hi ha res en aquesta adreça. Comproveu l'enllaç o torneu a començar des de la pàgina d'inici.
error-method-not-allowed-title = No es permet aquí
error-method-not-allowed-detail = Aquesta pàgina no es pot fer servir d'aquesta manera.
error-bad-request-title = No s'ha pogut llegir la sol·licitud
error-bad-request-detail = Falta alguna cosa en el que s'ha enviat o és incorrecte. Torneu enrere, reviseu el formulari i torneu-ho a provar.
error-csrf-title = No s'ha pogut acceptar aquest formulari
error-csrf-detail = El formulari ha caducat o s'ha enviat des d'un altre lloc. Torneu enrere, recarregueu la pàgina i torneu-ho a provar.
error-rate-limited-title = Massa intents
error-rate-limited-detail = { $seconds ->
    [one] Espereu un segon i torneu-ho a provar.
   *[other] Espereu { $seconds } segons i torneu-ho a provar.
}
error-payload-too-large-title = Massa dades
error-payload-too-large-detail = El que s'ha enviat és més gran del que accepta aquest servidor.
error-timeout-title = Ha trigat massa
error-timeout-detail = El servidor no ha pogut respondre a temps. Torneu-ho a provar d'aquí a un moment.
error-internal-title = Alguna cosa ha anat malament
error-internal-detail = El servidor no ha pogut completar la vostra sol·licitud. No s'ha canviat res; torneu-ho a provar d'aquí a un moment.
