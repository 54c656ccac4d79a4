#include "article_extraction.h"

#include "batch_runner.h"
#include "grouped_log.h"

namespace saidby::cli {

std::string ExtractArticles(const RuleSet& rules, const ArticleExtraction& flags, ArticleList list,
                            bool from_stdin, std::vector<QuoteRecord>& rows, bool& skipped) {
  const Extractor extractor(rules, flags.options);
  GroupedLog log(flags.quiet, flags.report_errors);
  BatchOptions options;
  options.jobs = flags.jobs;
  options.max_doc_bytes = flags.max_doc_bytes;
  BatchRunner runner(extractor, options, log);
  if (flags.sources) {
    // An outlet counts even when its article cannot be read (JSON Lines: as each is read).
    for (const ArticleRef& ref : list.articles) {
      if (ref.format != ArticleFormat::kJsonLines) flags.sources->push_back(ref.source);
    }
  }
  BatchHooks hooks;
  hooks.emit = [&](BatchDoc& doc) {
    if (flags.sources) flags.sources->push_back(doc.source);
    for (QuoteRecord& q : doc.quotes.quotes) rows.push_back(std::move(q));
    return true;
  };
  runner.Run(std::move(list), from_stdin, hooks);
  log.Finish();
  if (runner.stats().skipped > 0) skipped = true;
  return runner.Summary();
}

}  // namespace saidby::cli
