#include "saidby/quote_printer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "saidby/document.h"
#include "saidby/quote_table.h"

namespace saidby {
namespace {

QuoteRecord HostileRow() {
  QuoteRecord r;
  r.source = "Out\xC3let";
  r.doc = std::string("b\xFF\0x", 4);
  r.quote_id = 1;
  r.start = 3;
  r.end = 7;
  r.kind = "full";
  r.speaker = "Anna Keller";
  r.quote = "Yes, \"she\" said,\r\nno";
  r.explain = std::string("\0", 1);
  return r;
}

TEST_CASE("printers: ids that are not valid UTF-8 are written escaped and read back") {
  for (const bool jsonl : {false, true}) {
    CAPTURE(jsonl);
    std::ostringstream out;
    if (jsonl) {
      JsonlQuotePrinter(out, /*with_explain=*/true).Write(HostileRow());
    } else {
      CsvQuotePrinter(out, /*with_explain=*/true).Write(HostileRow());
    }
    const std::string bytes = out.str();
    CHECK(ValidateText(bytes).ok());
    Result<std::vector<QuoteRecord>> back =
        jsonl ? ParseQuoteTableJsonl(bytes, "t.jsonl") : ParseQuoteTableCsv(bytes, "t.csv");
    REQUIRE(back.ok());
    REQUIRE(back->size() == 1);
    CHECK(back->front().source == "Out\\xC3let");
    CHECK(back->front().doc == "b\\xFF\\x00x");
    CHECK(back->front().quote == "Yes, \"she\" said,\r\nno");
  }
}

TEST_CASE("printers: pass follows explain, then the mention and cue offsets") {
  QuoteRecord r = HostileRow();
  r.doc = "d";
  r.source = "S";
  r.quote = "q";
  r.explain = "why";
  r.pass = "own-sentence";
  for (const bool explain : {false, true}) {
    CAPTURE(explain);
    std::ostringstream csv, jsonl;
    CsvQuotePrinter(csv, explain).Write(r);
    JsonlQuotePrinter(jsonl, explain).Write(r);
    const std::string header =
        "source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote";
    CHECK(csv.str() == header + (explain ? ",explain" : "") +
                           ",pass,mention_start,mention_end,cue_start,cue_end\r\n" +
                           "S,d,1,3,7,full,Anna Keller,,,,0,q" + (explain ? ",why" : "") +
                           ",own-sentence,,,,\r\n");
    const std::string line = jsonl.str();
    CHECK(line.find(R"("quote":"q",)") != std::string::npos);
    CHECK(line.ends_with(R"("pass":"own-sentence","mention_start":null,"mention_end":null,)"
                         R"("cue_start":null,"cue_end":null})"
                         "\n"));
  }
  r.mention = "she";
  r.mention_span = TextSpan{12, 15};
  r.cue = "said";
  r.cue_span = TextSpan{16, 20};
  std::ostringstream csv, jsonl;
  CsvQuotePrinter(csv, false, /*write_header=*/false).Write(r);
  JsonlQuotePrinter printer(jsonl);
  printer.set_text("the text");
  printer.Write(r);
  CHECK(csv.str().ends_with(",own-sentence,12,15,16,20\r\n"));
  CHECK(jsonl.str().ends_with(
      R"("mention_start":12,"mention_end":15,"cue_start":16,"cue_end":20,"text":"the text"})"
      "\n"));
}

TEST_CASE("quote tables: a \\u0000 in a JSON Lines field is read as the printers write it") {
  Result<std::vector<QuoteRecord>> t = ParseQuoteTableJsonl(
      R"({"source":"S\u0000","doc":"a\u0000b","quote_id":1,"kind":"full","speaker":"","quote":"q"})",
      "t.jsonl");
  REQUIRE(t.ok());
  CHECK(t->front().source == "S\\x00");
  CHECK(t->front().doc == "a\\x00b");
}

}  // namespace
}  // namespace saidby
