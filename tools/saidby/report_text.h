// Small helpers of the CLI's text reports (`eval`, `diff`): numbers, padding and quotes shown
// on one line.
#pragma once

#include <string>

namespace saidby::cli {

// Quote text for one line of a text report: white space made single spaces, cut after 120 code
// points (with "…").
std::string ShownQuote(const std::string& quote);

std::string Fixed(double v, int decimals = 3);  // "%.*f"
std::string Pad(std::string s, size_t width);   // spaces appended up to width bytes
std::string PadLeft(const std::string& s, size_t width);

}  // namespace saidby::cli
