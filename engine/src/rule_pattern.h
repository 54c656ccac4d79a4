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
  bool has_content = false;  // CONTENT( … ): a reported rule's reported words
  PatternError error;
  bool failed = false;
  bool ok() const { return !failed; }
};

struct CompiledPattern {
  std::string regex;
  std::vector<int> speaker_groups;
  std::vector<int> cue_groups;
  std::vector<int> content_groups;
};

// Symbol of a punctuation token ("," ":" "." "?" "!" "-" "—" "(" ")"), or 0 if not punctuation
// the pattern language names.
char PunctuationSymbol(std::string_view text);

// Class symbol of a lower-case word from the lexicons alone (no literals, no capitals).
char LexiconSymbol(const RuleSet& rules, const std::string& lower);

// A token's symbol in the string that patterns match: a class byte, or a literal's code point.
// Up to 128 literals take the bytes 0x80-0xFF (RE2 reads the string as Latin-1); more take
// private-use code points from U+F0000 on (RE2 reads it as UTF-8, one code point per token).
inline constexpr char32_t kNarrowLiteralBase = 0x80;
inline constexpr char32_t kWideLiteralBase = 0xF0000;
inline constexpr size_t kMaxNarrowLiterals = 128;
inline constexpr size_t kMaxLiterals = 0x10FFFD - kWideLiteralBase + 1;  // to the last code point
void AppendSymbol(std::string& out, char32_t symbol);

// The longest a pattern or macro may be once its macros are expanded, in symbols (class names,
// literals, operators), a counted repetition x{m,n} counting n copies of x as RE2 expands it.
// Macros that use macros double with every line; see rules/README.md.
inline constexpr size_t kMaxExpandedSymbols = 100000;

class PatternCompiler {
 public:
  explicit PatternCompiler(const RuleSet& rules) : rules_(rules) {}

  std::optional<PatternError> Define(const std::string& name, const std::string& expr);
  ParsedPattern Parse(const std::string& expr);
  // Gives each literal word seen by Parse its own symbol (see AppendSymbol).
  void AssignLiteralSymbols(std::unordered_map<std::string, char32_t>& out);
  // Whether the symbols of literals are code points beyond one byte: RE2 must read UTF-8.
  bool wide() const { return literal_symbols_.size() > kMaxNarrowLiterals; }
  CompiledPattern Compile(const ParsedPattern& p) const;

 private:
  // `what` ("macro" or "pattern") names the expression in the too-large message;
  // `symbols` is the expanded size, counted on past the limit.
  bool Tokenize(const std::string& expr, const char* what, std::vector<PatternToken>& out,
                size_t& symbols, PatternError& err) const;
  bool NoteLiterals(const std::vector<PatternToken>& toks, PatternError& err);
  bool Validate(const std::vector<PatternToken>& toks, bool allow_speaker, bool& has_quote,
                bool& has_speaker, bool& has_content, PatternError& err) const;
  std::string ClassRegex(const std::string& name) const;
  // The literals of lexicon class `lexicon` as the inside of a regex character class.
  std::string ClassMembers(char lexicon) const;

  const RuleSet& rules_;
  struct Macro {
    std::vector<PatternToken> tokens;  // expanded; empty when `symbols` is over the limit
    size_t symbols = 0;                // how many it expands to (saturating)
  };
  std::map<std::string, Macro> macros_;
  std::map<std::string, char32_t> literal_symbols_;  // literal -> symbol (0 until assigned)
  std::map<char, std::string> class_members_;        // see ClassMembers
};

}  // namespace saidby
