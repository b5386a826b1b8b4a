ballot-title = Surat suara Anda
ballot-intro = Jawab setiap pertanyaan, atau pilih abstain. Belum ada yang diberikan: Anda akan melihat pilihan Anda lagi sebelum memberikan surat suara.
ballot-question-position = Pertanyaan { $number } dari { $total }
ballot-list-separator = {", "}
ballot-abstain = Abstain pada pertanyaan ini
ballot-withdrawn = Mengundurkan diri, tidak lagi mencalonkan: { $names }
ballot-review-help = Berikutnya, Anda akan melihat pilihan Anda lagi untuk diperiksa sebelum memberikan surat suara.
ballot-review = Tinjau surat suara saya

ballot-instructions-choose-one = Pilih satu opsi.
ballot-instructions-approval-exactly = { $count ->
   *[other] Setujui tepat { $count } opsi.
}
ballot-instructions-approval-up-to = { $max ->
   *[other] Setujui opsi mana pun yang Anda mau, paling banyak { $max }. Anda boleh tidak menyetujui satu pun.
}
ballot-instructions-approval-range = Setujui paling sedikit { $min } dan paling banyak { $max } opsi.
ballot-instructions-score = Beri setiap opsi nilai dari { $min } (terburuk) sampai { $max } (terbaik), atau biarkan tanpa nilai.
ballot-instructions-son = Untuk setiap opsi, pilih Mendukung, Netral, atau Menolak, atau biarkan tanpa pendapat.
ballot-instructions-ranked = Urutkan kandidat menurut preferensi: 1 untuk pilihan pertama, 2 untuk pilihan kedua, dan seterusnya. Kandidat yang dibiarkan kosong tidak diurutkan.
ballot-instructions-ranked-distinct = Beri setiap kandidat yang diurutkan angka yang berbeda.
ballot-instructions-ranked-equal = Anda boleh memberi beberapa kandidat angka yang sama untuk mengurutkan mereka setara.
ballot-instructions-ranked-max = { $max ->
   *[other] Anda boleh mengurutkan paling banyak { $max } kandidat.
}
ballot-instructions-ranked-js = Gunakan “Tambah” untuk memasukkan kandidat ke urutan Anda, lalu “Naik” dan “Turun” untuk menyusunnya. Pilihan pertama Anda ada di atas. Tombol panah atas dan bawah berpindah antartombol.
ballot-rank-range = Ketik angka dari 1 sampai { $max } di samping setiap kandidat yang Anda urutkan.
ballot-score-blank = Tanpa nilai
ballot-son-support = Mendukung
ballot-son-neutral = Netral
ballot-son-oppose = Menolak
ballot-son-blank = Tanpa pendapat

ballot-js-your-ranking = Urutan Anda
ballot-js-empty = Anda belum mengurutkan siapa pun.
ballot-js-candidates = Kandidat yang belum diurutkan
ballot-js-filter = Cari kandidat
ballot-js-filter-count = { $count } kandidat ditampilkan
ballot-js-add = Tambah
ballot-js-add-label = Tambahkan { $name } ke urutan Anda
ballot-js-remove = Hapus
ballot-js-remove-label = Hapus { $name } dari urutan Anda
ballot-js-up = Naik
ballot-js-up-label = Naikkan { $name }
ballot-js-down = Turun
ballot-js-down-label = Turunkan { $name }
ballot-js-added = { $name } ditambahkan di urutan { $rank }
ballot-js-moved = { $name } dipindahkan ke urutan { $rank }
ballot-js-removed = { $name } dihapus dari urutan Anda
ballot-js-at-top = { $name } sudah menjadi pilihan pertama Anda
ballot-js-at-bottom = { $name } sudah berada di urutan terakhir
ballot-js-limit = Anda boleh mengurutkan paling banyak { $max } kandidat

ballot-error-summary-title = Surat suara Anda perlu diperhatikan
ballot-error-summary-intro = Belum ada yang diberikan. Perbaiki hal berikut, lalu tinjau surat suara Anda lagi:
ballot-error-in-question = Pertanyaan { $number }: { $message }
ballot-error-no-choice = Pilih satu opsi, atau pilih abstain pada pertanyaan ini.
ballot-error-abstain-and-answer = Anda memilih abstain tetapi juga menandai pilihan. Hapus pilihan Anda, atau hilangkan centang “Abstain pada pertanyaan ini”.
ballot-error-several-choices = Pilih hanya satu opsi.
ballot-error-unknown-option = Surat suara menyebut opsi yang tidak ada di dalamnya (“{ $value }”). Muat ulang halaman dan isi lagi.
ballot-error-withdrawn = { $name } telah mengundurkan diri dan tidak dapat dipilih lagi.
ballot-error-repeated = { $name } muncul dua kali dalam data yang dikirim. Muat ulang halaman dan isi lagi.
ballot-error-rank-not-number = Urutan untuk { $name } harus bilangan bulat, bukan “{ $value }”.
ballot-error-score-not-number = Nilai untuk { $name } harus bilangan bulat, bukan “{ $value }”.
ballot-error-rank-out-of-range = Urutan untuk { $name } harus dari 1 sampai { $max }, bukan { $value }.
ballot-error-score-out-of-range = Nilai untuk { $name } harus dari { $min } sampai { $max }, bukan { $value }.
ballot-error-equal-ranks = { $names } semuanya berada di urutan { $rank }. Beri setiap kandidat angka yang berbeda.
ballot-error-too-few = { $min ->
   *[other] Setujui paling sedikit { $min } opsi, atau pilih abstain.
}
ballot-error-too-many = { $max ->
   *[other] Setujui paling banyak { $max } opsi.
}
ballot-error-too-many-ranked = { $max ->
   *[other] Urutkan paling banyak { $max } kandidat.
}
ballot-error-other = Jawaban ini tidak dapat diterima: { $detail }
ballot-error-unknown-field = Formulir berisi sesuatu yang bukan bagian dari surat suara ini. Muat ulang halaman dan isi lagi.

ballot-confirm-title = Periksa surat suara Anda
ballot-confirm-intro = Surat suara Anda belum diberikan. Periksa pilihan Anda, lalu berikan surat suara atau ubah.
ballot-confirm-question = Pertanyaan { $number }:
ballot-confirm-abstain = Anda abstain pada pertanyaan ini.
ballot-confirm-choice = Anda memilih:
ballot-confirm-approved-none = Anda tidak menyetujui satu pun opsi.
ballot-confirm-approved = { $count ->
   *[other] Anda menyetujui { $count } opsi berikut:
}
ballot-confirm-scores-none = Anda tidak memberi nilai pada opsi mana pun.
ballot-confirm-scores = { $blank ->
    [0] Nilai Anda:
   *[other] Nilai Anda ({ $blank } opsi tanpa nilai):
}
ballot-confirm-ranking = { $unranked ->
    [0] Urutan Anda, pilihan pertama di awal:
   *[other] Urutan Anda, pilihan pertama di awal ({ $unranked } kandidat tidak diurutkan):
}
ballot-confirm-equal = setara
ballot-confirm-secret = Begitu Anda memberikan surat suara, surat suara itu langsung disegel: tidak ada yang bisa membacanya sendirian, bahkan pengelola server ini pun tidak.
ballot-confirm-cast = Berikan surat suara ini
ballot-confirm-change = Ubah surat suara saya

ballot-receipt-title = Surat suara Anda telah diberikan
ballot-receipt-code-label = Kode tanda terima Anda
ballot-receipt-keep = Catat atau simpan kode ini.
ballot-receipt-proves-title = Apa yang ditunjukkan kode ini
ballot-receipt-proves = Kode dihitung dari surat suara Anda yang tersegel. Dengan kode ini Anda dapat memeriksa bahwa surat suara Anda tercatat dan termasuk yang dihitung.
ballot-receipt-not-title = Apa yang tidak ditunjukkannya
ballot-receipt-not = Kode tidak mengungkapkan pilihan Anda dan tidak dapat membuktikannya kepada siapa pun: tidak ada yang bisa memakainya untuk membeli atau memeriksa suara Anda.
ballot-receipt-revote = Selama pemilihan dibuka Anda boleh memilih lagi. Hanya surat suara terakhir yang dihitung, dan surat suara itu mendapat kode baru.
ballot-receipt-no-revote = Pemilihan ini tidak mengizinkan perubahan surat suara yang sudah diberikan.
ballot-preview-note = Ini pratinjau: tidak ada yang dicatat, dan kode di bawah hanyalah contoh.
