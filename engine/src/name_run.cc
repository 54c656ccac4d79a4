#include "name_run.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <unordered_set>

#include "text_util.h"

namespace saidby {
namespace {

constexpr size_t npos = std::string_view::npos;

bool IsBlank(std::string_view t, size_t pos) {
  return pos < t.size() && (t[pos] == ' ' || t[pos] == '\t');
}

// \p{Lu} at pos: its width in bytes, or 0.
size_t UpperAt(std::string_view t, size_t pos) {
  if (pos >= t.size()) return 0;
  const auto c = static_cast<unsigned char>(t[pos]);
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? 1 : 0;
  CodePoint cp = DecodeAt(t, pos);
  return u_charType(static_cast<UChar32>(cp.cp)) == U_UPPERCASE_LETTER ? cp.width : 0;
}

// [\p{L}\p{M}] at pos: its width in bytes, or 0.
size_t LetterOrMarkAt(std::string_view t, size_t pos) {
  if (pos >= t.size()) return 0;
  const auto c = static_cast<unsigned char>(t[pos]);
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? 1 : 0;
  CodePoint cp = DecodeAt(t, pos);
  return (U_GET_GC_MASK(static_cast<UChar32>(cp.cp)) & (U_GC_L_MASK | U_GC_M_MASK)) != 0 ? cp.width
                                                                                         : 0;
}

// ' ’ or - at pos: its width in bytes, or 0.
size_t JoinerAt(std::string_view t, size_t pos) {
  if (pos >= t.size()) return 0;
  if (t[pos] == '\'' || t[pos] == '-') return 1;
  return t.compare(pos, 3, "\xE2\x80\x99") == 0 ? 3 : 0;
}

}  // namespace

NameRunFinder::NameRunFinder(std::vector<std::string> particles)
    : particles_(std::move(particles)) {
  std::sort(particles_.begin(), particles_.end());
  std::erase_if(particles_, [](const std::string& p) { return p.empty(); });
  // Sorted by bytes, so the particles that start with one byte are neighbours.
  for (size_t i = particles_.size(); i-- > 0;) {
    const auto b = static_cast<unsigned char>(particles_[i][0]);
    if (by_first_byte_[b].second == 0) by_first_byte_[b].second = i + 1;
    by_first_byte_[b].first = i;
  }
}

std::string NameRunFinder::Pattern() const {
  std::string alt;
  for (const auto& p : particles_) alt += (alt.empty() ? "" : "|") + RE2::QuoteMeta(p);
  if (alt.empty()) alt = "\\x00";
  const std::string word =
      "(?:\\p{Lu}\\.|(?:(?:" + alt + ")-)?\\p{Lu}[\\p{L}\\p{M}]*(?:['\u2019\\-][\\p{L}\\p{M}]+)*)";
  return "(" + word + "(?:[ \t]+(?:(?:" + alt + ")[ \t]+)*" + word + ")*)";
}

bool NameRunFinder::ParticleAt(std::string_view t, size_t pos, const std::string& p) const {
  return t.compare(pos, p.size(), p) == 0;
}

// word = \p{Lu}\. | (?:(?:PARTICLE)-)?\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*
// taken the way RE2's leftmost-first search takes it: the first alternative that fits, greedy.
size_t NameRunFinder::WordEnd(std::string_view t, size_t pos) const {
  size_t at = npos;
  if (size_t w = UpperAt(t, pos); w > 0 && pos + w < t.size() && t[pos + w] == '.') {
    return pos + w + 1;
  }
  if (pos < t.size()) {
    const auto [first, last] = by_first_byte_[static_cast<unsigned char>(t[pos])];
    for (size_t i = first; i < last; ++i) {
      const std::string& p = particles_[i];
      const size_t hyphen = pos + p.size();
      if (ParticleAt(t, pos, p) && hyphen < t.size() && t[hyphen] == '-' &&
          UpperAt(t, hyphen + 1) > 0) {
        at = hyphen + 1;
        break;
      }
    }
  }
  if (at == npos) {
    if (UpperAt(t, pos) == 0) return npos;
    at = pos;
  }
  at += UpperAt(t, at);
  while (size_t w = LetterOrMarkAt(t, at)) at += w;
  for (;;) {
    const size_t j = JoinerAt(t, at);
    if (j == 0 || LetterOrMarkAt(t, at + j) == 0) return at;
    at += j;
    while (size_t w = LetterOrMarkAt(t, at)) at += w;
  }
}

// (?:[ \t]+(?:(?:PARTICLE)[ \t]+)*word): a depth-first search over particle choices in the
// regex's order, kept on an explicit stack (a hostile run of particles must not recurse
// deeply); positions that already failed are not searched twice, so it stays linear.
size_t NameRunFinder::NextWordEnd(std::string_view t, size_t pos) const {
  if (!IsBlank(t, pos)) return npos;
  while (IsBlank(t, pos)) ++pos;
  // Most steps meet no particle followed by a blank: no search needed.
  const auto [first, last] =
      by_first_byte_[pos < t.size() ? static_cast<unsigned char>(t[pos]) : 0];
  bool particle = false;
  for (size_t i = first; i < last && !particle; ++i) {
    particle = ParticleAt(t, pos, particles_[i]) && IsBlank(t, pos + particles_[i].size());
  }
  if (!particle) return WordEnd(t, pos);
  struct Frame {
    size_t pos;
    size_t next_particle;
  };
  std::vector<Frame> stack{{pos, 0}};
  std::unordered_set<size_t> failed;
  while (!stack.empty()) {
    Frame& f = stack.back();
    bool pushed = false;
    if (f.pos < t.size()) {
      const auto [from, to] = by_first_byte_[static_cast<unsigned char>(t[f.pos])];
      f.next_particle = std::max(f.next_particle, from);
      while (f.next_particle < to) {
        const std::string& p = particles_[f.next_particle++];
        size_t after = f.pos + p.size();
        if (!ParticleAt(t, f.pos, p) || !IsBlank(t, after)) continue;
        while (IsBlank(t, after)) ++after;
        if (failed.count(after) > 0) continue;
        stack.push_back({after, 0});
        pushed = true;
        break;
      }
    }
    if (pushed) continue;
    if (size_t end = WordEnd(t, f.pos); end != npos) return end;
    if (stack.size() > 1) failed.insert(f.pos);
    stack.pop_back();
  }
  return npos;
}

std::optional<TextSpan> NameRunFinder::Find(std::string_view t, size_t from) const {
  // Every upper-case letter starts a run; a particle and hyphen right before one ("al-Assad")
  // start it earlier. Particles hold no upper-case letter, so the first upper-case letter
  // decides where the leftmost run starts.
  size_t u = from;
  for (;;) {
    // Eight bytes at a time while none is an ASCII capital or a non-ASCII byte.
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    while (u + 8 <= t.size()) {
      uint64_t w;
      std::memcpy(&w, t.data() + u, 8);
      const uint64_t low7 = w & ~kHigh;
      const uint64_t above_at = low7 + kOnes * (0x80 - 'A');     // high bit: byte >= 'A'
      const uint64_t above_z = low7 + kOnes * (0x80 - 'Z' - 1);  // high bit: byte > 'Z'
      if (((above_at & ~above_z) | w) & kHigh) break;
      u += 8;
    }
    while (u < t.size() && static_cast<unsigned char>(t[u]) < 0x80 && (t[u] < 'A' || t[u] > 'Z')) {
      ++u;
    }
    if (u >= t.size()) return std::nullopt;
    if (UpperAt(t, u) > 0) break;
    u += std::max<size_t>(DecodeAt(t, u).width, 1);
  }
  size_t start = u;
  if (u > 0 && t[u - 1] == '-') {
    for (const std::string& p : particles_) {
      if (u - 1 >= from + p.size() && ParticleAt(t, u - 1 - p.size(), p)) {
        start = std::min(start, u - 1 - p.size());
      }
    }
  }
  size_t end = WordEnd(t, start);
  assert(end != npos);  // a particle, a hyphen and an upper-case letter make a word
  for (size_t next; (next = NextWordEnd(t, end)) != npos;) end = next;
  return TextSpan{start, end};
}

}  // namespace saidby
