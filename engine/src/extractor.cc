#include "saidby/extractor.h"

#include "saidby/attribution.h"
#include "saidby/document.h"
#include "saidby/quote_span.h"

namespace saidby {

Result<ArticleQuotes> Extractor::Extract(Article article) const {
  Result<Document> doc =
      MakeParagraphs(std::move(article.id), std::move(article.source), std::move(article.text));
  if (!doc.ok()) return doc.status();
  // Quote marks first; sentences only where a quote is. Attribution looks at the sentences
  // around quotes alone, and quotes never cross a paragraph end, so the result is the same as
  // splitting every paragraph, at a fraction of the ICU work.
  QuoteScan scan = FindQuoteSpans(doc.value());
  std::vector<size_t> quoted;
  for (const QuoteSpan& q : scan.spans) {
    if (quoted.empty() || quoted.back() != q.paragraph) quoted.push_back(q.paragraph);
  }
  AddSentences(doc.value(), rules_.splitter(), quoted);
  const Document& d = doc.value();
  std::vector<Attribution> attributions = Attribute(d, scan, rules_, options_.explain);
  ArticleQuotes out;
  out.warnings = std::move(scan.warnings);
  for (size_t i = 0; i < scan.spans.size(); ++i) {
    const Attribution& a = attributions[i];
    if (a.kind == "scare" && !options_.keep_scare) continue;
    QuoteRecord r;
    r.source = d.source;
    r.doc = d.id;
    r.quote_id = out.quotes.size() + 1;
    r.start = scan.spans[i].content.begin;
    r.end = scan.spans[i].content.end;
    r.kind = a.kind;
    r.speaker = a.speaker;
    r.mention = a.mention;
    r.cue = a.cue;
    r.rule = a.rule;
    r.confidence = a.confidence;
    r.quote = std::string(d.slice(scan.spans[i].content));
    r.explain = a.explain;
    out.quotes.push_back(std::move(r));
  }
  return out;
}

}  // namespace saidby
