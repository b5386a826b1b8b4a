error-unavailable-title = Försök igen om några minuter
error-unavailable-detail = Valets databas går inte att nå just nu, så inget av det du skickade har bekräftats. Utan kvitto ska du inte räkna med din valsedel: kom tillbaka om några minuter och lägg den igen (om den redan nådde valurnan får du veta det).
