error-unavailable-title = 請於幾分鐘後再試
error-unavailable-detail = 目前無法連線至選舉資料庫，因此您送出的內容都未獲確認。沒有回執就不要以為選票已送達：請於幾分鐘後回來重新投票（如果選票其實已投入票匭，選舉會告訴您）。
