error-unavailable-title = Yritä uudelleen muutaman minuutin kuluttua
error-unavailable-detail = Vaalien tietokantaan ei juuri nyt saada yhteyttä, joten mitään lähettämääsi ei vahvistettu. Ilman kuittia älä luota lippuusi: palaa muutaman minuutin kuluttua ja äänestä uudelleen (jos lippu ehti uurnaan, vaalit kertovat sen sinulle).
