// Fuzz target: the rule-file parser and pattern compiler. The first byte of the input picks
// one of the rule files; the rest replaces it in a private copy of rules/en, which is then
// loaded (RuleSet::Load) and, when it loads, has every rule example run through the pipeline
// (CheckRuleExamples). Seeds: "<index byte><file>" for each file of rules/en (tools/fuzz/run).
// One more index (kFiles) reads the rest as a recipe for [define] macros built on each other
// (MacroRecipe), appended to the shipped patterns with a rule that uses the last: nesting and
// doubling that random bytes would rarely spell.
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
    "patterns.txt",      "pronouns.txt", "titles.txt",      "auxiliaries.txt", "work_nouns.txt",
    "organisations.txt", "places.txt",   "nicknames.txt"};
constexpr size_t kFiles = sizeof kRuleFiles / sizeof kRuleFiles[0];
constexpr size_t kPatterns = 5;  // patterns.txt

// Each 3 bytes (a, b, c) define one macro M<i> from up to three earlier ones (or classes):
// a picks how many parts and the operator between them, b and c the parts and quantifiers.
std::string MacroRecipe(const uint8_t* data, size_t size) {
  static const char* const kClasses[] = {"NAME", "WORD", "TITLE", "\"said\"", "\"zq\"", "ANY"};
  static const char* const kQuantifiers[] = {"", "", "?", "*", "+", "{0,3}", "{2,2}", "{1,50}"};
  std::string out = "\n[define]\n";
  size_t i = 0;
  for (; i * 3 + 2 < size && i < 64; ++i) {
    const uint8_t a = data[i * 3], b = data[i * 3 + 1], c = data[i * 3 + 2];
    auto part = [&](uint8_t pick) -> std::string {
      std::string p = i == 0 || pick % 4 == 0 ? kClasses[pick / 4 % 6]
                                              : "M" + std::to_string(i - 1 - pick / 4 % i);
      return p + kQuantifiers[pick % 8 == 0 ? 0 : (pick >> 5) % 8];
    };
    const int parts = 1 + a % 3;
    const char* join = a / 3 % 2 ? " | " : " ";
    std::string body = part(b);
    if (parts > 1) body += join + part(c);
    if (parts > 2) body += join + part(static_cast<uint8_t>(b ^ c));
    out += "M" + std::to_string(i) + " = " + (a / 6 % 4 == 0 ? "(" + body + ")*" : body) + "\n";
  }
  if (i == 0) return "";
  return out + "\n[fuzz-macros]\npriority = 1\npattern = QUOTE CUE SPEAKER(NAME | M" +
         std::to_string(i - 1) + ")\nexample = \xE2\x80\x9CYes,\xE2\x80\x9D said Keller.\n";
}

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
  const bool macros = data[0] % (kFiles + 1) == kFiles;
  const size_t which = macros ? kPatterns : data[0] % (kFiles + 1);
  const fs::path file = scratch.dir / kRuleFiles[which];
  WriteFile(file, macros ? scratch.originals[which] + MacroRecipe(data + 1, size - 1)
                         : std::string(reinterpret_cast<const char*>(data) + 1, size - 1));

  RuleSet::LoadResult r = RuleSet::Load(scratch.dir.string());
  FUZZ_CHECK((r.rules == nullptr) == !r.problems.empty());
  for (const RuleProblem& p : r.problems) {
    FUZZ_CHECK(!p.reason.empty() && !p.file.empty());
    (void)p.ToString();
  }
  for (const RuleProblem& w : r.warnings) FUZZ_CHECK(w.line > 0 && !w.reason.empty());
  if (r.rules) {
    for (size_t i = 0; i < r.rules->rules().size(); ++i) {
      FUZZ_CHECK(r.rules->regex(i).ok() && r.rules->rules()[i].program_size > 0);
    }
    for (const RuleProblem& p : CheckRuleExamples(*r.rules)) FUZZ_CHECK(!p.reason.empty());
  }
  WriteFile(file, scratch.originals[which]);
  return 0;
}
