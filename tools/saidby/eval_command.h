// `saidby eval`: extraction compared with gold annotations (see
// engine/include/saidby/evaluation.h).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "saidby/evaluation.h"
#include "saidby/extractor.h"
#include "saidby/rule_set.h"

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

// What `eval` computes before it prints: the rules, the gold without its repeated rows, the
// predictions and their report (`rules suggest` mines the same run).
struct EvalRun {
  std::unique_ptr<const RuleSet> rules;
  std::vector<GoldQuote> gold;  // the rows the report's gold indices index
  std::string reported_shown;
  std::vector<QuoteRecord> predictions;
  std::vector<std::string> extracted_docs;
  std::vector<Article> articles;  // with keep_articles: one per extracted doc, in that order
  double min_token_f1 = 0, min_reported_token_f1 = 0;
  EvalReport report;
  bool skipped = false;  // some input could not be read
  std::string summary;   // the batch runner's closing line
};

// Loads the rules and gold of `flags`, extracts and evaluates, reporting problems on stderr:
// kOk, or kUsage when the rules or gold are unusable.
int EvaluateCorpus(const EvalFlags& flags, bool keep_articles, EvalRun& run);

}  // namespace saidby::cli
