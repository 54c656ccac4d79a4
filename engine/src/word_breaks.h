// Word breaks: the boundaries of ICU's word break iterator (UAX #29 as tailored by ICU's root
// rules), with a fast path for text made only of ASCII and the common news punctuation.
//
// ICU is the specification: FastWordBoundaries either gives exactly ICU's boundaries or declines
// (returns false) and WordBoundaries asks ICU. tests/word_breaks_test.cc checks the two agree on
// every paragraph and sentence of corpus/, on random and on mutated text and on every string of
// three known code points. The fast path knows the word break class of ASCII ('@' is a letter in
// ICU's rules), U+00A0, U+2013–2015, U+2018–2019, U+201C–201D and U+2026; any other
// code point (letters with accents, combining marks, ZWJ…) sends the whole span to ICU.
// Linear in the span; the fast path costs a few instructions per byte, ICU a few hundred.
//
// Example:
//   std::vector<size_t> b = WordBoundaries("It's 3.5 m", {0, 10});  // {0, 4, 5, 8, 9, 10}
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "saidby/document.h"

namespace saidby {

// Boundaries of text[span] relative to text, first and last included (none for an empty span).
// REQUIRES: valid UTF-8, span on code point boundaries.
std::vector<size_t> WordBoundaries(std::string_view text, TextSpan span);

// ICU's answer alone: the specification, for tests.
std::vector<size_t> IcuWordBoundaries(std::string_view text, TextSpan span);

// ICU's answer computed without ICU into *out, or false (and *out unspecified) when text[span]
// holds a code point the fast path does not know.
bool FastWordBoundaries(std::string_view text, TextSpan span, std::vector<size_t>* out);

}  // namespace saidby
