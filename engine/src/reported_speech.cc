#include "saidby/reported_speech.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "saidby/calibration.h"
#include "text_util.h"

namespace saidby {
namespace {

constexpr size_t kMaxSentenceBytes = 2000;  // quote windows reach as far (attribution.cc)
// Rows of one sentence: each takes a part of it, so a few cover any real sentence.
constexpr int kMaxRowsPerSentence = 4;
const Attribution kNoRow;  // the row before the first of a sentence
// Nor is a paragraph of a megabyte prose: it is not split into sentences at all.
constexpr size_t kMaxParagraphBytes = 1 << 20;

// Whether `text[span]` holds a word that may start a cue reporting speech: a cheap ASCII scan,
// so that ICU splits and tokens are spent only where a reported rule can match.
bool HoldsReportingCue(std::string_view text, TextSpan span, const RuleSet& rules) {
  std::string word;
  for (size_t i = span.begin; i <= span.end; ++i) {
    const unsigned char c = i < span.end ? static_cast<unsigned char>(text[i]) : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word.push_back(static_cast<char>(c | 0x20));
      continue;
    }
    if (!word.empty() && rules.StartsReportingCue(word)) return true;
    word.clear();
  }
  return false;
}

// The sentences of paragraph `p`: the document's own where the Extractor split it already (the
// same splitter, so the same sentences), else split here.
std::vector<TextSpan> SentencesOf(const Document& doc, size_t p, const RuleSet& rules) {
  auto first = std::lower_bound(doc.sentence_paragraph.begin(), doc.sentence_paragraph.end(), p);
  if (first != doc.sentence_paragraph.end() && *first == p) {
    auto last = std::upper_bound(first, doc.sentence_paragraph.end(), p);
    return {doc.sentences.begin() + (first - doc.sentence_paragraph.begin()),
            doc.sentences.begin() + (last - doc.sentence_paragraph.begin())};
  }
  return rules.splitter().Split(doc.text, doc.paragraphs[p]);
}

// The reported rules whose required symbols all occur in `symbols`, best priority first.
std::vector<int> CandidateReportedRules(const RuleSet& rules, const std::string& symbols) {
  std::vector<int> atoms, hits;
  const std::string folded = AsciiLower(symbols);  // FilteredRE2's atoms are lower case
  for (size_t i = 0; i < rules.reported_atoms().size(); ++i) {
    if (folded.find(rules.reported_atoms()[i]) != std::string::npos) {
      atoms.push_back(static_cast<int>(i));
    }
  }
  rules.reported_prefilter().AllPotentials(atoms, &hits);
  std::sort(hits.begin(), hits.end(), [&](int x, int y) {
    const auto& rx = rules.reported_rules()[static_cast<size_t>(x)];
    const auto& ry = rules.reported_rules()[static_cast<size_t>(y)];
    return rx.priority != ry.priority ? rx.priority > ry.priority : x < y;
  });
  return hits;
}

// The first group of `ids` that took part in the match, as tokens [begin, end) of `w`.
bool GroupTokens(const TokenWindow& w, const std::vector<re2::StringPiece>& groups,
                 const std::vector<int>& ids, size_t& begin, size_t& end) {
  for (int g : ids) {
    const re2::StringPiece& sp = groups[static_cast<size_t>(g) + 1];
    if (sp.data() == nullptr) continue;
    begin = w.TokenAt(static_cast<size_t>(sp.data() - w.symbols.data()));
    end = w.TokenAt(static_cast<size_t>(sp.data() + sp.size() - w.symbols.data()));
    return true;
  }
  return false;
}

bool IsEdgePunct(char32_t s) { return s == '.' || s == ',' || s == ':' || s == '-'; }

// Bytes of `span` inside quote marks: the outer spans of the quotes that overlap it.
size_t QuotedBytes(const QuoteScan& scan, TextSpan span) {
  size_t n = 0;
  auto it = std::lower_bound(scan.spans.begin(), scan.spans.end(), span.begin,
                             [](const QuoteSpan& q, size_t pos) { return q.outer.end <= pos; });
  for (; it != scan.spans.end() && it->outer.begin < span.end; ++it) {
    n += std::min(it->outer.end, span.end) - std::max(it->outer.begin, span.begin);
  }
  return n;
}

// Whether the content belongs to a quote: it overlaps one that is speech (attributed, or a
// whole unattributed sentence), or quoted words are most of it.
bool LeftToQuotes(const QuoteScan& scan, const std::vector<Attribution>& quotes, TextSpan span) {
  auto it = std::lower_bound(scan.spans.begin(), scan.spans.end(), span.begin,
                             [](const QuoteSpan& q, size_t pos) { return q.outer.end <= pos; });
  for (; it != scan.spans.end() && it->outer.begin < span.end; ++it) {
    const size_t q = static_cast<size_t>(it - scan.spans.begin());
    if (q < quotes.size() && quotes[q].kind != "scare") return true;
  }
  return 2 * QuotedBytes(scan, span) >= span.size();
}

// Whether byte `pos` lies inside a quote's marks.
bool InsideQuote(const QuoteScan& scan, size_t pos) {
  auto it = std::upper_bound(scan.spans.begin(), scan.spans.end(), pos,
                             [](size_t p, const QuoteSpan& q) { return p < q.outer.end; });
  return it != scan.spans.end() && it->outer.begin <= pos;
}

// The reported speech of sentence `w`, by the first rule (best priority) that gives content
// outside the quotes, a cue that reports speech and a speaker. False when none does.
// `previous` is the row the same sentence gave before `w` (its speaker empty and `has_previous`
// false when there is none): a `continue = yes` rule ("…, adding that …") reports for its
// speaker.
bool MatchSentence(const Document& doc, const QuoteScan& scan,
                   const std::vector<Attribution>& quotes, const RuleSet& rules,
                   const QuoteAttributor& attributor, TokenWindow& w, ReportedSpeech& out,
                   const Attribution& previous, bool has_previous, int only_rule = -1) {
  for (int h : CandidateReportedRules(rules, w.symbols)) {
    if (only_rule >= 0 && h != only_rule) continue;
    const AttributionRule& rule = rules.reported_rules()[static_cast<size_t>(h)];
    const re2::RE2& re = rules.reported_regex(static_cast<size_t>(h));
    std::vector<re2::StringPiece> groups(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
    // Unanchored, the search finds what "(?s:.)*?(P)" anchored at the start finds (quote rules'
    // form, RuleSet::regex), but patterns that end at END let RE2 search from the end: 40%
    // fewer instructions on unseen text (ReportedRegexMatchesWrappedForm in the tests).
    if (!re.Match(w.symbols, 0, w.symbols.size(), RE2::UNANCHORED, groups.data(),
                  static_cast<int>(groups.size()))) {
      continue;
    }
    size_t sa = 0, sb = 0, ca = 0, cb = 0;
    if (rule.continues ? !has_previous : !GroupTokens(w, groups, rule.speaker_groups, sa, sb)) {
      continue;
    }
    if (!GroupTokens(w, groups, rule.content_groups, ca, cb)) continue;
    while (ca < cb && IsEdgePunct(w.tokens[ca].symbol)) ++ca;
    while (cb > ca && IsEdgePunct(w.tokens[cb - 1].symbol)) --cb;
    if (cb - ca < 3) continue;  // "Keller said so.": no content to report
    const TextSpan content{w.tokens[ca].span.begin, w.tokens[cb - 1].span.end};
    if (LeftToQuotes(scan, quotes, content)) return false;
    // The cue the match passed outside the speaker's words, nearest the content; a rule that
    // names its cue as a literal ("according to") passes no CUE group: the cue words outside
    // the speaker and the content.
    std::vector<size_t> cues;
    for (int g : rule.cue_groups) {
      const re2::StringPiece& cp = groups[static_cast<size_t>(g) + 1];
      if (cp.data() != nullptr)
        cues.push_back(w.TokenAt(static_cast<size_t>(cp.data() - w.symbols.data())));
    }
    if (cues.empty()) {
      for (size_t i = 0; i < w.tokens.size(); ++i) {
        if (rules.IsCue(LowerWord(doc.slice(w.tokens[i].span)))) cues.push_back(i);
      }
    }
    std::string cue;
    TextSpan cue_span;
    size_t best = std::string::npos;
    for (size_t ci : cues) {
      if ((ci >= sa && ci < sb) || (ci >= ca && ci < cb)) continue;
      const size_t distance = ci < ca ? ca - ci : ci - cb;
      if (distance < best) {
        best = distance;
        cue = std::string(doc.slice(w.tokens[ci].span));
        cue_span = w.tokens[ci].span;
      }
    }
    std::string lower_cue;
    for (std::string_view word : SplitWords(cue)) {
      if (!lower_cue.empty()) lower_cue += ' ';
      lower_cue += LowerWord(word);
    }
    if (cue.empty() || !rules.ReportsSpeech(lower_cue)) continue;
    if (!rule.object_cues && rules.TakesObject(lower_cue)) continue;
    if (rule.only_object_cues && !rules.TakesObject(lower_cue)) continue;
    if (!rule.listener_cues && rules.TakesListener(lower_cue)) continue;
    if (!rule.continues && InsideQuote(scan, w.tokens[sa].span.begin)) continue;
    // "Keller's statement said": the possessor names the speaker.
    TokenWindow named = w;
    for (size_t i = sa; i < sb; ++i) {
      if (named.tokens[i].symbol == 'G') named.tokens[i].symbol = 'N';
    }
    Attribution a;
    if (rule.continues) {
      a.speaker = previous.speaker;
      a.mention = previous.mention;
      a.mention_span = previous.mention_span;
    } else if (!attributor.ResolveSpeaker(named, sa, sb, a)) {
      // "47 percent said …", "donors said …": plain words name no one the resolver knows, but
      // the content is still reported; the words stand as the mention.
      while (sb > sa && IsEdgePunct(w.tokens[sb - 1].symbol)) --sb;
      while (sa < sb && IsEdgePunct(w.tokens[sa].symbol)) ++sa;
      if (sa == sb) continue;
      a.mention_span = {w.tokens[sa].span.begin, w.tokens[sb - 1].span.end};
      a.mention = std::string(doc.slice(a.mention_span));
    }
    a.kind = "reported";
    a.cue = cue;
    a.cue_span = cue_span;
    a.rule = rule.id;
    // No quote pass decides reported speech: the CSV's pass column names this step instead.
    a.pass = "reported-speech";
    a.mention_type = MentionTypeOf(a.speaker, a.mention, rules);
    // Uncalibrated: confidence.txt measures quotes only.
    a.confidence = std::round(rule.confidence * (a.speaker.empty() ? 80 : 100)) / 100;
    out.content = content;
    out.attribution = std::move(a);
    return true;
  }
  return false;
}

}  // namespace

std::vector<ReportedSpeech> FindReportedSpeech(const Document& doc, const QuoteScan& scan,
                                               const std::vector<Attribution>& quotes,
                                               const RuleSet& rules,
                                               const QuoteAttributor& attributor) {
  std::vector<ReportedSpeech> out;
  if (rules.reported_rules().empty()) return out;
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    if (doc.paragraphs[p].size() > kMaxParagraphBytes ||
        !HoldsReportingCue(doc.text, doc.paragraphs[p], rules)) {
      continue;
    }
    for (TextSpan s : SentencesOf(doc, p, rules)) {
      // A "sentence" longer than any prose (a list, markup, text with no full stops) reports
      // nothing: it would be one row of megabytes.
      if (s.size() > kMaxSentenceBytes || !HoldsReportingCue(doc.text, s, rules)) continue;
      // "74 percent said …, while 22 percent said …": after a row, the rest of the sentence
      // past its content and cue is read again, a few times at most.
      TextSpan rest = s;
      const size_t first = out.size();
      for (int k = 0; k < kMaxRowsPerSentence; ++k) {
        TokenWindow w = attributor.Read(rest);
        ReportedSpeech r;
        const bool has_previous = out.size() > first;
        const Attribution& previous = has_previous ? out.back().attribution : kNoRow;
        if (!MatchSentence(doc, scan, quotes, rules, attributor, w, r, previous, has_previous))
          break;
        const size_t next = std::max(r.content.end, r.attribution.cue_span.end);
        out.push_back(std::move(r));
        if (next >= rest.end || !HoldsReportingCue(doc.text, {next, rest.end}, rules)) break;
        rest = {next, rest.end};
      }
    }
  }
  return out;
}

std::vector<RuleProblem> CheckReportedExamples(const RuleSet& rules) {
  std::vector<RuleProblem> problems;
  for (size_t r = 0; r < rules.reported_rules().size(); ++r) {
    const AttributionRule& rule = rules.reported_rules()[r];
    for (size_t e = 0; e < rule.examples.size(); ++e) {
      const std::string where = "example " + std::to_string(e + 1) + " of rule '" + rule.id + "'";
      // At the example's own line: the section line says only which rule.
      const size_t line = e < rule.example_lines.size() ? rule.example_lines[e] : rule.line;
      Result<Document> doc = MakeDocument("example", "", rule.examples[e], rules.splitter());
      if (!doc.ok()) {
        problems.push_back({rule.file, line, 1, where + ": " + doc.status().message()});
        continue;
      }
      const Document& d = doc.value();
      const QuoteScan scan = FindQuoteSpans(d);
      QuoteAttributor attributor(d, scan, rules, false);
      const std::vector<Attribution> quotes = attributor.Run();
      // A `continue = yes` rule needs the row before it: the whole pass, then.
      bool found = false;
      if (rule.continues) {
        for (const ReportedSpeech& row : FindReportedSpeech(d, scan, quotes, rules, attributor))
          found = found || row.attribution.rule == rule.id;
      }
      std::string symbols;
      for (TextSpan s : d.sentences) {
        TokenWindow w = attributor.Read(s);
        ReportedSpeech row;
        found = found || MatchSentence(d, scan, quotes, rules, attributor, w, row, kNoRow, false,
                                       static_cast<int>(r));
        if (!symbols.empty()) symbols += " | ";
        for (const TokenWindow::Token& t : w.tokens) {
          symbols += t.symbol >= 0x80 ? 'L' : static_cast<char>(t.symbol);
        }
      }
      if (!found) {
        problems.push_back(
            {rule.file, line, 1,
             where + " gives no reported speech (its tokens read \"" + symbols + "\")"});
      }
    }
  }
  return problems;
}

}  // namespace saidby
