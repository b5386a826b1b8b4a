election-state-label = Estado
election-state-draft = Em preparação
election-state-ready = Agendada
election-state-open = Aberta para votação
election-state-closed = A votação terminou; apuramento em breve
election-state-counted = Apurada; resultados ainda não publicados
election-state-published = Resultados publicados
election-state-archived = Arquivada
election-window-title = Período de votação
election-window-opens = Abertura
election-window-closes = Encerramento
election-window-zones = As horas são indicadas no fuso horário da eleição ({ $election }) e depois no seu ({ $viewer }).
election-vote-title = Votar
election-vote-go = Ir para o seu boletim
election-vote-how = Para votar, abra a ligação de voto pessoal que recebeu.
election-results-link = Ver os resultados
election-results-later = Os resultados são publicados depois do apuramento. Ninguém vê resultados parciais antes disso.
election-questions-title = Perguntas
election-question-position = Pergunta { $number } de { $total }:
election-kind-choose-one = escolha uma opção.
election-kind-approval = aprove as opções que apoia.
election-kind-support-oppose = apoie, fique neutro ou oponha-se a cada opção.
election-kind-score = dê uma pontuação a cada opção.
election-kind-ranked = ordene os candidatos por preferência.
election-method = Método de apuramento: { $method }; { $seats ->
    [one] { $seats } lugar.
   *[other] { $seats } lugares.
}
election-turnout = { $eligible ->
    [one] { $voted } de { $eligible } eleitor votou.
   *[other] { $voted } de { $eligible } eleitores votaram.
}

voter-notice-back = Voltar à página da eleição
voter-notice-sign-in-title = Entrar para votar
voter-notice-sign-in = Este boletim requer a sua ligação de voto pessoal para esta eleição. Abra a ligação que recebeu.
voter-notice-wrong-election = Entrou para outra eleição. Abra a ligação de voto que recebeu para esta.
voter-notice-revoked = Esta ligação de voto foi retirada. Peça uma nova aos organizadores da eleição.
voter-notice-not-open-title = A votação não está aberta
voter-notice-not-yet = A votação ainda não começou. Abre { $opens }.
voter-notice-closed = A votação terminou. Já não é possível entregar nem alterar boletins.
voter-notice-already-voted-title = Já votou
voter-notice-no-changes = Já votou, e esta eleição não permite alterar um boletim depois de entregue.
voter-notice-revote = Já votou. Se entregar um novo boletim, ele substitui o anterior: só conta o último.
voter-notice-replaced = Este boletim substituiu o anterior. Só este será contado.
voter-notice-struck = O seu boletim anterior foi anulado pelos administradores da eleição (motivo: { $reason }). Pode votar de novo.
voter-notice-invalid = O seu boletim não foi aceite: { $problem }
