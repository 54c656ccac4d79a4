#include "saidby/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace saidby {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string TooLarge(size_t bytes, size_t limit, std::string_view hint, bool at_least) {
  return "too large: " + std::string(at_least ? "more than " : "") + std::to_string(bytes) +
         " bytes (limit " + std::to_string(limit) + ", " + std::string(hint) + ")";
}

}  // namespace

Result<std::string> ReadRegularFile(const std::string& path, size_t max_bytes,
                                    std::string_view limit_hint) {
  int raw = -1;
  do {
    raw = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  } while (raw < 0 && errno == EINTR);
  if (raw < 0) {
    const int e = errno;
    if (e == ENOENT) return Status::Error("cannot read file (no such file)");
    return Status::Error(std::string("cannot read file (") + std::strerror(e) + ")");
  }
  const Fd fd(raw);
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return Status::Error(std::string("cannot read file (") + std::strerror(errno) + ")");
  }
  if (S_ISDIR(st.st_mode)) return Status::Error("is a directory, not a file");
  if (!S_ISREG(st.st_mode)) return Status::Error("not a regular file (FIFO, socket or device)");
  const size_t size = static_cast<size_t>(st.st_size);
  if (size > max_bytes) return Status::Error(TooLarge(size, max_bytes, limit_hint, false));
  // Regular files never block; the flag only kept the open itself from waiting.
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);

  std::string bytes;
  // st_size is a hint: /proc files report 0, and a file may grow while it is read.
  bytes.resize(size > 0 ? size + 1 : 4096);
  size_t used = 0;
  for (;;) {
    if (used == bytes.size()) {
      if (used > max_bytes) return Status::Error(TooLarge(max_bytes, max_bytes, limit_hint, true));
      bytes.resize(std::min(max_bytes + 1, std::max<size_t>(used * 2, 4096)));
    }
    const ssize_t n = ::read(fd.get(), bytes.data() + used, bytes.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Error(std::string("read error (") + std::strerror(errno) + ")");
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  if (used > max_bytes) return Status::Error(TooLarge(max_bytes, max_bytes, limit_hint, true));
  bytes.resize(used);
  return bytes;
}

}  // namespace saidby
