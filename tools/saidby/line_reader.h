// LineReader: JSON Lines input read from a file descriptor, one line at a time, with a cap on
// how much of one line is kept. A line longer than the cap is consumed to its end but not
// stored (`too_long` is set), so one oversized record costs a bounded buffer, not its size.
// Cost: one 1 MiB buffer plus the current line; read(2) in large blocks, memchr for '\n'.
// Not thread-safe; owns the buffer, not the descriptor.
//
// Example:
//   LineReader in(0, 64 << 20);
//   LineReader::Line line;
//   while (in.Next(line)) if (!line.too_long) use(line.text);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace saidby::cli {

// The longest JSON line read for a document of at most `max_doc_bytes`: JSON escapes can make
// a line several times longer than the text it carries ("\u0001" for one byte), so lines
// beyond 6 × the limit (+ 4096 for the other fields) are skipped unread.
size_t MaxJsonLineBytes(size_t max_doc_bytes);

class LineReader {
 public:
  struct Line {
    std::string text;       // without the '\n' (a trailing '\r' is kept; JSON ignores it)
    size_t bytes = 0;       // length of the whole line as read, newline excluded
    bool too_long = false;  // more than `max_line_bytes`: `text` is left empty
  };

  LineReader(int fd, size_t max_line_bytes);
  // False at end of input (or on a read error, see error()).
  bool Next(Line& line);
  // errno of a failed read, or 0.
  int error() const { return error_; }

 private:
  bool Fill();
  int fd_;
  size_t max_line_bytes_;
  std::vector<char> buf_;
  size_t begin_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int error_ = 0;
};

}  // namespace saidby::cli
