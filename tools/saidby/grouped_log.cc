#include "grouped_log.h"

#include <spdlog/spdlog.h>

#include <utility>

namespace saidby::cli {

std::string_view IssueKind(std::string_view message) {
  // The reasons that come by the hundred in a real batch; the first that occurs names the kind.
  static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
      {"invalid UTF-8", "invalid-UTF-8"},
      {"not valid UTF-8", "invalid-UTF-8"},
      {": read as ", "re-encoded"},
      {"not UTF-8: convert it", "UTF-16/32"},
      {"binary data", "binary-data"},
      {"empty file", "empty-file"},
      {"no text (only white space)", "no-text"},
      {"too large", "over-max-doc-bytes"},
      {"unbalanced quote mark", "unbalanced-quote"},
      {"not valid JSON", "bad-JSON"},
      {"not a JSON object", "bad-JSON"},
      {"cannot read file", "unreadable"},
      {"no such file", "missing-path"},
      {"not a regular file", "not-a-file"},
      {"is a directory", "not-a-file"},
      {": repeats line ", "repeated-gold-row"},
  };
  for (const auto& [phrase, kind] : kKinds) {
    if (message.find(phrase) != std::string_view::npos) return kind;
  }
  return "other";
}

void GroupedLog::Warn(std::string_view message) { Add(false, message); }
void GroupedLog::Error(std::string_view message) { Add(true, message); }

void GroupedLog::Add(bool error, std::string_view message) {
  if ((quiet_ && !error) || !errors_) return;
  const std::string_view kind = IssueKind(message);
  Group* group = nullptr;
  for (Group& g : groups_) {
    if (g.error == error && g.kind == kind) group = &g;
  }
  if (!group) group = &groups_.emplace_back(Group{error, kind, 0});
  if (++group->count > kShownPerKind) return;
  if (before_print_) before_print_();
  if (error) {
    spdlog::error("{}", message);
  } else {
    spdlog::warn("{}", message);
  }
}

void GroupedLog::Finish() {
  for (const Group& g : groups_) {
    if (g.count <= kShownPerKind) continue;
    if (before_print_) before_print_();
    const size_t more = g.count - kShownPerKind;
    if (g.error) {
      spdlog::error("… and {} more {} {}", more, g.kind, more == 1 ? "error" : "errors");
    } else {
      spdlog::warn("… and {} more {} {}", more, g.kind, more == 1 ? "warning" : "warnings");
    }
  }
  groups_.clear();
}

}  // namespace saidby::cli
