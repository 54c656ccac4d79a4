// NameRunFinder: finds runs of capitalised words joined by spaces and lower-case particles
// ("Ursula von der Leyen", "J. Smith", "al-Assad"), the candidate person names of a document.
//
// It finds exactly what RE2 finds with Pattern() (leftmost-first, unanchored search), which
// tests/name_run_test.cc checks on the corpus; production code never compiles that regex. It is
// written by hand because RE2 spends about 5,000 instructions per match here, and news text has a
// capitalised word every 40 bytes or so; this costs a few instructions per byte. REQUIRES: valid
// UTF-8, particles in lower case (RuleSet checks both). Linear in the text searched; owns its copy
// of the particles.
//
// Example:
//   NameRunFinder finder({"von", "der"});
//   std::optional<TextSpan> run = finder.Find("said Ursula von der Leyen.", 0);  // {5, 25}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "saidby/document.h"

namespace saidby {

class NameRunFinder {
 public:
  explicit NameRunFinder(std::vector<std::string> particles);

  // The regex this finder implements (UTF-8, RE2 syntax): its specification, for tests.
  std::string Pattern() const;

  // The leftmost run that starts at or after `from`; nullopt when there is none.
  std::optional<TextSpan> Find(std::string_view text, size_t from) const;

 private:
  // End of the word (name_run's `word`) that starts at `pos`, or npos.
  size_t WordEnd(std::string_view t, size_t pos) const;
  // End of one more "spaces, particles, word" step after `pos`, or npos.
  size_t NextWordEnd(std::string_view t, size_t pos) const;
  // Does particle `p` start at `pos`?
  bool ParticleAt(std::string_view t, size_t pos, const std::string& p) const;

  std::vector<std::string> particles_;  // in byte order: the regex's alternation order
  // [first, last) indexes of the particles that start with each byte.
  std::pair<size_t, size_t> by_first_byte_[256] = {};
};

}  // namespace saidby
