error-status = Erro { $status }
error-back-home = Voltar à página inicial
error-not-found-title = Página não encontrada
error-not-found-detail = Não há nada neste endereço. Verifique a ligação ou recomece a partir da página inicial.
error-method-not-allowed-title = Não permitido aqui
error-method-not-allowed-detail = Esta página não pode ser usada dessa forma.
error-bad-request-title = Não foi possível ler o pedido
error-bad-request-detail = Falta algo no que foi enviado ou está mal formado. Volte atrás, verifique o formulário e tente de novo.
error-csrf-title = Não foi possível aceitar este formulário
error-csrf-detail = O formulário expirou ou foi enviado a partir de outro site. Volte atrás, recarregue a página e tente de novo.
error-rate-limited-title = Demasiadas tentativas
error-rate-limited-detail = { $seconds ->
    [one] Aguarde { $seconds } segundo e tente de novo.
   *[other] Aguarde { $seconds } segundos e tente de novo.
}
error-payload-too-large-title = Dados a mais
error-payload-too-large-detail = O que foi enviado é maior do que este servidor aceita.
error-timeout-title = Demorou demasiado
error-timeout-detail = O servidor não conseguiu responder a tempo. Tente de novo daqui a pouco.
error-internal-title = Algo correu mal
error-internal-detail = O servidor não conseguiu concluir o seu pedido. Nada foi alterado; tente de novo daqui a pouco.
