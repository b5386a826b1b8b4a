ballot-title = O seu boletim
ballot-intro = Responda a cada pergunta, ou escolha abster-se. Ainda nada é entregue: verá de novo as suas escolhas antes de entregar o boletim.
ballot-question-position = Pergunta { $number } de { $total }
ballot-list-separator = {", "}
ballot-abstain = Abster-me nesta pergunta
ballot-withdrawn = Retirou-se, já não concorre: { $names }
ballot-review-help = A seguir verá de novo as suas escolhas para as verificar antes de entregar o boletim.
ballot-review = Rever o meu boletim

ballot-instructions-choose-one = Escolha uma opção.
ballot-instructions-approval-exactly = { $count ->
    [one] Aprove exatamente { $count } opção.
   *[other] Aprove exatamente { $count } opções.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Aprove no máximo { $max } opção. Pode não aprovar nenhuma.
   *[other] Aprove as opções que quiser, no máximo { $max }. Pode não aprovar nenhuma.
}
ballot-instructions-approval-range = Aprove pelo menos { $min } e no máximo { $max } opções.
ballot-instructions-score = Dê a cada opção uma pontuação de { $min } (pior) a { $max } (melhor), ou deixe-a sem pontuação.
ballot-instructions-son = Para cada opção, escolha A favor, Neutro ou Contra, ou deixe-a sem opinião.
ballot-instructions-ranked = Ordene os candidatos por preferência: 1 para a primeira escolha, 2 para a segunda, e assim por diante. Os candidatos deixados em branco não são ordenados.
ballot-instructions-ranked-distinct = Dê um número diferente a cada candidato ordenado.
ballot-instructions-ranked-equal = Pode dar o mesmo número a vários candidatos para os ordenar em igualdade.
ballot-instructions-ranked-max = { $max ->
    [one] Pode ordenar no máximo { $max } candidato.
   *[other] Pode ordenar no máximo { $max } candidatos.
}
ballot-instructions-ranked-js = Use «Adicionar» para pôr candidatos na sua ordenação e depois «Subir» e «Descer» para a ordenar. A sua primeira escolha fica no topo. As setas para cima e para baixo passam de um botão para outro.
ballot-rank-range = Escreva um número de 1 a { $max } ao lado de cada candidato que ordenar.
ballot-score-blank = Sem pontuação
ballot-son-support = A favor
ballot-son-neutral = Neutro
ballot-son-oppose = Contra
ballot-son-blank = Sem opinião

ballot-js-your-ranking = A sua ordenação
ballot-js-empty = Ainda não ordenou ninguém.
ballot-js-candidates = Candidatos ainda não ordenados
ballot-js-filter = Procurar um candidato
ballot-js-filter-count = { $count } candidatos mostrados
ballot-js-add = Adicionar
ballot-js-add-label = Adicionar { $name } à sua ordenação
ballot-js-remove = Remover
ballot-js-remove-label = Remover { $name } da sua ordenação
ballot-js-up = Subir
ballot-js-up-label = Subir { $name }
ballot-js-down = Descer
ballot-js-down-label = Descer { $name }
ballot-js-added = { $name } adicionado na posição { $rank }
ballot-js-moved = { $name } movido para a posição { $rank }
ballot-js-removed = { $name } removido da sua ordenação
ballot-js-at-top = { $name } já é a sua primeira escolha
ballot-js-at-bottom = { $name } já é o último da sua ordenação
ballot-js-limit = Pode ordenar no máximo { $max } candidatos

ballot-error-summary-title = O seu boletim precisa de atenção
ballot-error-summary-intro = Nada foi entregue. Corrija o seguinte e reveja de novo o seu boletim:
ballot-error-in-question = Pergunta { $number }: { $message }
ballot-error-no-choice = Escolha uma opção, ou escolha abster-se nesta pergunta.
ballot-error-abstain-and-answer = Escolheu abster-se mas também marcou escolhas. Limpe as escolhas ou desmarque «Abster-me nesta pergunta».
ballot-error-several-choices = Escolha apenas uma opção.
ballot-error-unknown-option = O boletim indicava uma opção que não consta dele («{ $value }»). Recarregue a página e preencha-a de novo.
ballot-error-withdrawn = { $name } retirou-se e já não pode ser escolhido.
ballot-error-repeated = { $name } aparece duas vezes no que foi enviado. Recarregue a página e preencha-a de novo.
ballot-error-rank-not-number = A posição de { $name } tem de ser um número inteiro, não «{ $value }».
ballot-error-score-not-number = A pontuação de { $name } tem de ser um número inteiro, não «{ $value }».
ballot-error-rank-out-of-range = A posição de { $name } tem de estar entre 1 e { $max }, não ser { $value }.
ballot-error-score-out-of-range = A pontuação de { $name } tem de estar entre { $min } e { $max }, não ser { $value }.
ballot-error-equal-ranks = { $names } têm todos a posição { $rank }. Dê um número diferente a cada candidato.
ballot-error-too-few = { $min ->
    [one] Aprove pelo menos { $min } opção, ou escolha abster-se.
   *[other] Aprove pelo menos { $min } opções, ou escolha abster-se.
}
ballot-error-too-many = { $max ->
    [one] Aprove no máximo { $max } opção.
   *[other] Aprove no máximo { $max } opções.
}
ballot-error-too-many-ranked = { $max ->
    [one] Ordene no máximo { $max } candidato.
   *[other] Ordene no máximo { $max } candidatos.
}
ballot-error-other = Esta resposta não pode ser aceite: { $detail }
ballot-error-unknown-field = O formulário continha algo que não pertence a este boletim. Recarregue a página e preencha-a de novo.

ballot-confirm-title = Verifique o seu boletim
ballot-confirm-intro = O seu boletim ainda não foi entregue. Verifique as suas escolhas e depois entregue o boletim ou altere-o.
ballot-confirm-question = Pergunta { $number }:
ballot-confirm-abstain = Abstém-se nesta pergunta.
ballot-confirm-choice = Escolheu:
ballot-confirm-approved-none = Não aprova nenhuma das opções.
ballot-confirm-approved = { $count ->
    [one] Aprova esta opção:
   *[other] Aprova estas { $count } opções:
}
ballot-confirm-scores-none = Não deu pontuação a nenhuma opção.
ballot-confirm-scores = { $blank ->
    [0] As suas pontuações:
    [one] As suas pontuações ({ $blank } opção sem pontuação):
   *[other] As suas pontuações ({ $blank } opções sem pontuação):
}
ballot-confirm-ranking = { $unranked ->
    [0] A sua ordenação, primeira escolha primeiro:
    [one] A sua ordenação, primeira escolha primeiro ({ $unranked } candidato não ordenado):
   *[other] A sua ordenação, primeira escolha primeiro ({ $unranked } candidatos não ordenados):
}
ballot-confirm-equal = em igualdade
ballot-confirm-secret = Assim que entregar o seu boletim, ele é selado: ninguém o pode ler sozinho, nem mesmo quem gere este servidor.
ballot-confirm-cast = Entregar este boletim
ballot-confirm-change = Alterar o meu boletim

ballot-receipt-title = O seu boletim foi entregue
ballot-receipt-code-label = O seu código de recibo
ballot-receipt-keep = Anote-o ou guarde-o.
ballot-receipt-proves-title = O que este código mostra
ballot-receipt-proves = O código é calculado a partir do seu boletim selado. Permite-lhe verificar que o seu boletim foi registado e está entre os contados.
ballot-receipt-not-title = O que não mostra
ballot-receipt-not = O código não revela como votou e não pode provar a ninguém como votou: ninguém o pode usar para comprar ou controlar o seu voto.
ballot-receipt-revote = Enquanto a eleição estiver aberta pode votar de novo. Só conta o último boletim, que recebe um código novo.
ballot-receipt-no-revote = Esta eleição não permite alterar um boletim depois de entregue.
ballot-preview-note = Isto é uma pré-visualização: nada foi registado e o código abaixo é um exemplo.
