// Quote tables read back: the CSV or JSON Lines that `saidby extract` writes (columns in
// CONTRACT.md), turned into QuoteRecords again, e.g. for `saidby compare`.
//
// Required columns: source, doc, quote_id, kind, speaker, quote; start, end, mention, cue, rule,
// confidence, pass and the mention and cue offsets are read when present (a table written
// before `pass` existed reads with it empty; a mention or cue span needs both its offsets);
// anything else (explain, text) is ignored. A malformed table
// comes back as an error naming "file:line" and the reason; nothing is thrown or printed.
// Cost: one pass over the bytes; the records own their strings.
//
// Example:
//   Result<std::vector<QuoteRecord>> rows = ReadQuoteTable("quotes.csv");
//   if (!rows.ok()) log(rows.status().message());  // "quotes.csv:7: quote_id 'x' is not ..."
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saidby/extractor.h"
#include "saidby/status.h"

namespace saidby {

// `name` is used in messages ("quotes.csv:12: …").
Result<std::vector<QuoteRecord>> ParseQuoteTableCsv(std::string_view bytes,
                                                    const std::string& name);
Result<std::vector<QuoteRecord>> ParseQuoteTableJsonl(std::string_view bytes,
                                                      const std::string& name);

// Whether `path` names a quote table: ends in .csv, .jsonl or .ndjson (case-insensitive).
bool IsQuoteTablePath(std::string_view path);

// Reads a file and parses it by extension (.csv; .jsonl or .ndjson), or for another name by its
// content (JSON Lines when its first byte other than white space is `{`, else CSV).
Result<std::vector<QuoteRecord>> ReadQuoteTable(const std::string& path);

}  // namespace saidby
