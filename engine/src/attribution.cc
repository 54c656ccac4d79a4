#include "saidby/attribution.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "name_run.h"
#include "rule_pattern.h"
#include "saidby/calibration.h"
#include "saidby/entities.h"
#include "text_util.h"

namespace saidby {
namespace {

thread_local uint64_t t_work = 0;  // see AttributionWork

struct Token {
  TextSpan span;
  char32_t symbol = 'w';  // a class byte or a literal's symbol (rule_pattern.h)
  int quote = -1;         // index of the quote this token stands for
};

struct Window {
  TextSpan span;
  std::vector<Token> tokens;
  std::string symbols;  // the tokens' symbols, one byte each unless the rules' literals are wide
  std::vector<uint32_t> token_at;  // with wide symbols, the token of each byte and of the end
};

// The token that starts at byte `at` of w.symbols (or w.tokens.size() at its end).
size_t TokenAt(const Window& w, size_t at) { return w.token_at.empty() ? at : w.token_at[at]; }
size_t TokenAt(const Window& w, const char* at) {
  return TokenAt(w, static_cast<size_t>(at - w.symbols.data()));
}

bool IsSentencePunct(char32_t s) { return s == '.' || s == ':'; }

// The window's symbols for people to read: each literal word is "L".
std::string PrintableSymbols(const Window& w) {
  std::string s;
  for (const Token& t : w.tokens) s += t.symbol >= 0x80 ? 'L' : static_cast<char>(t.symbol);
  return s;
}

// `lower` is LowerWord(text).
char32_t Classify(const RuleSet& rules, std::string_view text, std::string lower,
                  bool sentence_initial) {
  // "Mr." is looked up as "mr".
  if (lower.size() > 1 && lower.back() == '.') lower.pop_back();
  const WordFacts& facts = rules.Facts(lower);
  if (facts.literal) return facts.literal;
  if (char p = PunctuationSymbol(text)) return p;
  CodePoint first = DecodeAt(text, 0);
  if (!IsLetter(first.cp) && !IsDigit(first.cp)) return 'p';
  const bool capital = IsUpper(first.cp);
  const char lex = facts.lexicon;
  // Inside a sentence a capitalised particle, cue or determiner is part of a name: "Van",
  // "United States", "the Islamic State", "The Daily Beast".
  if ((lex == 'k' || lex == 'C' || lex == 'D' || lex == 'V') && capital && !sentence_initial)
    return 'N';
  if (lex != 'w') return lex;
  if (capital && !facts.not_name) {
    // "Keller's", "Reyes'": a possessor modifies the noun after it and is no speaker itself.
    // "It's", "Here's" are contractions, not possessives.
    for (std::string_view suffix : {"'s", "s'"}) {
      if (lower.size() > suffix.size() + 1 &&
          lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
        std::string stem = lower.substr(0, lower.size() - 2);
        if (suffix == "s'") stem = lower.substr(0, lower.size() - 1);
        if (!rules.IsNotName(stem) && !rules.Pronoun(stem) && !rules.IsDeterminer(stem)) return 'G';
      }
    }
    return 'N';
  }
  return 'w';
}

// How far a window may reach beyond its quote. Without a bound, every quote of a hostile
// 10 MB "sentence" of quotes gets the whole sentence as its window: quadratic work. The corpus
// has at most 4 other quotes on a side of a window and under 100 tokens in one.
constexpr size_t kMaxWindowReach = 2000;  // bytes before and after the quote's marks
constexpr size_t kMaxWindowQuotes = 8;    // other quotes before and after it

// The sentences that hold quote `q`, widened so that no other quote is cut by the edges
// (within the bounds above: a window cut short starts or ends between two quotes).
TextSpan WindowSpan(const Document& doc, const QuoteScan& scan, size_t q) {
  const TextSpan self = scan.spans[q].outer;
  TextSpan w{doc.sentences[doc.SentenceAt(self.begin)].begin,
             doc.sentences[doc.SentenceAt(self.end - 1)].end};
  w.end = std::max(w.end, self.end);
  // Reach limits, moved to code point starts so a window never begins inside a character.
  size_t low = self.begin > kMaxWindowReach ? self.begin - kMaxWindowReach : 0;
  while (low < self.begin && (static_cast<unsigned char>(doc.text[low]) & 0xC0) == 0x80) ++low;
  size_t high = std::min(doc.text.size(), self.end + kMaxWindowReach);
  while (high > self.end && high < doc.text.size() &&
         (static_cast<unsigned char>(doc.text[high]) & 0xC0) == 0x80) {
    --high;
  }
  w.begin = std::max(w.begin, low);
  w.end = std::min(w.end, high);
  for (size_t i = q, n = 0; i-- > 0 && scan.spans[i].outer.end > w.begin; ++n) {
    if (n == kMaxWindowQuotes) {
      w.begin = scan.spans[i].outer.end;
      break;
    }
    const size_t sentence = doc.sentences[doc.SentenceAt(scan.spans[i].outer.begin)].begin;
    w.begin = std::min(w.begin, std::max(sentence, std::min(low, scan.spans[i].outer.begin)));
  }
  for (size_t i = q + 1, n = 0; i < scan.spans.size() && scan.spans[i].outer.begin < w.end;
       ++i, ++n) {
    if (n == kMaxWindowQuotes) {
      w.end = scan.spans[i].outer.begin;
      break;
    }
    w.end = std::max(w.end, scan.spans[i].outer.end);
  }
  // "Keller said:¶“Q”": a sentence that ends in a colon introduces the quote after it, even in
  // the next paragraph.
  const size_t s = doc.SentenceAt(w.begin);
  if (s > 0 && doc.sentences[s].begin == w.begin) {
    const TextSpan prev = doc.sentences[s - 1];
    std::string_view pt = doc.slice(prev);
    while (!pt.empty() && IsSpace(static_cast<unsigned char>(pt.back()))) pt.remove_suffix(1);
    bool inside_quote = q > 0 && scan.spans[q - 1].outer.end > prev.begin;
    if (!pt.empty() && pt.back() == ':' && !inside_quote) w.begin = prev.begin;
  }
  return w;
}

// The sentence before quote `q` (in its paragraph or the one before) and the quote, when the
// quote opens its own window and no other quote sits in that sentence. Empty otherwise.
TextSpan PreviousSentenceWindow(const Document& doc, const QuoteScan& scan, size_t q, TextSpan w) {
  const QuoteSpan& quote = scan.spans[q];
  if (quote.outer.begin != w.begin) {
    std::string_view before =
        std::string_view(doc.text).substr(w.begin, quote.outer.begin - w.begin);
    if (before.find_first_not_of(" \t\r\n") != std::string_view::npos) return {};
  }
  const size_t s = doc.SentenceAt(w.begin);
  if (s == 0 || doc.sentences[s].begin > w.begin) return {};
  const TextSpan prev = doc.sentences[s - 1];
  if (doc.ParagraphAt(prev.begin) + 1 < quote.paragraph) return {};
  if (q > 0 && scan.spans[q - 1].outer.end > prev.begin) return {};
  return {prev.begin, w.end};
}

// The quote `q` followed by the next sentence of its paragraph, when the quote ends its own
// window: “Q.” Keller said the talks would go on. Empty when there is no such sentence.
TextSpan NextSentenceWindow(const Document& doc, const QuoteScan& scan, size_t q, TextSpan w) {
  const QuoteSpan& quote = scan.spans[q];
  std::string_view after =
      std::string_view(doc.text).substr(quote.outer.end, w.end - quote.outer.end);
  if (after.find_first_not_of(" \t\r\n.") != std::string_view::npos) return {};
  const size_t s = doc.SentenceAt(w.end > 0 ? w.end - 1 : 0) + 1;
  if (s >= doc.sentences.size() || doc.ParagraphAt(doc.sentences[s].begin) != quote.paragraph) {
    return {};
  }
  TextSpan next{quote.outer.begin, doc.sentences[s].end};
  for (size_t i = q + 1; i < scan.spans.size() && scan.spans[i].outer.begin < next.end; ++i) {
    next.end = std::max(next.end, scan.spans[i].outer.end);
  }
  return next;
}

Window BuildWindow(const Document& doc, const QuoteScan& scan, const RuleSet& rules, size_t q,
                   TextSpan span) {
  Window w;
  w.span = span;
  std::string_view t = doc.text;
  // Quotes that fall inside the window, as single tokens; words in between.
  std::vector<Token> raw;
  std::vector<size_t> edges;  // where the window's quotes begin and end, in order
  size_t first = q;
  while (first > 0 && scan.spans[first - 1].outer.begin >= span.begin) --first;
  size_t pos = span.begin;
  for (size_t i = first; i < scan.spans.size() && scan.spans[i].outer.begin < span.end; ++i) {
    const QuoteSpan& s = scan.spans[i];
    for (TextSpan word : WordsIn(t, {pos, std::max(pos, s.outer.begin)})) {
      raw.push_back({word, 0, -1});
    }
    raw.push_back({s.outer, i == q ? U'Q' : U'q', static_cast<int>(i)});
    edges.push_back(s.outer.begin);
    edges.push_back(s.outer.end);
    pos = std::max(pos, s.outer.end);
  }
  for (TextSpan word : WordsIn(t, {pos, std::max(pos, span.end)})) raw.push_back({word, 0, -1});

  // A word keeps the punctuation glued to it when that is part of the word: a plural
  // possessive its apostrophe ("Reyes’ campaign manager"), a title or an initial its period
  // ("Mr.", "Sen.", "T." are one token, not a full stop).
  std::vector<Token> joined;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (i + 1 < raw.size() && raw[i].quote < 0 && raw[i + 1].quote < 0 &&
        raw[i].span.end == raw[i + 1].span.begin) {
      std::string_view word = doc.slice(raw[i].span), next = doc.slice(raw[i + 1].span);
      CodePoint first = DecodeAt(word, 0);
      const bool possessive = (next == "'" || next == "\xE2\x80\x99") && !word.empty() &&
                              (word.back() == 's' || word.back() == 'S');
      const bool abbreviation = next == "." && ((first.width == word.size() && IsUpper(first.cp)) ||
                                                rules.IsAbbreviation(LowerWord(word) + "."));
      if (possessive || abbreviation) {
        joined.push_back({{raw[i].span.begin, raw[i + 1].span.end}, 0, -1});
        ++i;
        continue;
      }
    }
    joined.push_back(raw[i]);
  }
  raw = std::move(joined);

  // A stray apostrophe glued to a quote mark (a third one closing ''Q''') is no token.
  std::erase_if(raw, [&](const Token& tok) {
    if (tok.quote >= 0) return false;
    std::string_view word = doc.slice(tok.span);
    if (word != "'" && word != "\xE2\x80\x99" && word != "`") return false;
    return std::binary_search(edges.begin(), edges.end(), tok.span.begin) ||
           std::binary_search(edges.begin(), edges.end(), tok.span.end);
  });

  // Merge multi-word lexicon entries and literals ("according to", "secretary of state").
  std::vector<std::string> lower(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i].quote < 0) lower[i] = LowerWord(doc.slice(raw[i].span));
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    Token tok = raw[i];
    if (tok.quote >= 0) {
      w.tokens.push_back(tok);
      continue;
    }
    size_t take = 1;
    for (size_t n = std::min(rules.PhraseWordsFrom(lower[i]), raw.size() - i); n >= 2; --n) {
      bool words_only = true;
      std::string phrase;
      for (size_t k = i; k < i + n; ++k) {
        if (raw[k].quote >= 0) {
          words_only = false;
          break;
        }
        if (!phrase.empty()) phrase += ' ';
        phrase += lower[k];
      }
      if (words_only && (rules.LiteralSymbol(phrase) || rules.IsCue(phrase) ||
                         rules.IsTitle(phrase) || rules.IsDeterminer(phrase))) {
        take = n;
        break;
      }
    }
    tok.span.end = raw[i + take - 1].span.end;
    i += take - 1;
    bool initial = w.tokens.empty() || IsSentencePunct(w.tokens.back().symbol);
    tok.symbol =
        Classify(rules, doc.slice(tok.span),
                 take == 1 ? std::move(lower[i]) : LowerWord(doc.slice(tok.span)), initial);
    // After an article a cue word is a noun or an adjective: "a telling sign", "the report".
    if (tok.symbol == 'C' && !w.tokens.empty() && w.tokens.back().symbol == 'D' &&
        rules.IsArticle(LowerWord(doc.slice(w.tokens.back().span)))) {
      tok.symbol = 'w';
    }
    w.tokens.push_back(tok);
  }
  // A capitalised title right after a name and not before one is a surname: "Amy Pope",
  // "Larry King" (but "Senate Majority Leader Anna Keller" keeps its title).
  for (size_t i = 1; i < w.tokens.size(); ++i) {
    Token& tok = w.tokens[i];
    if (tok.symbol != 'T' || w.tokens[i - 1].symbol != 'N') continue;
    if (i + 1 < w.tokens.size() && (w.tokens[i + 1].symbol == 'N' || w.tokens[i + 1].symbol == 'T'))
      continue;
    std::string_view word = doc.slice(tok.span);
    if (word.find(' ') == std::string_view::npos && IsUpper(DecodeAt(word, 0).cp)) tok.symbol = 'N';
  }
  for (const Token& tok : w.tokens) AppendSymbol(w.symbols, tok.symbol);
  if (w.symbols.size() != w.tokens.size()) {
    for (size_t i = 0; i < w.tokens.size(); ++i) {
      std::string one;
      AppendSymbol(one, w.tokens[i].symbol);
      w.token_at.insert(w.token_at.end(), one.size(), static_cast<uint32_t>(i));
    }
    w.token_at.push_back(static_cast<uint32_t>(w.tokens.size()));
  }
  return w;
}

struct NameOccurrence {
  std::string name;                 // as written, possessive removed
  std::vector<std::string> folded;  // folded words
  size_t pos;
};

// How many words SplitWords would find, counting no further than `limit`.
size_t CountWords(std::string_view s, size_t limit) {
  size_t n = 0;
  bool in = false;
  for (size_t i = 0; i < s.size() && n < limit; ++i) {
    const bool space = s[i] == ' ' || s[i] == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

std::string JoinWords(const std::vector<std::string_view>& w, size_t b, size_t e) {
  std::string out;
  for (size_t i = b; i < e; ++i) (out += (i > b ? " " : "")) += w[i];
  return out;
}

// A per-thread memo of answers by window symbols, for one RuleSet at a time: emptied when the
// rules change (by serial, not address) and when it reaches its byte budget. Long windows are
// rare and never repeat, so they are not kept. It changes no result.
template <typename Value>
class WindowMemo {
 public:
  explicit WindowMemo(size_t budget_bytes) : budget_bytes_(budget_bytes) {}

  const Value* Find(const RuleSet& rules, const std::string& key) {
    if (serial_ != rules.serial()) Reset(rules.serial());
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }

  void Add(std::string key, Value value, size_t value_bytes) {
    constexpr size_t kMaxKeyBytes = 100;
    constexpr size_t kEntryOverhead = 64;  // hash node and bucket, roughly
    if (key.size() > kMaxKeyBytes) return;
    const size_t cost = key.size() + value_bytes + kEntryOverhead;
    if (bytes_ + cost > budget_bytes_) Reset(serial_);
    bytes_ += cost;
    map_.emplace(std::move(key), std::move(value));
  }

 private:
  void Reset(uint64_t serial) {
    map_ = {};
    bytes_ = 0;
    serial_ = serial;
  }

  std::unordered_map<std::string, Value> map_;
  size_t budget_bytes_;
  size_t bytes_ = 0;
  uint64_t serial_ = 0;
};

// The rules whose required symbols all occur in a window (RE2's FilteredRE2), best priority
// first: only these are matched. Remembered by symbols (at most 1 MB per thread).
std::vector<int> CandidateRules(const RuleSet& rules, const std::string& symbols) {
  thread_local WindowMemo<std::vector<int>> memo(1 << 20);
  if (const std::vector<int>* known = memo.Find(rules, symbols)) return *known;
  std::vector<int> atoms, hits;
  const std::string folded = AsciiLower(symbols);  // FilteredRE2's atoms are lower case
  for (size_t i = 0; i < rules.atoms().size(); ++i) {
    if (folded.find(rules.atoms()[i]) != std::string::npos) atoms.push_back(static_cast<int>(i));
  }
  rules.prefilter().AllPotentials(atoms, &hits);
  std::sort(hits.begin(), hits.end(), [&](int x, int y) {
    const auto& rx = rules.rules()[static_cast<size_t>(x)];
    const auto& ry = rules.rules()[static_cast<size_t>(y)];
    return rx.priority != ry.priority ? rx.priority > ry.priority : x < y;
  });
  memo.Add(symbols, hits, hits.size() * sizeof(int));
  return hits;
}

// Runs rule `rule`'s regex on a window's symbols, remembering the answer (at most 3 MB per
// thread): the same short symbol strings ("Q,PC.") recur in every article, and a match costs
// thousands of instructions.
bool MatchRule(const RuleSet& rules, size_t rule, const std::string& symbols,
               std::vector<re2::StringPiece>& groups) {
  // Rule index (4 bytes) + symbols → group offsets (begin, end; -1 when unset), empty if no match.
  thread_local WindowMemo<std::vector<int>> memo(3 << 20);
  const RE2& re = rules.regex(rule);
  groups.assign(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1, re2::StringPiece());
  const auto index = static_cast<uint32_t>(rule);
  std::string key(reinterpret_cast<const char*>(&index), sizeof index);
  key += symbols;
  if (const std::vector<int>* known = memo.Find(rules, key)) {
    const std::vector<int>& at = *known;
    if (at.empty()) return false;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (at[2 * g] >= 0) {
        groups[g] = re2::StringPiece(symbols.data() + at[2 * g],
                                     static_cast<size_t>(at[2 * g + 1] - at[2 * g]));
      }
    }
    return true;
  }
  const bool matched = re.Match(symbols, 0, symbols.size(), RE2::ANCHOR_START, groups.data(),
                                static_cast<int>(groups.size()));
  std::vector<int> at;
  if (matched) {
    for (const re2::StringPiece& g : groups) {
      const int b = g.data() ? static_cast<int>(g.data() - symbols.data()) : -1;
      at.push_back(b);
      at.push_back(g.data() ? b + static_cast<int>(g.size()) : -1);
    }
  }
  const size_t value_bytes = at.size() * sizeof(int);
  memo.Add(std::move(key), std::move(at), value_bytes);
  return matched;
}

struct Speaker {
  std::string name;  // canonical
  size_t pos;        // where it was named
  Gender gender = Gender::kUnknown;
  std::string mention;
  bool organisation = false;  // "the Harbour Authority", "the company": never "he" or "she"
};

constexpr bool kSalientRoles = false;
constexpr bool kSalientOrganisations = true;

class DocumentAttributor {
 public:
  DocumentAttributor(const Document& doc, const QuoteScan& scan, const RuleSet& rules, bool explain)
      : doc_(doc),
        scan_(scan),
        rules_(rules),
        explain_(explain),
        entities_(FindEntities(doc, scan, rules)) {
    for (size_t e = 0; e < entities_.entities().size(); ++e) {
      entity_by_name_.try_emplace(entities_.entities()[e].name, e);
    }
    for (const AttributionRule& r : rules_.rules()) {
      if (r.continues) continuation_priority_ = std::max(continuation_priority_, r.priority);
    }
  }

  std::vector<Attribution> Run() {
    CollectNames();
    std::vector<Attribution> out(scan_.spans.size());
    for (size_t q = 0; q < scan_.spans.size(); ++q) {
      out[q] = AttributeOne(q, out);
      CalibrateConfidence(out[q], rules_);
    }
    return out;
  }

  // For QuoteAttributor (reported speech): ResolveMention after Run().
  bool Resolve(const Window& w, size_t a, size_t b, Attribution& out) const {
    return ResolveMention(w, a, b, out);
  }

 private:
  void CollectNames() {
    const std::string_view text = doc_.text;
    for (size_t at = 0; at < text.size();) {
      std::optional<TextSpan> run = rules_.name_finder().Find(text, at);
      if (!run) break;
      at = run->begin + std::max<size_t>(run->size(), 1);
      const std::vector<std::string_view> words = SplitWords(doc_.slice(*run));
      // Lexicon words split a run: "Finnish President Anna Keller" holds "Anna Keller", placed
      // where "Anna" starts.
      size_t start = 0;
      for (size_t i = 0; i <= words.size(); ++i) {
        if (i < words.size() && !rules_.BreaksName(LowerWord(StripPossessive(words[i])))) continue;
        if (i > start) {
          AddName(JoinWords(words, start, i),
                  static_cast<size_t>(words[start].data() - text.data()));
        }
        start = i + 1;
      }
    }
  }

  void AddName(std::string name, size_t pos) {
    name = std::string(StripPossessive(std::string_view(name)));
    NameOccurrence n{name, {}, pos};
    for (const auto& w : SplitWords(name)) n.folded.push_back(FoldName(w));
    if (n.folded.empty()) return;
    if (n.folded.size() <= 4) IndexName(n, names_.size());
    names_.push_back(std::move(n));
  }

  // Canonical() candidates by folded surname, one entry per spelling with the indexes of its
  // occurrences: scanning every name for every quote is quadratic on hostile text (100,000
  // "said Keller"). A surname keeps at most kMaxSpellings spellings (real articles: a few).
  struct Spelling {
    std::vector<size_t> occurrences;  // indexes into names_, ascending (so positions ascend)
  };
  static constexpr size_t kMaxSpellings = 64;
  void IndexName(const NameOccurrence& n, size_t index) {
    std::vector<Spelling>& bucket = by_surname_[n.folded.back()];
    for (Spelling& sp : bucket) {
      ++t_work;
      if (names_[sp.occurrences.front()].name == n.name) {
        sp.occurrences.push_back(index);
        return;
      }
    }
    if (bucket.size() < kMaxSpellings) bucket.push_back({{index}});
  }

  // The fullest name in the document that ends with the same surname and contains every word of
  // `name` in order; among equals, the one named closest before `pos`.
  std::string Canonical(const std::string& name, size_t pos) const {
    std::vector<std::string> want;
    for (const auto& w : SplitWords(name)) want.push_back(FoldName(w));
    if (want.empty()) return name;
    const NameOccurrence* best = nullptr;
    auto score = [&](const NameOccurrence& n) {
      long dist =
          n.pos <= pos ? static_cast<long>(pos - n.pos) : 1000000000L + static_cast<long>(n.pos);
      return std::make_pair(n.folded.size(), -dist);
    };
    auto bucket = by_surname_.find(want.back());
    if (bucket == by_surname_.end()) return name;
    for (const Spelling& sp : bucket->second) {
      ++t_work;
      const NameOccurrence& first = names_[sp.occurrences.front()];
      if (first.folded.size() < want.size()) continue;
      size_t k = 0;
      for (const auto& w : first.folded) {
        if (k < want.size() && w == want[k]) ++k;
      }
      if (k != want.size()) continue;
      // The best occurrence of this spelling: the first at the last position <= pos, else the
      // first of all (what scanning every occurrence in order would pick).
      auto after = std::upper_bound(sp.occurrences.begin(), sp.occurrences.end(), pos,
                                    [&](size_t p, size_t i) { return p < names_[i].pos; });
      size_t pick = sp.occurrences.front();
      if (after != sp.occurrences.begin()) {
        const size_t at = names_[*std::prev(after)].pos;
        pick = *std::lower_bound(sp.occurrences.begin(), after, at,
                                 [&](size_t i, size_t p) { return names_[i].pos < p; });
      }
      const NameOccurrence& n = names_[pick];
      if (!best || score(n) > score(*best) || (score(n) == score(*best) && &n < best)) best = &n;
    }
    return best ? best->name : name;
  }

  // Resolves tokens [a, b) of a window into a speaker. Returns false if they name no one.
  bool ResolveMention(const Window& w, size_t a, size_t b, Attribution& out) const {
    while (b > a && (w.tokens[b - 1].symbol == ',' || w.tokens[b - 1].symbol == '-')) --b;
    // Leading plain words belong to the sentence, not the mention: "with a port official".
    while (a < b && (w.tokens[a].symbol == ',' || w.tokens[a].symbol == 'w')) ++a;
    if (a >= b) return false;
    out.mention_span = {w.tokens[a].span.begin, w.tokens[b - 1].span.end};
    out.mention = std::string(doc_.slice(out.mention_span));
    struct Run {
      size_t begin, end;
    };
    std::vector<Run> runs;  // runs of name words, particles inside
    for (size_t i = a; i < b;) {
      if (w.tokens[i].symbol != 'N') {
        ++i;
        continue;
      }
      size_t j = i + 1, last = i + 1;
      while (j < b && (w.tokens[j].symbol == 'N' || w.tokens[j].symbol == 'k')) {
        if (w.tokens[j].symbol == 'N') last = j + 1;
        ++j;
      }
      runs.push_back({i, last});
      i = j;
    }
    // The head of the mention: a name followed by an appositive ("Anna Keller, an adviser to
    // the mayor"); else none when the mention ends in a role noun ("a Kremlin official": the
    // names are modifiers); else the longest name, the last one on ties ("the party
    // spokesperson Anna Keller").
    const Run* head = nullptr;
    // "one Ohio Democrat", "a Kremlin official": the capitalised words only modify; a name is
    // the head only right after a title or a comma ("a spokesperson, Anna Keller").
    const bool unnamed = rules_.IsUnnamedDeterminer(LowerWord(doc_.slice(w.tokens[a].span)));
    if (unnamed) {
      std::erase_if(runs, [&](const Run& r) {
        return r.begin == a ||
               (w.tokens[r.begin - 1].symbol != 'T' && w.tokens[r.begin - 1].symbol != ',');
      });
    }
    // A title names the run right after it: "Committee Chairman Reince Priebus", "pollster Geoff
    // Garin, who was then at Priorities USA".
    auto titled = [&](const Run& r) { return r.begin > a && w.tokens[r.begin - 1].symbol == 'T'; };
    for (const Run& r : runs) {
      const bool closed =
          r.end < b && (w.tokens[r.end].symbol == ',' || w.tokens[r.end].symbol == '(');
      if (!head && closed && (&r == &runs.front() || titled(r))) head = &r;
    }
    for (const Run& r : runs) {
      if (!head && titled(r) && &r == &runs.back()) head = &r;
    }
    if (!head && w.tokens[b - 1].symbol != 'T') {
      for (const Run& r : runs) {
        if (!head || r.end - r.begin >= head->end - head->begin) head = &r;
      }
    }
    if (head) {
      const TextSpan head_span{w.tokens[head->begin].span.begin, w.tokens[head->end - 1].span.end};
      // The entity the name belongs to speaks (a country too: its government).
      if (const size_t e = entities_.EntityOfName(head_span); e != DocumentEntities::npos) {
        out.speaker = entities_.entities()[e].name;
        return true;
      }
      std::vector<std::string_view> words = SplitWords(StripPossessive(doc_.slice(head_span)));
      out.speaker = Canonical(JoinWords(words, 0, words.size()), head_span.begin);
      return true;
    }
    for (size_t i = a; i < b; ++i) {
      if (w.tokens[i].symbol != 'P') continue;
      const PronounEntry* p = rules_.Pronoun(LowerWord(doc_.slice(w.tokens[i].span)));
      if (p) {
        const size_t pos = w.tokens[i].span.begin;
        const size_t e = entities_.Antecedent(*p, pos, false, PreviousSpeakerEntity(pos));
        if (e != DocumentEntities::npos) {
          out.speaker = entities_.entities()[e].name;
        } else if (p->number == Number::kSingular) {
          out.speaker = ResolvePronoun(*p, pos);
        }
      }
      return true;
    }
    // A role with no name: "the Kremlin spokesman" may be someone named earlier with that
    // role; "a Kremlin official" is a new, unnamed source.
    if (!unnamed) {
      const Description d = Describe(w, a, b);
      const size_t pos = w.tokens[a].span.begin;
      if (const size_t e = entities_.Described(d, pos); e != DocumentEntities::npos) {
        out.speaker = entities_.entities()[e].name;
        return true;
      }
      for (size_t i = a; i < b; ++i) {
        if (w.tokens[i].symbol != 'T') continue;
        std::string role = LowerWord(doc_.slice(w.tokens[i].span));
        for (auto it = speakers_.rbegin(); it != RecentEnd(speakers_); ++it) {
          ++t_work;
          if (LowerWord(it->mention).find(role) != std::string::npos && !it->name.empty()) {
            out.speaker = it->name;
            return true;
          }
        }
        // Or someone the text gave that title before: "Secretary of State Anna Keller" ...
        // "the former secretary of state".
        if (std::string named = NameWithTitle(role, w.tokens[a].span.begin); !named.empty()) {
          out.speaker = named;
          return true;
        }
      }
      if (d.salient) {
        Description any = d;
        any.roles.clear();
        any.head.clear();
        const size_t e = entities_.Described(any, pos, PreviousSpeakerEntity(pos));
        if (e != DocumentEntities::npos) {
          out.speaker = entities_.entities()[e].name;
          return true;
        }
      }
    }
    out.speaker.clear();
    return true;
  }

  // What a mention of tokens [a, b) with no name says of whom it describes: its titles ("the
  // Florida senator"), else its head noun as a role ("the gambling tycoon"); an organisation's
  // head ("the ministry"); a speech noun ("the statement": its author, person or organisation).
  Description Describe(const Window& w, size_t a, size_t b) const {
    Description d;
    for (size_t i = a; i < b; ++i) {
      if (w.tokens[i].symbol != 'T') continue;
      const std::string title = LowerWord(doc_.slice(w.tokens[i].span));
      d.roles.push_back(rules_.TitleMeaning(title));
      if (const Gender g = rules_.TitleGender(title); g != Gender::kUnknown) d.gender = g;
    }
    d.head = LowerWord(StripPossessive(doc_.slice(w.tokens[b - 1].span)));
    if (w.tokens[b - 1].symbol == 'T') {
      d.salient = kSalientRoles;
    } else if (rules_.IsOrganisationHead(d.head)) {
      d.type = EntityType::kOrganisation;
      d.roles = {d.head};
      d.salient = kSalientOrganisations;
    } else if (rules_.IsSpeechNoun(d.head)) {
      d.type = EntityType::kOther;
      d.roles.clear();
      d.salient = true;
    } else if (d.roles.empty() && w.tokens[b - 1].symbol == 'w') {
      d.roles = {d.head};
    }
    return d;
  }

  // The entity of the latest speaker named before `pos`, or npos.
  size_t PreviousSpeakerEntity(size_t pos) const {
    for (auto it = speakers_.rbegin(); it != RecentEnd(speakers_); ++it) {
      if (it->pos >= pos || it->name.empty()) continue;
      auto found = entity_by_name_.find(it->name);
      return found == entity_by_name_.end() ? DocumentEntities::npos : found->second;
    }
    return DocumentEntities::npos;
  }

  // The first name at or after `pos` (names_ is in document order).
  std::vector<NameOccurrence>::const_iterator NamesFrom(size_t pos) const {
    return std::lower_bound(names_.begin(), names_.end(), pos,
                            [](const NameOccurrence& n, size_t p) { return n.pos < p; });
  }

  // The latest name before `pos` written right after the title `role` ("President Anna
  // Keller"), canonical; empty if none among the last 200 names.
  std::string NameWithTitle(const std::string& role, size_t pos) const {
    auto it = NamesFrom(pos);
    for (size_t seen = 0; it != names_.begin() && seen < 200; ++seen) {
      --it;
      ++t_work;
      const size_t from = it->pos >= 48 ? it->pos - 48 : 0;
      const std::string before =
          LowerWord(std::string_view(doc_.text).substr(from, it->pos - from));
      const size_t at = before.rfind(role);
      // The title must end right before the name (only spaces between).
      if (at != std::string::npos &&
          before.find_first_not_of(" ", at + role.size()) == std::string::npos) {
        return Canonical(it->name, it->pos);
      }
    }
    return "";
  }

  Gender KnownGender(const std::string& name) const {
    auto it = known_gender_.find(name);  // a map, not a scan: 100,000 speakers are possible
    return it == known_gender_.end() ? Gender::kUnknown : it->second;
  }

  // The latest earlier speaker who is a person of the pronoun's gender; for a pronoun whose
  // sentences name no one (the entity stage found no antecedent).
  std::string ResolvePronoun(const PronounEntry& p, size_t pos) const {
    for (auto it = speakers_.rbegin(); it != RecentEnd(speakers_); ++it) {
      ++t_work;
      if (it->pos >= pos || it->name.empty()) continue;
      if (it->organisation && p.gender != Gender::kUnknown) continue;
      auto entity = entity_by_name_.find(it->name);
      if (entity == entity_by_name_.end() ||
          entities_.entities()[entity->second].type != EntityType::kPerson) {
        continue;
      }
      if (p.gender != Gender::kUnknown && it->gender != Gender::kUnknown &&
          it->gender != p.gender) {
        continue;
      }
      return it->name;
    }
    return "";
  }

  Gender MentionGender(const Window& w, const Attribution& a) const {
    for (const Token& t : w.tokens) {
      if (t.span.begin < a.mention_span.begin || t.span.end > a.mention_span.end) continue;
      std::string lower = LowerWord(doc_.slice(t.span));
      if (t.symbol == 'T') {
        if (Gender g = rules_.TitleGender(lower); g != Gender::kUnknown) return g;
      }
      if (t.symbol == 'P') {
        if (const PronounEntry* p = rules_.Pronoun(lower)) return p->gender;
      }
    }
    return Gender::kUnknown;
  }

  std::string KindOf(size_t q) const {
    const QuoteSpan& s = scan_.spans[q];
    if (s.continues_previous) return "continued";
    CodePoint first{};
    for (size_t p = s.content.begin; p < s.content.end;) {
      first = DecodeAt(doc_.text, p);
      if (IsLetter(first.cp) || IsDigit(first.cp)) break;
      p += first.width;
    }
    return IsUpper(first.cp) || IsDigit(first.cp) ? "full" : "partial";
  }

  // The quote whose speaker quote q may continue: the latest attributed one before it, scare
  // quotes skipped, at most two paragraphs back (a paragraph of narration may come between).
  // None (-1) if an unattributed quote comes first.
  int ContinuationSource(size_t q, const std::vector<Attribution>& done) const {
    for (size_t p = q; p-- > 0;) {
      ++t_work;
      if (scan_.spans[q].paragraph > scan_.spans[p].paragraph + 2) return -1;
      if (done[p].kind == "scare") continue;
      return done[p].rule.empty() ? -1 : static_cast<int>(p);
    }
    return -1;
  }

  // Runs the rules on window `w` for quote `q`, best priority first; the first rule that names
  // a speaker decides `a`. Continuation rules run only when `continuations` is set.
  bool TryWindow(size_t q, const Window& w, const std::vector<Attribution>& done,
                 bool continuations, Attribution& a, std::ostringstream& why,
                 int min_priority = std::numeric_limits<int>::min()) const {
    const std::vector<int> hits = CandidateRules(rules_, w.symbols);
    if (explain_) why << "window \"" << PrintableSymbols(w) << "\"; ";
    bool decided = false;
    for (int h : hits) {
      if (decided && !explain_) break;
      const AttributionRule& rule = rules_.rules()[static_cast<size_t>(h)];
      if (rule.continues && !continuations) continue;
      if (rule.priority < min_priority) continue;
      // Group 1 is the pattern itself (see RuleSet::regex); its groups follow, one further on.
      std::vector<re2::StringPiece> groups;
      if (!MatchRule(rules_, static_cast<size_t>(h), w.symbols, groups)) continue;
      Attribution cand = a;
      bool ok = true;
      if (rule.continues) {
        const int source = ContinuationSource(q, done);
        ok = source >= 0;
        if (ok) InheritFrom(done[static_cast<size_t>(source)], cand, rule.id, rule.confidence);
      } else {
        re2::StringPiece sp;
        for (int g : rule.speaker_groups) {
          if (groups[static_cast<size_t>(g) + 1].data() != nullptr) {
            sp = groups[static_cast<size_t>(g) + 1];
            break;
          }
        }
        ok = false;
        if (sp.data() != nullptr) {
          ok = ResolveMention(w, TokenAt(w, sp.data()), TokenAt(w, sp.data() + sp.size()), cand);
        }
        cand.rule = rule.id;
        cand.confidence = rule.confidence * (cand.speaker.empty() ? 0.8 : 1.0);
      }
      if (ok && !rule.continues) {
        // Of the cues the match passed outside the speaker's words, the one nearest the quote.
        const size_t quote_at = TokenAt(w, w.symbols.find('Q'));
        size_t best_distance = std::string::npos;
        for (int g : rule.cue_groups) {
          const re2::StringPiece& cp = groups[static_cast<size_t>(g) + 1];
          if (cp.data() == nullptr) continue;
          const size_t ci = TokenAt(w, cp.data());
          // A cue inside the speaker's own words ("one witness, who asked not to be named,") is
          // not the attribution's.
          if (w.tokens[ci].span.begin >= cand.mention_span.begin &&
              w.tokens[ci].span.end <= cand.mention_span.end) {
            continue;
          }
          size_t distance = ci > quote_at ? ci - quote_at : quote_at - ci;
          if (distance < best_distance) {
            best_distance = distance;
            cand.cue = std::string(doc_.slice(w.tokens[ci].span));
          }
        }
        if (cand.cue.empty()) {
          const size_t to = TokenAt(w, groups[1].data() + groups[1].size());
          for (size_t i = TokenAt(w, groups[1].data()); i < to; ++i) {
            if (w.tokens[i].symbol == ':') cand.cue = ":";
          }
        }
      }
      if (explain_) {
        why << "rule " << rule.id << " (priority " << rule.priority << ")"
            << (ok ? " → speaker \"" + cand.speaker + "\" mention \"" + cand.mention + "\""
                   : std::string(" → no usable speaker"))
            << (ok && !decided ? " [chosen: highest priority that named a speaker]" : "") << "; ";
      }
      if (ok && !decided) {
        a = cand;
        decided = true;
      }
    }
    return decided;
  }

  // Is quote q the title of a work: title case, at most 8 words, right after a word that
  // introduces a title ("her memoir, “Tough Choices”") or a capitalised possessor ("CBS's
  // “Face the Nation”")?
  bool IsWorkTitle(size_t q, const Window& w) const {
    const std::string_view content = doc_.slice(scan_.spans[q].content);
    size_t words = 0;
    bool capital_word = false;
    for (std::string_view word : SplitWords(content)) {
      if (++words > 8) return false;
      CodePoint first = DecodeAt(word, 0);
      size_t letters = 0;
      for (size_t k = 0; k < word.size();) {
        CodePoint c = DecodeAt(word, k);
        letters += IsLetter(c.cp) ? 1 : 0;
        k += c.width;
      }
      if (IsLetter(first.cp) && !IsUpper(first.cp) && letters > 3) return false;
      capital_word |= IsUpper(first.cp);
    }
    if (words == 0 || !capital_word) return false;
    size_t at = 0;
    while (at < w.tokens.size() && w.tokens[at].quote != static_cast<int>(q)) ++at;
    if (at == w.tokens.size()) return false;
    for (size_t back = 1; back <= 3 && back <= at; ++back) {
      const Token& t = w.tokens[at - back];
      if (back == 1 && t.symbol == 'G') return true;
      if (rules_.IsWorkNoun(LowerWord(doc_.slice(t.span)))) return true;
      if (t.symbol != ',' && t.symbol != ':' && t.symbol != 'w' && t.symbol != 'D') break;
    }
    return false;
  }

  Attribution AttributeOne(size_t q, const std::vector<Attribution>& done) {
    Attribution a;
    a.kind = KindOf(q);
    const TextSpan span = WindowSpan(doc_, scan_, q);
    Window w = BuildWindow(doc_, scan_, rules_, q, span);
    std::ostringstream why;
    bool decided = false;
    if (IsWorkTitle(q, w)) {
      a.kind = "scare";
      a.confidence = 0.5;
      a.explain = explain_ ? "the title of a work (title case after \"" +
                                 std::string(doc_.slice(w.tokens.front().span)) + "…\")"
                           : "";
      return a;
    }
    // A quote that re-opens the previous paragraph's quote is the same speaker's, by layout.
    if (scan_.spans[q].continues_previous && q > 0 && !done[q - 1].rule.empty()) {
      InheritFrom(done[q - 1], a, "@multi-paragraph", 0.9);
      decided = true;
      if (explain_) why << "re-opens the quote of the previous paragraph; ";
    }
    // Its own sentence first; then, for a quote that ends its sentence, the next sentence
    // (“Q.” Keller said …); only then may it continue the previous speaker.
    if (!decided) decided = TryWindow(q, w, done, false, a, why);
    if (!decided) {
      if (TextSpan next = NextSentenceWindow(doc_, scan_, q, span); next.end > 0) {
        Window nw = BuildWindow(doc_, scan_, rules_, q, next);
        if (explain_) why << "next sentence: ";
        if (TryWindow(q, nw, done, false, a, why)) {
          decided = true;
          w = std::move(nw);
        }
      }
    }
    // Then a quote standing alone after narration that names its speaker: a sentence with a
    // speaker and a cue (Keller argued that the plan was dead.¶“Q”) outranks continuing an
    // earlier quote's speaker; rules ranked below continuation (a subject with no cue: Keller is
    // upbeat about the vote.¶“Q”) come only after it.
    const TextSpan prev = decided ? TextSpan{} : PreviousSentenceWindow(doc_, scan_, q, span);
    std::optional<Window> pw;
    if (prev.end > 0) pw = BuildWindow(doc_, scan_, rules_, q, prev);
    if (!decided && pw) {
      if (explain_) why << "previous sentence: ";
      if (TryWindow(q, *pw, done, false, a, why, continuation_priority_ + 1)) {
        decided = true;
        w = *pw;
      }
    }
    if (!decided) decided = TryWindow(q, w, done, true, a, why);
    if (!decided && pw) {
      if (explain_) why << "previous sentence: ";
      if (TryWindow(q, *pw, done, false, a, why)) {
        decided = true;
        w = *pw;
      }
    }
    if (!decided) {
      // Nobody is presented as saying these words: a short fragment is a scare quote
      // ("the so-called “deal guys”"); a whole sentence is reported, speaker unknown.
      if (a.kind == "partial" || CountWords(doc_.slice(scan_.spans[q].content), 5) <= 4)
        a.kind = "scare";
      a.confidence = a.kind == "scare" ? 0.5 : 0.2;
      if (explain_)
        why << "no rule matched; " << (a.kind == "scare" ? "scare quote" : "unattributed");
    } else if (a.kind != "continued" && a.kind == "full" && q > 0 && !a.speaker.empty() &&
               done[q - 1].speaker == a.speaker && done[q - 1].kind != "scare" &&
               scan_.spans[q - 1].paragraph == scan_.spans[q].paragraph &&
               WordsBetween(q - 1, q) <= 12) {
      // "“Q1,” said X. “Q2.”" and "“Q1,” X said, “Q2”": the second segment continues the first.
      a.kind = "continued";
    }
    if (decided) {
      Speaker s{a.speaker, a.mention_span.begin, MentionGender(w, a), a.mention};
      if (s.gender == Gender::kUnknown) s.gender = KnownGender(s.name);
      // A description with no title and no pronoun ("the company", "the Harbour Authority")
      // names an organisation or a text, not a person.
      bool person_word = false;
      const Token* first = nullptr;
      for (const Token& t : w.tokens) {
        if (t.span.begin < a.mention_span.begin || t.span.end > a.mention_span.end) continue;
        if (!first) first = &t;
        if (t.symbol == 'T' || t.symbol == 'P') person_word = true;
      }
      s.organisation = first && first->symbol == 'D' && !person_word;
      if (a.rule.rfind("@", 0) != 0 && !a.mention.empty()) {
        if (s.gender != Gender::kUnknown) known_gender_[s.name] = s.gender;
        speakers_.push_back(s);
      }
    }
    a.explain = why.str();
    a.confidence = std::round(a.confidence * 100) / 100;
    return a;
  }

  size_t WordsBetween(size_t p, size_t q) const {
    std::string_view gap = std::string_view(doc_.text).substr(
        scan_.spans[p].outer.end, scan_.spans[q].outer.begin - scan_.spans[p].outer.end);
    return CountWords(gap, 13);
  }

  void InheritFrom(const Attribution& prev, Attribution& a, const std::string& rule,
                   double confidence) const {
    a.speaker = prev.speaker;
    a.mention = prev.mention;
    a.mention_span = prev.mention_span;
    a.cue = prev.cue;
    a.rule = rule;
    a.confidence = std::min(confidence, prev.confidence * 0.9);
    a.kind = "continued";
  }

  const Document& doc_;
  const QuoteScan& scan_;
  const RuleSet& rules_;
  const bool explain_;
  const DocumentEntities entities_;
  std::unordered_map<std::string, size_t> entity_by_name_;  // the first entity of each name
  // The highest priority of a continuation rule (none: the lowest int).
  int continuation_priority_ = std::numeric_limits<int>::min();
  std::vector<NameOccurrence> names_;
  std::vector<Speaker> speakers_;
  std::unordered_map<std::string, std::vector<Spelling>> by_surname_;  // see IndexName
  std::unordered_map<std::string, Gender> known_gender_;  // last known gender of each speaker

  // Look-backs over earlier speakers and names stop after kMaxLookback entries, so that a
  // hostile article with 100,000 quotes stays linear; a real one never reaches the limit.
  static constexpr size_t kMaxLookback = 256;
  template <typename V>
  static typename V::const_reverse_iterator RecentEnd(const V& v) {
    return v.size() > kMaxLookback ? v.crbegin() + kMaxLookback : v.crend();
  }
  static std::vector<NameOccurrence>::const_reverse_iterator RecentEnd(
      const std::vector<NameOccurrence>& v, std::vector<NameOccurrence>::const_iterator before) {
    const size_t n = static_cast<size_t>(before - v.begin());
    return std::make_reverse_iterator(n > kMaxLookback ? before - kMaxLookback : v.begin());
  }
};

}  // namespace

std::vector<Attribution> Attribute(const Document& doc, const QuoteScan& scan, const RuleSet& rules,
                                   bool explain) {
  return DocumentAttributor(doc, scan, rules, explain).Run();
}

class QuoteAttributor::Impl {
 public:
  Impl(const Document& doc, const QuoteScan& scan, const RuleSet& rules, bool explain)
      : doc(doc), scan(scan), rules(rules), attributor(doc, scan, rules, explain) {}
  const Document& doc;
  const QuoteScan& scan;
  const RuleSet& rules;
  DocumentAttributor attributor;
};

QuoteAttributor::QuoteAttributor(const Document& doc, const QuoteScan& scan, const RuleSet& rules,
                                 bool explain)
    : impl_(std::make_unique<Impl>(doc, scan, rules, explain)) {}
QuoteAttributor::~QuoteAttributor() = default;

std::vector<Attribution> QuoteAttributor::Run() { return impl_->attributor.Run(); }

TokenWindow QuoteAttributor::Read(TextSpan span) const {
  // BuildWindow marks its quote `q` as QUOTE: give it the first quote in the span, then make
  // every quote an OTHERQUOTE.
  const auto& spans = impl_->scan.spans;
  const size_t q = static_cast<size_t>(
      std::lower_bound(spans.begin(), spans.end(), span.begin,
                       [](const QuoteSpan& s, size_t pos) { return s.outer.begin < pos; }) -
      spans.begin());
  Window w = BuildWindow(impl_->doc, impl_->scan, impl_->rules, q, span);
  TokenWindow out;
  out.span = w.span;
  for (const Token& t : w.tokens) {
    char32_t symbol = t.symbol == 'Q' ? U'q' : t.symbol;
    if (t.quote < 0) {
      const char32_t literal =
          impl_->rules.ReportedLiteralSymbol(LowerWord(impl_->doc.slice(t.span)));
      if (literal) symbol = literal;
    }
    out.tokens.push_back({t.span, symbol});
  }
  for (const TokenWindow::Token& t : out.tokens) AppendSymbol(out.symbols, t.symbol);
  if (out.symbols.size() != out.tokens.size()) {
    for (size_t i = 0; i < out.tokens.size(); ++i) {
      std::string one;
      AppendSymbol(one, out.tokens[i].symbol);
      out.token_at.insert(out.token_at.end(), one.size(), static_cast<uint32_t>(i));
    }
    out.token_at.push_back(static_cast<uint32_t>(out.tokens.size()));
  }
  return out;
}

bool QuoteAttributor::ResolveSpeaker(const TokenWindow& w, size_t a, size_t b,
                                     Attribution& out) const {
  Window window;
  window.span = w.span;
  for (const TokenWindow::Token& t : w.tokens) window.tokens.push_back({t.span, t.symbol, -1});
  window.symbols = w.symbols;
  window.token_at = w.token_at;
  return impl_->attributor.Resolve(window, a, b, out);
}

uint64_t AttributionWork() { return t_work + EntityWork(); }

std::vector<RuleProblem> CheckRuleExamples(const RuleSet& rules) {
  std::vector<RuleProblem> problems;
  for (size_t r = 0; r < rules.rules().size(); ++r) {
    const AttributionRule& rule = rules.rules()[r];
    for (size_t e = 0; e < rule.examples.size(); ++e) {
      const std::string where = "example " + std::to_string(e + 1) + " of rule '" + rule.id + "'";
      Result<Document> doc = MakeDocument("example", "", rule.examples[e], rules.splitter());
      if (!doc.ok()) {
        problems.push_back({rule.file, rule.line, 1, where + ": " + doc.status().message()});
        continue;
      }
      QuoteScan scan = FindQuoteSpans(doc.value());
      bool matched = false;
      std::string symbols;
      // Each quote's own window, then the wider ones attribution falls back to.
      for (size_t q = 0; q < scan.spans.size() && !matched; ++q) {
        const TextSpan own = WindowSpan(doc.value(), scan, q);
        for (TextSpan span : {own, NextSentenceWindow(doc.value(), scan, q, own),
                              PreviousSentenceWindow(doc.value(), scan, q, own)}) {
          if (span.end == 0 || matched) continue;
          Window w = BuildWindow(doc.value(), scan, rules, q, span);
          matched = RE2::PartialMatch(w.symbols, rules.regex(r));
          if (!symbols.empty()) symbols += " | ";
          symbols += PrintableSymbols(w);
        }
      }
      if (scan.spans.empty()) {
        problems.push_back({rule.file, rule.line, 1, where + " holds no quote"});
      } else if (!matched) {
        problems.push_back(
            {rule.file, rule.line, 1,
             where + " does not match the pattern (its tokens read \"" + symbols + "\")"});
      }
    }
  }
  return problems;
}

}  // namespace saidby
