#include "attribution_window.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "rule_pattern.h"
#include "text_util.h"

namespace saidby {
namespace {

bool IsSentencePunct(char32_t s) { return s == '.' || s == ':'; }

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

}  // namespace

size_t TokenAt(const Window& w, size_t at) { return w.token_at.empty() ? at : w.token_at[at]; }
size_t TokenAt(const Window& w, const char* at) {
  return TokenAt(w, static_cast<size_t>(at - w.symbols.data()));
}

std::string PrintableSymbols(const Window& w) {
  std::string s;
  for (const Token& t : w.tokens) s += t.symbol >= 0x80 ? 'L' : static_cast<char>(t.symbol);
  return s;
}

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

}  // namespace saidby
