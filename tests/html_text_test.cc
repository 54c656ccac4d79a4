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
  CHECK(HtmlText(page).value() ==
        "Port strike ends\n\n"
        "\xE2\x80\x9CWe will see,\xE2\x80\x9D said Anna Keller, the union\xE2\x80\x99s leader.\n\n"
        "Talks resume on Monday\n\n"
        "in Rotterdam.\n");
}

TEST_CASE("<q> gets the quote marks a browser draws; comments and empty pages give nothing") {
  CHECK(HtmlText("<p>She said <q>no</q> twice.<!-- a comment --></p>").value() ==
        "She said \xE2\x80\x9Cno\xE2\x80\x9D twice.\n");
  CHECK(HtmlText("").value().empty());
  CHECK(HtmlText("<script>only()</script>").value().empty());
}

std::string Repeat(const std::string& unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

TEST_CASE("hostile: a page nested deeper than the limit is refused before parsing") {
  // 100,000 nested <div> cost the parser minutes (its stack is scanned for every tag).
  const std::string too_deep = "HTML nested deeper than 512 elements (the limit)";
  for (const std::string& page :
       {Repeat("<div>", 100000) + "deep", Repeat("<b>", 100000) + "deep",
        Repeat("<div></span>", 100000),  // an end tag that closes nothing open does not count
        Repeat("<DIV CLASS=x>", 513), Repeat("<div/>", 513)}) {  // the slash closes nothing in HTML
    Result<std::string> t = HtmlText(page);
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message() == too_deep);
  }
  CHECK(HtmlText(Repeat("<div>", 512) + "deep").value() == "deep\n");
  // What does not nest is not counted: closed elements, void and self-closing elements,
  // paragraphs and list items that close their siblings, tags in comments and scripts, and
  // self-closing elements in SVG.
  const std::string flat =
      Repeat("<div><span>a</span></div>", 5000) + Repeat("<br><img src=x>", 5000) +
      Repeat("<p>para", 5000) + Repeat("<li>item", 5000) + Repeat("<!-- <div> -->", 5000) +
      "<script>for (i = 0; i<n; i++) { if (a <b) x(); }" + Repeat("<div>", 5000) + "</script>" +
      "<svg>" + Repeat("<path d=x/>", 5000) + "</svg>" + "<p>end";
  Result<std::string> t = HtmlText(flat);
  REQUIRE_MESSAGE(t.ok(), t.status().message());
  CHECK(t->ends_with("\n\nend\n"));
}

}  // namespace
}  // namespace saidby
