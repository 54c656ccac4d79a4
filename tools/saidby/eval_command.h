// `saidby eval`: extraction compared with gold annotations (see
// engine/include/saidby/evaluation.h).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "commands.h"

namespace saidby::cli {

struct EvalFlags {
  std::string gold;
  std::vector<std::string> paths;
  double min_f1 = -1;         // < 0: no threshold
  double min_person_f1 = -1;  // < 0: no threshold
  double max_ece = -1;        // < 0: no threshold
  // Reported speech: its gold (default: reported.csv beside a gold.csv, when there is one), the
  // content overlap at which spans match, and its gates (< 0: none).
  std::string reported;
  double reported_token_f1 = 0.5;
  double min_reported_f1 = -1;
  double min_reported_pair_f1 = -1;
  std::string format = "text";
  std::string rules_dir;
  int jobs = 0;  // 0: all cores
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  bool quiet = false;
};

void AddEvalOptions(CLI::App& app, EvalFlags& flags);
int RunEval(const EvalFlags& flags);

}  // namespace saidby::cli
