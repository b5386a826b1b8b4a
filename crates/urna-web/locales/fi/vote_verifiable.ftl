verifiable-review-title = Tarkista valintasi
verifiable-encrypting = Lippuasi salataan tässä selaimessa…
verifiable-encrypted = Lippusi on salattu tässä selaimessa. Valintasi eivät ole lähteneet sieltä. Jätä lippu tai tarkasta ensin, että se sisältää valintasi.
verifiable-tracker-label = Tämän salatun lipun seurantakoodi
verifiable-cast = Jätä tämä lippu
verifiable-audit = Tarkasta tämä lippu (sitä ei jätetä)
verifiable-change = Muuta valintojani
verifiable-audit-title = Tarkastettu lippu
verifiable-audit-ok = Tarkistettu tällä sivulla: tämä salattu lippu sisältää täsmälleen yllä näkyvät valinnat. Se on hylätty eikä sitä koskaan jätetä; voit säilyttää tiedoston ja tarkistaa sen millä tahansa tarkistimella.
verifiable-audit-failed = Tämä tarkastettu lippu ei läpäissyt tarkistusta: { $problem }. Älä jätä lippua tältä sivulta; ilmoita vaalien järjestäjille.
verifiable-audit-download = Lataa tarkastettu lippu (JSON)
verifiable-encrypt-again = Salaa valintani uudelleen
verifiable-invalid = Lippuasi ei voi salata näin täytettynä: { $problem }
verifiable-abstain = Pidättäydy
verifiable-unavailable = Tämä selain ei voinut ladata salausskriptiä. Kun jatkat, palvelin salaa lippusi.

verifiable-refused-title = Lippua ei hyväksytty
verifiable-refused-malformed = Salattua lippua ei voitu lukea ({ $problem }). Mitään ei tallennettu. Palaa lippuun ja yritä uudelleen.
verifiable-refused-wrong-election = Tämä salattu lippu tehtiin toisiin vaaleihin (tai näihin ennen niiden muuttamista). Mitään ei tallennettu. Palaa lippuun ja äänestä uudelleen.
verifiable-refused-proof = Salatun lipun todisteet eivät täsmää ({ $problem }). Mitään ei tallennettu. Palaa lippuun ja äänestä uudelleen.
verifiable-refused-copied = Joku muu on jo jättänyt tämän lipun: sen tunnistusavainta on jo käytetty näissä vaaleissa. Mitään ei tallennettu. Palaa lippuun ja äänestä uudelleen.

verifiable-receipt-tracker = Lippusi seurantakoodi
verifiable-receipt-board = Etsi lippusi julkiselta ilmoitustaululta
verifiable-receipt-inclusion = Salattu lippusi näkyy julkisella ilmoitustaululla ilman nimeäsi. Todiste sen sisältymisestä on saatavilla, kun seuraava allekirjoitettu puun pää julkaistaan.
verifiable-sealed-by-voter = Lippusi salattiin selaimessasi.
verifiable-sealed-by-server = Palvelin salasi lippusi, koska tämä selain ei suorittanut salausskriptiä.
