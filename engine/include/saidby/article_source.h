// Article sources: turning command-line paths and JSON Lines into Articles.
//
// A path is a file or a folder; folders are read recursively for `*.txt`, sorted by path, and
// a `sources.csv` (doc,source) beside the files names their outlet. JSON Lines carry
// {"id", "source", "text"} per line. Nothing here throws or prints: a path that cannot be
// listed or read, or a malformed line, comes back as an error that names it.
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

struct ArticleRef {
  std::string path;
  std::string id;      // file name without extension
  std::string source;  // --source, else sources.csv, else the id
};

struct ArticleList {
  std::vector<ArticleRef> articles;   // in the order given, folders expanded and sorted
  std::vector<std::string> errors;    // "PATH: reason" for paths that could not be listed
  std::vector<std::string> warnings;  // "PATH: the same file as OTHER, read once"
};

// `source_override`: the --source label, or empty. Symlinked `*.txt` files inside a folder are
// read wherever they point; symlinked folders are not entered. A file reached twice is listed
// once, with a warning.
ArticleList ListArticles(const std::vector<std::string>& paths, const std::string& source_override);

// Reads one article (ReadRegularFile). Errors: unreadable, not a regular file, larger than
// `max_bytes`; the caller names the path. (Encoding is checked later, by MakeDocument.)
Result<Article> ReadArticle(const ArticleRef& ref, size_t max_bytes);

// One JSON Lines record. `line_no` is 1-based, for the message ("stdin:3: …"). Refused before
// parsing: a raw NUL byte, nesting deeper than 1024, more than 1 MiB outside strings (parser
// memory follows structure; see README "Limits").
Result<Article> ParseJsonArticle(std::string_view line, size_t line_no,
                                 const std::string& source_override);

}  // namespace saidby
