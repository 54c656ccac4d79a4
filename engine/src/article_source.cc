#include "saidby/article_source.h"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "saidby/csv.h"

namespace saidby {
namespace fs = std::filesystem;

namespace {

// sources.csv of each folder, loaded once.
class SourceLabels {
 public:
  std::string For(const fs::path& file, const std::string& id, std::vector<std::string>& errors) {
    const std::string dir = file.parent_path().string();
    auto it = cache_.find(dir);
    if (it == cache_.end()) {
      std::map<std::string, std::string> labels;
      fs::path csv = file.parent_path() / "sources.csv";
      std::error_code ec;
      if (fs::exists(csv, ec)) {
        Result<CsvTable> t = ReadCsvFile(csv.string());
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
    auto label = it->second.find(id);
    return label == it->second.end() ? id : label->second;
  }

 private:
  std::map<std::string, std::map<std::string, std::string>> cache_;
};

}  // namespace

ArticleList ListArticles(const std::vector<std::string>& paths, const std::string& source_override) {
  ArticleList out;
  SourceLabels labels;
  auto add = [&](const fs::path& p) {
    ArticleRef ref;
    ref.path = p.string();
    ref.id = p.stem().string();
    ref.source = source_override.empty() ? labels.For(p, ref.id, out.errors) : source_override;
    out.articles.push_back(std::move(ref));
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(path + ": no such file or directory");
      continue;
    }
    if (!fs::is_directory(st)) {
      add(path);  // named explicitly: read whatever its extension; checked when read
      continue;
    }
    std::vector<fs::path> files;
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
      if (it->path().extension() == ".txt" && it->is_regular_file(fe)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add(f);
  }
  return out;
}

Result<Article> ReadArticle(const ArticleRef& ref, size_t max_bytes) {
  struct stat st {};
  if (::stat(ref.path.c_str(), &st) != 0) return Status::Error("cannot read file (it vanished or is unreadable)");
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory, not an article");
  if (!S_ISREG(st.st_mode)) return Status::Error("not a regular file (FIFO, socket or device)");
  if (static_cast<size_t>(st.st_size) > max_bytes) {
    return Status::Error("too large: " + std::to_string(st.st_size) + " bytes (limit " +
                         std::to_string(max_bytes) + ", see --max-doc-bytes)");
  }
  std::ifstream in(ref.path, std::ios::binary);
  if (!in) return Status::Error("cannot read file (permission denied or vanished)");
  Article a;
  a.id = ref.id;
  a.source = ref.source;
  a.text.resize(static_cast<size_t>(st.st_size));
  in.read(a.text.data(), static_cast<std::streamsize>(a.text.size()));
  a.text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return Status::Error("read error");
  return a;
}

Result<Article> ParseJsonArticle(std::string_view line, size_t line_no,
                                 const std::string& source_override) {
  const std::string where = "stdin:" + std::to_string(line_no) + ": ";
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Error(where + "not valid JSON");
  if (!j.is_object()) return Status::Error(where + "not a JSON object");
  auto str = [&](const char* key) -> const nlohmann::json* {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? &*it : nullptr;
  };
  const nlohmann::json* text = str("text");
  if (!text) return Status::Error(where + "missing string field \"text\"");
  Article a;
  const nlohmann::json* id = str("id");
  a.id = id ? id->get<std::string>() : "line" + std::to_string(line_no);
  const nlohmann::json* source = str("source");
  a.source = !source_override.empty() ? source_override
             : source                 ? source->get<std::string>()
                                      : a.id;
  a.text = text->get<std::string>();
  return a;
}

}  // namespace saidby
