// `saidby diff`: two extract outputs of the same articles compared row by row (see
// engine/include/saidby/output_diff.h): OLD and NEW quote tables, or the articles extracted here
// with two rules folders (`--rules OLD_DIR --rules NEW_DIR PATH...`). With --gold, each change
// is judged fixed, broken or neutral, and --max-broken N gates a rule change in CI.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "commands.h"

namespace saidby::cli {

struct DiffFlags {
  std::vector<std::string> inputs;      // OLD NEW quote tables, or with --rules, article paths
  std::vector<std::string> rules_dirs;  // none, or OLD_DIR and NEW_DIR
  std::string gold;                     // empty: changes are not judged
  std::string reported;                 // as eval's --reported
  std::string format = "text";
  int max_broken = -1;  // < 0: no gate
  int jobs = 0;         // 0: all cores
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  bool quiet = false;
};

void AddDiffOptions(CLI::App& app, DiffFlags& flags);
int RunDiff(const DiffFlags& flags);

}  // namespace saidby::cli
