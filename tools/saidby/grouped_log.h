// GroupedLog: the warnings and errors of a batch, grouped by kind so that a folder of 500 bad
// files does not bury the rest. The first kShownPerKind messages of a kind are printed as they
// come (spdlog, stderr); the others are only counted, and Finish() prints one line per kind
// with the count left ("… and 37 more invalid-UTF-8 warnings"). The kind comes from the
// message (IssueKind). With `quiet`, warnings are neither printed nor summed up; errors always
// are. Not thread-safe: call from one thread (the batch's ordered output stage).
//
// Example:
//   GroupedLog log(quiet);
//   log.Error("a/x.txt: empty file");  ...  log.Finish();
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace saidby::cli {

// The kind of an input problem, from the reason in its message ("a/x.txt: empty file" →
// "empty-file"); "other" when the reason is none of the known ones.
std::string_view IssueKind(std::string_view message);

class GroupedLog {
 public:
  static constexpr size_t kShownPerKind = 5;

  // `errors` false: nothing is printed at all (a second pass over inputs reported already).
  explicit GroupedLog(bool quiet, bool errors = true) : quiet_(quiet), errors_(errors) {}
  GroupedLog(const GroupedLog&) = delete;
  GroupedLog& operator=(const GroupedLog&) = delete;

  void Warn(std::string_view message);
  void Error(std::string_view message);
  // One "… and N more" line per kind that went over kShownPerKind, in the order the kinds
  // first came; then the counts start again.
  void Finish();

  bool quiet() const { return quiet_ || !errors_; }
  // Replaces the hook run before each printed line (BatchRunner wipes its progress line).
  void set_before_print(std::function<void()> f) { before_print_ = std::move(f); }

 private:
  struct Group {
    bool error;
    std::string_view kind;
    size_t count;
  };
  void Add(bool error, std::string_view message);

  bool quiet_;
  bool errors_;
  std::function<void()> before_print_;
  std::vector<Group> groups_;  // few kinds: a linear search is enough
};

}  // namespace saidby::cli
