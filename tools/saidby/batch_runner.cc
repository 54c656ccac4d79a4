#include "batch_runner.h"

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
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "line_reader.h"
#include "progress_line.h"

namespace saidby::cli {
namespace fs = std::filesystem;

namespace {

// One document in the pipeline: read (in order), processed (in parallel), emitted (in order).
// It owns its text and its results until emitted, then is freed.
struct WorkItem {
  size_t bytes = 0;                  // input bytes it stands for (progress, MB/s)
  std::optional<ArticleRef> ref;     // an article still to read from disk
  std::string json;                  // or a JSON Lines record, still to parse
  size_t line_no = 0;                // its line
  std::string json_place;            // and where it is from: "stdin" or a .jsonl file's path
  std::string note;                  // what reading did to the text (DecodeText), a warning
  bool message_names_place = false;  // the error already says "stdin:N: …"
  bool labels_escaped = false;       // its id or source had bytes written as \xHH
  Status error;
  std::vector<std::pair<std::string, size_t>> kinds;  // its quotes by kind, counted in parallel
  BatchDoc doc;
};

std::string TooLarge(size_t bytes, size_t limit) {
  return "too large: " + std::to_string(bytes) + " bytes (limit " + std::to_string(limit) +
         ", see --max-doc-bytes)";
}

void ProcessOrThrow(WorkItem& item, const Extractor& extractor, const BatchOptions& options,
                    const BatchHooks& hooks) {
  if (!item.error.ok()) return;
  if (item.ref) {
    std::error_code ec;
    const auto size = fs::file_size(item.ref->path, ec);
    if (!ec) item.bytes = static_cast<size_t>(size);
  }
  Result<Article> article =
      item.ref ? ReadArticle(*item.ref, options.max_doc_bytes, options.encoding, &item.note)
               : ParseJsonArticle(item.json, item.line_no, options.source, &item.labels_escaped,
                                  item.json_place);
  std::string().swap(item.json);
  if (!article.ok()) {
    item.error = article.status();
    item.message_names_place = !item.ref;  // "stdin:N: not valid JSON"
    return;
  }
  if (!item.ref) item.doc.where += " (" + article->id + ")";
  item.doc.id = article->id;
  item.doc.source = article->source;
  if (article->text.size() > options.max_doc_bytes) {
    item.error = Status::Error(TooLarge(article->text.size(), options.max_doc_bytes));
    return;
  }
  if (hooks.read) hooks.read(article.value(), item.doc);
  Result<ArticleQuotes> quotes = extractor.Extract(std::move(article).value());
  if (!quotes.ok()) {
    item.error = quotes.status();
    return;
  }
  item.doc.quotes = std::move(quotes).value();
  for (const QuoteRecord& q : item.doc.quotes.quotes) {
    auto it = std::find_if(item.kinds.begin(), item.kinds.end(),
                           [&](const auto& k) { return k.first == q.kind; });
    if (it == item.kinds.end()) {
      item.kinds.emplace_back(q.kind, 1);
    } else {
      ++it->second;
    }
  }
  if (hooks.extracted) hooks.extracted(item.doc);
}

// An exception escaping a worker would end the process and lose every row: whatever one
// document throws (bad_alloc) is reported for that document, and the batch goes on.
void Process(WorkItem& item, const Extractor& extractor, const BatchOptions& options,
             const BatchHooks& hooks) {
  try {
    ProcessOrThrow(item, extractor, options, hooks);
  } catch (const std::exception& e) {
    item.doc.quotes = {};
    item.doc.data.reset();
    item.error = Status::Error(std::string("internal error: ") + e.what());
  }
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

}  // namespace

bool NothingToRead(const ArticleList& list, GroupedLog& log) {
  if (!list.articles.empty()) return false;
  for (const std::string& e : list.errors) log.Error(e);
  for (const std::string& w : list.warnings) log.Warn(w);
  log.Finish();
  spdlog::error(
      "nothing to read: no article among the paths given (folders are read for .txt, .html, "
      ".htm, .jsonl and .ndjson files)");
  return true;
}

BatchRunner::BatchRunner(const Extractor& extractor, BatchOptions options, GroupedLog& log)
    : extractor_(extractor),
      options_(std::move(options)),
      log_(log),
      start_(std::chrono::steady_clock::now()) {}

bool BatchRunner::Run(ArticleList list, bool from_stdin, const BatchHooks& hooks) {
  for (const std::string& e : list.errors) {
    log_.Error(e);
    ++stats_.skipped;
  }
  for (const std::string& w : list.warnings) log_.Warn(w);

  const int jobs = options_.jobs > 0
                       ? options_.jobs
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const bool show_progress = options_.progress && !log_.quiet() && ::isatty(STDERR_FILENO) == 1;
  size_t total_bytes = 0;  // 0: unknown (stdin), no ETA
  if (show_progress && !from_stdin) {
    for (const ArticleRef& ref : list.articles) {
      std::error_code ec;
      const auto size = fs::file_size(ref.path, ec);
      if (!ec) total_bytes += static_cast<size_t>(size);
    }
  }
  ProgressLine progress(show_progress, total_bytes);
  log_.set_before_print([&progress] { progress.Clear(); });

  // The input stage hands out one document at a time, in order: an article file, or a line
  // of stdin or of a .jsonl file.
  const size_t max_line_bytes = MaxJsonLineBytes(options_.max_doc_bytes);
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
        item->doc.where = lines->place;
        item->error =
            Status::Error(std::string("read error (") + std::strerror(lines->reader.error()) + ")");
        lines.reset();
        return item;
      }
      const size_t line_no = ++lines->line_no;
      auto item = std::make_unique<WorkItem>();
      item->bytes = line.bytes + 1;
      item->doc.where = lines->place + ":" + std::to_string(line_no);
      if (line.too_long) {
        item->error = Status::Error(TooLarge(line.bytes, options_.max_doc_bytes) + " (JSON line)");
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
      if (next_ref == list.articles.size()) return nullptr;
      ArticleRef& ref = list.articles[next_ref++];
      auto item = std::make_unique<WorkItem>();
      item->doc.where = ref.path;
      if (ref.format == ArticleFormat::kJsonLines) {
        Result<int> fd = OpenJsonLines(ref.path);
        if (!fd.ok()) {
          item->error = fd.status();
          return item;
        }
        lines.emplace(fd.value(), ref.path, max_line_bytes);
        continue;
      }
      item->ref = std::move(ref);
      return item;
    }
  };

  // Set when `emit` refuses a document: nothing is read or extracted after it.
  std::atomic<bool> stopped = false;
  GroupedLog& log = log_;
  bool labels_warned = false;
  size_t docs_done = 0;
  // The output stage reports or hands over each document, in input order, then frees it.
  auto emit = [&](std::unique_ptr<WorkItem> item) {
    if (stopped) return;  // dropped: the command stopped at its first failed write
    ++docs_done;
    stats_.bytes += item->bytes;
    const std::string& where = item->doc.where;
    if (!item->error.ok()) {
      log.Error(item->message_names_place ? item->error.message()
                                          : where + ": " + item->error.message());
      ++stats_.skipped;
    } else {
      if (!item->note.empty()) log.Warn(where + ": " + item->note);
      for (const std::string& w : item->doc.quotes.warnings) log.Warn(where + ": " + w);
      if (item->labels_escaped && !labels_warned) {
        log.Warn(where +
                 ": id or source is not valid UTF-8 text (NUL or a bad byte): written with \\xHH "
                 "(not repeated for other records)");
        labels_warned = true;
      }
      ++stats_.documents;
      for (const auto& [kind, n] : item->kinds) stats_.kinds[kind] += n;
      if (!hooks.emit(item->doc)) stopped = true;
    }
    progress.Update(docs_done, stats_.bytes);
  };

  // Read in order → read and extract in parallel → emit in order. At most `in_flight`
  // documents are alive at once.
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
                                                           stopped ? nullptr : next_item();
                                                       if (!item) fc.stop();
                                                       return item.release();
                                                     }) &
                       tbb::make_filter<WorkItem*, WorkItem*>(tbb::filter_mode::parallel,
                                                              [&](WorkItem* item) {
                                                                if (item && !stopped)
                                                                  Process(*item, extractor_,
                                                                          options_, hooks);
                                                                return item;
                                                              }) &
                       tbb::make_filter<WorkItem*, void>(tbb::filter_mode::serial_in_order,
                                                         [&](WorkItem* item) {
                                                           if (item)
                                                             emit(std::unique_ptr<WorkItem>(item));
                                                         }));
  });
  progress.Finish();
  log_.set_before_print({});
  if (stopped) return false;
  if (stdin_error != 0) {
    log_.Error(std::string("stdin: read error: ") + std::strerror(stdin_error));
    ++stats_.skipped;
  }
  return true;
}

std::string BatchRunner::Summary() const {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb = static_cast<double>(stats_.bytes) / 1e6;
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string s = count(stats_.documents, "document", "documents") + " read, " +
                  count(stats_.skipped, "input", "inputs") + " skipped; ";
  size_t quotes = 0;
  for (const auto& [kind, n] : stats_.kinds) quotes += n;
  s += count(quotes, "quote", "quotes");
  // Direct speech first, in the order of the output contract, then any other kind by name.
  std::vector<std::pair<std::string, size_t>> kinds;
  for (const char* kind : {"full", "partial", "continued", "scare", "reported"}) {
    if (auto it = stats_.kinds.find(kind); it != stats_.kinds.end()) kinds.emplace_back(*it);
  }
  for (const auto& entry : stats_.kinds) {  // not a structured binding: clang 14 cannot capture one
    if (std::none_of(kinds.begin(), kinds.end(),
                     [&](const auto& k) { return k.first == entry.first; }))
      kinds.emplace_back(entry);
  }
  for (size_t i = 0; i < kinds.size(); ++i) {
    s += (i == 0 ? " (" : ", ") + std::to_string(kinds[i].second) + " " + kinds[i].first;
  }
  if (!kinds.empty()) s += ")";
  char rate[96];
  std::snprintf(rate, sizeof rate, "; %.2f MB in %.2f s, %.1f MB/s", mb, seconds,
                seconds > 0 ? mb / seconds : 0.0);
  return s + rate;
}

}  // namespace saidby::cli
