#include "word_breaks.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "saidby/document.h"
#include "test_support.h"

namespace saidby {
namespace {

// The fast path, where it answers, must give ICU's boundaries; WordBoundaries always must.
// Returns whether the fast path answered.
bool Agrees(std::string_view text, TextSpan span) {
  const std::vector<size_t> want = IcuWordBoundaries(text, span);
  std::vector<size_t> fast;
  const bool answered = FastWordBoundaries(text, span, &fast);
  INFO("text: \"", std::string(text.substr(span.begin, span.size())), "\"");
  if (answered) REQUIRE(fast == want);
  REQUIRE(WordBoundaries(text, span) == want);
  return answered;
}

// Starts of the code points of s, and s.size().
std::vector<size_t> CodePointStarts(std::string_view s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

std::vector<std::string> CorpusTexts() {
  std::vector<std::string> out;
  for (const char* collection : {"seeds", "polnear-train", "polnear-dev"}) {
    const std::filesystem::path dir = std::filesystem::path(SAIDBY_CORPUS_DIR) / collection;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      if (ValidateText(buf.str()).ok()) out.push_back(buf.str());
    }
  }
  return out;
}

TEST_CASE("word breaks: examples") {
  CHECK(WordBoundaries("It's 3.5 m", {0, 10}) == std::vector<size_t>{0, 4, 5, 8, 9, 10});
  CHECK(IcuWordBoundaries("It's 3.5 m", {0, 10}) == std::vector<size_t>{0, 4, 5, 8, 9, 10});
  std::vector<size_t> b;
  CHECK(FastWordBoundaries("Kyiv\xE2\x80\x99s", {0, 8}, &b));
  CHECK(b == std::vector<size_t>{0, 8});
  CHECK_FALSE(FastWordBoundaries("caf\xC3\xA9", {0, 5}, &b));  // accented letter: ICU's
  CHECK(WordBoundaries("caf\xC3\xA9 x", {0, 7}) == std::vector<size_t>{0, 5, 6, 7});
  CHECK(WordBoundaries("", {0, 0}).empty());
}

TEST_CASE("word breaks: the fast path gives ICU's answer on every corpus paragraph and sentence") {
  const SentenceSplitter& splitter = testing::ShippedRules().splitter();
  std::mt19937 rng(17);
  size_t spans = 0, answered = 0;
  for (const std::string& text : CorpusTexts()) {
    Result<Document> doc = MakeDocument("t", "t", text, splitter);
    if (!doc.ok()) continue;
    std::vector<TextSpan> all = doc->paragraphs;
    all.insert(all.end(), doc->sentences.begin(), doc->sentences.end());
    for (TextSpan p : doc->paragraphs) {
      // Windows start and end anywhere (attribution cuts them at quotes): random sub-spans.
      const std::vector<size_t> cps = CodePointStarts(text.substr(p.begin, p.size()));
      for (int k = 0; k < 2; ++k) {
        size_t a = cps[rng() % cps.size()], z = cps[rng() % cps.size()];
        if (a > z) std::swap(a, z);
        all.push_back({p.begin + a, p.begin + z});
      }
    }
    for (TextSpan s : all) {
      answered += Agrees(text, s);
      ++spans;
    }
  }
  CHECK(spans > 50000);
  // The fast path must carry most of the work, or it proves little and saves little.
  CHECK(answered * 10 > spans * 8);
  MESSAGE("spans ", spans, ", fast path answered ", answered);
}

// Pieces that meet at the edges of the rules: letters, digits, every ASCII punctuation mark,
// white space and line ends, the non-ASCII marks the fast path knows, and some it does not.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = [] {
    std::vector<std::string> p = {"a",
                                  "Z",
                                  "b",
                                  "1",
                                  "0",
                                  "9",
                                  " ",
                                  "  ",
                                  "\t",
                                  "\n",
                                  "\r",
                                  "\v",
                                  "\f",
                                  "\r\n",
                                  ".",
                                  "'",
                                  ",",
                                  ";",
                                  ":",
                                  "_",
                                  "-",
                                  "\"",
                                  "3.5",
                                  "1,000",
                                  "U.S.",
                                  "it's",
                                  "http://www.example.com/a_b?x=1&y=2#z",
                                  "jo.doe@example.org",
                                  "e.g.",
                                  "--",
                                  "...",
                                  "a'b",
                                  "'90s",
                                  "rock'n'roll",
                                  "\xC2\xA0",       // no-break space
                                  "\xE2\x80\x93",   // en dash
                                  "\xE2\x80\x94",   // em dash
                                  "\xE2\x80\x95",   // horizontal bar
                                  "\xE2\x80\x98",   // left single quote
                                  "\xE2\x80\x99",   // right single quote
                                  "\xE2\x80\x9C",   // left double quote
                                  "\xE2\x80\x9D",   // right double quote
                                  "\xE2\x80\xA6",   // ellipsis
                                  "\xC3\xA9",       // e acute: ICU's
                                  "\xCC\x81",       // combining acute: ICU's
                                  "\xE2\x80\x8D",   // zero width joiner: ICU's
                                  "\xE2\x80\x8B",   // zero width space: ICU's
                                  "\xE2\x80\x8E"};  // left-to-right mark (Format): ICU's
    for (int c = 0x21; c < 0x7F; ++c) p.emplace_back(1, static_cast<char>(c));
    return p;
  }();
  return pieces;
}

TEST_CASE("word breaks: the fast path gives ICU's answer on random strings") {
  const std::vector<std::string>& pieces = Pieces();
  std::mt19937 rng(29);
  size_t answered = 0;
  const int kStrings = 200000;
  for (int i = 0; i < kStrings; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 12) + 1;
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    answered += Agrees(s, {0, s.size()});
  }
  CHECK(answered > kStrings / 2);
  // Small alphabets find the rules' corners sooner: every string of up to 5 of these.
  const std::vector<std::string> small = {
      "a", "1", ".", "'", ",", "_", " ", "\r", "\n", "\xE2\x80\x99", ":"};
  std::vector<size_t> idx;
  for (size_t len = 1; len <= 5; ++len) {
    idx.assign(len, 0);
    while (true) {
      std::string s;
      for (size_t k : idx) s += small[k];
      REQUIRE(Agrees(s, {0, s.size()}));
      size_t k = 0;
      while (k < len && ++idx[k] == small.size()) idx[k++] = 0;
      if (k == len) break;
    }
  }
}

TEST_CASE("word breaks: the fast path gives ICU's answer on every string of 3 known code points") {
  // Every pair rule with a neighbour on each side, for each code point the fast path knows.
  std::vector<std::string> known;
  for (int c = 1; c < 0x80; ++c) known.emplace_back(1, static_cast<char>(c));
  for (const char* s : {"\xC2\xA0", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95", "\xE2\x80\x98",
                        "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA6"}) {
    known.emplace_back(s);
  }
  size_t strings = 0;
  for (const std::string& a : known) {
    for (const std::string& b : known) {
      for (const std::string& c : known) {
        const std::string s = a + b + c;
        REQUIRE(Agrees(s, {0, s.size()}));
        ++strings;
      }
    }
  }
  CHECK(strings == 136 * 136 * 136);
}

TEST_CASE("word breaks: the fast path gives ICU's answer on mutated corpus text") {
  const std::vector<std::string> texts = CorpusTexts();
  const std::vector<std::string>& pieces = Pieces();
  std::mt19937 rng(31);
  size_t spans = 0;
  for (size_t t = 0; t < texts.size(); ++t) {
    Result<Document> doc = MakeParagraphs("t", "t", texts[t]);
    if (!doc.ok()) continue;
    for (TextSpan p : doc->paragraphs) {
      if (p.size() < 2) continue;
      std::string s(doc->slice(p));
      // A few edits at code point starts: insert, delete or replace with a piece.
      for (int e = static_cast<int>(rng() % 4) + 1; e > 0; --e) {
        const std::vector<size_t> cps = CodePointStarts(s);
        const size_t k = rng() % cps.size();
        const size_t at = cps[k], next = k + 1 < cps.size() ? cps[k + 1] : s.size();
        const std::string& piece = pieces[rng() % pieces.size()];
        switch (rng() % 3) {
          case 0:
            s.insert(at, piece);
            break;
          case 1:
            s.erase(at, next - at);
            break;
          default:
            s.replace(at, next - at, piece);
            break;
        }
      }
      Agrees(s, {0, s.size()});
      ++spans;
    }
  }
  CHECK(spans > 15000);
}

}  // namespace
}  // namespace saidby
