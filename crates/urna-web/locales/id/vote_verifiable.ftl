verifiable-review-title = Periksa pilihan Anda
verifiable-encrypting = Mengenkripsi surat suara Anda di peramban ini…
verifiable-encrypted = Surat suara Anda terenkripsi di peramban ini. Pilihan Anda tidak meninggalkannya. Berikan, atau audit dulu untuk memeriksa bahwa surat suara berisi pilihan Anda.
verifiable-tracker-label = Pelacak surat suara terenkripsi ini
verifiable-cast = Berikan surat suara ini
verifiable-audit = Audit surat suara ini (tidak akan diberikan)
verifiable-change = Ubah pilihan saya
verifiable-audit-title = Surat suara yang diaudit
verifiable-audit-ok = Diperiksa di halaman ini: surat suara terenkripsi ini berisi tepat pilihan yang tampil di atas. Surat suara ini telah dibuang dan tidak akan pernah diberikan; Anda boleh menyimpan berkasnya dan memeriksanya dengan pemeriksa apa pun.
verifiable-audit-failed = Surat suara yang diaudit ini tidak lolos pemeriksaan: { $problem }. Jangan memberikan surat suara dari halaman ini; beri tahu penyelenggara pemilihan.
verifiable-audit-download = Unduh surat suara yang diaudit (JSON)
verifiable-encrypt-again = Enkripsi ulang pilihan saya
verifiable-invalid = Surat suara Anda tidak dapat dienkripsi sebagaimana diisi: { $problem }
verifiable-abstain = Abstain
verifiable-unavailable = Peramban ini tidak dapat memuat skrip enkripsi. Saat Anda melanjutkan, server yang akan mengenkripsi surat suara Anda.

verifiable-refused-title = Surat suara tidak diterima
verifiable-refused-malformed = Surat suara terenkripsi tidak dapat dibaca ({ $problem }). Tidak ada yang disimpan. Silakan kembali ke surat suara dan coba lagi.
verifiable-refused-wrong-election = Surat suara terenkripsi ini dibuat untuk pemilihan lain (atau untuk pemilihan ini sebelum berubah). Tidak ada yang disimpan. Silakan kembali ke surat suara dan memilih lagi.
verifiable-refused-proof = Bukti surat suara terenkripsi tidak cocok ({ $problem }). Tidak ada yang disimpan. Silakan kembali ke surat suara dan memilih lagi.
verifiable-refused-copied = Surat suara ini sudah diberikan oleh orang lain: kunci kredensialnya sudah dipakai dalam pemilihan ini. Tidak ada yang disimpan. Silakan kembali ke surat suara dan memilih lagi.

verifiable-receipt-tracker = Pelacak surat suara Anda
verifiable-receipt-board = Temukan surat suara Anda di papan publik
verifiable-receipt-inclusion = Surat suara terenkripsi Anda tampil di papan publik tanpa nama Anda. Bukti keikutsertaannya tersedia setelah kepala pohon bertanda tangan berikutnya diterbitkan.
verifiable-sealed-by-voter = Surat suara Anda dienkripsi di peramban Anda.
verifiable-sealed-by-server = Surat suara Anda dienkripsi oleh server, karena peramban ini tidak menjalankan skrip enkripsi.
