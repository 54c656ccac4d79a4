// Text decoding: an input file's bytes to the UTF-8 text the engine reads.
//
// UTF-8 (with or without its byte order mark) passes through unchanged, so offsets still index
// the file's bytes. A UTF-16 or UTF-32 byte order mark is honoured (the mark is dropped, as
// Python's "utf-16" codec does). Other text that is not UTF-8 and holds fewer well-formed
// multi-byte UTF-8 sequences than stray bytes (Latin-1, windows-1252, Shift_JIS, …) is given to
// ICU's charset detector and converted from its guess (for HTML, from the charset its <meta>
// declares, if any), with a note naming the encoding and why. What is left
// as it was (NUL bytes, UTF-8 with a few bad bytes) is reported by ValidateText (document.h) as
// before. Cost: one validation pass; detection and conversion only for text that needs them.
//
// Example:
//   Result<DecodedText> t = DecodeText(bytes, /*encoding=*/"", /*markup=*/false);
//   if (t.ok() && !t->note.empty()) warn(path + ": " + t->note);
#pragma once

#include <string>
#include <string_view>

#include "saidby/status.h"

namespace saidby {

struct DecodedText {
  std::string text;
  // Empty, or what was done: "invalid UTF-8 at byte 12: read as ISO-8859-1 (…)".
  std::string note;
};

// `encoding`: empty to decide as above; else an ICU converter name (ISO-8859-1,
// windows-1252, UTF-16LE, Shift_JIS, …) that every input is read as, with no guessing.
// `markup`: the bytes are HTML (the detector then looks past the tags).
// Errors: bytes that are not valid in the encoding named, or in the one a byte order mark
// names ("not valid UTF-16LE text (byte order mark FF FE)").
Result<DecodedText> DecodeText(std::string bytes, std::string_view encoding, bool markup);

// Whether ICU has a converter of this name (for --encoding, checked before any input is read).
bool IsKnownEncoding(std::string_view name);

}  // namespace saidby
