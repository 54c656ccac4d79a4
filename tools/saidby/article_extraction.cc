#include "article_extraction.h"

#include <spdlog/spdlog.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <thread>

#include "line_reader.h"

namespace saidby::cli {

void ExtractArticles(const RuleSet& rules, const ArticleExtraction& flags, ArticleList list,
                     bool from_stdin, std::vector<QuoteRecord>& rows, bool& skipped) {
  const Extractor extractor(rules, flags.options);
  const int jobs = flags.jobs > 0
                       ? flags.jobs
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::task_arena arena(jobs);

  struct Item {
    std::string where;
    std::optional<ArticleRef> ref;
    std::optional<Result<Article>> parsed;
  };
  std::vector<Item> chunk;
  auto flush = [&] {
    std::vector<std::optional<Result<ArticleQuotes>>> results(chunk.size());
    arena.execute([&] {
      tbb::parallel_for(size_t{0}, chunk.size(), [&](size_t i) {
        // An exception escaping a worker would end the process: it is this document's error.
        try {
          Result<Article> a = chunk[i].ref ? ReadArticle(*chunk[i].ref, flags.max_doc_bytes)
                                           : std::move(*chunk[i].parsed);
          if (!a.ok()) {
            results[i] = a.status();
            return;
          }
          if (a->text.size() > flags.max_doc_bytes) {
            results[i] = Status::Error("too large: " + std::to_string(a->text.size()) + " bytes");
            return;
          }
          results[i] = extractor.Extract(std::move(a).value());
        } catch (const std::exception& e) {
          results[i] = Status::Error(std::string("internal error: ") + e.what());
        }
      });
    });
    for (size_t i = 0; i < chunk.size(); ++i) {
      if (!results[i]->ok()) {
        if (flags.report_errors) {
          spdlog::error("{}: {}", chunk[i].where, results[i]->status().message());
        }
        skipped = true;
        continue;
      }
      if (!flags.quiet) {
        for (const std::string& w : results[i]->value().warnings) {
          spdlog::warn("{}: {}", chunk[i].where, w);
        }
      }
      for (QuoteRecord& q : results[i]->value().quotes) rows.push_back(std::move(q));
    }
    chunk.clear();
  };
  const size_t chunk_size = static_cast<size_t>(jobs) * 16;
  if (from_stdin) {
    // Bounded as in extract: a line too long for --max-doc-bytes is skipped, not held.
    LineReader stdin_lines(STDIN_FILENO, MaxJsonLineBytes(flags.max_doc_bytes));
    LineReader::Line line;
    size_t line_no = 0;
    bool labels_warned = false;
    while (stdin_lines.Next(line)) {
      ++line_no;
      if (line.too_long) {
        spdlog::error("stdin:{}: too large: {} bytes (limit {}, see --max-doc-bytes) (JSON line)",
                      line_no, line.bytes, flags.max_doc_bytes);
        skipped = true;
        continue;
      }
      if (line.text.find_first_not_of(" \t\r") == std::string::npos) continue;
      bool labels_escaped = false;
      Result<Article> a = ParseJsonArticle(line.text, line_no, "", &labels_escaped);
      if (!a.ok()) {
        spdlog::error("{}", a.status().message());
        skipped = true;
        continue;
      }
      if (labels_escaped && !labels_warned && !flags.quiet) {
        spdlog::warn(
            "stdin:{}: id or source is not valid UTF-8 text (NUL): written with \\xHH "
            "(not repeated for other records)",
            line_no);
        labels_warned = true;
      }
      if (flags.sources) flags.sources->push_back(a->source);
      chunk.push_back({"stdin:" + std::to_string(line_no), std::nullopt, std::move(a)});
      if (chunk.size() >= chunk_size) flush();
    }
    if (stdin_lines.error() != 0) {
      spdlog::error("stdin: read error: {}", std::strerror(stdin_lines.error()));
      skipped = true;
    }
  }
  for (const std::string& e : list.errors) {
    if (flags.report_errors) spdlog::error("{}", e);
    skipped = true;
  }
  if (!flags.quiet) {
    for (const std::string& w : list.warnings) spdlog::warn("{}", w);
  }
  for (ArticleRef& ref : list.articles) {
    if (flags.sources) flags.sources->push_back(ref.source);
    std::string where = ref.path;
    chunk.push_back({std::move(where), std::move(ref), std::nullopt});
    if (chunk.size() >= chunk_size) flush();
  }
  flush();
}

}  // namespace saidby::cli
