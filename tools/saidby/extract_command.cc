#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <any>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "batch_runner.h"
#include "commands.h"
#include "output_file.h"
#include "saidby/article_source.h"
#include "saidby/attribution.h"
#include "saidby/extractor.h"
#include "saidby/label.h"
#include "saidby/quote_printer.h"
#include "saidby/reported_speech.h"
#include "saidby/text_decoding.h"

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

std::unique_ptr<const RuleSet> LoadRulesOrReport(const std::string& dir,
                                                 std::vector<RuleProblem>* warnings) {
  RuleSet::LoadResult loaded = RuleSet::Load(dir);
  if (warnings) *warnings = std::move(loaded.warnings);
  std::vector<RuleProblem> problems = std::move(loaded.problems);
  if (loaded.rules) {
    std::vector<RuleProblem> examples = CheckRuleExamples(*loaded.rules);
    problems.insert(problems.end(), examples.begin(), examples.end());
    examples = CheckReportedExamples(*loaded.rules);
    problems.insert(problems.end(), examples.begin(), examples.end());
  }
  for (const RuleProblem& p : problems) spdlog::error("{}", p.ToString());
  if (!problems.empty()) return nullptr;
  return std::move(loaded.rules);
}

int RunRulesCheck(const std::string& dir) {
  std::vector<RuleProblem> warnings;
  std::unique_ptr<const RuleSet> rules = LoadRulesOrReport(dir, &warnings);
  if (!rules) return kUsage;
  for (const RuleProblem& w : warnings) spdlog::warn("{}", w.ToString());
  std::cout << dir << ": " << rules->rules().size() << " patterns, all examples match\n"
            << "RE2 program size of each rule (budget " << kRuleProgramBudget << "):\n";
  for (const AttributionRule& r : rules->rules()) {
    std::cout << "  " << r.id << " " << r.program_size << "\n";
  }
  for (const AttributionRule& r : rules->reported_rules()) {
    std::cout << "  " << r.id << " " << r.program_size << "\n";
  }
  std::cout.flush();
  if (!std::cout) {
    spdlog::error("stdout: write failed: {}", std::strerror(errno));
    return kWriteFailed;
  }
  return kOk;
}

int RunExtract(const ExtractFlags& given) {
  ExtractFlags flags = given;
  if (flags.paths.size() > 1 &&
      std::find(flags.paths.begin(), flags.paths.end(), "-") != flags.paths.end()) {
    spdlog::error("'-' (JSON Lines on stdin) cannot be mixed with paths: run one or the other");
    return kUsage;
  }
  std::unique_ptr<const RuleSet> rules =
      LoadRulesOrReport(flags.rules_dir.empty() ? DefaultRulesDir() : flags.rules_dir);
  if (!rules) return kUsage;
  if (flags.with_text && flags.format != "jsonl") {
    spdlog::error("--with-text needs --format jsonl (a CSV row does not carry the text)");
    return kUsage;
  }
  if (!flags.encoding.empty() && !IsKnownEncoding(flags.encoding)) {
    spdlog::error("--encoding {}: no such encoding (ICU names: windows-1252, ISO-8859-1, ...)",
                  flags.encoding);
    return kUsage;
  }
  if (!IsValidLabel(flags.source)) {
    flags.source = ValidLabel(flags.source);
    if (!flags.quiet) {
      spdlog::warn("--source is not valid UTF-8: written as '{}' (each bad byte as \\xHH)",
                   flags.source);
    }
  }

  const Extractor extractor(
      *rules, ExtractOptions{flags.keep_scare, flags.explain, !flags.direct_only,
                             flags.offsets == "chars" ? OffsetUnit::kChars : OffsetUnit::kBytes,
                             flags.with_text});
  const bool from_stdin = flags.paths.empty() || (flags.paths.size() == 1 && flags.paths[0] == "-");
  GroupedLog log(flags.quiet);
  BatchRunner runner(
      extractor, BatchOptions{flags.jobs, flags.max_doc_bytes, flags.source, flags.encoding}, log);
  ArticleList list;
  if (!from_stdin) {
    list = ListArticles(flags.paths, flags.source);
    if (NothingToRead(list, log)) return kUsage;
  }

  // Refused before anything is opened for writing: the output would replace an input.
  if (const std::optional<FileId> out_id =
          flags.output.empty() ? std::nullopt : RegularFileId(flags.output)) {
    if (from_stdin && RegularFileId(STDIN_FILENO) == out_id) {
      spdlog::error("{}: the output is also the input (stdin); not overwriting it", flags.output);
      return kUsage;
    }
    for (const ArticleRef& ref : list.articles) {
      if (RegularFileId(ref.path) == out_id) {
        spdlog::error("{}: the output is also an input ({}); not overwriting it", flags.output,
                      ref.path);
        return kUsage;
      }
    }
  }
  OutputFile out(flags.output);
  if (Status s = out.Open(); !s.ok()) {
    spdlog::error("{}", s.message());
    return kWriteFailed;
  }
  // The first failed write is reported and stops the batch.
  auto write = [&](std::string_view bytes) {
    if (out.Write(bytes)) return true;
    spdlog::error("{} (stopped at the first failed write)", out.error().message());
    return false;
  };
  // The CSV header; the rows are formatted by the workers.
  if (flags.format != "jsonl") {
    std::ostringstream header;
    CsvQuotePrinter printer(header, flags.explain);
    if (!write(std::move(header).str())) return kWriteFailed;
  }

  BatchHooks hooks;
  // On the workers: each document's rows are formatted, then its quotes and text freed.
  hooks.extracted = [&](BatchDoc& doc) {
    std::ostringstream rows;
    std::unique_ptr<QuoteSink> sink;
    if (flags.format == "jsonl") {
      auto jsonl = std::make_unique<JsonlQuotePrinter>(rows, flags.explain);
      if (flags.with_text) jsonl->set_text(doc.quotes.text);
      sink = std::move(jsonl);
    } else {
      sink = std::make_unique<CsvQuotePrinter>(rows, flags.explain, /*write_header=*/false);
    }
    for (const QuoteRecord& q : doc.quotes.quotes) sink->Write(q);
    doc.data = std::move(rows).str();
    std::vector<QuoteRecord>().swap(doc.quotes.quotes);  // the rows say it all now
    std::string().swap(doc.quotes.text);
  };
  hooks.emit = [&](BatchDoc& doc) { return write(std::any_cast<std::string&>(doc.data)); };
  bool written = runner.Run(std::move(list), from_stdin, hooks);
  log.Finish();
  if (written) {
    if (Status s = out.Commit(); !s.ok()) {
      spdlog::error("{}", s.message());
      written = false;
    }
  }
  if (!flags.quiet) spdlog::info("{}", runner.Summary());
  if (!written) return kWriteFailed;  // reported; a temporary file is removed
  return runner.stats().skipped > 0 ? kSomeSkipped : kOk;
}

}  // namespace saidby::cli
