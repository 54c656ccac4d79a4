// Reading a whole input file (an article, a side file such as sources.csv, a gold table, a
// quote table or a rule file) without trusting what the path names.
//
// The file is opened non-blocking (a FIFO does not block the open), checked with fstat on the
// open descriptor (no race with a file swapped in after a stat), and read only if it is a
// regular file, up to a size limit: a device (/dev/zero), FIFO, socket or folder is refused by
// name, and a file larger than the limit costs nothing. Files whose size the kernel reports as
// 0 (/proc, /sys) are read as streams, still bounded by the limit.
// Cost: one read of the file; at most `max_bytes` + 1 bytes are held.
//
// Example:
//   Result<std::string> bytes = ReadRegularFile("corpus/seeds/gold.csv", kMaxGoldFileBytes,
//                                               "the limit for a gold file");
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "saidby/status.h"

namespace saidby {

// Size limits of the files read beside the articles (documented in README.md, "Limits").
constexpr size_t kMaxRuleFileBytes = 16u << 20;     // each file of a rules folder
constexpr size_t kMaxSourcesCsvBytes = 16u << 20;   // a folder's sources.csv
constexpr size_t kMaxGoldFileBytes = 64u << 20;     // eval --gold
constexpr size_t kMaxQuoteTableBytes = 256u << 20;  // compare inputs and --merge quotes.csv

// The bytes of the regular file at `path`, at most `max_bytes` of them. Errors do not name the
// path (the caller does): "cannot read file (no such file)", "is a directory", "not a regular file
// (FIFO, socket or device)", "too large: N bytes (limit M, <limit_hint>)", or why it could not be
// read.
Result<std::string> ReadRegularFile(const std::string& path, size_t max_bytes,
                                    std::string_view limit_hint);

}  // namespace saidby
