#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace saidby::cli {
namespace fs = std::filesystem;

namespace {

// Large enough that a write(2) per buffer costs nothing next to extraction.
constexpr size_t kBufferBytes = 1u << 16;

}  // namespace

OutputFile::OutputFile(std::string path)
    : path_(std::move(path)), name_(path_.empty() || path_ == "-" ? "stdout" : path_) {}

OutputFile::~OutputFile() { Discard(); }

Status OutputFile::Open() {
  if (name_ == "stdout") {
    fd_ = STDOUT_FILENO;
    return Status();
  }
  struct stat st {};
  const bool exists = ::stat(path_.c_str(), &st) == 0;
  if (exists) {
    if (S_ISDIR(st.st_mode)) return Status::Error(name_ + ": cannot write: is a folder");
    if (!S_ISREG(st.st_mode)) {
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
      if (fd_ < 0) return Status::Error(name_ + ": cannot write: " + std::strerror(errno));
      owns_fd_ = true;
      return Status();
    }
  }
  // Through a link (to a regular file, or to none yet) the file it names is written, not the link.
  fs::path resolved(path_);
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(resolved, ec); ++hops) {
    const fs::path link = fs::read_symlink(resolved, ec);
    if (ec) break;
    resolved = link.is_absolute() ? link : resolved.parent_path() / link;
  }
  path_ = resolved.string();
  const fs::path target(path_);
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  for (int attempt = 0;; ++attempt) {
    temp_ = (dir / ("." + target.filename().string() + ".saidby-" + std::to_string(::getpid()) +
                    "-" + std::to_string(attempt) + ".tmp"))
                .string();
    // 0666: the umask applies, as for a file opened directly.
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ >= 0) break;
    if (errno != EEXIST || attempt == 100) {
      const int e = errno;
      temp_.clear();
      // A file that may be written in a folder that may not: written in place.
      if (exists && (e == EACCES || e == EPERM || e == EROFS)) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd_ >= 0) break;
      }
      return Status::Error(name_ + ": cannot write: " + std::strerror(e));
    }
  }
  owns_fd_ = true;
  buffer_.reserve(kBufferBytes);
  return Status();
}

bool OutputFile::Write(std::string_view bytes) {
  if (failed()) return false;
  if (buffer_.size() + bytes.size() <= kBufferBytes) {
    buffer_.append(bytes);
    return true;
  }
  if (!Flush()) return false;
  if (bytes.size() < kBufferBytes) {
    buffer_.append(bytes);
    return true;
  }
  return WriteAll(bytes);
}

bool OutputFile::Flush() {
  const bool ok = WriteAll(buffer_);
  buffer_.clear();
  return ok;
}

bool OutputFile::WriteAll(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      errno_ = n < 0 ? errno : EIO;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

Status OutputFile::error() const {
  if (!failed()) return Status();
  return Status::Error(name_ + ": write failed: " + std::strerror(errno_));
}

Status OutputFile::Commit() {
  if (!failed()) Flush();
  if (owns_fd_) {
    // Some file systems (NFS) report a failed write only when the file is closed.
    if (::close(fd_) != 0 && !failed()) errno_ = errno;
    owns_fd_ = false;
    fd_ = -1;
  }
  if (failed()) {
    Discard();
    return error();
  }
  if (!temp_.empty()) {
    if (::rename(temp_.c_str(), path_.c_str()) != 0) {
      errno_ = errno;
      Discard();
      return error();
    }
    temp_.clear();
  }
  return Status();
}

void OutputFile::Discard() {
  if (owns_fd_) ::close(fd_);
  owns_fd_ = false;
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
}

std::optional<FileId> RegularFileId(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

std::optional<FileId> RegularFileId(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

}  // namespace saidby::cli
