results-title = परिणाम
results-summary = गिनती की पद्धति: { $method }। सीटें: { $seats }। गिने गए मतपत्र: { $ballots }।
results-set-aside = { $count ->
    [one] { $count } मतपत्र पढ़ा नहीं जा सका और अलग रखा गया।
   *[other] { $count } मतपत्र पढ़े नहीं जा सके और अलग रखे गए।
}
results-elected = निर्वाचित
results-none-elected = कोई निर्वाचित नहीं हुआ।
results-ranking = क्रम
results-chart-title = गिनती के अंतिम चरण में मत
results-quota = कोटा
results-rounds = गिनती, चरण दर चरण
results-stage = चरण
results-action = कार्रवाई
results-non-transferable = अहस्तांतरणीय
results-download = अनाम किए गए मतपत्र
results-download-blt = BLT के रूप में डाउनलोड करें
results-download-csv = CSV के रूप में डाउनलोड करें
