// Fuzz target: document ids and source labels of any bytes (file names, --source, JSON ids)
// through extraction and both quote printers. Every output must be valid UTF-8 without NUL and
// read back (CSV and JSON Lines readers) with the labels as ValidLabel writes them.
// Input: [id length][source length][id][source][JSON id]; seeds from tools/fuzz/run.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "saidby/article_source.h"
#include "saidby/label.h"
#include "saidby/quote_printer.h"
#include "saidby/quote_table.h"

namespace {

using namespace saidby;

constexpr std::string_view kText =
    "\xE2\x80\x9CWe will see,\xE2\x80\x9D said Anna Keller. \xE2\x80\x9CNo,\xE2\x80\x9D Bo said.";

// Prints the rows in both formats and checks that each reads back with the labels escaped.
void CheckPrinted(const std::vector<QuoteRecord>& rows, const std::string& id,
                  const std::string& source) {
  for (const bool jsonl : {false, true}) {
    std::ostringstream out;
    if (jsonl) {
      JsonlQuotePrinter printer(out, /*with_explain=*/true);
      for (const QuoteRecord& r : rows) printer.Write(r);
    } else {
      CsvQuotePrinter printer(out, /*with_explain=*/true);
      for (const QuoteRecord& r : rows) printer.Write(r);
    }
    const std::string bytes = out.str();
    FUZZ_CHECK(ValidateText(bytes).ok() || bytes.empty());
    Result<std::vector<QuoteRecord>> back =
        jsonl ? ParseQuoteTableJsonl(bytes, "f.jsonl") : ParseQuoteTableCsv(bytes, "f.csv");
    FUZZ_CHECK(back.ok());
    FUZZ_CHECK(back->size() == rows.size());
    for (const QuoteRecord& r : back.value()) {
      FUZZ_CHECK(r.doc == id);
      FUZZ_CHECK(r.source == source);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Extractor extractor(fuzz::ShippedRules(), ExtractOptions{});
  if (size < 2) return 0;
  std::string_view input(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t id_len = std::min<size_t>(data[0], input.size());
  const std::string raw_id(input.substr(0, id_len));
  input.remove_prefix(id_len);
  const size_t source_len = std::min<size_t>(data[1], input.size());
  const std::string raw_source(input.substr(0, source_len));
  input.remove_prefix(source_len);

  const std::string id = ValidLabel(raw_id), source = ValidLabel(raw_source);
  FUZZ_CHECK(IsValidLabel(id) && ValidLabel(id) == id);
  FUZZ_CHECK(IsValidLabel(raw_id) == (id == raw_id));

  // As an article named by a file (id) and --source: an empty id is no file, so it is skipped.
  if (!raw_id.empty()) {
    Result<ArticleQuotes> q = extractor.Extract({raw_id, raw_source, std::string(kText)});
    FUZZ_CHECK(q.ok() && !q->quotes.empty());
    CheckPrinted(q->quotes, id, source);
  }

  // As the "id" of a JSON Lines record (raw: the JSON reader may refuse it) and --source.
  const std::string line =
      "{\"id\": \"" + std::string(input) + "\", \"text\": \"" + std::string(kText) + "\"}";
  bool escaped = false;
  Result<Article> a = ParseJsonArticle(line, 1, raw_source, &escaped);
  if (!a.ok()) return 0;
  FUZZ_CHECK(IsValidLabel(a->id) && IsValidLabel(a->source));
  if (!raw_source.empty()) FUZZ_CHECK(a->source == source);
  if (source != raw_source) FUZZ_CHECK(escaped);
  const std::string json_id = a->id, json_source = a->source;
  Result<ArticleQuotes> q = extractor.Extract(std::move(a).value());
  FUZZ_CHECK(q.ok());
  CheckPrinted(q->quotes, json_id, json_source);
  return 0;
}
