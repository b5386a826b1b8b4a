verifiable-review-title = Controleer uw keuzes
verifiable-encrypting = Uw stembiljet wordt in deze browser versleuteld…
verifiable-encrypted = Uw stembiljet is in deze browser versleuteld. Uw keuzes hebben hem niet verlaten. Breng het uit, of controleer eerst dat het uw keuzes bevat.
verifiable-tracker-label = Tracker van dit versleutelde stembiljet
verifiable-cast = Dit stembiljet uitbrengen
verifiable-audit = Dit stembiljet controleren (het wordt niet uitgebracht)
verifiable-change = Mijn keuzes wijzigen
verifiable-audit-title = Gecontroleerd stembiljet
verifiable-audit-ok = Gecontroleerd in deze pagina: dit versleutelde stembiljet bevat precies de keuzes hierboven. Het is weggegooid en wordt nooit uitgebracht; u kunt het bestand bewaren en met elke verificatietool controleren.
verifiable-audit-failed = Dit gecontroleerde stembiljet klopte niet: { $problem }. Breng vanaf deze pagina geen stembiljet uit; waarschuw de organisatoren van de verkiezing.
verifiable-audit-download = Gecontroleerd stembiljet downloaden (JSON)
verifiable-encrypt-again = Mijn keuzes opnieuw versleutelen
verifiable-invalid = Uw stembiljet kan zo ingevuld niet worden versleuteld: { $problem }
verifiable-abstain = Onthouden
verifiable-unavailable = Deze browser kon het versleutelingsscript niet laden. Als u doorgaat, versleutelt de server uw stembiljet.

verifiable-refused-title = Stembiljet niet aanvaard
verifiable-refused-malformed = Het versleutelde stembiljet kon niet worden gelezen ({ $problem }). Er is niets opgeslagen. Ga terug naar het stembiljet en probeer het opnieuw.
verifiable-refused-wrong-election = Dit versleutelde stembiljet is gemaakt voor een andere verkiezing (of voor deze voordat ze werd gewijzigd). Er is niets opgeslagen. Ga terug naar het stembiljet en stem opnieuw.
verifiable-refused-proof = De bewijzen van het versleutelde stembiljet kloppen niet ({ $problem }). Er is niets opgeslagen. Ga terug naar het stembiljet en stem opnieuw.
verifiable-refused-copied = Dit stembiljet is al door iemand anders uitgebracht: de inlogsleutel ervan is in deze verkiezing al gebruikt. Er is niets opgeslagen. Ga terug naar het stembiljet en stem opnieuw.

verifiable-receipt-tracker = De tracker van uw stembiljet
verifiable-receipt-board = Uw stembiljet vinden op het openbare bord
verifiable-receipt-inclusion = Uw versleutelde stembiljet verschijnt zonder uw naam op het openbare bord. Het bewijs van opname is beschikbaar zodra de volgende ondertekende boomkop is gepubliceerd.
verifiable-sealed-by-voter = Uw stembiljet is in uw browser versleuteld.
verifiable-sealed-by-server = Uw stembiljet is door de server versleuteld, omdat deze browser het versleutelingsscript niet uitvoerde.
