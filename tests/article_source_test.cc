#include "saidby/article_source.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
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
  Result<Article> a = ParseJsonArticle(
      R"({"id": "a1", "source": "Wire", "text": "\u201CWe will see,\u201D she said."})", 3, "");
  REQUIRE(a.ok());
  CHECK(a->id == "a1");
  CHECK(a->source == "Wire");
  CHECK(a->text == "\xE2\x80\x9CWe will see,\xE2\x80\x9D she said.");
  Result<Article> b = ParseJsonArticle(R"({"text": "plain"})", 4, "Override");
  REQUIRE(b.ok());
  CHECK(b->id.rfind("Override:", 0) == 0);
  CHECK(b->source == "Override");
  CHECK(ParseJsonArticle("{not json", 5, "").status().message() == "stdin:5: not valid JSON");
  CHECK(ParseJsonArticle("[1, 2]", 6, "").status().message() == "stdin:6: not a JSON object");
  CHECK(ParseJsonArticle(R"({"id": "x"})", 7, "").status().message() ==
        "stdin:7: missing string field \"text\"");
}

// The reader keeps the verdicts of nlohmann::json, which it replaced: these lines are where
// simdjson alone would differ (BOM, NUL, big integers, depth) or where either could slip.
std::string JsonError(std::string_view line) {
  Result<Article> a = ParseJsonArticle(line, 9, "");
  return a.ok() ? "ok: " + a->text : a.status().message();
}

TEST_CASE("JSON Lines records: field types, repeated and escaped keys") {
  Result<Article> a = ParseJsonArticle(R"({"text": "t", "id": 5, "source": null})", 2, "");
  REQUIRE(a.ok());
  CHECK(a->id.rfind("stdin:", 0) == 0);
  CHECK(a->source == a->id);
  Result<Article> b =
      ParseJsonArticle(R"({"id": "x", "text": "a", "id": "y", "text": "b"})", 2, "");
  REQUIRE(b.ok());
  CHECK(b->id == "y");  // the last of a repeated key counts
  CHECK(b->text == "b");
  CHECK(JsonError(R"({"text": "a", "text": 1})") == "stdin:9: missing string field \"text\"");
  CHECK(JsonError(R"({"te\u0078t": "escaped key"})") == "ok: escaped key");
  CHECK(JsonError(R"({"text\u0000": "a", "TEXT": "b"})") ==
        "stdin:9: missing string field \"text\"");
  CHECK(JsonError(R"({"text": ["a"]})") == "stdin:9: missing string field \"text\"");
  CHECK(JsonError("null") == "stdin:9: not a JSON object");
  CHECK(JsonError("") == "stdin:9: not valid JSON");
}

TEST_CASE("JSON Lines records: strings, escapes and encoding") {
  CHECK(JsonError(R"({"text": "a\u0000b"})") == std::string("ok: a\0b", 7));
  CHECK(JsonError(R"({"text": "\ud83d\ude00 \/\"\\"})") == "ok: \xF0\x9F\x98\x80 /\"\\");
  for (const char* bad :
       {R"({"text": "\ud800"})", R"({"text": "\udc00"})", R"({"text": "\ud800\ud800"})",
        R"({"text": "\ud800\u0041"})", R"({"text": "\x"})", R"({"text": "\u12"})",
        "{\"text\": \"a\tb\"}", "{\"text\": \"a\x01\"}", "{\"text\": \"\xC3\"}",
        "{\"text\": \"\xED\xA0\x80\"}", "{\"text\": \"t\", \"x\": \"\xFF\"}"}) {
    CAPTURE(bad);
    CHECK(JsonError(bad) == "stdin:9: not valid JSON");
  }
  CHECK(JsonError("{\"text\": \"a\x7F\xC3\xA9\"}") == "ok: a\x7F\xC3\xA9");  // DEL needs no escape
}

TEST_CASE("JSON Lines records: what surrounds the object") {
  CHECK(JsonError(" \t{\"text\": \"t\"} \r") == "ok: t");
  for (const char* bad :
       {R"({"text": "t"} x)", R"({"text": "t"}{})", R"({"text": "t"},)", R"({"text": "t")",
        "{\"text\": \"t\"}\x0B", "/*c*/{\"text\": \"t\"}", "{\"text\": \"t\",}"}) {
    CAPTURE(bad);
    CHECK(JsonError(bad) == "stdin:9: not valid JSON");
  }
  // A byte order mark is skipped at the start only.
  CHECK(JsonError("\xEF\xBB\xBF{\"text\": \"bom\"}") == "ok: bom");
  CHECK(JsonError(" \xEF\xBB\xBF{\"text\": \"t\"}") == "stdin:9: not valid JSON");
  CHECK(JsonError("\xEF\xBB\xBF\xEF\xBB\xBF{\"text\": \"t\"}") == "stdin:9: not valid JSON");
  // A raw NUL byte is reported where it is, wherever it is: it used to end the line silently,
  // dropping whatever followed (issue 18).
  using namespace std::string_literals;
  CHECK(
      JsonError("{\"text\": \"t\"}\0 garbage \xFF"s) ==
      "stdin:9: not valid JSON: raw NUL byte at byte 13 of the line (in a string, write \\u0000)");
  CHECK(JsonError("{\"text\": \"t\0\"}"s)
            .starts_with("stdin:9: not valid JSON: raw NUL byte at byte 11 "));
  CHECK(JsonError("{\"text\": \"t\",\0\"id\": \"x\"}"s)
            .starts_with("stdin:9: not valid JSON: raw NUL"));
  CHECK(JsonError("12\0"s).starts_with("stdin:9: not valid JSON: raw NUL byte at byte 2 "));
}

TEST_CASE("JSON Lines records: numbers and nesting") {
  // Integers beyond 64 bits are read as doubles: refused only when that is infinite.
  CHECK(JsonError(R"({"text": "t", "n": 18446744073709551616})") == "ok: t");
  CHECK(JsonError(R"({"text": "t", "n": [-123456789012345678901234567890]})") == "ok: t");
  CHECK(JsonError(R"({"text": "a\"18446744073709551616", "n": 18446744073709551616})") ==
        "ok: a\"18446744073709551616");
  CHECK(JsonError("{\"text\": \"t\", \"n\": 1" + std::string(308, '0') + "}") == "ok: t");
  CHECK(JsonError("{\"text\": \"t\", \"n\": 1" + std::string(309, '0') + "}") ==
        "stdin:9: not valid JSON");
  for (const char* bad :
       {R"({"text": "t", "n": 1e400})", R"({"text": "t", "n": 018446744073709551616})",
        R"({"text": "t", "n": 18446744073709551616x})", R"({"text": "t", "n": 1.})",
        R"({"text": "t", "n": 18446744073709551616, "b": tru})"}) {
    CAPTURE(bad);
    CHECK(JsonError(bad) == "stdin:9: not valid JSON");
  }
  CHECK(JsonError(R"({"text": "t", "n": 1e-400})") == "ok: t");
  // Nesting is limited to 1024 levels, the object itself included, and refused before parsing
  // (it used to be re-parsed with room for any depth: 2.3 GB for a 95 MB line).
  auto nested = [](size_t open, size_t close) {
    return "{\"text\": \"deep\", \"a\": " + std::string(open, '[') + std::string(close, ']') + "}";
  };
  CHECK(JsonError(nested(1023, 1023)) == "ok: deep");
  CHECK(JsonError(nested(1022, 1021)) == "stdin:9: not valid JSON");
  CHECK(JsonError(nested(1024, 1024)) ==
        "stdin:9: JSON nested deeper than 1024 levels (the limit)");
  CHECK(JsonError(nested(5000, 4999)) ==
        "stdin:9: JSON nested deeper than 1024 levels (the limit)");
  // Brackets inside strings, escaped quotes included, are text.
  CHECK(JsonError("{\"text\": \"\\\"" + std::string(5000, '[') + "\\\\\"}") ==
        "ok: \"" + std::string(5000, '[') + "\\");
  // Structure outside strings is limited to 1 MiB; strings may be longer.
  std::string wide = "{\"text\": \"w\", \"a\": [0";
  for (size_t i = 0; i < (1u << 19); ++i) wide += ",0";
  CHECK(JsonError(wide + "]}") ==
        "stdin:9: more than 1048576 bytes of JSON outside strings (the limit; only string values "
        "may be long)");
  CHECK(JsonError("{\"text\": \"" + std::string(2u << 20, 'x') + "\", \"a\": [0,0]}").size() ==
        4 + (2u << 20));
}

TEST_CASE("JSON Lines records: long lines, and several threads at once") {
  const std::string long_text(3 << 20, 'x');  // past what a thread keeps its parser sized for
  const std::string long_line = R"({"id": "long", "text": ")" + long_text + "\"}";
  for (int round = 0; round < 2; ++round) {
    Result<Article> a = ParseJsonArticle(long_line, 1, "");
    REQUIRE(a.ok());
    CHECK(a->text == long_text);
    CHECK(JsonError(R"({"text": "short"})") == "ok: short");
  }
  // Nothing left once a byte order mark or a leading NUL is taken off, on a thread whose
  // buffer the long line has just freed, and on a thread that has parsed nothing yet.
  using namespace std::string_literals;
  for (const std::string& empty : {"\xEF\xBB\xBF"s, "\0{\"text\": \"a\"}"s}) {
    CHECK(ParseJsonArticle(long_line, 1, "").ok());
    CHECK(JsonError(empty).starts_with("stdin:9: not valid JSON"));
    std::string fresh;
    std::thread([&] { fresh = JsonError(empty); }).join();
    CHECK(fresh.starts_with("stdin:9: not valid JSON"));
  }
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < 500; ++i) {
        const std::string text = "thread " + std::to_string(t) + " line " + std::to_string(i);
        Result<Article> a = ParseJsonArticle(R"({"text": ")" + text + "\"}", 1, "");
        if (!a.ok() || a->text != text) return;
      }
      seen[t] = "all parsed";
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(seen == std::vector<std::string>(4, "all parsed"));
}

TEST_CASE("document ids: unique by construction") {
  // Records without an id: the same text gives the same id wherever it is read (partitions of
  // one corpus merge), another text or source another id.
  auto id_of = [](std::string_view line, size_t line_no) {
    Result<Article> a = ParseJsonArticle(line, line_no, "");
    REQUIRE(a.ok());
    return a->id;
  };
  const std::string x = id_of(R"({"source": "S", "text": "one"})", 1);
  CHECK(x.size() == std::string("S:").size() + 16);
  CHECK(x.rfind("S:", 0) == 0);
  CHECK(id_of(R"({"source": "S", "text": "one"})", 7) == x);
  CHECK(id_of(R"({"source": "S", "text": "two"})", 1) != x);
  CHECK(id_of(R"({"source": "T", "text": "one"})", 1) != x);
  CHECK(id_of(R"({"text": "one"})", 1).rfind("stdin:", 0) == 0);
  CHECK(id_of(R"({"id": "given", "text": "one"})", 1) == "given");
  CHECK(id_of(R"({"id": "", "text": "one"})", 1).rfind("stdin:", 0) == 0);  // "empty doc" else

  // Files found in folders: their path from the folder, without extension.
  ScratchDir s;
  s.Write("batch/x/art.txt", "First.");
  s.Write("batch/y/art.txt", "Second.");
  s.Write("batch/top.txt", "Third.");
  const std::string explicit_file = s.Write("other/art.txt", "Fourth.");
  for (const std::string& folder : {(s.dir / "batch").string(), (s.dir / "batch/").string()}) {
    ArticleList list = ListArticles({folder, explicit_file}, "");
    REQUIRE(list.articles.size() == 4);
    CHECK(list.articles[0].id == "top");
    CHECK(list.articles[1].id == "x/art");
    CHECK(list.articles[2].id == "y/art");
    CHECK(list.articles[3].id == "art");  // named explicitly: its file name
    CHECK(list.articles[1].source == "x/art");
  }
  // A sources.csv beside the files still names them by file name.
  s.Write("batch/x/sources.csv", "doc,source\nart,Wire\n");
  CHECK(ListArticles({(s.dir / "batch").string()}, "").articles[1].source == "Wire");
}

TEST_CASE("folders: articles by extension in any case, other files counted once") {
  ScratchDir s;
  s.Write("batch/a.txt", "One.");
  s.Write("batch/B.TXT", "Two.");
  s.Write("batch/c.Html", "<p>Three.</p>");
  s.Write("batch/d.htm", "<p>Four.</p>");
  s.Write("batch/sub/e.jsonl", "{\"text\": \"Five.\"}\n");
  s.Write("batch/f.NDJSON", "{\"text\": \"Six.\"}\n");
  s.Write("batch/notes.md", "# no");
  s.Write("batch/sub/scan.pdf", "%PDF");
  s.Write("batch/sources.csv", "doc,source\na,Wire\n");  // side files are not counted
  s.Write("batch/gold.csv", "doc,speaker,quote,kind,cue\n");
  const std::string folder = (s.dir / "batch").string();
  ArticleList list = ListArticles({folder}, "");
  REQUIRE(list.articles.size() == 6);
  std::vector<std::pair<std::string, ArticleFormat>> got;
  for (const ArticleRef& ref : list.articles) got.emplace_back(ref.id, ref.format);
  CHECK(got ==
        std::vector<std::pair<std::string, ArticleFormat>>{{"B", ArticleFormat::kText},
                                                           {"a", ArticleFormat::kText},
                                                           {"c", ArticleFormat::kHtml},
                                                           {"d", ArticleFormat::kHtml},
                                                           {"f", ArticleFormat::kJsonLines},
                                                           {"sub/e", ArticleFormat::kJsonLines}});
  CHECK(list.articles[1].source == "Wire");
  CHECK(list.skipped == 2);
  REQUIRE(list.warnings.size() == 1);
  CHECK(list.warnings[0] ==
        "2 files in the folders given skipped: not .txt, .html, .htm, .jsonl "
        "or .ndjson (one is " +
            folder + "/notes.md)");
  // Named on the command line, a file of any other extension is read as text.
  const std::string named = s.Write("named.md", "Seven.");
  ArticleList one = ListArticles({named}, "");
  REQUIRE(one.articles.size() == 1);
  CHECK(one.articles[0].format == ArticleFormat::kText);
  CHECK(one.warnings.empty());
}

TEST_CASE("document ids: files that differ only by extension keep it in their ids") {
  ScratchDir s;
  s.Write("batch/x.txt", "One.");
  s.Write("batch/x.html", "<p>Two.</p>");
  s.Write("batch/y.txt", "Three.");
  s.Write("batch/sources.csv", "doc,source\nx,Wire\n");
  ArticleList list = ListArticles({(s.dir / "batch").string()}, "");
  REQUIRE(list.articles.size() == 3);
  CHECK(list.articles[0].id == "x.html");
  CHECK(list.articles[1].id == "x.txt");
  CHECK(list.articles[2].id == "y");
  CHECK(list.articles[0].source == "Wire");  // sources.csv still names them by their stem
  REQUIRE(list.warnings.size() == 1);
  CHECK(list.warnings[0] == "document ids: 'x' would name " + (s.dir / "batch/x.html").string() +
                                " and " + (s.dir / "batch/x.txt").string() +
                                ": their ids keep the extension (other such ids not reported)");
}

TEST_CASE("reading: HTML becomes its text, Latin-1 is converted with a note, JSON Lines refused") {
  ScratchDir s;
  ArticleRef html{s.Write("p.html", "<p>&ldquo;Yes,&rdquo; said Anna.</p><script>no()</script>"),
                  "p", "p", ArticleFormat::kHtml};
  std::string note;
  Result<Article> a = ReadArticle(html, 1 << 20, "", &note);
  REQUIRE(a.ok());
  CHECK(a->text == "\xE2\x80\x9CYes,\xE2\x80\x9D said Anna.\n");
  CHECK(note.empty());

  ArticleRef latin{s.Write("l.txt", "Jos\xE9 \xC1lvarez said the caf\xE9 would stay open.\n"), "l",
                   "l", ArticleFormat::kText};
  Result<Article> l = ReadArticle(latin, 1 << 20, "", &note);
  REQUIRE(l.ok());
  CHECK(l->text == "Jos\xC3\xA9 \xC3\x81lvarez said the caf\xC3\xA9 would stay open.\n");
  CHECK(note.starts_with("invalid UTF-8 at byte 3: read as ISO-8859-1"));

  // An HTML page that is binary is refused as a text file is (MakeDocument's words).
  ArticleRef binary{s.Write("b.html", std::string("<p>a\0b</p>", 9)), "b", "b",
                    ArticleFormat::kHtml};
  Result<Article> b = ReadArticle(binary, 1 << 20);
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == "binary data (NUL byte) at byte 4");

  ArticleRef lines{s.Write("j.jsonl", "{}\n"), "j", "", ArticleFormat::kJsonLines};
  Result<Article> j = ReadArticle(lines, 1 << 20);
  REQUIRE_FALSE(j.ok());
  CHECK(j.status().message() == "a JSON Lines file: only `saidby extract` reads these");
}

TEST_CASE("JSON Lines records: errors name the file they come from") {
  Result<Article> a = ParseJsonArticle("nope", 3, "", nullptr, "feed.jsonl");
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().message() == "feed.jsonl:3: not valid JSON");
}

TEST_CASE("hostile: file names, --source and JSON ids that are not valid UTF-8 text") {
  ScratchDir s;
  s.Write("batch/a.txt", "First.");
  s.Write("batch/b\xFF.txt", "Second.");
  s.Write("batch/c\xFE.txt", "Third.");
  ArticleList list = ListArticles({(s.dir / "batch").string()}, "");
  REQUIRE(list.articles.size() == 3);
  CHECK(list.articles[1].id == "b\\xFF");
  CHECK(list.articles[1].source == "b\\xFF");
  CHECK(list.articles[2].id == "c\\xFE");
  REQUIRE(list.warnings.size() == 1);  // once, for the first
  CHECK(list.warnings[0].find("b\\xFF.txt: file name is not valid UTF-8") != std::string::npos);
  CHECK(ReadArticle(list.articles[1], 1 << 20)->text == "Second.");
  CHECK(ListArticles({(s.dir / "batch").string()}, "Out\xC3let").articles[0].source ==
        "Out\\xC3let");

  bool escaped = false;
  Result<Article> a =
      ParseJsonArticle(R"({"id": "a\u0000b", "source": "S\u0000", "text": "t"})", 1, "", &escaped);
  REQUIRE(a.ok());
  CHECK(a->id == "a\\x00b");
  CHECK(a->source == "S\\x00");
  CHECK(escaped);
  Result<Article> b = ParseJsonArticle(R"({"id": "ok", "text": "t"})", 2, "\xFF", &escaped);
  REQUIRE(b.ok());
  CHECK(b->source == "\\xFF");
  CHECK(escaped);
  CHECK(ParseJsonArticle(R"({"id": "ok", "text": "t"})", 3, "", &escaped).ok());
  CHECK_FALSE(escaped);
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
  CHECK(b.status().message() == "cannot read file (it vanished)");
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
  CHECK(ReadArticle(dir_ref, 1 << 20).status().message() == "is a directory, not a file");
}

}  // namespace
}  // namespace saidby
