#include "saidby/attribution.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>
#include <vector>

#include "attribution_pass.h"
#include "attribution_window.h"
#include "attribution_work.h"
#include "continuation_passes.h"
#include "mention_resolver.h"
#include "non_speech_passes.h"
#include "rule_pattern.h"
#include "saidby/calibration.h"
#include "saidby/entities.h"
#include "sentence_passes.h"
#include "text_util.h"

namespace saidby {

// The order of attribution: each quote goes through these until one decides (README,
// "Attribution passes"). A layout or a rule on a nearer sentence wins over a farther one.
const std::vector<AttributionPass>& AttributionPasses() {
  static const std::vector<AttributionPass> passes = {
      {"work-title", WorkTitlePass},
      {"multi-paragraph", MultiParagraphPass},
      {"own-sentence", OwnSentencePass},
      {"next-sentence", NextSentencePass},
      {"previous-sentence", PreviousSentencePass},
      {"continuation", ContinuationPass},
      {"previous-sentence-fallback", PreviousSentenceFallbackPass},
      {"unattributed", UnattributedPass},
  };
  return passes;
}

namespace {

class DocumentAttributor {
 public:
  DocumentAttributor(const Document& doc, const QuoteScan& scan, const RuleSet& rules, bool explain)
      : doc_(doc),
        scan_(scan),
        rules_(rules),
        explain_(explain),
        resolver_(doc, scan, rules),
        context_(doc, scan, rules, explain, resolver_) {}

  std::vector<Attribution> Run() {
    std::vector<Attribution> out(scan_.spans.size());
    for (size_t q = 0; q < scan_.spans.size(); ++q) {
      out[q] = AttributeOne(q, out);
      CalibrateConfidence(out[q], rules_);
    }
    return out;
  }

  // For QuoteAttributor (reported speech): the speakers the quotes established, after Run().
  const MentionResolver& resolver() const { return resolver_; }

 private:
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

  Attribution AttributeOne(size_t q, const std::vector<Attribution>& done) {
    QuoteAttempt t{.q = q, .done = done, .span = WindowSpan(doc_, scan_, q)};
    t.window = BuildWindow(doc_, scan_, rules_, q, t.span);
    t.a.kind = KindOf(q);
    for (const AttributionPass& pass : AttributionPasses()) {
      if (!pass.run(context_, t)) continue;
      t.a.pass = std::string(pass.name);
      break;
    }
    assert(!t.a.pass.empty() && "the last pass always decides");
    Attribution& a = t.a;
    if (a.kind != "continued" && a.kind == "full" && q > 0 && !a.speaker.empty() &&
        done[q - 1].speaker == a.speaker && done[q - 1].kind != "scare" &&
        scan_.spans[q - 1].paragraph == scan_.spans[q].paragraph && WordsBetween(q - 1, q) <= 12) {
      // "“Q1,” said X. “Q2.”" and "“Q1,” X said, “Q2”": the second segment continues the first.
      a.kind = "continued";
    }
    resolver_.Remember(t.window, a);
    if (explain_) {
      std::string why = t.why.str();
      if (!why.empty() && !why.ends_with("; ")) why += "; ";
      a.explain = why + "decided by pass " + a.pass;
    }
    a.confidence = std::round(a.confidence * 100) / 100;
    return std::move(a);
  }

  size_t WordsBetween(size_t p, size_t q) const {
    std::string_view gap = std::string_view(doc_.text).substr(
        scan_.spans[p].outer.end, scan_.spans[q].outer.begin - scan_.spans[p].outer.end);
    return CountWords(gap, 13);
  }

  const Document& doc_;
  const QuoteScan& scan_;
  const RuleSet& rules_;
  const bool explain_;
  MentionResolver resolver_;
  const PassContext context_;
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
  return impl_->attributor.resolver().Resolve(window, a, b, out);
}

uint64_t AttributionWork() { return attribution_work::t_work + EntityWork(); }

std::vector<RuleProblem> CheckRuleExamples(const RuleSet& rules) {
  std::vector<RuleProblem> problems;
  for (size_t r = 0; r < rules.rules().size(); ++r) {
    const AttributionRule& rule = rules.rules()[r];
    for (size_t e = 0; e < rule.examples.size(); ++e) {
      const std::string where = "example " + std::to_string(e + 1) + " of rule '" + rule.id + "'";
      // At the example's own line: the section line says only which rule.
      const size_t line = e < rule.example_lines.size() ? rule.example_lines[e] : rule.line;
      Result<Document> doc = MakeDocument("example", "", rule.examples[e], rules.splitter());
      if (!doc.ok()) {
        problems.push_back({rule.file, line, 1, where + ": " + doc.status().message()});
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
        problems.push_back({rule.file, line, 1, where + " holds no quote"});
      } else if (!matched) {
        problems.push_back(
            {rule.file, line, 1,
             where + " does not match the pattern (its tokens read \"" + symbols + "\")"});
      }
    }
  }
  return problems;
}

}  // namespace saidby
