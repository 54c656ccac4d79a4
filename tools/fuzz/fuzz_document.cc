// Fuzz target: article bytes → MakeDocument (UTF-8 check, paragraphs, sentences) →
// FindQuoteSpans → the whole extraction (attribution included), with the documented
// invariants of spans and offsets checked on every input. Seeds: corpus/*/*.txt.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "fuzz_support.h"
#include "saidby/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saidby;
  const RuleSet& rules = fuzz::ShippedRules();
  std::string text(reinterpret_cast<const char*>(data), size);

  Result<Document> doc = MakeDocument("fuzz", "fuzz", text, rules.splitter());
  if (!doc.ok()) {
    FUZZ_CHECK(!ValidateText(text).ok() || text.find_first_not_of(" \t\r\n") == std::string::npos ||
               doc.status().message() == "no text (only white space)");
    return 0;
  }
  QuoteScan scan = FindQuoteSpans(doc.value());
  fuzz::CheckDocument(doc.value(), scan);

  Extractor extractor(rules, ExtractOptions{/*keep_scare=*/true, /*explain=*/true});
  Result<ArticleQuotes> out = extractor.Extract({"fuzz", "fuzz", text});
  FUZZ_CHECK(out.ok());
  // keep_scare: one row per span, then the reported-speech rows.
  size_t direct = 0;
  for (const QuoteRecord& r : out->quotes) {
    if (r.kind != "reported") {
      FUZZ_CHECK(direct == static_cast<size_t>(&r - out->quotes.data()));
      ++direct;
    }
  }
  FUZZ_CHECK(direct == scan.spans.size());
  for (const QuoteRecord& r : out->quotes) {
    FUZZ_CHECK(r.start < r.end && r.end <= text.size());
    FUZZ_CHECK(text.compare(r.start, r.end - r.start, r.quote) == 0);
    FUZZ_CHECK(r.confidence >= 0 && r.confidence <= 1);
    // The mention and cue offsets cut their words back out of the text.
    FUZZ_CHECK(r.mention_span.has_value() == !r.mention.empty());
    FUZZ_CHECK(r.cue_span.has_value() == !r.cue.empty());
    for (const auto& [span, words] :
         {std::pair{r.mention_span, &r.mention}, {r.cue_span, &r.cue}}) {
      if (!span) continue;
      FUZZ_CHECK(span->begin <= span->end && span->end <= text.size());
      FUZZ_CHECK(text.compare(span->begin, span->size(), *words) == 0);
    }
  }
  return 0;
}
