// Output files of the CLI, written whole or not at all. The bytes go to a temporary file in the
// target's folder (so the final rename cannot cross file systems), renamed over the target by
// Commit; a run that fails or is killed leaves the target as it was, and two runs writing the
// same target leave one whole output, never rows of both. "" or "-" is stdout, and a target that
// exists but is not a regular file (/dev/null, a FIFO) is written in place, as is a file in a
// folder where no temporary can be made. The first failed write is kept and every later Write
// is refused, so callers stop at it.
//
// Example:
//   OutputFile out("quotes.csv");
//   if (Status s = out.Open(); !s.ok()) ...;
//   out.Write(rows);
//   if (Status s = out.Commit(); !s.ok()) ...;  // "quotes.csv: write failed: No space left ..."
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "saidby/status.h"

namespace saidby::cli {

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // removes the temporary file unless committed

  Status Open();
  // False once any write has failed (then error() says why).
  bool Write(std::string_view bytes);
  // Flushes, closes and renames into place. After a failed write it only cleans up.
  Status Commit();
  bool failed() const { return errno_ != 0; }
  Status error() const;
  const std::string& name() const { return name_; }  // "stdout" or the path, for messages

 private:
  bool Flush();
  bool WriteAll(std::string_view bytes);
  void Discard();

  std::string path_;  // where the output goes in the end (symlinks resolved)
  std::string name_;
  std::string temp_;  // empty when written in place
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string buffer_;
  int errno_ = 0;
};

// (device, inode) of the regular file at `path` or open as `fd`, if it is one: an output that
// is the same file as an input is refused before anything is written.
using FileId = std::pair<dev_t, ino_t>;
std::optional<FileId> RegularFileId(const std::string& path);
std::optional<FileId> RegularFileId(int fd);

}  // namespace saidby::cli
