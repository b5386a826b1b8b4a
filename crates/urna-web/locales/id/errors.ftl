error-status = Galat { $status }
error-back-home = Kembali ke beranda
error-not-found-title = Halaman tidak ditemukan
error-not-found-detail = Tidak ada apa pun di alamat ini. Periksa tautannya, atau mulai lagi dari beranda.
error-method-not-allowed-title = Tidak diizinkan di sini
error-method-not-allowed-detail = Halaman ini tidak dapat digunakan dengan cara itu.
error-bad-request-title = Permintaan tidak dapat dibaca
error-bad-request-detail = Ada yang kurang atau salah dalam data yang dikirim. Kembali, periksa formulir, lalu coba lagi.
error-csrf-title = Formulir ini tidak dapat diterima
error-csrf-detail = Formulir sudah kedaluwarsa atau dikirim dari situs lain. Kembali, muat ulang halaman, lalu coba lagi.
error-rate-limited-title = Terlalu banyak percobaan
error-rate-limited-detail = { $seconds ->
   *[other] Tunggu { $seconds } detik, lalu coba lagi.
}
error-payload-too-large-title = Data terlalu besar
error-payload-too-large-detail = Data yang dikirim lebih besar daripada yang diterima server ini.
error-timeout-title = Terlalu lama
error-timeout-detail = Server tidak dapat menjawab tepat waktu. Coba lagi sebentar lagi.
error-internal-title = Terjadi kesalahan
error-internal-detail = Server tidak dapat menyelesaikan permintaan Anda. Tidak ada yang berubah; coba lagi sebentar lagi.
