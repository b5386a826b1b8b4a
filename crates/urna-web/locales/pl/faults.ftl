error-unavailable-title = Spróbuj ponownie za kilka minut
error-unavailable-detail = Baza danych wyborów jest teraz niedostępna, więc nic z przesłanych danych nie zostało potwierdzone. Bez potwierdzenia nie licz na swoją kartę: wróć za kilka minut i zagłosuj ponownie (jeśli karta jednak trafiła do urny, wybory cię o tym poinformują).
