# Not yet translated: messages fall back along the language chain to English.
