results-title = Hasil
results-summary = Metode penghitungan: { $method }. Kursi: { $seats }. Surat suara dihitung: { $ballots }.
results-set-aside = { $count ->
   *[other] { $count } surat suara tidak dapat dibaca dan disisihkan.
}
results-elected = Terpilih
results-none-elected = Tidak ada yang terpilih.
results-ranking = Peringkat
results-chart-title = Suara pada tahap terakhir penghitungan
results-quota = Kuota
results-rounds = Penghitungan, tahap demi tahap
results-stage = Tahap
results-action = Tindakan
results-non-transferable = Tidak dapat dialihkan
results-download = Surat suara yang dianonimkan
results-download-blt = Unduh sebagai BLT
results-download-csv = Unduh sebagai CSV
