verifiable-review-title = Revise sus opciones
verifiable-encrypting = Cifrando su papeleta en este navegador…
verifiable-encrypted = Su papeleta está cifrada en este navegador. Sus opciones no han salido de él. Emítala, o audítela antes para comprobar que contiene sus opciones.
verifiable-tracker-label = Rastreador de esta papeleta cifrada
verifiable-cast = Emitir esta papeleta
verifiable-audit = Auditar esta papeleta (no se emitirá)
verifiable-change = Cambiar mis opciones
verifiable-audit-title = Papeleta auditada
verifiable-audit-ok = Comprobado en esta página: esta papeleta cifrada contiene exactamente las opciones mostradas arriba. Se ha descartado y nunca se emitirá; puede guardar el archivo y comprobarlo con cualquier verificador.
verifiable-audit-failed = Esta papeleta auditada no superó la comprobación: { $problem }. No emita ninguna papeleta desde esta página; avise a los organizadores de la elección.
verifiable-audit-download = Descargar la papeleta auditada (JSON)
verifiable-encrypt-again = Cifrar de nuevo mis opciones
verifiable-invalid = Su papeleta no se puede cifrar tal como está rellenada: { $problem }
verifiable-abstain = Abstenerse
verifiable-unavailable = Este navegador no pudo cargar el script de cifrado. Al continuar, el servidor cifrará su papeleta en su lugar.

verifiable-refused-title = Papeleta no aceptada
verifiable-refused-malformed = No se pudo leer la papeleta cifrada ({ $problem }). No se guardó nada. Vuelva a la papeleta e inténtelo de nuevo.
verifiable-refused-wrong-election = Esta papeleta cifrada se hizo para otra elección (o para esta antes de que cambiara). No se guardó nada. Vuelva a la papeleta y vote de nuevo.
verifiable-refused-proof = Las pruebas de la papeleta cifrada no son válidas ({ $problem }). No se guardó nada. Vuelva a la papeleta y vote de nuevo.
verifiable-refused-copied = Otra persona ya emitió esta papeleta: su clave de credencial ya se usó en esta elección. No se guardó nada. Vuelva a la papeleta y vote de nuevo.

verifiable-receipt-tracker = El rastreador de su papeleta
verifiable-receipt-board = Encuentre su papeleta en el tablón público
verifiable-receipt-inclusion = Su papeleta cifrada aparece en el tablón público sin su nombre. La prueba de que está incluida estará disponible cuando se publique la próxima cabecera de árbol firmada.
verifiable-sealed-by-voter = Su papeleta se cifró en su navegador.
verifiable-sealed-by-server = Su papeleta la cifró el servidor, porque este navegador no ejecutó el script de cifrado.
