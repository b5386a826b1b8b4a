election-state-label = Status
election-state-draft = Sedang disiapkan
election-state-ready = Terjadwal
election-state-open = Dibuka untuk pemungutan suara
election-state-closed = Pemungutan suara ditutup; segera dihitung
election-state-counted = Sudah dihitung; hasil belum diumumkan
election-state-published = Hasil diumumkan
election-state-archived = Diarsipkan
election-window-title = Masa pemungutan suara
election-window-opens = Dibuka
election-window-closes = Ditutup
election-window-zones = Waktu ditampilkan dalam zona waktu pemilihan ({ $election }), lalu dalam zona waktu Anda ({ $viewer }).
election-vote-title = Memilih
election-vote-go = Ke surat suara Anda
election-vote-how = Untuk memilih, buka tautan pemungutan suara pribadi yang Anda terima.
election-results-link = Lihat hasil
election-results-later = Hasil diumumkan setelah penghitungan. Tidak ada yang melihat hasil sementara sebelumnya.
election-questions-title = Pertanyaan
election-question-position = Pertanyaan { $number } dari { $total }:
election-kind-choose-one = pilih satu opsi.
election-kind-approval = setujui opsi yang Anda dukung.
election-kind-support-oppose = dukung, bersikap netral, atau tolak setiap opsi.
election-kind-score = beri nilai pada setiap opsi.
election-kind-ranked = urutkan kandidat menurut preferensi.
election-method = Metode penghitungan: { $method }; { $seats ->
   *[other] { $seats } kursi.
}
election-turnout = { $eligible ->
   *[other] { $voted } dari { $eligible } pemilih sudah memilih.
}

voter-notice-back = Kembali ke halaman pemilihan
voter-notice-sign-in-title = Masuk untuk memilih
voter-notice-sign-in = Surat suara ini memerlukan tautan pemungutan suara pribadi Anda untuk pemilihan ini. Buka tautan yang Anda terima.
voter-notice-wrong-election = Anda masuk untuk pemilihan lain. Buka tautan pemungutan suara yang Anda terima untuk pemilihan ini.
voter-notice-revoked = Tautan pemungutan suara ini telah ditarik. Minta yang baru kepada penyelenggara pemilihan.
voter-notice-not-open-title = Pemungutan suara belum dibuka
voter-notice-not-yet = Pemungutan suara belum dimulai. Dibuka { $opens }.
voter-notice-closed = Pemungutan suara telah ditutup. Surat suara tidak dapat lagi diberikan atau diubah.
voter-notice-already-voted-title = Anda sudah memilih
voter-notice-no-changes = Anda sudah memilih, dan pemilihan ini tidak mengizinkan perubahan surat suara yang sudah diberikan.
voter-notice-revote = Anda sudah memilih. Jika Anda memberikan surat suara baru, surat suara itu menggantikan yang sebelumnya: hanya yang terakhir yang dihitung.
voter-notice-replaced = Surat suara ini menggantikan yang sebelumnya. Hanya surat suara ini yang akan dihitung.
voter-notice-struck = Surat suara Anda sebelumnya dibatalkan oleh pengurus pemilihan (alasan: { $reason }). Anda boleh memilih lagi.
voter-notice-invalid = Surat suara Anda tidak diterima: { $problem }
