// The pattern language of rules/patterns.txt: parsing, macro expansion and compilation into
// an RE2 expression over one byte per token (see rules/README.md). Internal to the loader and
// to the attribution stage, which must classify window tokens the same way.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "saidby/rule_set.h"

namespace saidby {

struct PatternError {
  size_t column = 0;  // 0-based offset in the expression
  std::string reason;
};

struct PatternToken {
  enum Kind { kName, kLiteral, kOp, kQuantifier } kind;
  std::string text;  // class or macro name, literal text (lower case), operator
  size_t column;
};

struct ParsedPattern {
  std::vector<PatternToken> tokens;  // macros expanded
  bool has_quote = false;
  bool has_speaker = false;
  PatternError error;
  bool failed = false;
  bool ok() const { return !failed; }
};

struct CompiledPattern {
  std::string regex;
  std::vector<int> speaker_groups;
  std::vector<int> cue_groups;
};

// Symbol of a punctuation token ("," ":" "." "?" "!" "-" "—" "(" ")"), or 0 if not punctuation
// the pattern language names.
char PunctuationSymbol(std::string_view text);

// Class symbol of a lower-case word from the lexicons alone (no literals, no capitals).
char LexiconSymbol(const RuleSet& rules, const std::string& lower);

class PatternCompiler {
 public:
  explicit PatternCompiler(const RuleSet& rules) : rules_(rules) {}

  std::optional<PatternError> Define(const std::string& name, const std::string& expr);
  ParsedPattern Parse(const std::string& expr);
  // Gives each literal word seen by Parse its own symbol (bytes 0x80-0xFF).
  void AssignLiteralSymbols(std::unordered_map<std::string, char>& out);
  CompiledPattern Compile(const ParsedPattern& p) const;

 private:
  bool Tokenize(const std::string& expr, std::vector<PatternToken>& out, PatternError& err) const;
  bool Validate(const std::vector<PatternToken>& toks, bool allow_speaker, bool& has_quote,
                bool& has_speaker, PatternError& err) const;
  std::string ClassRegex(const std::string& name) const;

  const RuleSet& rules_;
  std::map<std::string, std::vector<PatternToken>> macros_;
  std::map<std::string, char> literal_symbols_;  // literal -> symbol (0 until assigned)
};

}  // namespace saidby
