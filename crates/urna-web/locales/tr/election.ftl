election-state-label = Durum
election-state-draft = Hazırlanıyor
election-state-ready = Planlandı
election-state-open = Oylamaya açık
election-state-closed = Oylama kapandı; sayım yakında
election-state-counted = Sayıldı; sonuçlar henüz yayımlanmadı
election-state-published = Sonuçlar yayımlandı
election-state-archived = Arşivlendi
election-window-title = Oylama dönemi
election-window-opens = Başlangıç
election-window-closes = Bitiş
election-window-zones = Saatler önce seçimin saat diliminde ({ $election }), sonra sizinkinde ({ $viewer }) verilir.
election-vote-title = Oy ver
election-vote-go = Oy pusulanıza gidin
election-vote-how = Oy vermek için aldığınız kişisel oy bağlantısını açın.
election-results-link = Sonuçları görün
election-results-later = Sonuçlar sayımdan sonra yayımlanır. Öncesinde kimse kısmi sonuç göremez.
election-questions-title = Sorular
election-question-position = Soru { $number }/{ $total }:
election-kind-choose-one = bir seçenek seçin.
election-kind-approval = desteklediğiniz seçenekleri onaylayın.
election-kind-support-oppose = her seçeneği destekleyin, tarafsız kalın veya karşı çıkın.
election-kind-score = her seçeneğe puan verin.
election-kind-ranked = adayları tercih sırasına koyun.
election-method = Sayım yöntemi: { $method }; { $seats ->
    [one] bir sandalye.
   *[other] { $seats } sandalye.
}
election-turnout = { $eligible ->
    [one] 1 seçmenden { $voted } kişi oy verdi.
   *[other] { $eligible } seçmenden { $voted } kişi oy verdi.
}

voter-notice-back = Seçim sayfasına dön
voter-notice-sign-in-title = Oy vermek için giriş yapın
voter-notice-sign-in = Bu oy pusulası için bu seçime ait kişisel oy bağlantınız gerekir. Aldığınız bağlantıyı açın.
voter-notice-wrong-election = Başka bir seçim için giriş yaptınız. Bu seçim için aldığınız oy bağlantısını açın.
voter-notice-revoked = Bu oy bağlantısı geri çekildi. Seçim düzenleyicilerinden yenisini isteyin.
voter-notice-not-open-title = Oylama açık değil
voter-notice-not-yet = Oylama henüz başlamadı. Başlangıç: { $opens }.
voter-notice-closed = Oylama kapandı. Artık oy pusulası verilemez veya değiştirilemez.
voter-notice-already-voted-title = Zaten oy verdiniz
voter-notice-no-changes = Zaten oy verdiniz ve bu seçim verilen bir oy pusulasının değiştirilmesine izin vermiyor.
voter-notice-revote = Zaten oy verdiniz. Yeni bir oy pusulası verirseniz öncekinin yerini alır: yalnızca son oy pusulanız sayılır.
voter-notice-replaced = Bu oy pusulası öncekinin yerini aldı. Yalnızca bu oy pusulası sayılacak.
voter-notice-struck = Önceki oy pusulanız seçim yöneticilerince iptal edildi (gerekçe: { $reason }). Yeniden oy verebilirsiniz.
voter-notice-invalid = Oy pusulanız kabul edilmedi: { $problem }
