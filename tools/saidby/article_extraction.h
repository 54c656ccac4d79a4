// Articles extracted in-process into rows, for the commands that work on rows (`compare` given
// articles, `diff --rules`): the Extractor `extract` runs, through the same BatchRunner, rows
// in input order whatever the thread count. Each input it cannot use is reported on stderr
// (grouped by kind, GroupedLog) and sets `skipped`; warnings are reported unless `quiet`.
#pragma once

#include <string>
#include <vector>

#include "commands.h"
#include "saidby/article_source.h"
#include "saidby/extractor.h"

namespace saidby::cli {

struct ArticleExtraction {
  ExtractOptions options;  // default: as `saidby extract` with no flags
  int jobs = 0;            // 0: all cores
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  bool quiet = false;
  // false: an article that cannot be used is skipped without a word (a second run over a list
  // whose problems were reported already); `skipped` is still set.
  bool report_errors = true;
  // When set, receives the outlet of every article read, with or without rows (compare gives
  // each outlet a column).
  std::vector<std::string>* sources = nullptr;
};

// Extracts `list` (first, with `from_stdin`, the JSON Lines documents on stdin), appending
// their rows to `rows`. Returns the run's summary line (BatchRunner::Summary).
std::string ExtractArticles(const RuleSet& rules, const ArticleExtraction& flags, ArticleList list,
                            bool from_stdin, std::vector<QuoteRecord>& rows, bool& skipped);

}  // namespace saidby::cli
