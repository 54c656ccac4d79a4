// Fuzz target: the CSV reader behind `eval --gold` and sources.csv (ParseCsv), then, when the
// table has the gold columns, the evaluation that reads it (Evaluate, with the same rows as
// predictions). Seeds: corpus/*/gold.csv and sources.csv.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "saidby/csv.h"
#include "saidby/evaluation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saidby;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Result<CsvTable> t = ParseCsv(input, "fuzz.csv");
  if (!t.ok()) {
    FUZZ_CHECK(t.status().message().rfind("fuzz.csv:", 0) == 0);
    return 0;
  }
  FUZZ_CHECK(t->rows.size() == t->row_lines.size());
  for (size_t r = 0; r < t->rows.size(); ++r) {
    FUZZ_CHECK(t->rows[r].size() == t->header.size());
    FUZZ_CHECK(r == 0 || t->row_lines[r] > t->row_lines[r - 1]);
  }
  // A field written back with CsvField reads back the same (round trip); a leading BOM is
  // dropped by design, so such a field is skipped.
  for (const std::string& h : t->header) {
    if (h.rfind("\xEF\xBB\xBF", 0) == 0) continue;
    Result<CsvTable> back = ParseCsv(CsvField(h) + "\n", "back.csv");
    FUZZ_CHECK(back.ok() && back->header.size() == 1 && back->header[0] == h);
  }

  const size_t doc = t->Column("doc"), speaker = t->Column("speaker"), quote = t->Column("quote"),
               kind = t->Column("kind"), cue = t->Column("cue");
  if (doc == CsvTable::npos || speaker == CsvTable::npos || quote == CsvTable::npos ||
      kind == CsvTable::npos || cue == CsvTable::npos) {
    return 0;
  }
  std::vector<GoldQuote> gold;
  std::vector<QuoteRecord> predictions;
  for (const auto& row : t->rows) {
    // The cue column doubles as a canonical name, so person matching sees arbitrary names too.
    gold.push_back({row[doc], row[speaker], row[quote], row[kind], row[cue], row[cue]});
    QuoteRecord p;
    p.doc = row[doc];
    p.speaker = row[speaker];
    p.quote = row[quote];
    p.kind = row[kind];
    p.quote_id = predictions.size() + 1;
    predictions.push_back(std::move(p));
  }
  EvalReport report = Evaluate(gold, predictions, {});
  FUZZ_CHECK(report.quotes.Precision() >= 0 && report.quotes.Precision() <= 1);
  FUZZ_CHECK(report.pairs.F1() >= 0 && report.pairs.F1() <= 1);
  return 0;
}
