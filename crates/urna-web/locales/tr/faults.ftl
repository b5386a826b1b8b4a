error-unavailable-title = Lütfen birkaç dakika sonra yeniden deneyin
error-unavailable-detail = Seçimin veritabanına şu anda ulaşılamıyor, bu yüzden gönderdiğiniz hiçbir şey onaylanmadı. Makbuz olmadan oy pusulanıza güvenmeyin: birkaç dakika sonra dönün ve yeniden oy verin (pusula sandığa ulaştıysa seçim bunu size bildirir).
