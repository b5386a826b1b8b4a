verifiable-review-title = Seçimlerinizi kontrol edin
verifiable-encrypting = Oy pusulanız bu tarayıcıda şifreleniyor…
verifiable-encrypted = Oy pusulanız bu tarayıcıda şifrelendi. Seçimleriniz tarayıcıdan çıkmadı. Oy pusulasını verin ya da önce seçimlerinizi içerdiğini denetleyin.
verifiable-tracker-label = Bu şifreli oy pusulasının takip kodu
verifiable-cast = Bu oy pusulasını ver
verifiable-audit = Bu oy pusulasını denetle (verilmeyecek)
verifiable-change = Seçimlerimi değiştir
verifiable-audit-title = Denetlenen oy pusulası
verifiable-audit-ok = Bu sayfada doğrulandı: bu şifreli oy pusulası tam olarak yukarıda gösterilen seçimleri içeriyor. Atıldı ve asla verilmeyecek; dosyayı saklayıp herhangi bir doğrulayıcıyla denetleyebilirsiniz.
verifiable-audit-failed = Bu denetlenen oy pusulası doğrulamayı geçemedi: { $problem }. Bu sayfadan oy pusulası vermeyin; seçim düzenleyicilerine haber verin.
verifiable-audit-download = Denetlenen oy pusulasını indir (JSON)
verifiable-encrypt-again = Seçimlerimi yeniden şifrele
verifiable-invalid = Oy pusulanız bu hâliyle şifrelenemez: { $problem }
verifiable-abstain = Çekimser
verifiable-unavailable = Bu tarayıcı şifreleme betiğini yükleyemedi. Devam ettiğinizde oy pusulanızı sunucu şifreleyecek.

verifiable-refused-title = Oy pusulası kabul edilmedi
verifiable-refused-malformed = Şifreli oy pusulası okunamadı ({ $problem }). Hiçbir şey kaydedilmedi. Lütfen oy pusulasına dönüp yeniden deneyin.
verifiable-refused-wrong-election = Bu şifreli oy pusulası başka bir seçim için (ya da bu seçim değişmeden önce) hazırlanmış. Hiçbir şey kaydedilmedi. Lütfen oy pusulasına dönüp yeniden oy verin.
verifiable-refused-proof = Şifreli oy pusulasının kanıtları tutmuyor ({ $problem }). Hiçbir şey kaydedilmedi. Lütfen oy pusulasına dönüp yeniden oy verin.
verifiable-refused-copied = Bu oy pusulası başka biri tarafından zaten verildi: kimlik anahtarı bu seçimde zaten kullanıldı. Hiçbir şey kaydedilmedi. Lütfen oy pusulasına dönüp yeniden oy verin.

verifiable-receipt-tracker = Oy pusulanızın takip kodu
verifiable-receipt-board = Oy pusulanızı herkese açık panoda bulun
verifiable-receipt-inclusion = Şifreli oy pusulanız herkese açık panoda adınız olmadan görünür. Dahil edildiğinin kanıtı, bir sonraki imzalı ağaç başı yayımlandığında kullanılabilir olur.
verifiable-sealed-by-voter = Oy pusulanız tarayıcınızda şifrelendi.
verifiable-sealed-by-server = Bu tarayıcı şifreleme betiğini çalıştırmadığı için oy pusulanızı sunucu şifreledi.
