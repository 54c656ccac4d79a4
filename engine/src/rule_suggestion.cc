#include "saidby/rule_suggestion.h"

#include <algorithm>
#include <map>
#include <set>

#include "attribution_window.h"
#include "saidby/quote_span.h"
#include "saidby/words.h"
#include "stemmer.h"
#include "text_util.h"

namespace saidby {
namespace {

// A word made of lower-case letters only ("noted", "op" but not "Keller", "2016", "op-ed"):
// verbs and role nouns as written mid-sentence.
bool IsLowerWord(std::string_view w) {
  if (w.size() < 2) return false;
  for (size_t i = 0; i < w.size();) {
    const CodePoint c = DecodeAt(w, i);
    if (!IsLetter(c.cp) || IsUpper(c.cp)) return false;
    i += std::max<size_t>(c.width, 1);
  }
  return true;
}

bool IsWordToken(std::string_view t) {
  const CodePoint c = DecodeAt(t, 0);
  return IsLetter(c.cp) || IsDigit(c.cp);
}

// A word the rules already know as something: suggesting it would change its class.
bool KnownWord(const RuleSet& rules, const std::string& w) {
  return rules.IsCue(w) || rules.Pronoun(w) || rules.IsTitle(w) || rules.IsDeterminer(w) ||
         rules.IsParticle(w) || rules.IsAuxiliary(w) || rules.IsStopWord(w) ||
         rules.IsSpeechNoun(w) || rules.IsWorkNoun(w);
}

// Counts for one suggestion: the rows it stands next to, and its forms.
struct Tally {
  size_t missed = 0, found = 0;
  std::map<std::string, size_t> missed_forms;  // form -> missed rows
  std::set<std::string> forms;
  size_t example_case = static_cast<size_t>(-1);
};

// How many more misses a suggestion stands next to than the base rate predicts, weighted by
// how much the rate beside it exceeds the base: m · (p − p0) / (1 − p0), p = m / (m + f).
double Score(const Tally& t, double p0) {
  const double m = static_cast<double>(t.missed), n = static_cast<double>(t.missed + t.found);
  if (n == 0 || p0 >= 1) return 0;
  return m * (m / n - p0) / (1 - p0);
}

// One row's context: the tokens (words and punctuation) before and after its span, nearest
// `reach` words each side, in text order, outside every quote.
struct Context {
  std::vector<TextSpan> before, after;
};

bool InsideQuote(const QuoteScan& scan, TextSpan t) {
  auto it = std::upper_bound(scan.spans.begin(), scan.spans.end(), t.begin,
                             [](size_t pos, const QuoteSpan& s) { return pos < s.outer.begin; });
  return it != scan.spans.begin() && std::prev(it)->outer.contains(t.begin);
}

// Tokens of `region` outside quotes: the last (`from_end`) or first `reach` words, with the
// punctuation among them.
std::vector<TextSpan> Side(const Document& doc, const QuoteScan& scan, TextSpan region,
                           size_t reach, bool from_end) {
  std::vector<TextSpan> all;
  if (region.end > region.begin) {
    for (TextSpan t : WordsIn(doc.text, region)) {
      if (!InsideQuote(scan, t)) all.push_back(t);
    }
  }
  std::vector<TextSpan> out;
  size_t words = 0;
  if (from_end) {
    for (size_t i = all.size(); i-- > 0 && words < reach;) {
      out.push_back(all[i]);
      if (IsWordToken(doc.slice(all[i]))) ++words;
    }
    std::reverse(out.begin(), out.end());
  } else {
    for (size_t i = 0; i < all.size() && words < reach; ++i) {
      out.push_back(all[i]);
      if (IsWordToken(doc.slice(all[i]))) ++words;
    }
  }
  return out;
}

bool HasWord(const Document& doc, const std::vector<TextSpan>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(),
                     [&](TextSpan t) { return IsWordToken(doc.slice(t)); });
}

// The sentence(s) holding the span; a side with no word there reads the sentence beyond it
// (“Q.” Keller noted. / Keller noted: “Q.”), within the paragraph or across one break before.
Context ContextOf(const Document& doc, const QuoteScan& scan, TextSpan span, size_t reach) {
  Context c;
  if (doc.sentences.empty()) return c;
  const size_t first = doc.SentenceAt(span.begin);
  const size_t last = doc.SentenceAt(span.end > span.begin ? span.end - 1 : span.begin);
  const TextSpan head = doc.sentences[first], tail = doc.sentences[last];
  c.before = Side(doc, scan, {std::min(head.begin, span.begin), span.begin}, reach, true);
  if (!HasWord(doc, c.before) && first > 0 &&
      doc.sentence_paragraph[first - 1] + 1 >= doc.sentence_paragraph[first]) {
    c.before = Side(doc, scan, doc.sentences[first - 1], reach, true);
  }
  c.after = Side(doc, scan, {span.end, std::max(tail.end, span.end)}, reach, false);
  if (!HasWord(doc, c.after) && last + 1 < doc.sentences.size() &&
      doc.sentence_paragraph[last + 1] == doc.sentence_paragraph[last]) {
    c.after = Side(doc, scan, doc.sentences[last + 1], reach, false);
  }
  return c;
}

std::string OneLine(std::string_view s) { return CollapseBlanks(s, " \t\r\n"); }

// The context as text, the row's own words cut to their first and last few.
std::string Shown(const Document& doc, const Context& c, TextSpan span) {
  const size_t begin = c.before.empty() ? span.begin : std::min(c.before.front().begin, span.begin);
  const size_t end = c.after.empty() ? span.end : std::max(c.after.back().end, span.end);
  std::string row(doc.slice(span));
  const std::vector<TextSpan> words = WordsIn(row, {0, row.size()});
  if (words.size() > 12) {
    row = row.substr(0, words[4].end) + " … " + row.substr(words[words.size() - 4].begin);
  }
  if (begin >= span.begin && end <= span.end) return OneLine(row);
  auto part = [&](size_t b, size_t e) {
    return b < e ? std::string(doc.text.substr(b, e - b)) : std::string();
  };
  // Text before the span and after it, each within its own sentence run (a context side may
  // come from a sentence beyond the row's own).
  return OneLine(part(begin, span.begin) + row + part(span.end, end));
}

// The pattern-language name of a window token's class, or its literal word.
std::string ClassName(const Document& doc, const Token& t) {
  switch (t.symbol) {
    case U'Q':
      return "QUOTE";
    case U'q':
      return "OTHERQUOTE";
    case U'C':
      return "CUE";
    case U'N':
      return "NAME";
    case U'T':
      return "TITLE";
    case U'P':
      return "PRONOUN";
    case U'D':
      return "DET";
    case U'k':
      return "PARTICLE";
    case U'w':
      return "WORD";
    case U'V':
      return "AUXVERB";
    case U'G':
      return "POSSESSIVE";
    case U',':
      return "\",\"";
    case U':':
      return "\":\"";
    case U'.':
      return "\".\"";
    case U'-':
      return "\"-\"";
    case U'(':
      return "\"(\"";
    case U')':
      return "\")\"";
    case U'p':
      return "ANY";
    default:
      break;
  }
  std::string lower = LowerWord(doc.slice(t.span));
  if (lower.size() > 1 && lower.back() == '.') lower.pop_back();
  return "\"" + OneLine(lower) + "\"";
}

// The folded words of each window token (a phrase token has several), flattened, with the
// token each word belongs to.
void TokenWords(const Document& doc, const Window& w, std::vector<std::string>& words,
                std::vector<size_t>& token_of) {
  for (size_t i = 0; i < w.tokens.size(); ++i) {
    if (w.tokens[i].quote >= 0) continue;
    for (std::string& word : QuoteTokens(StripPossessive(doc.slice(w.tokens[i].span)))) {
      words.push_back(std::move(word));
      token_of.push_back(i);
    }
  }
}

// The tokens [first, last] of the window that name `speaker`, nearest the quote token `qi`.
std::optional<std::pair<size_t, size_t>> SpeakerTokens(const Document& doc, const Window& w,
                                                       size_t qi, const std::string& speaker) {
  std::vector<std::string> want = QuoteTokens(speaker);
  if (want.empty() || speaker == "*" || speaker == "UNKNOWN") return std::nullopt;
  std::vector<std::string> words;
  std::vector<size_t> token_of;
  TokenWords(doc, w, words, token_of);
  std::optional<std::pair<size_t, size_t>> best;
  auto distance = [&](const std::pair<size_t, size_t>& r) {
    return r.second < qi ? qi - r.second : r.first > qi ? r.first - qi : 0;
  };
  for (int attempt = 0; attempt < 2 && !best; ++attempt) {
    if (attempt == 1) {
      if (want.size() < 2) break;
      want = {want.back()};  // "Anna Keller" in gold, "Keller" in the text
    }
    for (size_t i = 0; i + want.size() <= words.size(); ++i) {
      if (!std::equal(want.begin(), want.end(), words.begin() + static_cast<ptrdiff_t>(i))) {
        continue;
      }
      const std::pair<size_t, size_t> r{token_of[i], token_of[i + want.size() - 1]};
      if (!best || distance(r) < distance(*best)) best = r;
    }
  }
  return best;
}

// The draft rule of one window: its classes from the quote to the speaker and one token beyond
// each end, runs of one class written once with `+`; `classes` receives those tokens' symbols
// as `--explain` prints a window ("QNNw").
std::string DraftPattern(const Document& doc, const Window& w, size_t qi,
                         std::pair<size_t, size_t> speaker, std::string& classes) {
  const auto [sa, sb] = speaker;
  size_t lo = std::min(qi, sa), hi = std::max(qi, sb);
  if (lo > 0) --lo;
  if (hi + 1 < w.tokens.size()) ++hi;
  classes = PrintableSymbols(w).substr(lo, hi - lo + 1);
  struct Item {
    std::string name;
    bool in_speaker;
  };
  std::vector<Item> items;
  for (size_t i = lo; i <= hi; ++i) {
    items.push_back({ClassName(doc, w.tokens[i]), i >= sa && i <= sb && i != qi});
  }
  std::string out;
  bool open = false;
  for (size_t i = 0; i < items.size();) {
    size_t j = i + 1;
    while (j < items.size() && items[j].name == items[i].name &&
           items[j].in_speaker == items[i].in_speaker && items[i].name[0] != '"') {
      ++j;
    }
    if (items[i].in_speaker && !open) {
      out += out.empty() ? "SPEAKER(" : " SPEAKER(";
      open = true;
    } else if (!items[i].in_speaker && open) {
      out += ")";
      open = false;
    }
    if (!out.empty() && out.back() != '(') out += ' ';
    out += items[i].name;
    if (j - i > 1) out += '+';
    i = j;
  }
  if (open) out += ")";
  return out;
}

// The draft rule of the missed quote at `span`, when no pattern but a continuation rule
// matches its window and the window names `speaker`; `window` receives the window's text and
// `classes` the drafted tokens' symbols.
std::optional<std::string> DraftOf(const RuleSet& rules, const Document& doc, const QuoteScan& scan,
                                   TextSpan span, const std::string& speaker, std::string& window,
                                   std::string& classes) {
  size_t q = 0;
  while (q < scan.spans.size() && scan.spans[q].content.end <= span.begin) ++q;
  if (q == scan.spans.size() || scan.spans[q].content.begin > span.begin) return std::nullopt;
  const Window w = BuildWindow(doc, scan, rules, q, WindowSpan(doc, scan, q));
  // An example is one paragraph: a window across a break could not be pasted as one.
  if (doc.slice(w.span).find('\n') != std::string_view::npos) return std::nullopt;
  std::vector<re2::StringPiece> groups;
  for (int r : CandidateRules(rules, w.symbols)) {
    // A continuation rule names no one: a window only it matches still lacks a pattern.
    if (rules.rules()[static_cast<size_t>(r)].continues) continue;
    if (MatchRule(rules, static_cast<size_t>(r), w.symbols, groups)) return std::nullopt;
  }
  size_t qi = 0;
  while (qi < w.tokens.size() && w.tokens[qi].quote != static_cast<int>(q)) ++qi;
  if (qi == w.tokens.size()) return std::nullopt;
  const auto who = SpeakerTokens(doc, w, qi, speaker);
  if (!who) return std::nullopt;
  window = OneLine(doc.slice(w.span));
  return DraftPattern(doc, w, qi, *who, classes);
}

std::vector<SuggestedWord> Ranked(const std::map<std::string, Tally>& tallies, double p0,
                                  size_t min_misses, size_t keep, const std::vector<Document>& docs,
                                  const std::vector<SuggestCase>& cases,
                                  const std::vector<std::string>& examples) {
  std::vector<SuggestedWord> out;
  for (const auto& [key, t] : tallies) {
    if (t.missed < min_misses) continue;
    const double score = Score(t, p0);
    if (score <= 0) continue;
    SuggestedWord s;
    // The form most often next to a miss; ties to the shorter, then the first in order.
    size_t most = 0;
    for (const auto& [form, n] : t.missed_forms) {
      if (n > most || (n == most && form.size() < s.word.size())) {
        most = n;
        s.word = form;
      }
    }
    s.forms.assign(t.forms.begin(), t.forms.end());
    std::stable_sort(
        s.forms.begin(), s.forms.end(),
        [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    s.missed = t.missed;
    s.found = t.found;
    s.score = score;
    if (t.example_case < cases.size()) {
      s.example_doc = docs[cases[t.example_case].doc].id;
      s.example = examples[t.example_case];
    }
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const SuggestedWord& a, const SuggestedWord& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.word < b.word;
  });
  if (out.size() > keep) out.resize(keep);
  return out;
}

void Count(Tally& t, const std::string& form, bool found, size_t case_index) {
  t.forms.insert(form);
  if (found) {
    ++t.found;
    return;
  }
  ++t.missed;
  ++t.missed_forms[form];
  if (t.example_case == static_cast<size_t>(-1)) t.example_case = case_index;
}

}  // namespace

Suggestions SuggestRules(const RuleSet& rules, const std::vector<Document>& docs,
                         const std::vector<SuggestCase>& cases, const SuggestOptions& options) {
  Suggestions out;
  out.rows = cases.size();
  std::vector<std::optional<QuoteScan>> scans(docs.size());
  Stemmer stemmer;
  std::map<std::string, Tally> cues, phrases, titles;
  std::map<std::string, size_t> word_missed, word_found;  // phrases are weighed against these
  std::vector<std::string> examples(cases.size());
  size_t rows_missed = 0, rows_with_context = 0;
  struct Draft {
    size_t missed = 0;
    std::string classes;
    std::vector<size_t> cases;
    std::vector<std::string> windows;
  };
  std::map<std::string, Draft> drafts;

  for (size_t ci = 0; ci < cases.size(); ++ci) {
    const SuggestCase& sc = cases[ci];
    if (!sc.found) ++out.missed;
    if (!sc.span || sc.doc >= docs.size()) continue;
    ++out.located;
    const Document& doc = docs[sc.doc];
    if (!scans[sc.doc]) scans[sc.doc] = FindQuoteSpans(doc);
    const QuoteScan& scan = *scans[sc.doc];
    const TextSpan span = *sc.span;
    const Context c = ContextOf(doc, scan, span, options.reach);
    examples[ci] = Shown(doc, c, span);
    ++rows_with_context;
    if (!sc.found) ++rows_missed;

    // Cue words and phrases: each counted once a row.
    std::set<std::string> seen_stems, seen_phrases;
    for (const std::vector<TextSpan>* side : {&c.before, &c.after}) {
      std::string previous;  // the word just before, when nothing stands between
      for (TextSpan t : *side) {
        const std::string_view text = doc.slice(t);
        if (!IsWordToken(text)) {
          previous.clear();
          continue;
        }
        const std::string lower = LowerWord(text);
        const bool plain = IsLowerWord(text);
        if (plain && !previous.empty() && !rules.IsCue(previous + " " + lower) &&
            !rules.IsCue(previous) && !rules.IsCue(lower) &&
            !(rules.IsStopWord(previous) && rules.IsStopWord(lower))) {
          const std::string phrase = previous + " " + lower;
          if (seen_phrases.insert(phrase).second) Count(phrases[phrase], phrase, sc.found, ci);
        }
        previous = plain ? lower : std::string();
        if (!plain || KnownWord(rules, lower)) continue;
        const std::string stem = stemmer.Stem(lower);
        if (!seen_stems.insert(stem).second) {
          cues[stem].forms.insert(lower);
          continue;
        }
        Count(cues[stem], lower, sc.found, ci);
        ++(sc.found ? word_found : word_missed)[lower];
      }
    }

    // Title nouns: the head of a described speaker, the words before a named one.
    std::set<std::string> seen_titles;
    auto title = [&](const std::string& w) {
      if (!IsLowerWord(w) || KnownWord(rules, w) || !seen_titles.insert(w).second) return;
      Count(titles[w], w, sc.found, ci);
    };
    const std::vector<std::string> speaker = QuoteTokens(sc.speaker);
    if (!speaker.empty() && sc.speaker != "*" && sc.speaker != "UNKNOWN") {
      const std::string_view raw = sc.speaker;
      const size_t head_at = raw.find_last_of(' ');
      const std::string_view head =
          head_at == std::string_view::npos ? raw : raw.substr(head_at + 1);
      if (IsLowerWord(head)) title(std::string(head));
      // The named speaker's last word in the context; the lower-case words just before its run
      // of capitalised words ("party chairwoman Anna Keller").
      std::vector<TextSpan> tokens = c.before;
      tokens.insert(tokens.end(), c.after.begin(), c.after.end());
      for (size_t i = 0; i < tokens.size(); ++i) {
        const std::vector<std::string> w = QuoteTokens(StripPossessive(doc.slice(tokens[i])));
        if (w.size() != 1 || w[0] != speaker.back() || IsLowerWord(doc.slice(tokens[i]))) continue;
        size_t k = i;
        while (k > 0 && IsWordToken(doc.slice(tokens[k - 1])) &&
               !IsLowerWord(doc.slice(tokens[k - 1]))) {
          --k;
        }
        for (size_t n = 0; n < 2 && k > 0 && IsLowerWord(doc.slice(tokens[k - 1])); ++n, --k) {
          title(LowerWord(doc.slice(tokens[k - 1])));
        }
        break;
      }
    }

    // Draft rules: a missed quote whose window no pattern matches.
    if (sc.found || sc.reported) continue;
    std::string window, classes;
    const std::optional<std::string> pattern =
        DraftOf(rules, doc, scan, span, sc.speaker, window, classes);
    if (!pattern) continue;
    ++out.draft_windows;
    Draft& d = drafts[*pattern];
    ++d.missed;
    if (d.classes.empty()) d.classes = classes;
    // The same text twice (an article published twice) is one example.
    if (d.windows.size() < options.max_examples &&
        std::find(d.windows.begin(), d.windows.end(), window) == d.windows.end()) {
      d.cases.push_back(ci);
      d.windows.push_back(std::move(window));
    }
  }

  const double p0 = rows_with_context == 0
                        ? 0.0
                        : static_cast<double>(rows_missed) / static_cast<double>(rows_with_context);
  out.cues = Ranked(cues, p0, options.min_misses, options.max_cues, docs, cases, examples);
  out.titles = Ranked(titles, p0, options.min_misses, options.max_titles, docs, cases, examples);
  // A phrase is worth listing when it stands next to misses more surely than each of its new
  // words does alone ("pointed out" where "pointed" is also "pointed to the figures").
  std::map<std::string, Tally> sure;
  for (auto& [phrase, t] : phrases) {
    if (t.missed < std::max<size_t>(3, options.min_misses)) continue;
    const double p = static_cast<double>(t.missed) / static_cast<double>(t.missed + t.found);
    bool beats = true;
    for (std::string_view part : SplitWords(phrase)) {
      const std::string w(part);
      if (KnownWord(rules, w)) continue;
      const double m = static_cast<double>(word_missed[w]), f = static_cast<double>(word_found[w]);
      if (m + f > 0 && p < m / (m + f) + 0.1) beats = false;
    }
    if (beats) sure.emplace(phrase, t);
  }
  out.phrases = Ranked(sure, p0, options.min_misses, options.max_phrases, docs, cases, examples);

  for (auto& [pattern, d] : drafts) {
    if (d.missed < options.min_misses) continue;
    DraftRule r;
    r.pattern = pattern;
    r.classes = d.classes;
    r.missed = d.missed;
    r.examples = d.windows;
    for (size_t ci : d.cases) r.example_docs.push_back(docs[cases[ci].doc].id);
    out.drafts.push_back(std::move(r));
  }
  std::stable_sort(out.drafts.begin(), out.drafts.end(),
                   [](const DraftRule& a, const DraftRule& b) { return a.missed > b.missed; });
  if (out.drafts.size() > options.max_drafts) out.drafts.resize(options.max_drafts);
  return out;
}

}  // namespace saidby
