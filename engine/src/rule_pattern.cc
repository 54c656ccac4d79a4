#include "rule_pattern.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "text_util.h"

namespace saidby {
namespace {

const std::set<std::string>& ClassNames() {
  static const std::set<std::string> names = {"QUOTE",   "OTHERQUOTE", "CUE",      "NAME",  "TITLE",
                                              "PRONOUN", "DET",        "PARTICLE", "WORD",  "ANY",
                                              "NONCUE",  "POSSESSIVE", "AUXVERB",  "START", "END"};
  return names;
}

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}

}  // namespace

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

bool PatternCompiler::Tokenize(const std::string& e, std::vector<PatternToken>& out,
                               PatternError& err) const {
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
      out.push_back({PatternToken::kLiteral, lit, i});
      i = close + 1;
    } else if (std::isupper(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < e.size() && (std::isupper(static_cast<unsigned char>(e[j])) ||
                              std::isdigit(static_cast<unsigned char>(e[j])) || e[j] == '_')) {
        ++j;
      }
      std::string name = e.substr(i, j - i);
      if (auto m = macros_.find(name); m != macros_.end()) {
        out.push_back({PatternToken::kOp, "(", i});
        for (PatternToken t : m->second) {
          t.column = i;
          out.push_back(t);
        }
        out.push_back({PatternToken::kOp, ")", i});
      } else if (ClassNames().count(name) || name == "SPEAKER") {
        out.push_back({PatternToken::kName, name, i});
      } else {
        err = {i, "unknown name '" + name + "' (not a token class or a [define] macro)"};
        return false;
      }
      i = j;
    } else if (c == '(' || c == ')' || c == '|') {
      out.push_back({PatternToken::kOp, std::string(1, c), i});
      ++i;
    } else if (c == '?' || c == '*' || c == '+') {
      out.push_back({PatternToken::kQuantifier, std::string(1, c), i});
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
      out.push_back({PatternToken::kQuantifier, "{" + body + "}", i});
      i = close + 1;
    } else {
      err = {i, std::string("unexpected character '") + c + "'"};
      return false;
    }
  }
  return true;
}

// Recursive-descent check of the grammar:
//   alt := seq ('|' seq)* ; seq := item* ; item := atom quantifier*
//   atom := CLASS | LITERAL | '(' alt ')' | SPEAKER '(' alt ')'
bool PatternCompiler::Validate(const std::vector<PatternToken>& t, bool allow_speaker,
                               bool& has_quote, bool& has_speaker, PatternError& err) const {
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
    } else if (k.kind == PatternToken::kName && k.text == "SPEAKER") {
      if (!allow_speaker) {
        err = {k.column, "SPEAKER( … ) cannot be used inside a [define] macro"};
        return false;
      }
      if (in_speaker) {
        err = {k.column, "SPEAKER( … ) cannot nest"};
        return false;
      }
      if (i + 1 >= t.size() || t[i + 1].text != "(" || t[i + 1].kind != PatternToken::kOp) {
        err = {k.column, "SPEAKER must be followed by '('"};
        return false;
      }
      has_speaker = true;
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
  if (ClassNames().count(name) || name == "SPEAKER") {
    return PatternError{0, "'" + name + "' is a token class and cannot be redefined"};
  }
  if (macros_.count(name)) return PatternError{0, "macro '" + name + "' is defined twice"};
  std::vector<PatternToken> toks;
  PatternError err;
  bool q = false, s = false;
  if (!Tokenize(expr, toks, err) || !Validate(toks, false, q, s, err)) return err;
  for (const auto& t : toks) {
    if (t.kind == PatternToken::kLiteral && IsWordByte(static_cast<unsigned char>(t.text[0]))) {
      literal_symbols_.emplace(t.text, 0);
    }
  }
  macros_[name] = std::move(toks);
  return std::nullopt;
}

ParsedPattern PatternCompiler::Parse(const std::string& expr) {
  ParsedPattern p;
  if (!Tokenize(expr, p.tokens, p.error) ||
      !Validate(p.tokens, true, p.has_quote, p.has_speaker, p.error)) {
    p.failed = true;
    return p;
  }
  for (const auto& t : p.tokens) {
    if (t.kind == PatternToken::kLiteral && IsWordByte(static_cast<unsigned char>(t.text[0]))) {
      literal_symbols_.emplace(t.text, 0);
    }
  }
  return p;
}

void PatternCompiler::AssignLiteralSymbols(std::unordered_map<std::string, char>& out) {
  int next = 0x80;
  for (auto& [lit, sym] : literal_symbols_) {
    // More than 128 distinct literal words would run out of symbols; such literals fall back to
    // their lexicon class (documented limit, checked in rules check).
    if (next > 0xFF) break;
    sym = static_cast<char>(next++);
    out[lit] = sym;
  }
}

std::string PatternCompiler::ClassRegex(const std::string& name) const {
  if (name == "ANY") return "[^Q]";
  if (name == "NONCUE") {
    // Any token but the quote and a cue (a cue word or a literal that is a cue).
    std::string excluded = Hex('Q') + Hex('C');
    for (const auto& [lit, sym] : literal_symbols_) {
      if (sym != 0 && LexiconSymbol(rules_, lit) == 'C')
        excluded += Hex(static_cast<unsigned char>(sym));
    }
    return "[^" + excluded + "]";
  }
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
  if (base != 'Q' && base != 'q' && base != 'N' && base != 'G') {
    for (const auto& [lit, sym] : literal_symbols_) {
      if (sym != 0 && LexiconSymbol(rules_, lit) == base)
        members += Hex(static_cast<unsigned char>(sym));
    }
  }
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
        char sym = PunctuationSymbol(t.text);
        if (sym == 0) {
          auto it = literal_symbols_.find(t.text);
          sym = it != literal_symbols_.end() && it->second != 0 ? it->second
                                                                : LexiconSymbol(rules_, t.text);
        }
        c.regex += Hex(static_cast<unsigned char>(sym));
        break;
      }
      case PatternToken::kName:
        if (t.text == "SPEAKER") {
          c.regex += "(";
          c.speaker_groups.push_back(++group);
          ++i;  // the '(' that follows
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
