#include "compare_command.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>

#include "article_extraction.h"
#include "batch_runner.h"
#include "commands.h"
#include "grouped_log.h"
#include "output_file.h"
#include "saidby/article_source.h"
#include "saidby/comparison.h"
#include "saidby/comparison_printer.h"
#include "saidby/csv.h"
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
                 "Folder for speakers.csv, clusters.csv, quotes.csv, outlets.csv and report.html "
                 "(default: clusters.csv to stdout)");
  app.add_option("--html", flags.html, "Write the report here instead of DIR/report.html");
  app.add_flag("--merge", flags.merge, "Combine earlier compare outputs (their quotes.csv)");
  app.add_option("--rules", flags.rules_dir,
                 "Rules folder: extraction, and the titles and given names that speaker names "
                 "are normalised with");
  app.add_option("--aliases", flags.aliases,
                 "CSV `alias,canonical`: speaker names to count as another, before the rules");
  app.add_option("-j,--jobs", flags.jobs, "Extraction threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--max-doc-bytes", flags.max_doc_bytes, "Skip (and report) larger articles")
      ->check(CLI::PositiveNumber);
  app.add_flag("--direct-only", flags.direct_only,
               "Articles: extract direct quotes only, no reported speech");
  app.add_flag("-q,--quiet", flags.quiet, "No warnings on stderr (errors are still reported)");
}

namespace {

// An ostream over an OutputFile: a report (which can be large) is written as it is printed.
class OutputStreamBuf : public std::streambuf {
 public:
  explicit OutputStreamBuf(OutputFile& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    return out_.Write(std::string_view(s, static_cast<size_t>(n))) ? n : 0;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return out_.Write(std::string_view(&ch, 1)) ? c : traits_type::eof();
  }

 private:
  OutputFile& out_;
};

}  // namespace

int RunCompare(const CompareFlags& flags) {
  // What is read and what is written, known before anything is: an output that is an input is
  // refused (exit 2) before it could be replaced.
  std::vector<std::string> tables;  // quote tables (with --merge, each folder's quotes.csv)
  std::vector<std::string> article_paths;
  bool from_stdin = !flags.merge && flags.inputs.empty();
  if (flags.merge) {
    if (flags.inputs.empty()) {
      spdlog::error("--merge needs the output folders of earlier compare runs");
      return kUsage;
    }
    for (const std::string& dir : flags.inputs)
      tables.push_back((fs::path(dir) / "quotes.csv").string());
  } else {
    for (const std::string& in : flags.inputs) {
      std::error_code ec;
      if (in == "-") {
        from_stdin = true;
      } else if (IsQuoteTablePath(in) && fs::is_regular_file(in, ec)) {
        tables.push_back(in);
      } else {
        article_paths.push_back(in);
      }
    }
  }
  ArticleList list;
  if (!article_paths.empty()) list = ListArticles(article_paths, "");
  // Paths with no article and nothing else to compare: a usage error, as in extract and eval.
  if (!article_paths.empty() && tables.empty() && !from_stdin) {
    GroupedLog log(flags.quiet);
    if (NothingToRead(list, log)) return kUsage;
  }

  std::vector<std::string> output_paths;
  if (!flags.output_dir.empty()) {
    const fs::path dir(flags.output_dir);
    for (const char* name : {"quotes.csv", "speakers.csv", "clusters.csv", "outlets.csv"})
      output_paths.push_back((dir / name).string());
    if (flags.html.empty()) output_paths.push_back((dir / "report.html").string());
  }
  if (!flags.html.empty()) output_paths.push_back(flags.html);
  for (const std::string& output : output_paths) {
    const std::optional<FileId> out_id = RegularFileId(output);
    if (!out_id) continue;
    std::optional<std::string> input;
    if (from_stdin && RegularFileId(STDIN_FILENO) == out_id) input = "stdin";
    for (const std::string& t : tables) {
      if (!input && RegularFileId(t) == out_id) input = t;
    }
    for (const ArticleRef& ref : list.articles) {
      if (!input && RegularFileId(ref.path) == out_id) input = ref.path;
    }
    if (input) {
      spdlog::error("{}: the output is also an input ({}); not overwriting it", output, *input);
      return kUsage;
    }
  }

  // Rules are read even for quote tables: speaker names are normalised with their titles and
  // given names. Unusable rules or aliases are a usage error, before any work.
  std::unique_ptr<const RuleSet> rules =
      LoadRulesOrReport(flags.rules_dir.empty() ? DefaultRulesDir() : flags.rules_dir);
  if (!rules) return kUsage;
  CompareOptions options;
  options.speakers.rules = rules.get();
  if (!flags.aliases.empty()) {
    Result<std::vector<SpeakerAlias>> aliases = ReadSpeakerAliases(flags.aliases);
    if (!aliases.ok()) {
      spdlog::error("{}", aliases.status().message());
      return kUsage;
    }
    options.speakers.aliases = std::move(aliases).value();
  }

  std::vector<QuoteRecord> rows;
  bool skipped = false;
  size_t tables_read = 0;
  for (size_t i = 0; i < tables.size(); ++i) {
    Result<std::vector<QuoteRecord>> t = ReadQuoteTable(tables[i]);
    if (!t.ok()) {
      if (flags.merge) {
        spdlog::error("{} (is {} a compare output folder?)", t.status().message(), flags.inputs[i]);
      } else {
        spdlog::error("{}", t.status().message());
      }
      skipped = true;
      continue;
    }
    ++tables_read;
    for (QuoteRecord& r : t.value()) rows.push_back(std::move(r));
  }
  const size_t table_rows = rows.size();
  // Outlets an earlier run read articles of but found no row in (outputs before outlets.csv
  // have none to read).
  for (size_t i = 0; flags.merge && i < flags.inputs.size(); ++i) {
    const std::string path = (fs::path(flags.inputs[i]) / "outlets.csv").string();
    std::error_code ec;
    if (!fs::exists(path, ec)) continue;
    Result<CsvTable> t = ReadCsvFile(path, size_t{256} << 20, "the outlets.csv limit");
    if (!t.ok() || t->header != std::vector<std::string>{"source"}) {
      spdlog::error(
          "{}", t.ok() ? path + ":1: the header must be exactly `source`" : t.status().message());
      skipped = true;
      continue;
    }
    for (std::vector<std::string>& row : t->rows) {
      if (!row.empty()) options.sources.push_back(std::move(row[0]));
    }
  }
  // The line that ends the run (unless --quiet): what was read, whatever happens next.
  std::string summary;
  auto finish = [&](int code) {
    if (!flags.quiet) spdlog::info("{}", summary);
    return code;
  };
  if (from_stdin || !article_paths.empty()) {
    ArticleExtraction extraction;
    extraction.options.reported = !flags.direct_only;
    extraction.jobs = flags.jobs;
    extraction.max_doc_bytes = flags.max_doc_bytes;
    extraction.quiet = flags.quiet;
    extraction.sources = &options.sources;
    summary = ExtractArticles(*rules, extraction, std::move(list), from_stdin, rows, skipped);
  }
  if (!tables.empty()) {
    summary += (summary.empty() ? "" : "; ") + std::to_string(table_rows) + " rows from " +
               std::to_string(tables_read) + " of " + std::to_string(tables.size()) +
               (tables.size() == 1 ? " quote table" : " quote tables");
  }
  std::sort(options.sources.begin(), options.sources.end());
  options.sources.erase(std::unique(options.sources.begin(), options.sources.end()),
                        options.sources.end());

  const Comparison c = Compare(std::move(rows), options);
  // Two different rows under one key: one of them is lost, whatever -q says.
  for (const std::string& clash : c.clashes) spdlog::error("{}", clash);
  if (!c.clashes.empty()) skipped = true;

  if (!flags.output_dir.empty()) {
    std::error_code ec;
    fs::create_directories(flags.output_dir, ec);
    if (ec) {
      spdlog::error("{}: cannot create folder: {}", flags.output_dir, ec.message());
      return finish(kWriteFailed);
    }
  }
  // Every output goes to a temporary file first; they are renamed into place only once all
  // were written, so a failed run leaves the previous outputs as they were.
  std::deque<OutputFile> outputs;
  auto write = [&](const std::string& path, const std::function<void(std::ostream&)>& print) {
    OutputFile& out = outputs.emplace_back(path);
    Status s = out.Open();
    if (s.ok()) {
      OutputStreamBuf buf(out);
      std::ostream stream(&buf);
      print(stream);
      stream.flush();
      if (out.failed()) s = out.error();
    }
    if (!s.ok()) spdlog::error("{}", s.message());
    return s.ok();
  };
  auto printer = [&](void (*print)(const Comparison&, std::ostream&)) {
    return [&c, print](std::ostream& out) { print(c, out); };
  };
  bool written = true;
  if (!flags.output_dir.empty()) {
    const fs::path dir(flags.output_dir);
    // quotes.csv carries every compared row, so a later --merge can recompute exactly.
    written = write((dir / "quotes.csv").string(),
                    [&](std::ostream& out) {
                      CsvQuotePrinter quotes(out);
                      for (const QuoteRecord& r : c.quotes) quotes.Write(r);
                    }) &&
              write((dir / "speakers.csv").string(), printer(WriteSpeakersCsv)) &&
              write((dir / "clusters.csv").string(), printer(WriteClustersCsv)) &&
              write((dir / "outlets.csv").string(),
                    [&](std::ostream& out) {
                      out << "source\r\n";
                      for (const std::string& s : c.sources) out << CsvField(s) << "\r\n";
                    }) &&
              (!flags.html.empty() ||
               write((dir / "report.html").string(), printer(WriteComparisonHtml)));
  } else {
    written = write("", printer(WriteClustersCsv));
  }
  if (written && !flags.html.empty()) written = write(flags.html, printer(WriteComparisonHtml));
  for (OutputFile& out : outputs) {
    if (!written) break;  // the others are removed unwritten
    if (Status s = out.Commit(); !s.ok()) {
      spdlog::error("{}", s.message());
      written = false;
    }
  }
  if (!written) return finish(kWriteFailed);
  return finish(skipped ? kSomeSkipped : kOk);
}

}  // namespace saidby::cli
