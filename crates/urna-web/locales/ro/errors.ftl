error-status = Eroare { $status }
error-back-home = Înapoi la pagina principală
error-not-found-title = Pagina nu a fost găsită
error-not-found-detail = La această adresă nu există nimic. Verificați linkul sau reîncepeți de la pagina principală.
error-method-not-allowed-title = Nepermis aici
error-method-not-allowed-detail = Această pagină nu poate fi folosită astfel.
error-bad-request-title = Cererea nu a putut fi citită
error-bad-request-detail = Lipsește ceva din ce s-a trimis sau este greșit. Reveniți, verificați formularul și încercați din nou.
error-csrf-title = Formularul nu a putut fi acceptat
error-csrf-detail = Formularul a expirat sau a fost trimis de pe alt site. Reveniți, reîncărcați pagina și încercați din nou.
error-rate-limited-title = Prea multe încercări
error-rate-limited-detail = { $seconds ->
    [one] Așteptați o secundă, apoi încercați din nou.
    [few] Așteptați { $seconds } secunde, apoi încercați din nou.
   *[other] Așteptați { $seconds } de secunde, apoi încercați din nou.
}
error-payload-too-large-title = Prea multe date
error-payload-too-large-detail = Ce s-a trimis depășește ce acceptă acest server.
error-timeout-title = A durat prea mult
error-timeout-detail = Serverul nu a putut răspunde la timp. Încercați din nou peste câteva momente.
error-internal-title = Ceva nu a mers bine
error-internal-detail = Serverul nu a putut finaliza cererea. Nu s-a modificat nimic; încercați din nou peste câteva momente.
