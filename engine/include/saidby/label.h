// Labels: document ids and outlet names as every output writes them, valid UTF-8 without NUL.
// They come from file names, --source and JSON fields, which may hold any bytes; each byte that
// is not part of valid UTF-8, and each NUL, becomes the four characters \xHH (upper-case hex),
// so names in another encoding stay distinct and readable. A valid label comes back unchanged.
// Cost: one pass over the bytes (eight ASCII bytes at a time when nothing needs escaping).
//
// Example:
//   ValidLabel("b\xff") == "b\\xFF";  ValidLabel("Anna") == "Anna"
#pragma once

#include <string>
#include <string_view>

namespace saidby {

std::string ValidLabel(std::string_view bytes);

// Whether ValidLabel would leave `bytes` unchanged.
bool IsValidLabel(std::string_view bytes);

}  // namespace saidby
