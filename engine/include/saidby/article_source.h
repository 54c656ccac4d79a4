// Article sources: turning command-line paths and JSON Lines into Articles.
//
// A path is a file or a folder; folders are read recursively for `*.txt`, `*.html`/`*.htm` and
// `*.jsonl`/`*.ndjson` (any case), sorted by path, and a `sources.csv` (doc,source) beside the
// files names their outlet. JSON Lines carry {"id", "source", "text"} per line. Text files are
// decoded to UTF-8 (text_decoding.h), HTML reduced to its text (html_text.h). Nothing here
// throws or prints: a path that cannot be listed or read, or a malformed line, comes back as an
// error that names it.
// Cost: listing is a directory walk; each article is read only when asked for.
//
// Example:
//   ArticleList list = ListArticles({"corpus/seeds"}, "");
//   for (const ArticleRef& ref : list.articles) { Result<Article> a = ReadArticle(ref, 16 << 20); }
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saidby/extractor.h"
#include "saidby/status.h"

namespace saidby {

// How a file is read: by its extension (a file named on the command line with another one is
// text).
enum class ArticleFormat { kText, kHtml, kJsonLines };

struct ArticleRef {
  std::string path;
  std::string id;      // file name without extension; in a folder, the path from it ("x/art")
  std::string source;  // --source, else sources.csv, else the id (JSON Lines: unused)
  ArticleFormat format = ArticleFormat::kText;
};

// Ids and sources are valid UTF-8 without NUL: other bytes are written as \xHH (label.h).
struct ArticleList {
  std::vector<ArticleRef> articles;  // in the order given, folders expanded and sorted
  std::vector<std::string> errors;   // "PATH: reason" for paths that could not be listed
  // "PATH: the same file as OTHER, read once"; the first file name that is not valid UTF-8;
  // one line for the files of other kinds found in folders, with their count and one of them
  std::vector<std::string> warnings;
  size_t skipped = 0;  // files in folders that are no article (a sources.csv, gold.csv or
                       // reported.csv beside the articles is not counted)
};

// `source_override`: the --source label, or empty. Symlinked `*.txt` files inside a folder are
// read wherever they point; symlinked folders are not entered. A file reached twice is listed
// once, with a warning.
ArticleList ListArticles(const std::vector<std::string>& paths, const std::string& source_override);

// Reads one article (ReadRegularFile), decoded to UTF-8 (DecodeText; `encoding` as there) and,
// for HTML, reduced to its text. Errors: unreadable, not a regular file, larger than
// `max_bytes`, not valid in the encoding named, an HTML file that is not text (NUL bytes, bad
// UTF-8), a JSON Lines file (read line by line with ParseJsonArticle instead); the caller names
// the path. What the decoding did is `note` ("…: read as ISO-8859-1 (…)"), if given. Text
// files are checked for encoding later, by MakeDocument, as before.
Result<Article> ReadArticle(const ArticleRef& ref, size_t max_bytes, std::string_view encoding = "",
                            std::string* note = nullptr);

// One JSON Lines record. `line_no` is 1-based, for the message ("stdin:3: …", `place` the
// name before the colon: "stdin" or a .jsonl file's path). Refused before
// parsing: a raw NUL byte, nesting deeper than 1024, more than 1 MiB outside strings (parser
// memory follows structure; see README "Limits"). A record with no string "id" gets
// "SOURCE:HASH" (SOURCE its source, or "stdin"; HASH 16 hex digits of its text), which does not
// depend on where the record is in the input. `labels_escaped`, if given, is set when the id or
// source had bytes written as \xHH (a NUL, or a bad --source).
Result<Article> ParseJsonArticle(std::string_view line, size_t line_no,
                                 const std::string& source_override, bool* labels_escaped = nullptr,
                                 std::string_view place = "stdin");

}  // namespace saidby
