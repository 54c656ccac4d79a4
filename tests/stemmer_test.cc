#include "stemmer.h"

#include <doctest/doctest.h>

namespace saidby {

TEST_CASE("stemmer: inflections of one word share a Snowball stem") {
  Stemmer s;
  CHECK(s.Stem("accepted") == s.Stem("accepting"));
  CHECK(s.Stem("accepts") == s.Stem("accept"));
  CHECK(s.Stem("proposals") == s.Stem("proposal"));
  CHECK(s.Stem("negotiations") == s.Stem("negotiating"));
  CHECK(s.Stem("unacceptable") != s.Stem("accept"));  // a negated word keeps its prefix
  CHECK(s.Stem("ministry's") == s.Stem("ministry"));
}

TEST_CASE("stemmer: words it has no rule for come back whole") {
  Stemmer s;
  CHECK(s.Stem("kremlin") == "kremlin");
  CHECK(s.Stem("2026") == "2026");
  CHECK(s.Stem("") == "");
}

}  // namespace saidby
