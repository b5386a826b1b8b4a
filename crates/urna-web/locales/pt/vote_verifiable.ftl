verifiable-review-title = Verifique as suas escolhas
verifiable-encrypting = A cifrar o seu boletim neste navegador…
verifiable-encrypted = O seu boletim está cifrado neste navegador. As suas escolhas não saíram dele. Entregue-o, ou audite-o primeiro para verificar que contém as suas escolhas.
verifiable-tracker-label = Rastreador deste boletim cifrado
verifiable-cast = Entregar este boletim
verifiable-audit = Auditar este boletim (não será entregue)
verifiable-change = Alterar as minhas escolhas
verifiable-audit-title = Boletim auditado
verifiable-audit-ok = Verificado nesta página: este boletim cifrado contém exatamente as escolhas mostradas acima. Foi descartado e nunca será entregue; pode guardar o ficheiro e verificá-lo com qualquer verificador.
verifiable-audit-failed = Este boletim auditado não passou na verificação: { $problem }. Não entregue nenhum boletim a partir desta página; avise os organizadores da eleição.
verifiable-audit-download = Descarregar o boletim auditado (JSON)
verifiable-encrypt-again = Cifrar de novo as minhas escolhas
verifiable-invalid = O seu boletim não pode ser cifrado tal como está preenchido: { $problem }
verifiable-abstain = Abster-se
verifiable-unavailable = Este navegador não conseguiu carregar o script de cifra. Ao continuar, o seu boletim será cifrado pelo servidor.

verifiable-refused-title = Boletim não aceite
verifiable-refused-malformed = Não foi possível ler o boletim cifrado ({ $problem }). Nada foi guardado. Volte ao boletim e tente de novo.
verifiable-refused-wrong-election = Este boletim cifrado foi feito para outra eleição (ou para esta antes de ser alterada). Nada foi guardado. Volte ao boletim e vote de novo.
verifiable-refused-proof = As provas do boletim cifrado não são válidas ({ $problem }). Nada foi guardado. Volte ao boletim e vote de novo.
verifiable-refused-copied = Este boletim já foi entregue por outra pessoa: a sua chave de credencial já foi usada nesta eleição. Nada foi guardado. Volte ao boletim e vote de novo.

verifiable-receipt-tracker = O rastreador do seu boletim
verifiable-receipt-board = Encontrar o seu boletim no quadro público
verifiable-receipt-inclusion = O seu boletim cifrado aparece no quadro público sem o seu nome. A prova de que está incluído fica disponível quando for publicada a próxima cabeça de árvore assinada.
verifiable-sealed-by-voter = O seu boletim foi cifrado no seu navegador.
verifiable-sealed-by-server = O seu boletim foi cifrado pelo servidor, porque este navegador não executou o script de cifra.
