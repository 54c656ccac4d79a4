#include "compare_command.h"

#include <spdlog/spdlog.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "commands.h"
#include "line_reader.h"
#include "saidby/article_source.h"
#include "saidby/comparison.h"
#include "saidby/comparison_printer.h"
#include "saidby/extractor.h"
#include "saidby/quote_printer.h"
#include "saidby/quote_table.h"

namespace saidby::cli {
namespace fs = std::filesystem;

void AddCompareOptions(CLI::App& app, CompareFlags& flags) {
  app.add_option("inputs", flags.inputs,
                 "Quote tables (.csv, .jsonl) or articles (files, folders); none or '-': JSON "
                 "Lines documents on stdin. With --merge: compare output folders");
  app.add_option("-o,--output", flags.output_dir,
                 "Folder for speakers.csv, clusters.csv, quotes.csv and report.html "
                 "(default: clusters.csv to stdout)");
  app.add_option("--html", flags.html, "Write the report here instead of DIR/report.html");
  app.add_flag("--merge", flags.merge, "Combine earlier compare outputs (their quotes.csv)");
  app.add_option("--rules", flags.rules_dir, "Rules folder, when articles are extracted");
  app.add_option("-j,--jobs", flags.jobs, "Extraction threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--max-doc-bytes", flags.max_doc_bytes, "Skip (and report) larger articles")
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", flags.quiet, "No warnings on stderr (errors are still reported)");
}

namespace {

// Extracts articles from paths (or stdin JSON Lines) in parallel chunks, rows in input order.
// Returns false when the rules are unusable; `skipped` is set for every reported input.
bool ExtractArticles(const CompareFlags& flags, const std::vector<std::string>& paths,
                     bool from_stdin, std::vector<QuoteRecord>& rows, bool& skipped) {
  std::unique_ptr<const RuleSet> rules =
      LoadRulesOrReport(flags.rules_dir.empty() ? DefaultRulesDir() : flags.rules_dir);
  if (!rules) return false;
  const Extractor extractor(*rules, ExtractOptions{});
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
      });
    });
    for (size_t i = 0; i < chunk.size(); ++i) {
      if (!results[i]->ok()) {
        spdlog::error("{}: {}", chunk[i].where, results[i]->status().message());
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
    while (stdin_lines.Next(line)) {
      ++line_no;
      if (line.too_long) {
        spdlog::error("stdin:{}: too large: {} bytes (limit {}, see --max-doc-bytes) (JSON line)",
                      line_no, line.bytes, flags.max_doc_bytes);
        skipped = true;
        continue;
      }
      if (line.text.find_first_not_of(" \t\r") == std::string::npos) continue;
      Result<Article> a = ParseJsonArticle(line.text, line_no, "");
      if (!a.ok()) {
        spdlog::error("{}", a.status().message());
        skipped = true;
        continue;
      }
      chunk.push_back({"stdin:" + std::to_string(line_no), std::nullopt, std::move(a)});
      if (chunk.size() >= chunk_size) flush();
    }
    if (stdin_lines.error() != 0) {
      spdlog::error("stdin: read error: {}", std::strerror(stdin_lines.error()));
      skipped = true;
    }
  }
  ArticleList list = ListArticles(paths, "");
  for (const std::string& e : list.errors) {
    spdlog::error("{}", e);
    skipped = true;
  }
  if (!flags.quiet) {
    for (const std::string& w : list.warnings) spdlog::warn("{}", w);
  }
  for (ArticleRef& ref : list.articles) {
    std::string where = ref.path;
    chunk.push_back({std::move(where), std::move(ref), std::nullopt});
    if (chunk.size() >= chunk_size) flush();
  }
  flush();
  return true;
}

// Streams the file (a report can be large), and reports a failed write by name.
template <typename Print>
bool WriteFile(const fs::path& path, Print print) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  print(out);
  out.close();
  if (!out) {
    spdlog::error("{}: cannot write file", path.string());
    return false;
  }
  return true;
}

}  // namespace

int RunCompare(const CompareFlags& flags) {
  std::vector<QuoteRecord> rows;
  bool skipped = false;
  if (flags.merge) {
    if (flags.inputs.empty()) {
      spdlog::error("--merge needs the output folders of earlier compare runs");
      return kUsage;
    }
    for (const std::string& dir : flags.inputs) {
      Result<std::vector<QuoteRecord>> t = ReadQuoteTable((fs::path(dir) / "quotes.csv").string());
      if (!t.ok()) {
        spdlog::error("{} (is {} a compare output folder?)", t.status().message(), dir);
        skipped = true;
        continue;
      }
      for (QuoteRecord& r : t.value()) rows.push_back(std::move(r));
    }
  } else {
    std::vector<std::string> article_paths;
    bool from_stdin = flags.inputs.empty();
    for (const std::string& in : flags.inputs) {
      std::error_code ec;
      if (in == "-") {
        from_stdin = true;
      } else if (IsQuoteTablePath(in) && fs::is_regular_file(in, ec)) {
        Result<std::vector<QuoteRecord>> t = ReadQuoteTable(in);
        if (!t.ok()) {
          spdlog::error("{}", t.status().message());
          skipped = true;
          continue;
        }
        for (QuoteRecord& r : t.value()) rows.push_back(std::move(r));
      } else {
        article_paths.push_back(in);
      }
    }
    if ((from_stdin || !article_paths.empty()) &&
        !ExtractArticles(flags, article_paths, from_stdin, rows, skipped)) {
      return kUsage;
    }
  }

  const Comparison c = Compare(std::move(rows));
  if (!flags.quiet) {
    for (const std::string& w : c.warnings) spdlog::warn("{}", w);
  }

  bool written = true;
  if (!flags.output_dir.empty()) {
    std::error_code ec;
    fs::create_directories(flags.output_dir, ec);
    if (ec) {
      spdlog::error("{}: cannot create folder: {}", flags.output_dir, ec.message());
      return kUsage;
    }
    const fs::path dir(flags.output_dir);
    // quotes.csv carries every compared row, so a later --merge can recompute exactly.
    written &= WriteFile(dir / "quotes.csv", [&](std::ostream& out) {
      CsvQuotePrinter printer(out);
      for (const QuoteRecord& r : c.quotes) printer.Write(r);
    });
    written &=
        WriteFile(dir / "speakers.csv", [&](std::ostream& out) { WriteSpeakersCsv(c, out); });
    written &=
        WriteFile(dir / "clusters.csv", [&](std::ostream& out) { WriteClustersCsv(c, out); });
    if (flags.html.empty())
      written &=
          WriteFile(dir / "report.html", [&](std::ostream& out) { WriteComparisonHtml(c, out); });
  } else {
    WriteClustersCsv(c, std::cout);
    std::cout.flush();
    written &= static_cast<bool>(std::cout);
  }
  if (!flags.html.empty())
    written &= WriteFile(flags.html, [&](std::ostream& out) { WriteComparisonHtml(c, out); });
  if (!written) return kSomeSkipped;
  return skipped ? kSomeSkipped : kOk;
}

}  // namespace saidby::cli
