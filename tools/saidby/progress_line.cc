#include "progress_line.h"

#include <cstdio>

namespace saidby::cli {

ProgressLine::ProgressLine(bool enabled, size_t total_bytes)
    : enabled_(enabled), total_bytes_(total_bytes), start_(Clock::now()), last_draw_(start_) {}

void ProgressLine::Update(size_t docs, size_t bytes) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(250)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb = static_cast<double>(bytes) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  char eta[48] = "";
  if (total_bytes_ > 0 && rate > 0 && bytes <= total_bytes_) {
    const auto left = static_cast<long>(static_cast<double>(total_bytes_ - bytes) / 1e6 / rate);
    std::snprintf(eta, sizeof eta, ", ETA %ld:%02ld", left / 60, left % 60);
  }
  // \r returns to the line start, \033[K erases what a longer previous line left behind.
  std::fprintf(stderr, "\rsaidby: %zu docs, %.1f MB, %.1f MB/s%s\033[K", docs, mb, rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!enabled_ || !drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

void ProgressLine::Finish() {
  Clear();
  enabled_ = false;
}

}  // namespace saidby::cli
