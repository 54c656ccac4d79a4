#include "saidby/article_source.h"

#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "saidby/csv.h"
#include "saidby/document.h"
#include "saidby/file_reader.h"
#include "saidby/html_text.h"
#include "saidby/label.h"
#include "saidby/text_decoding.h"

namespace saidby {
namespace fs = std::filesystem;

namespace {

// sources.csv of each folder, loaded once.
class SourceLabels {
 public:
  // The label of `file`, whose row in sources.csv is `stem`; `id` when it has none.
  std::string For(const fs::path& file, const std::string& stem, const std::string& id,
                  std::vector<std::string>& errors) {
    const std::string dir = file.parent_path().string();
    auto it = cache_.find(dir);
    if (it == cache_.end()) {
      std::map<std::string, std::string> labels;
      fs::path csv = file.parent_path() / "sources.csv";
      std::error_code ec;
      if (fs::exists(fs::symlink_status(csv, ec))) {
        Result<CsvTable> t =
            ReadCsvFile(csv.string(), kMaxSourcesCsvBytes, "the limit for a sources.csv");
        size_t doc_col = t.ok() ? t->Column("doc") : CsvTable::npos;
        size_t src_col = t.ok() ? t->Column("source") : CsvTable::npos;
        if (!t.ok()) {
          errors.push_back(t.status().message());
        } else if (doc_col == CsvTable::npos || src_col == CsvTable::npos) {
          errors.push_back(csv.string() + ": needs the columns doc,source");
        } else {
          for (const auto& row : t->rows) labels[row[doc_col]] = row[src_col];
        }
      }
      it = cache_.emplace(dir, std::move(labels)).first;
    }
    auto label = it->second.find(stem);
    return label == it->second.end() ? id : label->second;
  }

 private:
  std::map<std::string, std::map<std::string, std::string>> cache_;
};

// The format of a file by its extension, in any case; none for a file that is no article.
std::optional<ArticleFormat> FormatOf(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (ext == ".txt") return ArticleFormat::kText;
  if (ext == ".html" || ext == ".htm") return ArticleFormat::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return ArticleFormat::kJsonLines;
  return std::nullopt;
}

// The side files of a collection (CONTRACT.md): read by other means, not skipped articles.
bool IsSideFile(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == "sources.csv" || name == "gold.csv" || name == "reported.csv";
}

}  // namespace

ArticleList ListArticles(const std::vector<std::string>& paths,
                         const std::string& source_override) {
  ArticleList out;
  SourceLabels labels;
  const std::string source = ValidLabel(source_override);
  bool named_bad_label = false;  // warn of the first file name that is not valid UTF-8 only
  // The same file reached twice (named twice, inside two folders given, or through a symlink)
  // is read once: its rows would otherwise be counted twice.
  std::map<std::pair<dev_t, ino_t>, std::string> seen;
  // `id`: the file name without extension, or for a file found in a folder, its path from that
  // folder without extension ("x/art"), so files of the same name in two subfolders differ.
  // Each article's id with its extension, for ids that two files share (JSON Lines: none).
  std::vector<std::string> full_names;
  auto add = [&](const fs::path& p, const fs::path& id, ArticleFormat format) {
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      auto [it, inserted] = seen.try_emplace({st.st_dev, st.st_ino}, p.string());
      if (!inserted) {
        out.warnings.push_back(ValidLabel(p.string()) + ": the same file as " +
                               ValidLabel(it->second) + ", read once");
        return;
      }
    }
    ArticleRef ref;
    ref.path = p.string();
    ref.format = format;
    if (format == ArticleFormat::kJsonLines) {  // each record has its own id and source
      ref.id = ValidLabel(id.generic_string());
      ref.source = source;
      out.articles.push_back(std::move(ref));
      full_names.emplace_back();
      return;
    }
    ref.id = ValidLabel(id.generic_string());
    full_names.push_back(ValidLabel((id.parent_path() / p.filename()).generic_string()));
    if (ref.id != id.generic_string() && !named_bad_label) {
      named_bad_label = true;
      out.warnings.push_back(ValidLabel(ref.path) +
                             ": file name is not valid UTF-8: document id '" + ref.id +
                             "' (each bad byte as \\xHH; other such names not reported)");
    }
    const std::string stem = p.stem().string();  // the doc column of a sources.csv beside it
    ref.source = !source.empty() ? source : labels.For(p, stem, ref.id, out.errors);
    out.articles.push_back(std::move(ref));
  };
  std::string example;  // of the files skipped, the first of the first folder that had one
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(path + ": no such file or directory");
      continue;
    }
    if (!fs::is_directory(st)) {
      // Named explicitly: read whatever its extension (text unless HTML or JSON Lines); checked
      // when read.
      add(path, fs::path(path).stem(), FormatOf(path).value_or(ArticleFormat::kText));
      continue;
    }
    std::vector<std::pair<fs::path, ArticleFormat>> files;
    std::optional<fs::path> skipped_example;  // the first in path order, so runs agree
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.errors.push_back(path + ": cannot list folder: " + ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        out.errors.push_back(path + ": cannot list folder: " + ec.message());
        break;
      }
      std::error_code fe;
      if (!it->is_regular_file(fe)) continue;
      if (const std::optional<ArticleFormat> format = FormatOf(it->path())) {
        files.emplace_back(it->path(), *format);
      } else if (!IsSideFile(it->path())) {
        ++out.skipped;
        if (!skipped_example || it->path() < *skipped_example) skipped_example = it->path();
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& [f, format] : files) {
      add(f, f.lexically_relative(path).replace_extension(), format);
    }
    if (skipped_example && example.empty()) example = ValidLabel(skipped_example->string());
  }
  // "x.txt" and "x.html" beside each other would both be document "x": such ids keep the
  // extension, so that a document id still names one document.
  std::map<std::string, std::vector<size_t>> by_id;
  for (size_t i = 0; i < out.articles.size(); ++i) {
    if (!full_names[i].empty()) by_id[out.articles[i].id].push_back(i);
  }
  std::string shared;
  for (const auto& [id, same] : by_id) {
    std::set<std::string> distinct;
    for (size_t i : same) distinct.insert(full_names[i]);
    // Two files named alike on the command line ("a/x.txt b/x.txt") are left as they were.
    if (same.size() < 2 || distinct.size() < same.size()) continue;
    for (size_t i : same) {
      ArticleRef& ref = out.articles[i];
      if (source.empty() && ref.source == ref.id) ref.source = full_names[i];
      ref.id = full_names[i];
      if (shared.empty())
        shared += "'" + id + "' would name " + ref.path;
      else if (shared.find(" and ") == std::string::npos)
        shared += " and " + ref.path;
    }
  }
  if (!shared.empty()) {
    out.warnings.push_back("document ids: " + shared +
                           ": their ids keep the extension (other such ids not reported)");
  }
  if (out.skipped > 0) {
    out.warnings.push_back(std::to_string(out.skipped) + (out.skipped == 1 ? " file" : " files") +
                           " in the folders given skipped: not .txt, .html, .htm, .jsonl or "
                           ".ndjson (one is " +
                           example + ")");
  }
  return out;
}

Result<Article> ReadArticle(const ArticleRef& ref, size_t max_bytes, std::string_view encoding,
                            std::string* note) {
  if (ref.format == ArticleFormat::kJsonLines) {
    return Status::Error("a JSON Lines file: only `saidby extract` reads these");
  }
  Result<std::string> bytes = ReadRegularFile(ref.path, max_bytes, "see --max-doc-bytes");
  if (!bytes.ok()) {
    // Listed, so it was there: gone now.
    if (::access(ref.path.c_str(), F_OK) != 0 && errno == ENOENT)
      return Status::Error("cannot read file (it vanished)");
    return bytes.status();
  }
  const bool html = ref.format == ArticleFormat::kHtml;
  Result<DecodedText> decoded = DecodeText(std::move(bytes).value(), encoding, html);
  if (!decoded.ok()) return decoded.status();
  if (note) *note = std::move(decoded->note);
  Article a;
  a.id = ref.id;
  a.source = ref.source;
  if (!html) {
    a.text = std::move(decoded->text);
    return a;
  }
  // The parser would read on past bad bytes (as U+FFFD) and NUL: reported as for text.
  if (Status valid = ValidateText(decoded->text); !valid.ok()) return valid;
  std::string_view page = decoded->text;
  if (page.starts_with("\xEF\xBB\xBF")) page.remove_prefix(3);
  Result<std::string> text = HtmlText(page);
  if (!text.ok()) return text.status();
  a.text = std::move(text).value();
  return a;
}

namespace {

// Scratch space of one thread's JSON reader, kept between lines so neither is re-made per line.
struct JsonScratch {
  simdjson::dom::parser parser;
  std::unique_ptr<char[]> buffer;  // the line, copied with the SIMDJSON_PADDING simdjson reads past
  size_t capacity = 0;             // of `buffer`, padding not counted
};

// A line longer than this frees its thread's parser and buffer once parsed: one huge line
// should not pin its parser memory (~14 bytes per byte of line) for the rest of the run.
constexpr size_t kKeepScratchBytes = 1u << 20;

simdjson::dom::element ParsePadded(simdjson::dom::parser& parser, JsonScratch& scratch,
                                   std::string_view json, simdjson::error_code& error) {
  if (!scratch.buffer || scratch.capacity < json.size()) {
    scratch.buffer = std::make_unique<char[]>(json.size() + simdjson::SIMDJSON_PADDING);
    scratch.capacity = json.size();
  }
  std::memcpy(scratch.buffer.get(), json.data(), json.size());
  std::memset(scratch.buffer.get() + json.size(), 0, simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  error = parser.parse(scratch.buffer.get(), json.size(), /*realloc_if_needed=*/false).get(root);
  return root;
}

// The shape a JSON line must have before simdjson sees it. Parser memory grows with structure
// (about 12 bytes per bracket, comma or number), not with string bytes, and a deep nesting
// used to be re-parsed with room for any depth: 2.3 GB for a 95 MB line of '['.
constexpr size_t kMaxJsonDepth = 1024;
constexpr size_t kMaxJsonStructureBytes = 1u << 20;  // outside strings (keys and values)

// Empty if `json` is within the limits above, else why not. Strings are skipped with memchr;
// a string left open is not reported here (simdjson says "not valid JSON").
std::string JsonShapeProblem(std::string_view json) {
  size_t depth = 0, outside = 0;
  for (size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (c == '"') {
      size_t close = i;
      for (;;) {
        const void* q = std::memchr(json.data() + close + 1, '"', json.size() - close - 1);
        if (!q) return {};
        close = static_cast<size_t>(static_cast<const char*>(q) - json.data());
        size_t backslashes = 0;
        while (json[close - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) break;
      }
      i = close + 1;
      continue;
    }
    if (++outside > kMaxJsonStructureBytes) {
      return "more than " + std::to_string(kMaxJsonStructureBytes) +
             " bytes of JSON outside strings (the limit; only string values may be long)";
    }
    if ((c == '[' || c == '{') && ++depth > kMaxJsonDepth) {
      return "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels (the limit)";
    }
    if ((c == ']' || c == '}') && depth > 0) --depth;
    ++i;
  }
  return {};
}

// nlohmann reads an integer beyond 64 bits as a double (an error only if that is infinite);
// simdjson refuses it. Written as "DIGITS.0", simdjson reads it as nlohmann does. Strings are
// copied untouched (a quote preceded by a backslash does not end one).
std::string IntegersAsDoubles(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 8);
  auto number_char = [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  };
  bool in_string = false;
  for (size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (in_string || c == '"') {
      out += c;
      ++i;
      if (in_string && c == '\\' && i < json.size()) {
        out += json[i++];
      } else if (c == '"') {
        in_string = !in_string;
      }
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) {
      out += c;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < json.size() && number_char(json[end])) ++end;
    const std::string_view token = json.substr(i, end - i);
    const std::string_view digits = token.substr(token[0] == '-' ? 1 : 0);
    out += token;
    if (!digits.empty() && digits[0] != '0' &&
        digits.find_first_not_of("0123456789") == std::string_view::npos) {
      out += ".0";
    }
    i = end;
  }
  return out;
}

// The id of a record without one: its source and a hash of its text, the same in whichever
// partition of a corpus the record is read (a line number is not), so partial runs merge.
std::string IdOfText(std::string_view source, std::string_view text) {
  uint64_t h = 14695981039346656037ull;  // 64-bit FNV-1a: stable across platforms and builds
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::string(source.empty() ? "stdin" : source) + ":" + hex;
}

}  // namespace

// simdjson, not nlohmann: this reader is on the hot path of every batch (nlohmann: ~76 instr/byte).
Result<Article> ParseJsonArticle(std::string_view line, size_t line_no,
                                 const std::string& source_override, bool* labels_escaped,
                                 std::string_view place) {
  const std::string where = std::string(place) + ":" + std::to_string(line_no) + ": ";
  auto error = [&](const char* why) { return Status::Error(where + why); };
  // As nlohmann: a UTF-8 byte order mark at the start is skipped. A raw NUL byte is no JSON
  // anywhere (inside a string it is written \u0000): reported, not read as the end of the line.
  std::string_view json = line;
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  if (const size_t nul = line.find('\0'); nul != std::string_view::npos) {
    return Status::Error(where + "not valid JSON: raw NUL byte at byte " + std::to_string(nul) +
                         " of the line (in a string, write \\u0000)");
  }
  if (const std::string shape = JsonShapeProblem(json); !shape.empty()) {
    return Status::Error(where + shape);
  }

  thread_local JsonScratch scratch;
  struct ReleaseIfLarge {  // once the article is copied out, whatever the outcome
    ~ReleaseIfLarge() {
      if (scratch.capacity <= kKeepScratchBytes) return;
      scratch.parser = simdjson::dom::parser();
      scratch.buffer.reset();
      scratch.capacity = 0;
    }
  } release_if_large;
  simdjson::error_code parse_error = simdjson::SUCCESS;
  simdjson::dom::element root = ParsePadded(scratch.parser, scratch, json, parse_error);
  // A refusal nlohmann does not make: integers beyond 64 bits. Parse again with those widened
  // to doubles, with the same parser (the first parse is dead).
  if (parse_error == simdjson::NUMBER_ERROR) {
    const std::string widened = IntegersAsDoubles(json);
    root = ParsePadded(scratch.parser, scratch, widened, parse_error);
  }
  if (parse_error == simdjson::DEPTH_ERROR) {
    return error("JSON nested too deep for the parser");
  }
  if (parse_error == simdjson::MEMALLOC) return error("out of memory parsing JSON");
  if (parse_error == simdjson::CAPACITY)
    return error("line too long to parse as JSON (4 GiB or more)");
  if (parse_error) return error("not valid JSON");
  simdjson::dom::object object;
  if (root.get(object)) return error("not a JSON object");
  // With a key repeated, the last value counts, as in nlohmann.
  std::optional<simdjson::dom::element> text, id, source;
  for (simdjson::dom::key_value_pair field : object) {
    if (field.key == "text") text = field.value;
    if (field.key == "id") id = field.value;
    if (field.key == "source") source = field.value;
  }
  auto string_of =
      [](const std::optional<simdjson::dom::element>& e) -> std::optional<std::string_view> {
    std::string_view s;
    if (!e || e->get(s)) return std::nullopt;
    return s;
  };
  const std::optional<std::string_view> text_str = string_of(text);
  if (!text_str) return error("missing string field \"text\"");
  Article a;
  const std::optional<std::string_view> id_str = string_of(id);
  const std::optional<std::string_view> source_str = string_of(source);
  const bool has_source = !source_override.empty() || source_str;
  const std::string_view given_source = !source_override.empty() ? source_override
                                        : source_str             ? *source_str
                                                                 : std::string_view();
  // JSON strings are valid UTF-8 but may hold "\u0000"; --source may be any bytes.
  a.source = ValidLabel(given_source);
  // An empty id would make rows that no quote table accepts ("empty doc"): as if absent.
  const bool has_id = id_str && !id_str->empty();
  a.id = has_id ? ValidLabel(*id_str) : IdOfText(a.source, *text_str);
  if (labels_escaped) {
    *labels_escaped = a.source != given_source || (has_id && a.id != *id_str);
  }
  if (!has_source) a.source = a.id;
  a.text = *text_str;
  return a;
}

}  // namespace saidby
