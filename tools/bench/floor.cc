// saidby_floor: the floor for `saidby extract` throughput — read a file's bytes and check them
// as UTF-8 with the engine's ValidateText, nothing else. Prints "<bytes> bytes, valid" (exit 0)
// or the first error (exit 1). Reads 1 MiB blocks and holds back each block's last sequence so
// that no UTF-8 sequence is split; memory stays at two blocks whatever the file size.
//
// Example:
//   saidby_floor build-bench/bench/corpus-200MB.jsonl
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "saidby/document.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: saidby_floor FILE\n");
    return 2;
  }
  const int fd = ::open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::fprintf(stderr, "saidby_floor: %s: %s\n", argv[1], std::strerror(errno));
    return 2;
  }
  constexpr size_t kBlock = 1u << 20;
  std::vector<char> buf(2 * kBlock);
  size_t carry = 0, total = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.data() + carry, kBlock);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::fprintf(stderr, "saidby_floor: %s: %s\n", argv[1], std::strerror(errno));
      return 2;
    }
    const size_t have = carry + static_cast<size_t>(n);
    // Until end of file, hold back the last (maybe incomplete) sequence: at most 4 bytes.
    size_t cut = have;
    if (n > 0) {
      while (cut > 0 && (static_cast<unsigned char>(buf[cut - 1]) & 0xC0) == 0x80) --cut;
      if (cut > 0) --cut;
    }
    const saidby::Status s = saidby::ValidateText(std::string_view(buf.data(), cut));
    if (!s.ok()) {
      std::fprintf(stderr, "saidby_floor: %s: %s (in the block at byte %zu)\n", argv[1],
                   s.message().c_str(), total);
      return 1;
    }
    total += cut;
    carry = have - cut;
    std::memmove(buf.data(), buf.data() + cut, carry);
    if (n == 0) break;
  }
  ::close(fd);
  std::printf("%zu bytes, valid\n", total);
  return 0;
}
