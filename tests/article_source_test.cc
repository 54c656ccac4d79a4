#include "saidby/article_source.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace saidby {
namespace {

// A fresh folder under the system temp folder, removed with everything in it at the end.
struct ScratchDir {
  std::filesystem::path dir;
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "saidby-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
  }
  ~ScratchDir() { std::filesystem::remove_all(dir); }
  // Writes `text` to `relative` (folders made as needed); returns the full path.
  std::string Write(const std::string& relative, const std::string& text) {
    const std::filesystem::path p = dir / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

TEST_CASE("JSON Lines records: fields, defaults and errors") {
  Result<Article> a = ParseJsonArticle(R"({"id": "a1", "source": "Wire", "text": "\u201CWe will see,\u201D she said."})", 3, "");
  REQUIRE(a.ok());
  CHECK(a->id == "a1");
  CHECK(a->source == "Wire");
  CHECK(a->text == "\xE2\x80\x9CWe will see,\xE2\x80\x9D she said.");
  Result<Article> b = ParseJsonArticle(R"({"text": "plain"})", 4, "Override");
  REQUIRE(b.ok());
  CHECK(b->id == "line4");
  CHECK(b->source == "Override");
  CHECK(ParseJsonArticle("{not json", 5, "").status().message() == "stdin:5: not valid JSON");
  CHECK(ParseJsonArticle("[1, 2]", 6, "").status().message() == "stdin:6: not a JSON object");
  CHECK(ParseJsonArticle(R"({"id": "x"})", 7, "").status().message() ==
        "stdin:7: missing string field \"text\"");
}

TEST_CASE("hostile: a file that vanishes between listing and reading is reported, the rest read") {
  ScratchDir s;
  s.Write("batch/a.txt", "First.");
  const std::string gone = s.Write("batch/b.txt", "Second.");
  s.Write("batch/c.txt", "Third.");
  ArticleList list = ListArticles({(s.dir / "batch").string()}, "");
  REQUIRE(list.articles.size() == 3);
  std::filesystem::remove(gone);
  CHECK(ReadArticle(list.articles[0], 1 << 20).ok());
  Result<Article> b = ReadArticle(list.articles[1], 1 << 20);
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "cannot read file (it vanished or is unreadable)");
  CHECK(ReadArticle(list.articles[2], 1 << 20)->text == "Third.");
}

TEST_CASE("hostile: a directory or a FIFO given as an article") {
  ScratchDir s;
  s.Write("batch/a.txt", "First.");
  // A folder named like an article, and a FIFO, inside a folder: not listed (a FIFO is never
  // opened, so nothing blocks).
  std::filesystem::create_directories(s.dir / "batch" / "folder.txt");
  const std::string fifo = (s.dir / "batch" / "pipe.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  ArticleList list = ListArticles({(s.dir / "batch").string()}, "");
  REQUIRE(list.articles.size() == 1);
  CHECK(list.errors.empty());
  // Named explicitly, the FIFO is listed and refused when read, without opening it.
  ArticleList named = ListArticles({fifo}, "");
  REQUIRE(named.articles.size() == 1);
  Result<Article> f = ReadArticle(named.articles[0], 1 << 20);
  REQUIRE_FALSE(f.ok());
  CHECK(f.status().message() == "not a regular file (FIFO, socket or device)");
  // A directory that turns up where a file was listed.
  ArticleRef dir_ref{(s.dir / "batch" / "folder.txt").string(), "folder", "folder"};
  CHECK(ReadArticle(dir_ref, 1 << 20).status().message() == "is a directory, not an article");
}

}  // namespace
}  // namespace saidby
