// `saidby compare`: quote tables (or articles, extracted first) compared across sources; writes
// speakers.csv, clusters.csv, quotes.csv, outlets.csv and report.html into -o DIR (see
// engine/include/saidby/comparison.h). `--merge OUT...` recomputes from the quotes.csv of earlier
// compare outputs, so merging partial runs gives the bytes of one run over everything.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "commands.h"

namespace saidby::cli {

struct CompareFlags {
  std::vector<std::string> inputs;  // quote tables (.csv, .jsonl), article paths, or with
                                    // --merge, compare output folders
  std::string output_dir;           // empty: clusters.csv to stdout
  std::string html;                 // report path instead of DIR/report.html
  bool merge = false;
  std::string rules_dir;
  std::string aliases;  // `alias,canonical` CSV applied before the rules' name normalisation
  int jobs = 0;         // 0: all cores
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  bool quiet = false;
  bool direct_only = false;  // articles: no reported-speech rows
};

void AddCompareOptions(CLI::App& app, CompareFlags& flags);
int RunCompare(const CompareFlags& flags);

}  // namespace saidby::cli
