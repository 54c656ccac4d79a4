#include "saidby/extractor.h"

#include <algorithm>

#include "saidby/attribution.h"
#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/reported_speech.h"

namespace saidby {
namespace {

// The row of one quote or reported-speech span: its words and what attributed it.
QuoteRecord Record(const Document& d, size_t quote_id, TextSpan content, const Attribution& a) {
  QuoteRecord r;
  r.source = d.source;
  r.doc = d.id;
  r.quote_id = quote_id;
  r.start = content.begin;
  r.end = content.end;
  r.kind = a.kind;
  r.speaker = a.speaker;
  r.mention = a.mention;
  r.cue = a.cue;
  r.rule = a.rule;
  r.confidence = a.confidence;
  r.mention_type = std::string(MentionTypeName(a.mention_type));
  r.quote = std::string(d.slice(content));
  r.pass = a.pass;
  if (!a.mention.empty()) r.mention_span = a.mention_span;
  if (!a.cue.empty()) r.cue_span = a.cue_span;
  return r;
}

// Byte offsets into `text` as code point offsets: the code points before a byte are the bytes
// before it that do not continue a UTF-8 sequence. Offsets are converted in ascending order,
// so one pass over the text serves them all.
void OffsetsInChars(std::string_view text, std::vector<QuoteRecord>& rows) {
  std::vector<size_t*> offsets;
  for (QuoteRecord& r : rows) {
    offsets.push_back(&r.start);
    offsets.push_back(&r.end);
    for (std::optional<TextSpan>* span : {&r.mention_span, &r.cue_span}) {
      if (!*span) continue;
      offsets.push_back(&(*span)->begin);
      offsets.push_back(&(*span)->end);
    }
  }
  std::stable_sort(offsets.begin(), offsets.end(),
                   [](const size_t* a, const size_t* b) { return *a < *b; });
  size_t byte = 0, chars = 0;
  for (size_t* offset : offsets) {
    for (; byte < *offset && byte < text.size(); ++byte) {
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++chars;
    }
    *offset = chars;
  }
}

}  // namespace

Result<ArticleQuotes> Extractor::Extract(Article article) const {
  Result<Document> doc =
      MakeParagraphs(std::move(article.id), std::move(article.source), std::move(article.text));
  if (!doc.ok()) return doc.status();
  // Quote marks first; sentences only where a quote is, and in the paragraph before it (whose
  // last sentence may introduce the quote: "Keller said:¶“Q”"). Attribution looks at no other
  // sentences, so the result is the same as splitting every paragraph, at a fraction of the
  // ICU work.
  QuoteScan scan = FindQuoteSpans(doc.value());
  std::vector<size_t> quoted;
  for (const QuoteSpan& q : scan.spans) {
    for (size_t p = q.paragraph > 0 ? q.paragraph - 1 : 0; p <= q.paragraph; ++p) {
      if (quoted.empty() || quoted.back() < p) quoted.push_back(p);
    }
  }
  AddSentences(doc.value(), rules_.splitter(), quoted);
  const Document& d = doc.value();
  QuoteAttributor attributor(d, scan, rules_, options_.explain);
  const std::vector<Attribution> attributions = attributor.Run();
  ArticleQuotes out;
  out.warnings = std::move(scan.warnings);
  for (size_t i = 0; i < scan.spans.size(); ++i) {
    const Attribution& a = attributions[i];
    if (a.kind == "scare" && !options_.keep_scare) continue;
    QuoteRecord r = Record(d, out.quotes.size() + 1, scan.spans[i].content, a);
    r.explain = a.explain;
    out.quotes.push_back(std::move(r));
  }
  if (options_.reported) {
    for (ReportedSpeech& rs : FindReportedSpeech(d, scan, attributions, rules_, attributor)) {
      const Attribution& a = rs.attribution;
      QuoteRecord r = Record(d, out.quotes.size() + 1, rs.content, a);
      if (options_.explain) r.explain = "decided by pass " + a.pass;
      out.quotes.push_back(std::move(r));
    }
  }
  if (options_.offsets == OffsetUnit::kChars) OffsetsInChars(d.text, out.quotes);
  if (options_.keep_text) out.text = std::move(doc.value().text);
  return out;
}

}  // namespace saidby
