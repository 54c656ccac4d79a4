// Fuzz target: the JSON Lines reader of `extract` (ParseJsonArticle), one record per line as
// the CLI splits stdin. A line that does not parse is an error naming its line; each article
// that parses is extracted, since JSON escapes can make text (NUL, lone surrogates) that a
// file could not. Seeds: JSONL made from corpus articles (tools/fuzz/run).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "saidby/article_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saidby;
  const RuleSet& rules = fuzz::ShippedRules();
  static const Extractor extractor(rules, ExtractOptions{});
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t line_no = 0;
  while (!input.empty()) {
    size_t eol = input.find('\n');
    std::string_view line = input.substr(0, eol);
    input.remove_prefix(eol == std::string_view::npos ? input.size() : eol + 1);
    ++line_no;
    const std::string override_source = line_no % 2 ? "" : "Override";
    Result<Article> a = ParseJsonArticle(line, line_no, override_source);
    if (!a.ok()) {
      FUZZ_CHECK(a.status().message().rfind("stdin:" + std::to_string(line_no) + ": ", 0) == 0);
      continue;
    }
    FUZZ_CHECK(override_source.empty() || a->source == override_source);
    Result<ArticleQuotes> q = extractor.Extract(std::move(a).value());
    if (q.ok()) {
      for (const QuoteRecord& r : q->quotes) FUZZ_CHECK(r.start < r.end);
    }
  }
  return 0;
}
