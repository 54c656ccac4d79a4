#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "commands.h"
#include "line_reader.h"
#include "output_file.h"
#include "progress_line.h"
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

namespace {

// One document on its way through the pipeline: read (in order), extracted (in parallel),
// printed (in order). It owns its article and its results until printed, then is freed, so
// memory is bounded by the documents in flight, not by the batch.
struct WorkItem {
  std::string where;                 // path or "stdin:LINE (id)", for messages
  size_t bytes = 0;                  // input bytes it stands for (progress)
  std::optional<ArticleRef> ref;     // an article still to read from disk
  std::string json;                  // or a JSON Lines record, still to parse
  size_t line_no = 0;                // its line
  std::string json_place;            // and where it is from: "stdin" or a .jsonl file's path
  std::string note;                  // what reading did to the text (DecodeText), a warning
  bool message_names_place = false;  // the error already says "stdin:N: …"
  bool labels_escaped = false;       // its id or source had bytes written as \xHH
  Status error;
  std::optional<Result<ArticleQuotes>> quotes;
  std::string rows;  // its quotes, formatted (in parallel); the output stage only writes them
};

std::string TooLarge(size_t bytes, size_t limit) {
  return "too large: " + std::to_string(bytes) + " bytes (limit " + std::to_string(limit) +
         ", see --max-doc-bytes)";
}

// Runs in parallel: reading or JSON parsing is part of the work, not of the serial input stage.
void ProcessOrThrow(WorkItem& item, const Extractor& extractor, const ExtractFlags& flags) {
  const size_t max_doc_bytes = flags.max_doc_bytes;
  if (!item.error.ok()) return;
  Result<Article> article = item.ref
                                ? ReadArticle(*item.ref, max_doc_bytes, flags.encoding, &item.note)
                                : ParseJsonArticle(item.json, item.line_no, flags.source,
                                                   &item.labels_escaped, item.json_place);
  std::string().swap(item.json);
  if (!article.ok()) {
    item.error = article.status();
    item.message_names_place = !item.ref;  // "stdin:N: not valid JSON"
    return;
  }
  if (!item.ref) item.where += " (" + article->id + ")";
  if (article->text.size() > max_doc_bytes) {
    item.error = Status::Error(TooLarge(article->text.size(), max_doc_bytes));
    return;
  }
  item.quotes = extractor.Extract(std::move(article).value());
  if (!item.quotes->ok()) return;
  std::ostringstream rows;
  std::unique_ptr<QuoteSink> sink;
  if (flags.format == "jsonl") {
    auto jsonl = std::make_unique<JsonlQuotePrinter>(rows, flags.explain);
    if (flags.with_text) jsonl->set_text(item.quotes->value().text);
    sink = std::move(jsonl);
  } else {
    sink = std::make_unique<CsvQuotePrinter>(rows, flags.explain, /*write_header=*/false);
  }
  for (const QuoteRecord& q : item.quotes->value().quotes) sink->Write(q);
  item.rows = std::move(rows).str();
  std::vector<QuoteRecord>().swap(item.quotes->value().quotes);  // the rows say it all now
  std::string().swap(item.quotes->value().text);
}

// A .jsonl file opened for its lines, as ReadRegularFile opens an article: a FIFO does not
// block the open, and only a regular file is read. The descriptor, or why not.
Result<int> OpenJsonLines(const std::string& path) {
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return Status::Error(std::string("cannot read file (") + std::strerror(errno) + ")");
  struct stat st {};
  std::string why;
  if (::fstat(fd, &st) != 0) {
    why = std::string("cannot read file (") + std::strerror(errno) + ")";
  } else if (S_ISDIR(st.st_mode)) {
    why = "is a directory, not a file";
  } else if (!S_ISREG(st.st_mode)) {
    why = "not a regular file (FIFO, socket or device)";
  }
  if (!why.empty()) {
    ::close(fd);
    return Status::Error(why);
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

// The JSON Lines being read: stdin, or a .jsonl file of the paths (whose descriptor it owns).
struct LineSource {
  LineSource(int fd, std::string place, size_t max_line_bytes)
      : fd(fd), place(std::move(place)), reader(fd, max_line_bytes) {}
  ~LineSource() {
    if (fd != STDIN_FILENO) ::close(fd);
  }
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;
  int fd;
  std::string place;
  LineReader reader;
  size_t line_no = 0;
};

// An exception escaping a worker would end the process and lose every row: whatever one
// document throws (bad_alloc) is reported for that document, and the batch goes on.
void Process(WorkItem& item, const Extractor& extractor, const ExtractFlags& flags) {
  try {
    ProcessOrThrow(item, extractor, flags);
  } catch (const std::exception& e) {
    item.quotes.reset();
    item.rows.clear();
    item.error = Status::Error(std::string("internal error: ") + e.what());
  }
}

}  // namespace

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
  const int jobs = flags.jobs > 0
                       ? flags.jobs
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  bool skipped = false;

  const bool from_stdin = flags.paths.empty() || (flags.paths.size() == 1 && flags.paths[0] == "-");

  const bool show_progress = !flags.quiet && ::isatty(STDERR_FILENO) == 1;
  ArticleList list;
  size_t total_bytes = 0;  // 0: unknown (stdin), no ETA
  if (!from_stdin) {
    list = ListArticles(flags.paths, flags.source);
    for (const std::string& e : list.errors) {
      spdlog::error("{}", e);
      skipped = true;
    }
    if (!flags.quiet) {
      for (const std::string& w : list.warnings) spdlog::warn("{}", w);
    }
    if (list.articles.empty()) {
      spdlog::error(
          "nothing to read: no article among the paths given (folders are read for .txt, .html, "
          ".htm, .jsonl and .ndjson files)");
      return kUsage;
    }
    if (show_progress) {
      for (const ArticleRef& ref : list.articles) {
        std::error_code ec;
        const auto size = fs::file_size(ref.path, ec);
        if (!ec) total_bytes += static_cast<size_t>(size);
      }
    }
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
  // Set at the first failed write: no document is read or extracted after it.
  std::atomic<bool> write_failed = false;
  auto write = [&](std::string_view bytes) {
    if (out.Write(bytes)) return;
    spdlog::error("{} (stopped at the first failed write)", out.error().message());
    write_failed = true;
  };
  // The CSV header; the rows are formatted by the workers (Process).
  if (flags.format != "jsonl") {
    std::ostringstream header;
    CsvQuotePrinter printer(header, flags.explain);
    write(std::move(header).str());
  }

  ProgressLine progress(show_progress, total_bytes);

  // The input stage hands out one document at a time, in order: an article file, or a line
  // of stdin or of a .jsonl file.
  const size_t max_line_bytes = MaxJsonLineBytes(flags.max_doc_bytes);
  std::optional<LineSource> lines;
  if (from_stdin) lines.emplace(STDIN_FILENO, "stdin", max_line_bytes);
  int stdin_error = 0;
  LineReader::Line line;
  size_t next_ref = 0;
  // The next record of `lines`; null at its end (a read error of a file is its last item).
  auto next_line = [&]() -> std::unique_ptr<WorkItem> {
    for (;;) {
      if (!lines->reader.Next(line)) {
        if (lines->reader.error() == 0) return nullptr;
        if (lines->fd == STDIN_FILENO) {
          stdin_error = lines->reader.error();
          return nullptr;
        }
        auto item = std::make_unique<WorkItem>();
        item->where = lines->place;
        item->error =
            Status::Error(std::string("read error (") + std::strerror(lines->reader.error()) + ")");
        lines.reset();
        return item;
      }
      const size_t line_no = ++lines->line_no;
      auto item = std::make_unique<WorkItem>();
      item->bytes = line.bytes + 1;
      item->where = lines->place + ":" + std::to_string(line_no);
      if (line.too_long) {
        item->error = Status::Error(TooLarge(line.bytes, flags.max_doc_bytes) + " (JSON line)");
        return item;
      }
      if (line.text.find_first_not_of(" \t\r") == std::string::npos) continue;
      item->line_no = line_no;
      item->json_place = lines->place;
      item->json = std::move(line.text);
      return item;
    }
  };
  auto next_item = [&]() -> std::unique_ptr<WorkItem> {
    for (;;) {
      if (lines) {
        if (std::unique_ptr<WorkItem> item = next_line()) return item;
        lines.reset();
      }
      if (from_stdin || next_ref == list.articles.size()) return nullptr;
      ArticleRef& ref = list.articles[next_ref++];
      auto item = std::make_unique<WorkItem>();
      item->where = ref.path;
      if (ref.format == ArticleFormat::kJsonLines) {
        Result<int> fd = OpenJsonLines(ref.path);
        if (!fd.ok()) {
          item->error = fd.status();
          return item;
        }
        lines.emplace(fd.value(), ref.path, max_line_bytes);
        continue;
      }
      std::error_code ec;
      if (show_progress) item->bytes = static_cast<size_t>(fs::file_size(ref.path, ec));
      if (ec) item->bytes = 0;
      item->ref = std::move(ref);
      return item;
    }
  };

  size_t docs_done = 0, bytes_done = 0;
  auto report = [&](const std::string& message, bool warning) {
    progress.Clear();
    if (warning) {
      spdlog::warn("{}", message);
    } else {
      spdlog::error("{}", message);
    }
  };
  // The output stage prints each document's rows, in input order, then frees it.
  bool labels_warned = false;
  auto print = [&](std::unique_ptr<WorkItem> item) {
    if (write_failed) return;  // dropped: the output stopped at its first failed write
    ++docs_done;
    bytes_done += item->bytes;
    if (!item->error.ok()) {
      report(item->message_names_place ? item->error.message()
                                       : item->where + ": " + item->error.message(),
             false);
      skipped = true;
    } else if (!item->quotes->ok()) {
      report(item->where + ": " + item->quotes->status().message(), false);
      skipped = true;
    } else {
      if (!flags.quiet) {
        if (!item->note.empty()) report(item->where + ": " + item->note, true);
        for (const std::string& w : item->quotes->value().warnings)
          report(item->where + ": " + w, true);
        if (item->labels_escaped && !labels_warned) {
          report(item->where + ": id or source is not valid UTF-8 text (NUL or a bad byte): " +
                     "written with \\xHH (not repeated for other records)",
                 true);
          labels_warned = true;
        }
      }
      write(item->rows);
    }
    progress.Update(docs_done, bytes_done);
  };

  // Read in order → extract in parallel → print in order. At most `in_flight` documents are
  // alive at once, so the output is the same whatever -j is and memory does not grow with
  // the batch.
  const size_t in_flight = static_cast<size_t>(jobs) * 4;
  // -j above the core count is honoured (and TBB does not warn that it caps its workers).
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(jobs));
  tbb::task_arena arena(jobs);
  arena.execute([&] {
    tbb::parallel_pipeline(
        in_flight, tbb::make_filter<void, WorkItem*>(tbb::filter_mode::serial_in_order,
                                                     [&](tbb::flow_control& fc) -> WorkItem* {
                                                       std::unique_ptr<WorkItem> item =
                                                           write_failed ? nullptr : next_item();
                                                       if (!item) fc.stop();
                                                       return item.release();
                                                     }) &
                       tbb::make_filter<WorkItem*, WorkItem*>(tbb::filter_mode::parallel,
                                                              [&](WorkItem* item) {
                                                                if (item && !write_failed)
                                                                  Process(*item, extractor, flags);
                                                                return item;
                                                              }) &
                       tbb::make_filter<WorkItem*, void>(tbb::filter_mode::serial_in_order,
                                                         [&](WorkItem* item) {
                                                           if (item)
                                                             print(std::unique_ptr<WorkItem>(item));
                                                         }));
  });
  progress.Finish();
  if (write_failed) return kWriteFailed;  // reported; the temporary file is removed
  if (stdin_error != 0) {
    spdlog::error("stdin: read error: {}", std::strerror(stdin_error));
    skipped = true;
  }
  if (Status s = out.Commit(); !s.ok()) {
    spdlog::error("{}", s.message());
    return kWriteFailed;
  }
  return skipped ? kSomeSkipped : kOk;
}

}  // namespace saidby::cli
