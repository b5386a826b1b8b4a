error-unavailable-title = Zkuste to prosím znovu za několik minut
error-unavailable-detail = Databáze voleb je nyní nedostupná, takže nic z toho, co jste odeslali, nebylo potvrzeno. Bez potvrzení na svůj lístek nespoléhejte: vraťte se za několik minut a hlasujte znovu (pokud lístek do urny přece jen dorazil, volby vám to sdělí).
