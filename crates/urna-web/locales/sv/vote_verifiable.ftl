verifiable-review-title = Kontrollera dina val
verifiable-encrypting = Din valsedel krypteras i den här webbläsaren…
verifiable-encrypted = Din valsedel är krypterad i den här webbläsaren. Dina val har inte lämnat den. Lägg den, eller granska den först för att kontrollera att den innehåller dina val.
verifiable-tracker-label = Spårningskod för den här krypterade valsedeln
verifiable-cast = Lägg den här valsedeln
verifiable-audit = Granska den här valsedeln (den läggs inte)
verifiable-change = Ändra mina val
verifiable-audit-title = Granskad valsedel
verifiable-audit-ok = Kontrollerat på den här sidan: den här krypterade valsedeln innehåller exakt de val som visas ovan. Den har kasserats och kommer aldrig att läggas; du kan spara filen och kontrollera den med valfritt verifieringsverktyg.
verifiable-audit-failed = Den granskade valsedeln klarade inte kontrollen: { $problem }. Lägg ingen valsedel från den här sidan; meddela valets arrangörer.
verifiable-audit-download = Ladda ner den granskade valsedeln (JSON)
verifiable-encrypt-again = Kryptera mina val igen
verifiable-invalid = Din valsedel kan inte krypteras så som den är ifylld: { $problem }
verifiable-abstain = Avstå
verifiable-unavailable = Den här webbläsaren kunde inte läsa in krypteringsskriptet. När du fortsätter krypterar servern din valsedel i stället.

verifiable-refused-title = Valsedeln godtogs inte
verifiable-refused-malformed = Den krypterade valsedeln kunde inte läsas ({ $problem }). Inget sparades. Gå tillbaka till valsedeln och försök igen.
verifiable-refused-wrong-election = Den här krypterade valsedeln gjordes för ett annat val (eller för det här innan det ändrades). Inget sparades. Gå tillbaka till valsedeln och rösta igen.
verifiable-refused-proof = Den krypterade valsedelns bevis stämmer inte ({ $problem }). Inget sparades. Gå tillbaka till valsedeln och rösta igen.
verifiable-refused-copied = Den här valsedeln har redan lagts av någon annan: dess behörighetsnyckel har redan använts i valet. Inget sparades. Gå tillbaka till valsedeln och rösta igen.

verifiable-receipt-tracker = Din valsedels spårningskod
verifiable-receipt-board = Hitta din valsedel på den offentliga anslagstavlan
verifiable-receipt-inclusion = Din krypterade valsedel visas på den offentliga anslagstavlan utan ditt namn. Bevis på att den ingår finns när nästa signerade trädhuvud har publicerats.
verifiable-sealed-by-voter = Din valsedel krypterades i din webbläsare.
verifiable-sealed-by-server = Din valsedel krypterades av servern, eftersom den här webbläsaren inte körde krypteringsskriptet.
