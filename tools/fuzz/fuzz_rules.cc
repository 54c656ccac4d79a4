// Fuzz target: the rule-file parser and pattern compiler. The first byte of the input picks
// one of the rule files; the rest replaces it in a private copy of rules/en, which is then
// loaded (RuleSet::Load) and, when it loads, has every rule example run through the pipeline
// (CheckRuleExamples). Seeds: "<index byte><file>" for each file of rules/en (tools/fuzz/run).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_support.h"
#include "saidby/attribution.h"

namespace {
namespace fs = std::filesystem;

// Keep in this order: tools/fuzz/run writes the seeds with the same indexes.
const char* const kRuleFiles[] = {
    "abbreviations.txt", "cues.txt",     "determiners.txt", "not_names.txt",   "particles.txt",
    "patterns.txt",      "pronouns.txt", "titles.txt",      "auxiliaries.txt", "work_nouns.txt"};
constexpr size_t kFiles = sizeof kRuleFiles / sizeof kRuleFiles[0];

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void WriteFile(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

struct Scratch {
  fs::path dir;
  std::string originals[kFiles];
  Scratch() {
    dir = fs::temp_directory_path() / ("saidby-fuzz-rules-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(SAIDBY_RULES_DIR, dir, fs::copy_options::recursive);
    for (size_t i = 0; i < kFiles; ++i) originals[i] = ReadFile(dir / kRuleFiles[i]);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saidby;
  static Scratch scratch;
  if (size == 0) return 0;
  const size_t which = data[0] % kFiles;
  const fs::path file = scratch.dir / kRuleFiles[which];
  WriteFile(file, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));

  RuleSet::LoadResult r = RuleSet::Load(scratch.dir.string());
  FUZZ_CHECK((r.rules == nullptr) == !r.problems.empty());
  for (const RuleProblem& p : r.problems) {
    FUZZ_CHECK(!p.reason.empty() && !p.file.empty());
    (void)p.ToString();
  }
  if (r.rules) {
    for (const RuleProblem& p : CheckRuleExamples(*r.rules)) FUZZ_CHECK(!p.reason.empty());
  }
  WriteFile(file, scratch.originals[which]);
  return 0;
}
