// ProgressLine: one self-overwriting status line on stderr for long batches ("1234 docs,
// 56.7 MB, 12.3 MB/s, ETA 0:42"). Shown only when enabled (the caller passes isatty(2) and not
// --quiet); redrawn at most four times a second; Clear() wipes it so a log message can be
// printed cleanly, and the next Update() redraws it. Not thread-safe: call from one thread
// (the pipeline's ordered output stage). Cost: one clock read per Update.
//
// Example:
//   ProgressLine progress(isatty(2) && !quiet, total_bytes);  // total 0: unknown, no ETA
//   progress.Update(docs, bytes);  ...  progress.Finish();
#pragma once

#include <chrono>
#include <cstddef>

namespace saidby::cli {

class ProgressLine {
 public:
  ProgressLine(bool enabled, size_t total_bytes);
  ~ProgressLine() { Finish(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  bool enabled() const { return enabled_; }
  // Documents and bytes done so far; redraws when the last draw is 250 ms old.
  void Update(size_t docs, size_t bytes);
  // Wipes the line (if drawn) so that stderr can carry a message.
  void Clear();
  // Wipes the line for good.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  size_t total_bytes_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  bool drawn_ = false;
};

}  // namespace saidby::cli
