#include <spdlog/spdlog.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

#include "commands.h"
#include "saidby/article_source.h"
#include "saidby/attribution.h"
#include "saidby/extractor.h"
#include "saidby/quote_printer.h"

namespace saidby::cli {
namespace fs = std::filesystem;

std::string DefaultRulesDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate :
         {exe.parent_path() / "../share/saidby/rules/en", exe.parent_path() / "../rules/en",
          exe.parent_path() / "rules/en"}) {
      if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    }
  }
  return SAIDBY_SOURCE_RULES_DIR;
}

std::unique_ptr<const RuleSet> LoadRulesOrReport(const std::string& dir) {
  RuleSet::LoadResult loaded = RuleSet::Load(dir);
  std::vector<RuleProblem> problems = std::move(loaded.problems);
  if (loaded.rules) {
    std::vector<RuleProblem> examples = CheckRuleExamples(*loaded.rules);
    problems.insert(problems.end(), examples.begin(), examples.end());
  }
  for (const RuleProblem& p : problems) spdlog::error("{}", p.ToString());
  if (!problems.empty()) return nullptr;
  return std::move(loaded.rules);
}

int RunRulesCheck(const std::string& dir) {
  std::unique_ptr<const RuleSet> rules = LoadRulesOrReport(dir);
  if (!rules) return kUsage;
  std::cout << dir << ": " << rules->rules().size() << " patterns, all examples match\n";
  return kOk;
}

namespace {

// A unit of work: an article to read from disk, or one already parsed from stdin.
struct WorkItem {
  std::string where;  // path or "stdin:LINE", for messages
  std::optional<ArticleRef> ref;
  std::optional<Result<Article>> parsed;
};

struct WorkResult {
  std::optional<Result<ArticleQuotes>> quotes;
  Status error;
};

}  // namespace

int RunExtract(const ExtractFlags& flags) {
  std::unique_ptr<const RuleSet> rules =
      LoadRulesOrReport(flags.rules_dir.empty() ? DefaultRulesDir() : flags.rules_dir);
  if (!rules) return kUsage;

  std::ofstream file;
  if (!flags.output.empty()) {
    file.open(flags.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      spdlog::error("{}: cannot write output file", flags.output);
      return kUsage;
    }
  }
  std::ostream& out = flags.output.empty() ? std::cout : file;
  std::unique_ptr<QuoteSink> sink;
  if (flags.format == "jsonl") {
    sink = std::make_unique<JsonlQuotePrinter>(out, flags.explain);
  } else {
    sink = std::make_unique<CsvQuotePrinter>(out, flags.explain);
  }

  const Extractor extractor(*rules, ExtractOptions{flags.keep_scare, flags.explain});
  const int jobs = flags.jobs > 0 ? flags.jobs
                                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::task_arena arena(jobs);
  bool skipped = false;

  // Articles are processed in bounded chunks, in parallel, and printed in input order, so the
  // output is the same whatever the thread count and memory stays bounded by the chunk.
  std::vector<WorkItem> chunk;
  auto flush = [&]() {
    std::vector<WorkResult> results(chunk.size());
    arena.execute([&] {
      tbb::parallel_for(size_t{0}, chunk.size(), [&](size_t i) {
        WorkItem& item = chunk[i];
        Result<Article> article = item.ref ? ReadArticle(*item.ref, flags.max_doc_bytes)
                                           : std::move(*item.parsed);
        if (!article.ok()) {
          results[i].error = article.status();
          return;
        }
        if (article->text.size() > flags.max_doc_bytes) {
          results[i].error = Status::Error("too large: " + std::to_string(article->text.size()) +
                                           " bytes (limit " + std::to_string(flags.max_doc_bytes) +
                                           ", see --max-doc-bytes)");
          return;
        }
        results[i].quotes = extractor.Extract(std::move(article).value());
      });
    });
    for (size_t i = 0; i < chunk.size(); ++i) {
      const WorkResult& r = results[i];
      if (!r.error.ok()) {
        spdlog::error("{}: {}", chunk[i].where, r.error.message());
        skipped = true;
        continue;
      }
      if (!r.quotes->ok()) {
        spdlog::error("{}: {}", chunk[i].where, r.quotes->status().message());
        skipped = true;
        continue;
      }
      if (!flags.quiet) {
        for (const std::string& w : r.quotes->value().warnings) spdlog::warn("{}: {}", chunk[i].where, w);
      }
      for (const QuoteRecord& q : r.quotes->value().quotes) sink->Write(q);
    }
    out.flush();
    chunk.clear();
  };
  const size_t chunk_size = static_cast<size_t>(jobs) * 16;

  const bool from_stdin = flags.paths.empty() || (flags.paths.size() == 1 && flags.paths[0] == "-");
  if (from_stdin) {
    std::string line;
    size_t line_no = 0;
    while (std::getline(std::cin, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      WorkItem item;
      item.where = "stdin:" + std::to_string(line_no);
      Result<Article> a = ParseJsonArticle(line, line_no, flags.source);
      if (!a.ok()) {
        // The message already names stdin and the line.
        spdlog::error("{}", a.status().message());
        skipped = true;
        continue;
      }
      item.where = "stdin:" + std::to_string(line_no) + " (" + a->id + ")";
      item.parsed = std::move(a);
      chunk.push_back(std::move(item));
      if (chunk.size() >= chunk_size) flush();
    }
  } else {
    ArticleList list = ListArticles(flags.paths, flags.source);
    for (const std::string& e : list.errors) {
      spdlog::error("{}", e);
      skipped = true;
    }
    for (ArticleRef& ref : list.articles) {
      WorkItem item;
      item.where = ref.path;
      item.ref = std::move(ref);
      chunk.push_back(std::move(item));
      if (chunk.size() >= chunk_size) flush();
    }
  }
  flush();
  if (!out) {
    spdlog::error("{}: write failed", flags.output.empty() ? "stdout" : flags.output);
    return kSomeSkipped;
  }
  return skipped ? kSomeSkipped : kOk;
}

}  // namespace saidby::cli
