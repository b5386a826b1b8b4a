ballot-title = Su papeleta
ballot-intro = Responda a cada pregunta, o elija abstenerse. Todavía no se emite nada: verá de nuevo sus opciones antes de emitir la papeleta.
ballot-question-position = Pregunta { $number } de { $total }
ballot-list-separator = {", "}
ballot-abstain = Abstenerse en esta pregunta
ballot-withdrawn = Retirado, ya no se presenta: { $names }
ballot-review-help = A continuación verá de nuevo sus opciones para revisarlas antes de emitir la papeleta.
ballot-review = Revisar mi papeleta

ballot-instructions-choose-one = Elija una opción.
ballot-instructions-approval-exactly = { $count ->
    [one] Apruebe exactamente una opción.
   *[other] Apruebe exactamente { $count } opciones.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Apruebe como máximo una opción. Puede no aprobar ninguna.
   *[other] Apruebe las opciones que quiera, como máximo { $max }. Puede no aprobar ninguna.
}
ballot-instructions-approval-range = Apruebe al menos { $min } y como máximo { $max } opciones.
ballot-instructions-score = Dé a cada opción una puntuación de { $min } (peor) a { $max } (mejor), o déjela sin puntuación.
ballot-instructions-son = Para cada opción, elija A favor, Neutral o En contra, o déjela sin opinión.
ballot-instructions-ranked = Ordene a los candidatos por preferencia: 1 para su primera opción, 2 para la segunda, y así sucesivamente. Los candidatos que deje en blanco no se clasifican.
ballot-instructions-ranked-distinct = Dé un número distinto a cada candidato clasificado.
ballot-instructions-ranked-equal = Puede dar el mismo número a varios candidatos para clasificarlos por igual.
ballot-instructions-ranked-max = { $max ->
    [one] Solo puede clasificar a un candidato.
   *[other] Puede clasificar como máximo a { $max } candidatos.
}
ballot-instructions-ranked-js = Use «Añadir» para poner candidatos en su clasificación y luego «Subir» y «Bajar» para ordenarla. Su primera opción está arriba. Las flechas arriba y abajo pasan de un botón a otro.
ballot-rank-range = Escriba un número del 1 al { $max } junto a cada candidato que clasifique.
ballot-score-blank = Sin puntuación
ballot-son-support = A favor
ballot-son-neutral = Neutral
ballot-son-oppose = En contra
ballot-son-blank = Sin opinión

ballot-js-your-ranking = Su clasificación
ballot-js-empty = Aún no ha clasificado a nadie.
ballot-js-candidates = Candidatos aún no clasificados
ballot-js-filter = Buscar un candidato
ballot-js-filter-count = { $count } candidatos mostrados
ballot-js-add = Añadir
ballot-js-add-label = Añadir a { $name } a su clasificación
ballot-js-remove = Quitar
ballot-js-remove-label = Quitar a { $name } de su clasificación
ballot-js-up = Subir
ballot-js-up-label = Subir a { $name }
ballot-js-down = Bajar
ballot-js-down-label = Bajar a { $name }
ballot-js-added = { $name } añadido en el puesto { $rank }
ballot-js-moved = { $name } movido al puesto { $rank }
ballot-js-removed = { $name } quitado de su clasificación
ballot-js-at-top = { $name } ya es su primera opción
ballot-js-at-bottom = { $name } ya es el último de su clasificación
ballot-js-limit = Puede clasificar como máximo a { $max } candidatos

ballot-error-summary-title = Su papeleta requiere atención
ballot-error-summary-intro = No se ha emitido nada. Corrija lo siguiente y vuelva a revisar su papeleta:
ballot-error-in-question = Pregunta { $number }: { $message }
ballot-error-no-choice = Elija una opción, o elija abstenerse en esta pregunta.
ballot-error-abstain-and-answer = Eligió abstenerse pero también marcó opciones. Borre sus opciones o desmarque «Abstenerse en esta pregunta».
ballot-error-several-choices = Elija solo una opción.
ballot-error-unknown-option = La papeleta nombraba una opción que no figura en ella («{ $value }»). Recargue la página y rellénela de nuevo.
ballot-error-withdrawn = { $name } se ha retirado y ya no se puede elegir.
ballot-error-repeated = { $name } aparece dos veces en lo enviado. Recargue la página y rellénela de nuevo.
ballot-error-rank-not-number = El puesto de { $name } debe ser un número entero, no «{ $value }».
ballot-error-score-not-number = La puntuación de { $name } debe ser un número entero, no «{ $value }».
ballot-error-rank-out-of-range = El puesto de { $name } debe estar entre 1 y { $max }, no ser { $value }.
ballot-error-score-out-of-range = La puntuación de { $name } debe estar entre { $min } y { $max }, no ser { $value }.
ballot-error-equal-ranks = { $names } tienen todos el puesto { $rank }. Dé un número distinto a cada candidato.
ballot-error-too-few = { $min ->
    [one] Apruebe al menos una opción, o elija abstenerse.
   *[other] Apruebe al menos { $min } opciones, o elija abstenerse.
}
ballot-error-too-many = { $max ->
    [one] Apruebe como máximo una opción.
   *[other] Apruebe como máximo { $max } opciones.
}
ballot-error-too-many-ranked = { $max ->
    [one] Clasifique solo a un candidato.
   *[other] Clasifique como máximo a { $max } candidatos.
}
ballot-error-other = Esta respuesta no se puede aceptar: { $detail }
ballot-error-unknown-field = El formulario contenía algo que no pertenece a esta papeleta. Recargue la página y rellénela de nuevo.

ballot-confirm-title = Revise su papeleta
ballot-confirm-intro = Su papeleta aún no se ha emitido. Revise sus opciones y luego emita la papeleta o cámbiela.
ballot-confirm-question = Pregunta { $number }:
ballot-confirm-abstain = Se abstiene en esta pregunta.
ballot-confirm-choice = Eligió:
ballot-confirm-approved-none = No aprueba ninguna de las opciones.
ballot-confirm-approved = { $count ->
    [one] Aprueba esta opción:
   *[other] Aprueba estas { $count } opciones:
}
ballot-confirm-scores-none = No dio puntuación a ninguna opción.
ballot-confirm-scores = { $blank ->
    [0] Sus puntuaciones:
    [one] Sus puntuaciones (una opción sin puntuación):
   *[other] Sus puntuaciones ({ $blank } opciones sin puntuación):
}
ballot-confirm-ranking = { $unranked ->
    [0] Su clasificación, primera opción primero:
    [one] Su clasificación, primera opción primero (un candidato sin clasificar):
   *[other] Su clasificación, primera opción primero ({ $unranked } candidatos sin clasificar):
}
ballot-confirm-equal = empatados
ballot-confirm-secret = En cuanto emita su papeleta, queda sellada: nadie puede leerla por sí solo, ni siquiera quienes administran este servidor.
ballot-confirm-cast = Emitir esta papeleta
ballot-confirm-change = Cambiar mi papeleta

ballot-receipt-title = Su papeleta se ha emitido
ballot-receipt-code-label = Su código de recibo
ballot-receipt-keep = Anótelo o guárdelo.
ballot-receipt-proves-title = Qué muestra este código
ballot-receipt-proves = El código se calcula a partir de su papeleta sellada. Le permite comprobar que su papeleta se registró y está entre las contadas.
ballot-receipt-not-title = Qué no muestra
ballot-receipt-not = El código no revela cómo votó y no puede demostrar a nadie cómo votó: nadie puede usarlo para comprar o controlar su voto.
ballot-receipt-revote = Mientras la elección esté abierta puede volver a votar. Solo cuenta su última papeleta, que recibe un código nuevo.
ballot-receipt-no-revote = Esta elección no permite cambiar una papeleta una vez emitida.
ballot-preview-note = Esto es una vista previa: no se registró nada y el código de abajo es un ejemplo.
