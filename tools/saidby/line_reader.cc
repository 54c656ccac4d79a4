#include "line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace saidby::cli {

size_t MaxJsonLineBytes(size_t max_doc_bytes) {
  constexpr size_t kJsonExpansion = 6, kOtherFields = 4096;
  return max_doc_bytes < (SIZE_MAX - kOtherFields) / kJsonExpansion
             ? max_doc_bytes * kJsonExpansion + kOtherFields
             : SIZE_MAX;
}

LineReader::LineReader(int fd, size_t max_line_bytes)
    : fd_(fd), max_line_bytes_(max_line_bytes), buf_(1u << 20) {}

bool LineReader::Fill() {
  begin_ = end_ = 0;
  while (!eof_) {
    ssize_t n = ::read(fd_, buf_.data(), buf_.size());
    if (n > 0) {
      end_ = static_cast<size_t>(n);
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error_ = errno;
    eof_ = true;
  }
  return false;
}

bool LineReader::Next(Line& line) {
  line.text.clear();
  line.bytes = 0;
  line.too_long = false;
  bool any = false;
  for (;;) {
    if (begin_ == end_ && !Fill()) return any;
    any = true;
    const char* start = buf_.data() + begin_;
    const size_t avail = end_ - begin_;
    const void* nl = std::memchr(start, '\n', avail);
    const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    line.bytes += take;
    if (!line.too_long) {
      if (line.text.size() + take > max_line_bytes_) {
        line.too_long = true;
        line.text.clear();
        line.text.shrink_to_fit();
      } else {
        line.text.append(start, take);
      }
    }
    begin_ += take;
    if (nl) {
      ++begin_;  // the '\n'
      return true;
    }
  }
}

}  // namespace saidby::cli
