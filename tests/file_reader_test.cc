#include "saidby/file_reader.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "saidby/csv.h"

namespace saidby {
namespace {
namespace fs = std::filesystem;

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "saidby-file-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream((dir / name).string(), std::ios::binary) << text;
    return (dir / name).string();
  }
};

std::string Read(const std::string& path, size_t limit = 100) {
  Result<std::string> r = ReadRegularFile(path, limit, "see the test");
  return r.ok() ? "ok: " + r.value() : r.status().message();
}

TEST_CASE("a side file is read only when it is a regular file within its limit") {
  Scratch s;
  CHECK(Read(s.Write("a.csv", "doc,source\n")) == "ok: doc,source\n");
  CHECK(Read(s.Write("empty.csv", "")) == "ok: ");
  CHECK(Read((s.dir / "missing.csv").string()) == "cannot read file (no such file)");
  CHECK(Read(s.dir.string()) == "is a directory, not a file");
  CHECK(Read(s.Write("big.csv", std::string(101, 'x'))) ==
        "too large: 101 bytes (limit 100, see the test)");
  CHECK(Read(s.Write("edge.csv", std::string(100, 'x'))) == "ok: " + std::string(100, 'x'));
  // A FIFO is refused without blocking on the open (no writer ever comes).
  const std::string fifo = (s.dir / "pipe.csv").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(Read(fifo) == "not a regular file (FIFO, socket or device)");
  // A device that never ends is refused before anything is read.
  CHECK(Read("/dev/zero") == "not a regular file (FIFO, socket or device)");
  fs::create_symlink("/dev/zero", s.dir / "zero.csv");
  CHECK(Read((s.dir / "zero.csv").string()) == "not a regular file (FIFO, socket or device)");
}

TEST_CASE("files the kernel reports as empty are read as streams, within the limit") {
  struct stat st {};
  REQUIRE(::stat("/proc/self/status", &st) == 0);
  REQUIRE(st.st_size == 0);
  Result<std::string> status = ReadRegularFile("/proc/self/status", 1 << 20, "");
  REQUIRE(status.ok());
  CHECK(status->find("Name:") != std::string::npos);
  CHECK(Read("/proc/self/status", 10) == "too large: more than 10 bytes (limit 10, see the test)");
}

TEST_CASE("a CSV side file that is a folder or a FIFO says so, naming it") {
  Scratch s;
  Result<CsvTable> dir = ReadCsvFile(s.dir.string(), 1 << 20, "");
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().message() == s.dir.string() + ": is a directory, not a file");
}

}  // namespace
}  // namespace saidby
