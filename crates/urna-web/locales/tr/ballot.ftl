ballot-title = Oy pusulanız
ballot-intro = Her soruyu yanıtlayın ya da çekimser kalmayı seçin. Henüz hiçbir şey verilmedi: oy pusulanızı vermeden önce seçimlerinizi yeniden göreceksiniz.
ballot-question-position = Soru { $number }/{ $total }
ballot-list-separator = {", "}
ballot-abstain = Bu soruda çekimser kal
ballot-withdrawn = Çekildi, artık aday değil: { $names }
ballot-review-help = Sonra, oy pusulanızı vermeden önce kontrol etmeniz için seçimlerinizi yeniden göreceksiniz.
ballot-review = Oy pusulamı gözden geçir

ballot-instructions-choose-one = Bir seçenek seçin.
ballot-instructions-approval-exactly = { $count ->
    [one] Tam olarak bir seçeneği onaylayın.
   *[other] Tam olarak { $count } seçeneği onaylayın.
}
ballot-instructions-approval-up-to = { $max ->
    [one] En fazla bir seçeneği onaylayın. Hiçbirini onaylamayabilirsiniz.
   *[other] İstediğiniz seçenekleri onaylayın, en fazla { $max } tane. Hiçbirini onaylamayabilirsiniz.
}
ballot-instructions-approval-range = En az { $min }, en fazla { $max } seçeneği onaylayın.
ballot-instructions-score = Her seçeneğe { $min } (en kötü) ile { $max } (en iyi) arasında bir puan verin ya da puansız bırakın.
ballot-instructions-son = Her seçenek için Destekliyorum, Tarafsız veya Karşıyım’ı seçin ya da görüşsüz bırakın.
ballot-instructions-ranked = Adayları tercih sırasına koyun: ilk tercihiniz için 1, ikinci tercihiniz için 2 ve böyle devam edin. Boş bıraktığınız adaylar sıralanmaz.
ballot-instructions-ranked-distinct = Sıraladığınız her adaya farklı bir sayı verin.
ballot-instructions-ranked-equal = Birkaç adayı eşit sıralamak için onlara aynı sayıyı verebilirsiniz.
ballot-instructions-ranked-max = { $max ->
    [one] Yalnızca bir aday sıralayabilirsiniz.
   *[other] En fazla { $max } aday sıralayabilirsiniz.
}
ballot-instructions-ranked-js = Adayları sıralamanıza eklemek için “Ekle”yi, sıralamak için “Yukarı” ve “Aşağı”yı kullanın. İlk tercihiniz en üsttedir. Yukarı ve aşağı ok tuşları düğmeler arasında gezinir.
ballot-rank-range = Sıraladığınız her adayın yanına 1 ile { $max } arasında bir sayı yazın.
ballot-score-blank = Puan yok
ballot-son-support = Destekliyorum
ballot-son-neutral = Tarafsız
ballot-son-oppose = Karşıyım
ballot-son-blank = Görüş yok

ballot-js-your-ranking = Sıralamanız
ballot-js-empty = Henüz kimseyi sıralamadınız.
ballot-js-candidates = Henüz sıralanmamış adaylar
ballot-js-filter = Aday bul
ballot-js-filter-count = { $count } aday gösteriliyor
ballot-js-add = Ekle
ballot-js-add-label = { $name } adayını sıralamanıza ekle
ballot-js-remove = Çıkar
ballot-js-remove-label = { $name } adayını sıralamanızdan çıkar
ballot-js-up = Yukarı
ballot-js-up-label = { $name } adayını yukarı taşı
ballot-js-down = Aşağı
ballot-js-down-label = { $name } adayını aşağı taşı
ballot-js-added = { $name } { $rank }. sıraya eklendi
ballot-js-moved = { $name } { $rank }. sıraya taşındı
ballot-js-removed = { $name } sıralamanızdan çıkarıldı
ballot-js-at-top = { $name } zaten ilk tercihiniz
ballot-js-at-bottom = { $name } zaten sıralamanızın sonunda
ballot-js-limit = En fazla { $max } aday sıralayabilirsiniz

ballot-error-summary-title = Oy pusulanız dikkat gerektiriyor
ballot-error-summary-intro = Hiçbir şey verilmedi. Aşağıdakileri düzeltin, sonra oy pusulanızı yeniden gözden geçirin:
ballot-error-in-question = Soru { $number }: { $message }
ballot-error-no-choice = Bir seçenek seçin ya da bu soruda çekimser kalmayı seçin.
ballot-error-abstain-and-answer = Çekimser kalmayı seçtiniz ama seçim de işaretlediniz. Seçimlerinizi temizleyin ya da “Bu soruda çekimser kal” işaretini kaldırın.
ballot-error-several-choices = Yalnızca bir seçenek seçin.
ballot-error-unknown-option = Oy pusulası üzerinde olmayan bir seçeneği belirtti (“{ $value }”). Sayfayı yeniden yükleyip yeniden doldurun.
ballot-error-withdrawn = { $name } çekildi ve artık seçilemez.
ballot-error-repeated = { $name } gönderilenlerde iki kez geçiyor. Sayfayı yeniden yükleyip yeniden doldurun.
ballot-error-rank-not-number = { $name } için sıra bir tam sayı olmalı, “{ $value }” değil.
ballot-error-score-not-number = { $name } için puan bir tam sayı olmalı, “{ $value }” değil.
ballot-error-rank-out-of-range = { $name } için sıra 1 ile { $max } arasında olmalı, { $value } değil.
ballot-error-score-out-of-range = { $name } için puan { $min } ile { $max } arasında olmalı, { $value } değil.
ballot-error-equal-ranks = { $names } adaylarının hepsi { $rank }. sırada. Her adaya farklı bir sayı verin.
ballot-error-too-few = { $min ->
    [one] En az bir seçeneği onaylayın ya da çekimser kalmayı seçin.
   *[other] En az { $min } seçeneği onaylayın ya da çekimser kalmayı seçin.
}
ballot-error-too-many = { $max ->
    [one] En fazla bir seçeneği onaylayın.
   *[other] En fazla { $max } seçeneği onaylayın.
}
ballot-error-too-many-ranked = { $max ->
    [one] Yalnızca bir aday sıralayın.
   *[other] En fazla { $max } aday sıralayın.
}
ballot-error-other = Bu yanıt kabul edilemez: { $detail }
ballot-error-unknown-field = Form bu oy pusulasına ait olmayan bir şey içeriyordu. Sayfayı yeniden yükleyip yeniden doldurun.

ballot-confirm-title = Oy pusulanızı kontrol edin
ballot-confirm-intro = Oy pusulanız henüz verilmedi. Seçimlerinizi kontrol edin, sonra oy pusulanızı verin ya da değiştirin.
ballot-confirm-question = Soru { $number }:
ballot-confirm-abstain = Bu soruda çekimsersiniz.
ballot-confirm-choice = Seçiminiz:
ballot-confirm-approved-none = Seçeneklerin hiçbirini onaylamıyorsunuz.
ballot-confirm-approved = { $count ->
    [one] Bu seçeneği onaylıyorsunuz:
   *[other] Bu { $count } seçeneği onaylıyorsunuz:
}
ballot-confirm-scores-none = Hiçbir seçeneğe puan vermediniz.
ballot-confirm-scores = { $blank ->
    [0] Puanlarınız:
    [one] Puanlarınız (bir seçenek puansız):
   *[other] Puanlarınız ({ $blank } seçenek puansız):
}
ballot-confirm-ranking = { $unranked ->
    [0] Sıralamanız, ilk tercih başta:
    [one] Sıralamanız, ilk tercih başta (bir aday sıralanmadı):
   *[other] Sıralamanız, ilk tercih başta ({ $unranked } aday sıralanmadı):
}
ballot-confirm-equal = eşit sırada
ballot-confirm-secret = Oy pusulanızı verdiğiniz anda mühürlenir: kimse, bu sunucuyu işletenler bile, onu tek başına okuyamaz.
ballot-confirm-cast = Bu oy pusulasını ver
ballot-confirm-change = Oy pusulamı değiştir

ballot-receipt-title = Oy pusulanız verildi
ballot-receipt-code-label = Makbuz kodunuz
ballot-receipt-keep = Not edin ya da kaydedin.
ballot-receipt-proves-title = Bu kod neyi gösterir
ballot-receipt-proves = Kod, mühürlü oy pusulanızdan hesaplanır. Oy pusulanızın kaydedildiğini ve sayılanlar arasında olduğunu doğrulamanızı sağlar.
ballot-receipt-not-title = Neyi göstermez
ballot-receipt-not = Kod nasıl oy verdiğinizi açığa vurmaz ve bunu kimseye kanıtlayamaz: kimse onu oyunuzu satın almak ya da denetlemek için kullanamaz.
ballot-receipt-revote = Seçim açık olduğu sürece yeniden oy verebilirsiniz. Yalnızca son oy pusulanız sayılır ve yeni bir kod alır.
ballot-receipt-no-revote = Bu seçim, verilen bir oy pusulasının değiştirilmesine izin vermiyor.
ballot-preview-note = Bu bir önizlemedir: hiçbir şey kaydedilmedi ve aşağıdaki kod bir örnektir.
