error-unavailable-title = Tente de novo daqui a alguns minutos
error-unavailable-detail = Neste momento não é possível aceder à base de dados da eleição, por isso nada do que enviou foi confirmado. Sem recibo, não conte com o seu boletim: volte daqui a alguns minutos e vote de novo (se o boletim chegou à urna, a eleição informa-o disso).
