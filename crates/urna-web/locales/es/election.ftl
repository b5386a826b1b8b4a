election-state-label = Estado
election-state-draft = En preparación
election-state-ready = Programada
election-state-open = Abierta a votación
election-state-closed = La votación ha terminado; pronto el recuento
election-state-counted = Contada; resultados aún no publicados
election-state-published = Resultados publicados
election-state-archived = Archivada
election-window-title = Periodo de votación
election-window-opens = Apertura
election-window-closes = Cierre
election-window-zones = Las horas se indican en la zona horaria de la elección ({ $election }) y luego en la suya ({ $viewer }).
election-vote-title = Votar
election-vote-go = Ir a su papeleta
election-vote-how = Para votar, abra el enlace de votación personal que recibió.
election-results-link = Ver los resultados
election-results-later = Los resultados se publican después del recuento. Nadie ve resultados parciales antes.
election-questions-title = Preguntas
election-question-position = Pregunta { $number } de { $total }:
election-kind-choose-one = elija una opción.
election-kind-approval = apruebe las opciones que apoya.
election-kind-support-oppose = apoye, quédese neutral u oponga cada opción.
election-kind-score = dé una puntuación a cada opción.
election-kind-ranked = ordene a los candidatos por preferencia.
election-method = Método de recuento: { $method }; { $seats ->
    [one] un escaño.
   *[other] { $seats } escaños.
}
election-turnout = { $eligible ->
    [one] { $voted } de 1 votante ha votado.
   *[other] { $voted } de { $eligible } votantes han votado.
}

voter-notice-back = Volver a la página de la elección
voter-notice-sign-in-title = Iniciar sesión para votar
voter-notice-sign-in = Esta papeleta requiere su enlace de votación personal para esta elección. Abra el enlace que recibió.
voter-notice-wrong-election = Ha iniciado sesión para otra elección. Abra el enlace de votación que recibió para esta.
voter-notice-revoked = Este enlace de votación se ha retirado. Pida uno nuevo a los organizadores de la elección.
voter-notice-not-open-title = La votación no está abierta
voter-notice-not-yet = La votación aún no ha empezado. Se abre { $opens }.
voter-notice-closed = La votación ha terminado. Ya no se pueden emitir ni cambiar papeletas.
voter-notice-already-voted-title = Ya ha votado
voter-notice-no-changes = Ya ha votado, y esta elección no permite cambiar una papeleta una vez emitida.
voter-notice-revote = Ya ha votado. Si emite una nueva papeleta, sustituye a la anterior: solo cuenta su última papeleta.
voter-notice-replaced = Esta papeleta sustituyó a la anterior. Solo se contará esta papeleta.
voter-notice-struck = Los administradores de la elección anularon su papeleta anterior (motivo: { $reason }). Puede volver a votar.
voter-notice-invalid = Su papeleta no se aceptó: { $problem }
