#include "rule_pattern.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdio>
#include <limits>
#include <set>

#include "text_util.h"

namespace saidby {
namespace {

const std::set<std::string>& ClassNames() {
  static const std::set<std::string> names = {
      "QUOTE", "OTHERQUOTE", "CUE",    "NAME",       "TITLE",   "PRONOUN", "DET", "PARTICLE",
      "WORD",  "ANY",        "NONCUE", "POSSESSIVE", "AUXVERB", "START",   "END", "OTHERWORD"};
  return names;
}

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}

// The regex for one symbol: a byte (Latin-1) or a code point (UTF-8); see AppendSymbol.
std::string SymbolRegex(char32_t symbol) {
  if (symbol < 0x100) return Hex(static_cast<unsigned char>(symbol));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(symbol));
  return buf;
}

size_t SaturatingAdd(size_t a, size_t b) {
  return a > std::numeric_limits<size_t>::max() - b ? std::numeric_limits<size_t>::max() : a + b;
}

size_t SaturatingMultiply(size_t a, size_t b) {
  return b != 0 && a > std::numeric_limits<size_t>::max() / b ? std::numeric_limits<size_t>::max()
                                                              : a * b;
}

// SPEAKER( … ) and CONTENT( … ): the parts of a match that attribution reads.
bool IsCapture(const std::string& name) { return name == "SPEAKER" || name == "CONTENT"; }

}  // namespace

void AppendSymbol(std::string& out, char32_t symbol) {
  if (symbol < 0x100) {
    out.push_back(static_cast<char>(symbol));
    return;
  }
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(symbol));
  out.append(buf, static_cast<size_t>(n));
}

char PunctuationSymbol(std::string_view t) {
  if (t == ",") return ',';
  if (t == ":") return ':';
  if (t == "." || t == "?" || t == "!" || t == "…" || t == "...") return '.';
  if (t == "-" || t == "—" || t == "–" || t == "--") return '-';
  if (t == "(") return '(';
  if (t == ")") return ')';
  return 0;
}

char LexiconSymbol(const RuleSet& rules, const std::string& lower) {
  if (rules.IsCue(lower)) return 'C';
  if (rules.Pronoun(lower)) return 'P';
  if (rules.IsTitle(lower)) return 'T';
  if (rules.IsDeterminer(lower)) return 'D';
  if (rules.IsParticle(lower)) return 'k';
  if (rules.IsAuxiliary(lower)) return 'V';
  return 'w';
}

bool PatternCompiler::Tokenize(const std::string& e, const char* what,
                               std::vector<PatternToken>& out, size_t& symbols,
                               PatternError& err) const {
  // Symbols are counted, not copied, once past the limit: a macro of 2^30 symbols costs
  // nothing to refuse.
  // A counted repetition x{m,n} costs n copies of x: RE2 expands it so before compiling.
  symbols = 0;
  size_t over_at = 0;
  size_t last = 0;               // expanded size of the atom a quantifier would apply to
  std::vector<size_t> group_at;  // `symbols` at each open '('
  auto count = [&](size_t n, size_t column) {
    const bool was_over = symbols > kMaxExpandedSymbols;
    symbols = SaturatingAdd(symbols, n);
    if (!was_over && symbols > kMaxExpandedSymbols) over_at = column;
    return symbols <= kMaxExpandedSymbols;
  };
  for (size_t i = 0; i < e.size();) {
    char c = e[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '"') {
      size_t close = e.find('"', i + 1);
      if (close == std::string::npos) {
        err = {i, "literal has no closing '\"'"};
        return false;
      }
      std::string lit = AsciiLower(e.substr(i + 1, close - i - 1));
      if (lit.empty() || lit.front() == ' ' || lit.back() == ' ') {
        err = {i, "empty literal or literal with outer spaces"};
        return false;
      }
      // As for lexicon entries (rule_set.cc): a longer phrase makes every window cost more.
      if (std::count(lit.begin(), lit.end(), ' ') >= 8) {
        err = {i, "literal of more than 8 words"};
        return false;
      }
      bool word = IsWordByte(static_cast<unsigned char>(lit[0]));
      if (!word && PunctuationSymbol(lit) == 0) {
        err = {i, "unknown punctuation literal \"" + lit + "\" (use , : . ? ! - ( ) or a word)"};
        return false;
      }
      if (count(1, i)) out.push_back({PatternToken::kLiteral, lit, i});
      last = 1;
      i = close + 1;
    } else if (std::isupper(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < e.size() && (std::isupper(static_cast<unsigned char>(e[j])) ||
                              std::isdigit(static_cast<unsigned char>(e[j])) || e[j] == '_')) {
        ++j;
      }
      std::string name = e.substr(i, j - i);
      if (auto m = macros_.find(name); m != macros_.end()) {
        last = SaturatingAdd(m->second.symbols, 2);
        if (count(last, i)) {
          out.push_back({PatternToken::kOp, "(", i});
          for (PatternToken t : m->second.tokens) {
            t.column = i;
            out.push_back(t);
          }
          out.push_back({PatternToken::kOp, ")", i});
        }
      } else if (ClassNames().count(name) || IsCapture(name)) {
        if (count(1, i)) out.push_back({PatternToken::kName, name, i});
        last = 1;
      } else {
        err = {i, "unknown name '" + name + "' (not a token class or a [define] macro)"};
        return false;
      }
      i = j;
    } else if (c == '(' || c == ')' || c == '|') {
      if (c == '(') group_at.push_back(symbols);
      if (count(1, i)) out.push_back({PatternToken::kOp, std::string(1, c), i});
      last = 0;
      if (c == ')' && !group_at.empty()) {
        last = symbols - group_at.back();
        group_at.pop_back();
      }
      ++i;
    } else if (c == '?' || c == '*' || c == '+') {
      if (count(1, i)) out.push_back({PatternToken::kQuantifier, std::string(1, c), i});
      ++i;
    } else if (c == '{') {
      size_t close = e.find('}', i);
      std::string body = close == std::string::npos ? "" : e.substr(i + 1, close - i - 1);
      int lo = -1, hi = -1;
      char extra = 0;
      int n = std::sscanf(body.c_str(), "%d,%d%c", &lo, &hi, &extra);
      if (close == std::string::npos || n != 2 || lo < 0 || hi < lo || hi > 50) {
        err = {i, "repetition must be {m,n} with 0 <= m <= n <= 50"};
        return false;
      }
      const size_t copies = static_cast<size_t>(std::max(hi, 1));
      const size_t more = SaturatingMultiply(last, copies - 1);
      if (count(SaturatingAdd(more, 1), i)) {
        out.push_back({PatternToken::kQuantifier, "{" + body + "}", i});
      }
      last = SaturatingAdd(SaturatingMultiply(last, copies), 1);
      i = close + 1;
    } else {
      err = {i, std::string("unexpected character '") + c + "'"};
      return false;
    }
  }
  if (symbols > kMaxExpandedSymbols) {
    err = {over_at, std::string(what) + " expands to " + std::to_string(symbols) +
                        " symbols (limit " + std::to_string(kMaxExpandedSymbols) + ")"};
    return false;
  }
  return true;
}

// Recursive-descent check of the grammar:
//   alt := seq ('|' seq)* ; seq := item* ; item := atom quantifier*
//   atom := CLASS | LITERAL | '(' alt ')' | SPEAKER '(' alt ')' | CONTENT '(' alt ')'
bool PatternCompiler::Validate(const std::vector<PatternToken>& t, bool allow_speaker,
                               bool& has_quote, bool& has_speaker, bool& has_content,
                               PatternError& err) const {
  size_t i = 0;
  int depth = 0;
  std::vector<bool> speaker_stack;
  std::vector<size_t> open_columns;
  bool in_speaker = false;
  bool prev_atom = false;
  while (i < t.size()) {
    const PatternToken& k = t[i];
    if (k.kind == PatternToken::kQuantifier) {
      if (!prev_atom) {
        err = {k.column, "'" + k.text + "' has nothing to repeat"};
        return false;
      }
    } else if (k.kind == PatternToken::kName && IsCapture(k.text)) {
      if (!allow_speaker) {
        err = {k.column, k.text + "( … ) cannot be used inside a [define] macro"};
        return false;
      }
      if (in_speaker) {
        err = {k.column, k.text + "( … ) cannot nest"};
        return false;
      }
      if (i + 1 >= t.size() || t[i + 1].text != "(" || t[i + 1].kind != PatternToken::kOp) {
        err = {k.column, k.text + " must be followed by '('"};
        return false;
      }
      (k.text == "SPEAKER" ? has_speaker : has_content) = true;
      in_speaker = true;
      speaker_stack.push_back(true);
      open_columns.push_back(t[i + 1].column);
      ++depth;
      ++i;
      prev_atom = false;
    } else if (k.kind == PatternToken::kOp && k.text == "(") {
      speaker_stack.push_back(false);
      open_columns.push_back(k.column);
      ++depth;
      prev_atom = false;
    } else if (k.kind == PatternToken::kOp && k.text == ")") {
      if (depth == 0) {
        err = {k.column, "')' without a matching '('"};
        return false;
      }
      if (speaker_stack.back()) in_speaker = false;
      speaker_stack.pop_back();
      open_columns.pop_back();
      --depth;
      prev_atom = true;
    } else if (k.kind == PatternToken::kOp && k.text == "|") {
      prev_atom = false;
    } else {
      if (k.kind == PatternToken::kName && k.text == "QUOTE") has_quote = true;
      prev_atom = k.kind == PatternToken::kLiteral || (k.text != "START" && k.text != "END");
    }
    ++i;
  }
  if (depth != 0) {
    err = {open_columns.back(), "'(' is never closed"};
    return false;
  }
  if (t.empty()) {
    err = {0, "empty pattern"};
    return false;
  }
  return true;
}

std::optional<PatternError> PatternCompiler::Define(const std::string& name,
                                                    const std::string& expr) {
  bool valid = !name.empty() && std::isupper(static_cast<unsigned char>(name[0])) &&
               std::all_of(name.begin(), name.end(), [](char c) {
                 return std::isupper(static_cast<unsigned char>(c)) ||
                        std::isdigit(static_cast<unsigned char>(c)) || c == '_';
               });
  if (!valid) return PatternError{0, "macro name must be upper case letters, digits or '_'"};
  if (ClassNames().count(name) || IsCapture(name)) {
    return PatternError{0, "'" + name + "' is a token class and cannot be redefined"};
  }
  if (macros_.count(name)) return PatternError{0, "macro '" + name + "' is defined twice"};
  std::vector<PatternToken> toks;
  PatternError err;
  bool q = false, s = false, content = false;
  size_t symbols = 0;
  if (!Tokenize(expr, "macro", toks, symbols, err)) {
    // Kept with its size only, so that each macro built on it is refused with its own size
    // rather than as an unknown name.
    if (symbols > kMaxExpandedSymbols) macros_[name] = {{}, symbols};
    return err;
  }
  if (!Validate(toks, false, q, s, content, err) || !NoteLiterals(toks, err)) return err;
  macros_[name] = {std::move(toks), symbols};
  return std::nullopt;
}

bool PatternCompiler::NoteLiterals(const std::vector<PatternToken>& toks, PatternError& err) {
  for (const auto& t : toks) {
    if (t.kind != PatternToken::kLiteral || !IsWordByte(static_cast<unsigned char>(t.text[0]))) {
      continue;
    }
    if (literal_symbols_.size() == kMaxLiterals && !literal_symbols_.count(t.text)) {
      err = {t.column, "more than " + std::to_string(kMaxLiterals) + " distinct literal words"};
      return false;
    }
    literal_symbols_.emplace(t.text, 0);
  }
  return true;
}

ParsedPattern PatternCompiler::Parse(const std::string& expr) {
  ParsedPattern p;
  size_t symbols = 0;
  if (!Tokenize(expr, "pattern", p.tokens, symbols, p.error) ||
      !Validate(p.tokens, true, p.has_quote, p.has_speaker, p.has_content, p.error) ||
      !NoteLiterals(p.tokens, p.error)) {
    p.failed = true;
  }
  return p;
}

void PatternCompiler::AssignLiteralSymbols(std::unordered_map<std::string, char32_t>& out) {
  // Wide symbols go to the literals of each lexicon class in turn, so that a class is one
  // range of code points however many literals it holds.
  std::vector<std::pair<char, char32_t*>> order;
  for (auto& [lit, sym] : literal_symbols_) order.emplace_back(LexiconSymbol(rules_, lit), &sym);
  if (wide()) {
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  char32_t next = wide() ? kWideLiteralBase : kNarrowLiteralBase;
  std::map<char, std::vector<char32_t>> by_class;
  for (auto& [lexicon, sym] : order) {
    *sym = next++;
    by_class[lexicon].push_back(*sym);
  }
  for (const auto& [lit, sym] : literal_symbols_) out[lit] = sym;
  for (auto& [lexicon, symbols] : by_class) {
    std::string& members = class_members_[lexicon];
    std::sort(symbols.begin(), symbols.end());
    for (size_t i = 0; i < symbols.size();) {
      size_t j = i + 1;
      while (j < symbols.size() && symbols[j] == symbols[j - 1] + 1) ++j;
      members += SymbolRegex(symbols[i]);
      if (j - i > 2) members += "-" + SymbolRegex(symbols[j - 1]);
      if (j - i == 2) members += SymbolRegex(symbols[i + 1]);
      i = j;
    }
  }
}

std::string PatternCompiler::ClassMembers(char lexicon) const {
  auto it = class_members_.find(lexicon);
  return it == class_members_.end() ? "" : it->second;
}

std::string PatternCompiler::ClassRegex(const std::string& name) const {
  if (name == "ANY") return "[^Q]";
  if (name == "NONCUE") {
    // Any token but the quote and a cue (a cue word or a literal that is a cue).
    return "[^" + Hex('Q') + Hex('C') + ClassMembers('C') + "]";
  }
  // A word that is no literal of any pattern: WORD without "that", "in", "who" …
  if (name == "OTHERWORD") return "[" + Hex('w') + "]";
  if (name == "START") return "^";
  if (name == "END") return "$";
  char base = name == "QUOTE"        ? 'Q'
              : name == "OTHERQUOTE" ? 'q'
              : name == "CUE"        ? 'C'
              : name == "NAME"       ? 'N'
              : name == "TITLE"      ? 'T'
              : name == "PRONOUN"    ? 'P'
              : name == "DET"        ? 'D'
              : name == "PARTICLE"   ? 'k'
              : name == "POSSESSIVE" ? 'G'
              : name == "AUXVERB"    ? 'V'
                                     : 'w';
  std::string members = Hex(static_cast<unsigned char>(base));
  if (base != 'Q' && base != 'q' && base != 'N' && base != 'G') members += ClassMembers(base);
  return "[" + members + "]";
}

CompiledPattern PatternCompiler::Compile(const ParsedPattern& p) const {
  CompiledPattern c;
  int group = 0;
  for (size_t i = 0; i < p.tokens.size(); ++i) {
    const PatternToken& t = p.tokens[i];
    switch (t.kind) {
      case PatternToken::kQuantifier:
        c.regex += t.text;
        break;
      case PatternToken::kOp:
        c.regex += t.text == "(" ? "(?:" : t.text;
        break;
      case PatternToken::kLiteral: {
        char32_t sym = static_cast<unsigned char>(PunctuationSymbol(t.text));
        if (sym == 0) {
          // Parse gave every literal word a place; AssignLiteralSymbols, a symbol.
          auto it = literal_symbols_.find(t.text);
          assert(it != literal_symbols_.end() && it->second != 0);
          sym = it->second;
        }
        c.regex += SymbolRegex(sym);
        break;
      }
      case PatternToken::kName:
        if (t.text == "SPEAKER") {
          c.regex += "(";
          c.speaker_groups.push_back(++group);
          ++i;  // the '(' that follows
        } else if (t.text == "CONTENT") {
          c.regex += "(";
          c.content_groups.push_back(++group);
          ++i;
        } else if (t.text == "CUE") {
          c.regex += "(" + ClassRegex("CUE") + ")";
          ++group;
          c.cue_groups.push_back(group);
        } else {
          c.regex += ClassRegex(t.text);
        }
        break;
    }
  }
  return c;
}

}  // namespace saidby
