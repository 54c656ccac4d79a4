// CSV (RFC 4180): reading tables (gold annotations, sources.csv, quote tables) and quoting
// fields for output. Written here because Debian 12 packages no maintained C++ CSV reader
// that reports the line of a malformed record. Fields may hold commas, quotes and line breaks.
// Cost: one pass; the table owns its strings.
//
// Example:
//   Result<CsvTable> t = ReadCsvFile("corpus/seeds/gold.csv", 64 << 20, "the gold limit");
//   size_t col = t->Column("speaker");  // CsvTable::npos if absent
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saidby/status.h"

namespace saidby {

struct CsvTable {
  static constexpr size_t npos = static_cast<size_t>(-1);
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> row_lines;  // 1-based line where each row starts
  size_t Column(std::string_view name) const;
};

// `name` is used in error messages ("gold.csv:12: unterminated quoted field").
Result<CsvTable> ParseCsv(std::string_view bytes, const std::string& name);
// Reads a regular file of at most `max_bytes` (see ReadRegularFile; `limit_hint` ends the
// "too large" message); every error names `path`.
Result<CsvTable> ReadCsvFile(const std::string& path, size_t max_bytes,
                             std::string_view limit_hint);

// One field, quoted when it holds a comma, a quote or a line break.
std::string CsvField(std::string_view field);

}  // namespace saidby
