// BatchRunner: how extract, compare, eval and diff read their articles. Documents are read in
// input order (article files, .jsonl files line by line, or JSON Lines on stdin), read and
// extracted in parallel on -j threads, and handed to the command in input order, one at a time,
// so the output does not depend on -j. At most 4 × jobs documents are alive at once: memory
// does not grow with the batch.
//
// Every input that cannot be used (unreadable, empty, over --max-doc-bytes, bad JSON, ...) is
// reported with its place ("a/x.txt: empty file", "stdin:3: not valid JSON ...") and skipped;
// the others are still processed. Messages go through a GroupedLog (the first 5 of a kind, then
// a count); a progress line is drawn when stderr is a terminal and not --quiet. Summary() is the
// line that ends a run: documents read, quotes by kind, inputs skipped, MB/s.
//
// Example:
//   GroupedLog log(flags.quiet);
//   BatchRunner runner(extractor, {.jobs = 4}, log);
//   runner.Run(std::move(list), /*from_stdin=*/false,
//              {.emit = [&](BatchDoc& d) { Print(d.quotes); return true; }});
//   log.Finish();  spdlog::info("{}", runner.Summary());
#pragma once

#include <any>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include "commands.h"
#include "grouped_log.h"
#include "saidby/article_source.h"
#include "saidby/extractor.h"

namespace saidby::cli {

struct BatchOptions {
  int jobs = 0;  // 0: all cores
  size_t max_doc_bytes = kDefaultMaxDocBytes;
  std::string source;    // --source: every article's outlet (JSON Lines records too)
  std::string encoding;  // --encoding for article files; empty: detect
  bool progress = true;  // draw the progress line (when stderr is a terminal and not quiet)
};

// One document on its way: read, extracted, then handed to the command.
struct BatchDoc {
  std::string where;  // its place in messages: a path, or "stdin:3 (id)"
  std::string id;     // the article's id and outlet
  std::string source;
  ArticleQuotes quotes;  // what the Extractor found
  std::any data;         // whatever the command's parallel hooks made of it
};

struct BatchHooks {
  // On a worker, with the article as read, before extraction (eval counts gold quotes here).
  std::function<void(const Article&, BatchDoc&)> read;
  // On a worker, after extraction (extract formats its rows here, in parallel).
  std::function<void(BatchDoc&)> extracted;
  // In input order, one at a time. False stops the batch (an output that cannot be written):
  // nothing is read or extracted after it.
  std::function<bool(BatchDoc&)> emit;
};

struct BatchStats {
  size_t documents = 0;  // extracted and handed to the command
  size_t skipped = 0;    // inputs reported and skipped (paths that could not be listed too)
  size_t bytes = 0;      // input bytes read
  std::map<std::string, size_t> kinds;  // quotes by kind
};

// When `list` holds no article: reports its errors and warnings, then that there is nothing to
// read, and returns true (extract, compare and eval then exit 2).
bool NothingToRead(const ArticleList& list, GroupedLog& log);

class BatchRunner {
 public:
  BatchRunner(const Extractor& extractor, BatchOptions options, GroupedLog& log);

  // Reports `list`'s errors and warnings, then runs the JSON Lines on stdin (with
  // `from_stdin`), then the articles of `list`. False when `emit` stopped it.
  bool Run(ArticleList list, bool from_stdin, const BatchHooks& hooks);

  const BatchStats& stats() const { return stats_; }
  // "12 documents read, 3 inputs skipped; 40 quotes (30 full, 10 reported); 1.2 MB in 0.40 s,
  // 3.0 MB/s". The time runs from construction.
  std::string Summary() const;

 private:
  const Extractor& extractor_;
  BatchOptions options_;
  GroupedLog& log_;
  BatchStats stats_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace saidby::cli
