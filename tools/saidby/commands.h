// The subcommands of the saidby CLI. Each returns the process exit status of the contract:
// 0 all inputs processed; 1 some inputs reported and skipped; 2 usage error or unusable rules;
// 3 eval below --min-f1 (or another gate), diff above --max-broken; 4 an output could not be
// written (stopped at the first failed write).
// Only main() turns these into an exit.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "saidby/rule_set.h"

namespace saidby::cli {

enum ExitCode { kOk = 0, kSomeSkipped = 1, kUsage = 2, kBelowThreshold = 3, kWriteFailed = 4 };

// The largest article read unless --max-doc-bytes says otherwise (extract, compare and eval).
constexpr size_t kDefaultMaxDocBytes = 16u << 20;

struct ExtractFlags {
  std::vector<std::string> paths;
  std::string output;
  std::string format = "csv";
  std::string rules_dir;
  int jobs = 0;  // 0: all cores
  std::string source;
  bool keep_scare = false;
  bool explain = false;
  bool direct_only = false;  // leave reported speech out
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  bool quiet = false;
  std::string offsets = "bytes";  // or "chars": Unicode code points
  bool with_text = false;         // JSON Lines rows carry the text their offsets index
  std::string encoding;           // read every article file as this; empty: detect
};

// The shipped rules folder: next to the binary's tree, else the source tree it was built from.
std::string DefaultRulesDir();

// Loads, compiles and checks the rules (examples included); prints every problem to stderr.
// Null when any problem was found. `warnings`, when given, receives what deserves a look but
// is not wrong (RuleSet::LoadResult::warnings); they are not printed.
std::unique_ptr<const RuleSet> LoadRulesOrReport(const std::string& dir,
                                                 std::vector<RuleProblem>* warnings = nullptr);

int RunExtract(const ExtractFlags& flags);
int RunRulesCheck(const std::string& dir);

}  // namespace saidby::cli
