error-unavailable-title = Silakan coba lagi dalam beberapa menit
error-unavailable-detail = Basis data pemilihan tidak dapat dijangkau saat ini, jadi tidak ada data Anda yang dikonfirmasi. Tanpa tanda terima, jangan mengandalkan surat suara Anda: kembalilah dalam beberapa menit dan berikan suara lagi (jika ternyata sudah masuk kotak suara, pemilihan akan memberi tahu Anda).
