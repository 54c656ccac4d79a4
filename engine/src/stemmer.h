// Stemmer: English words reduced to their Snowball stems (libstemmer, Debian's
// libstemmer-dev), so that "accepted", "accepting" and "accepts" compare equal when a
// paraphrase is matched to the quote it restates. Internal to the engine.
// Not thread-safe: one Stemmer per thread. Cost: linear in the word, no allocation per call
// beyond the returned string.
//
// Example:
//   Stemmer s;
//   s.Stem("proposals");  // "propos"
#pragma once

#include <string>
#include <string_view>

struct sb_stemmer;

namespace saidby {

class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // `word`: a folded word (words.h); returned unchanged if the stemmer could not be made.
  std::string Stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace saidby
