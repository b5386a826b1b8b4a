verifiable-review-title = Ellenőrizze a választásait
verifiable-encrypting = A szavazólap titkosítása ebben a böngészőben…
verifiable-encrypted = A szavazólapja ebben a böngészőben titkosítva van. A választásai nem hagyták el. Adja le, vagy előbb auditálja, hogy ellenőrizze, a választásait tartalmazza-e.
verifiable-tracker-label = Ennek a titkosított szavazólapnak a követőkódja
verifiable-cast = Szavazólap leadása
verifiable-audit = Szavazólap auditálása (nem lesz leadva)
verifiable-change = Választásaim módosítása
verifiable-audit-title = Auditált szavazólap
verifiable-audit-ok = Ezen az oldalon ellenőrizve: ez a titkosított szavazólap pontosan a fent látható választásokat tartalmazza. Elvetettük, és soha nem lesz leadva; a fájlt megtarthatja és bármely ellenőrzővel ellenőrizheti.
verifiable-audit-failed = Az auditált szavazólap nem ment át az ellenőrzésen: { $problem }. Erről az oldalról ne adjon le szavazólapot; értesítse a választás szervezőit.
verifiable-audit-download = Az auditált szavazólap letöltése (JSON)
verifiable-encrypt-again = Választásaim újratitkosítása
verifiable-invalid = A szavazólapja így kitöltve nem titkosítható: { $problem }
verifiable-abstain = Tartózkodom
verifiable-unavailable = Ez a böngésző nem tudta betölteni a titkosító szkriptet. Ha továbblép, a szavazólapját a szerver titkosítja.

verifiable-refused-title = A szavazólapot nem fogadtuk el
verifiable-refused-malformed = A titkosított szavazólapot nem sikerült beolvasni ({ $problem }). Semmit sem mentettünk. Térjen vissza a szavazólaphoz, és próbálja újra.
verifiable-refused-wrong-election = Ez a titkosított szavazólap egy másik választáshoz készült (vagy ehhez, mielőtt megváltozott). Semmit sem mentettünk. Térjen vissza a szavazólaphoz, és szavazzon újra.
verifiable-refused-proof = A titkosított szavazólap bizonyítékai nem stimmelnek ({ $problem }). Semmit sem mentettünk. Térjen vissza a szavazólaphoz, és szavazzon újra.
verifiable-refused-copied = Ezt a szavazólapot már valaki más leadta: a hitelesítő kulcsát már használták ebben a választásban. Semmit sem mentettünk. Térjen vissza a szavazólaphoz, és szavazzon újra.

verifiable-receipt-tracker = A szavazólapja követőkódja
verifiable-receipt-board = Keresse meg a szavazólapját a nyilvános táblán
verifiable-receipt-inclusion = A titkosított szavazólapja a neve nélkül jelenik meg a nyilvános táblán. A bennfoglalás bizonyítéka a következő aláírt fafej közzététele után érhető el.
verifiable-sealed-by-voter = A szavazólapját a böngészőjében titkosítottuk.
verifiable-sealed-by-server = A szavazólapját a szerver titkosította, mert ez a böngésző nem futtatta a titkosító szkriptet.
