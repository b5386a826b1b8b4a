verifiable-review-title = Reviseu les vostres opcions
verifiable-encrypting = S'està xifrant la papereta en aquest navegador…
verifiable-encrypted = La vostra papereta està xifrada en aquest navegador. Les vostres opcions no n'han sortit. Emeteu-la, o auditeu-la primer per comprovar que conté les vostres opcions.
verifiable-tracker-label = Rastrejador d'aquesta papereta xifrada
verifiable-cast = Emet aquesta papereta
verifiable-audit = Audita aquesta papereta (no s'emetrà)
verifiable-change = Canvia les meves opcions
verifiable-audit-title = Papereta auditada
verifiable-audit-ok = Comprovat en aquesta pàgina: aquesta papereta xifrada conté exactament les opcions que es mostren a dalt. S'ha descartat i no s'emetrà mai; podeu guardar el fitxer i comprovar-lo amb qualsevol verificador.
verifiable-audit-failed = Aquesta papereta auditada no ha superat la comprovació: { $problem }. No emeteu cap papereta des d'aquesta pàgina; aviseu els organitzadors de l'elecció.
verifiable-audit-download = Baixa la papereta auditada (JSON)
verifiable-encrypt-again = Torna a xifrar les meves opcions
verifiable-invalid = La vostra papereta no es pot xifrar tal com està emplenada: { $problem }
verifiable-abstain = Abstenir-se
verifiable-unavailable = Aquest navegador no ha pogut carregar l'script de xifratge. En continuar, el servidor xifrarà la vostra papereta.

verifiable-refused-title = Papereta no acceptada
verifiable-refused-malformed = No s'ha pogut llegir la papereta xifrada ({ $problem }). No s'ha desat res. Torneu a la papereta i torneu-ho a provar.
verifiable-refused-wrong-election = Aquesta papereta xifrada es va fer per a una altra elecció (o per a aquesta abans que canviés). No s'ha desat res. Torneu a la papereta i voteu de nou.
verifiable-refused-proof = Les proves de la papereta xifrada no quadren ({ $problem }). No s'ha desat res. Torneu a la papereta i voteu de nou.
verifiable-refused-copied = Algú altre ja ha emès aquesta papereta: la seva clau de credencial ja s'ha fet servir en aquesta elecció. No s'ha desat res. Torneu a la papereta i voteu de nou.

verifiable-receipt-tracker = El rastrejador de la vostra papereta
verifiable-receipt-board = Trobeu la vostra papereta al tauler públic
verifiable-receipt-inclusion = La vostra papereta xifrada apareix al tauler públic sense el vostre nom. La prova que hi és inclosa estarà disponible quan es publiqui la pròxima capçalera d'arbre signada.
verifiable-sealed-by-voter = La vostra papereta s'ha xifrat al vostre navegador.
verifiable-sealed-by-server = El servidor ha xifrat la vostra papereta, perquè aquest navegador no ha executat l'script de xifratge.
