// Gold annotations as `saidby eval` and `saidby diff` read them: gold.csv
// (doc,speaker,quote,kind,cue[,canonical]; CONTRACT.md) and its reported speech, in reported.csv
// beside a gold.csv or in the file --reported names. A malformed file, a missing column or an
// unknown kind is an error naming the file and line; nothing is printed here.
#pragma once

#include <string>
#include <vector>

#include "saidby/evaluation.h"
#include "saidby/status.h"

namespace saidby::cli {

struct GoldSet {
  std::vector<GoldQuote> rows;  // gold.csv's, then the reported file's
  std::vector<std::string> files;
  std::vector<size_t> file_of;  // per row, its file (index into files)
  std::vector<size_t> lines;    // per row, its line in that file
  // The files that hold reported rows, for the report ("" when none does).
  std::string reported_shown;
};

// `reported`: the --reported file, or empty for reported.csv beside a `gold.csv` when present.
Result<GoldSet> LoadGold(const std::string& gold, const std::string& reported);

}  // namespace saidby::cli
