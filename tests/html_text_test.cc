#include "saidby/html_text.h"

#include <doctest/doctest.h>

namespace saidby {
namespace {

TEST_CASE("entities are decoded and block elements become paragraphs") {
  const std::string page =
      "<!DOCTYPE html><html><head><title>Port strike</title>"
      "<style>p { color: red }</style><script>var s = \"&ldquo;not text&rdquo;\";</script></head>"
      "<body><header>Site name</header><nav><a href=/>Home</a> | <a href=/w>World</a></nav>"
      "<article><h1>Port  strike   ends</h1>\n"
      "<p>&ldquo;We will see,&rdquo; said\n   Anna Keller, the union&#8217;s leader.</p>"
      "<div>Talks <b>resume</b> on Monday<br>in Rotterdam.</div></article>"
      "<footer>&copy; 2026</footer></body></html>";
  CHECK(HtmlText(page) ==
        "Port strike ends\n\n"
        "\xE2\x80\x9CWe will see,\xE2\x80\x9D said Anna Keller, the union\xE2\x80\x99s leader.\n\n"
        "Talks resume on Monday\n\n"
        "in Rotterdam.\n");
}

TEST_CASE("<q> gets the quote marks a browser draws; comments and empty pages give nothing") {
  CHECK(HtmlText("<p>She said <q>no</q> twice.<!-- a comment --></p>") ==
        "She said \xE2\x80\x9Cno\xE2\x80\x9D twice.\n");
  CHECK(HtmlText("").empty());
  CHECK(HtmlText("<script>only()</script>").empty());
}

TEST_CASE("a deeply nested page is walked without recursion") {
  std::string page;
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "deep";
  CHECK(HtmlText(page) == "deep\n");
}

}  // namespace
}  // namespace saidby
