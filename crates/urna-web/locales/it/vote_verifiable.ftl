verifiable-review-title = Controlla le tue scelte
verifiable-encrypting = Cifratura della scheda in questo browser…
verifiable-encrypted = La tua scheda è cifrata in questo browser. Le tue scelte non ne sono uscite. Esprimila, oppure verificala prima per controllare che contenga le tue scelte.
verifiable-tracker-label = Tracciatore di questa scheda cifrata
verifiable-cast = Esprimi questa scheda
verifiable-audit = Verifica questa scheda (non sarà espressa)
verifiable-change = Modifica le mie scelte
verifiable-audit-title = Scheda verificata
verifiable-audit-ok = Controllato in questa pagina: questa scheda cifrata contiene esattamente le scelte mostrate sopra. È stata scartata e non sarà mai espressa; puoi conservare il file e controllarlo con qualsiasi verificatore.
verifiable-audit-failed = Questa scheda verificata non ha superato il controllo: { $problem }. Non esprimere schede da questa pagina; avvisa gli organizzatori dell'elezione.
verifiable-audit-download = Scarica la scheda verificata (JSON)
verifiable-encrypt-again = Cifra di nuovo le mie scelte
verifiable-invalid = La tua scheda non può essere cifrata così com'è compilata: { $problem }
verifiable-abstain = Astieniti
verifiable-unavailable = Questo browser non ha potuto caricare lo script di cifratura. Continuando, la tua scheda sarà cifrata dal server.

verifiable-refused-title = Scheda non accettata
verifiable-refused-malformed = Impossibile leggere la scheda cifrata ({ $problem }). Non è stato salvato nulla. Torna alla scheda e riprova.
verifiable-refused-wrong-election = Questa scheda cifrata è stata creata per un'altra elezione (o per questa prima che cambiasse). Non è stato salvato nulla. Torna alla scheda e vota di nuovo.
verifiable-refused-proof = Le prove della scheda cifrata non sono valide ({ $problem }). Non è stato salvato nulla. Torna alla scheda e vota di nuovo.
verifiable-refused-copied = Questa scheda è già stata espressa da qualcun altro: la sua chiave credenziale è già stata usata in questa elezione. Non è stato salvato nulla. Torna alla scheda e vota di nuovo.

verifiable-receipt-tracker = Il tracciatore della tua scheda
verifiable-receipt-board = Trova la tua scheda nella bacheca pubblica
verifiable-receipt-inclusion = La tua scheda cifrata compare nella bacheca pubblica senza il tuo nome. La prova della sua inclusione sarà disponibile quando sarà pubblicata la prossima testa d'albero firmata.
verifiable-sealed-by-voter = La tua scheda è stata cifrata nel tuo browser.
verifiable-sealed-by-server = La tua scheda è stata cifrata dal server, perché questo browser non ha eseguito lo script di cifratura.
