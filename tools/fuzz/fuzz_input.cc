// Fuzz target: what an article file goes through before the engine (DecodeText, then HtmlText
// for HTML): byte order marks, the charset detector and ICU's converters, the HTML parser and
// the nesting estimate that guards it. The first byte picks text or HTML. Whatever comes out is
// valid UTF-8 or left as it was (for ValidateText to report); HTML text has no markup left of
// the tags it was given as tags. Seeds: corpus articles and HTML made of them (tools/fuzz/run).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "saidby/document.h"
#include "saidby/html_text.h"
#include "saidby/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace saidby;
  if (size == 0) return 0;
  const bool html = data[0] & 1;
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  Result<DecodedText> decoded = DecodeText(bytes, "", html);
  if (!decoded.ok()) return 0;  // a byte order mark over bytes that are not that encoding
  // Converted text is UTF-8 (NUL aside: ValidateText reports it as binary), and a note says so.
  const bool converted = decoded->text != bytes;
  FUZZ_CHECK(converted || decoded->note.empty());
  if (converted && decoded->text.find('\0') == std::string::npos) {
    FUZZ_CHECK(ValidateText(decoded->text).ok());
  }
  if (!html || !ValidateText(decoded->text).ok()) return 0;
  Result<std::string> text = HtmlText(decoded->text);
  if (!text.ok()) return 0;  // nested deeper than the limit
  FUZZ_CHECK(ValidateText(text.value()).ok() || text->find('\0') != std::string::npos);
  FUZZ_CHECK(text->empty() || text->back() == '\n');
  FUZZ_CHECK(text->find("\n\n\n") == std::string::npos);
  return 0;
}
