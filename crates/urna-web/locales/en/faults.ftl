# Faults: the database cannot be reached (issue 8).
error-unavailable-title = Please try again in a few minutes
error-unavailable-detail = The election's database cannot be reached right now, so nothing you sent was confirmed. Without a receipt, do not count on your ballot: please come back in a few minutes and cast it again (if it did reach the ballot box, the election tells you so).
