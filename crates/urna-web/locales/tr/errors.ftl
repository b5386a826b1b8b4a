error-status = Hata { $status }
error-back-home = Ana sayfaya dön
error-not-found-title = Sayfa bulunamadı
error-not-found-detail = Bu adreste hiçbir şey yok. Bağlantıyı kontrol edin veya ana sayfadan yeniden başlayın.
error-method-not-allowed-title = Burada izin verilmiyor
error-method-not-allowed-detail = Bu sayfa bu şekilde kullanılamaz.
error-bad-request-title = İstek okunamadı
error-bad-request-detail = Gönderilen bilgilerde eksik veya hatalı bir şey var. Geri dönün, formu kontrol edin ve yeniden deneyin.
error-csrf-title = Bu form kabul edilemedi
error-csrf-detail = Formun süresi doldu veya başka bir siteden gönderildi. Geri dönün, sayfayı yeniden yükleyin ve tekrar deneyin.
error-rate-limited-title = Çok fazla deneme
error-rate-limited-detail = { $seconds ->
    [one] Bir saniye bekleyin, sonra yeniden deneyin.
   *[other] { $seconds } saniye bekleyin, sonra yeniden deneyin.
}
error-payload-too-large-title = Çok fazla veri
error-payload-too-large-detail = Gönderilen veri bu sunucunun kabul ettiğinden büyük.
error-timeout-title = Bu çok uzun sürdü
error-timeout-detail = Sunucu zamanında yanıt veremedi. Biraz sonra yeniden deneyin.
error-internal-title = Bir şeyler ters gitti
error-internal-detail = Sunucu isteğinizi tamamlayamadı. Hiçbir şey değişmedi; biraz sonra yeniden deneyin.
