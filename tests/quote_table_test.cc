#include "saidby/quote_table.h"

#include <doctest/doctest.h>

#include <sstream>

#include "saidby/quote_printer.h"

namespace saidby {

TEST_CASE("quote table: extract CSV reads back into the same records") {
  QuoteRecord r;
  r.source = "unknown outlet B, rewritten";
  r.doc = "001";
  r.quote_id = 4;
  r.start = 10;
  r.end = 60;
  r.kind = "partial";
  r.speaker = "Tatiana Stanovaya";
  r.mention = "Analyst Tatiana Stanovaya";
  r.cue = "noted";
  r.rule = "speaker-cue-reported";
  r.confidence = 0.85;
  r.quote = "deliberate \"presentation\",\nof Russia’s preconditions.";
  r.pass = "next-sentence";
  r.mention_span = TextSpan{62, 87};
  r.cue_span = TextSpan{88, 93};
  std::ostringstream csv, jsonl;
  CsvQuotePrinter(csv).Write(r);
  JsonlQuotePrinter(jsonl).Write(r);
  for (const Result<std::vector<QuoteRecord>>& t :
       {ParseQuoteTableCsv(csv.str(), "q.csv"), ParseQuoteTableJsonl(jsonl.str(), "q.jsonl")}) {
    REQUIRE_MESSAGE(t.ok(), (t.ok() ? "" : t.status().message()));
    REQUIRE(t->size() == 1);
    const QuoteRecord& back = t->front();
    CHECK(back.source == r.source);
    CHECK(back.doc == r.doc);
    CHECK(back.quote_id == 4);
    CHECK(back.start == 10);
    CHECK(back.end == 60);
    CHECK(back.kind == "partial");
    CHECK(back.speaker == r.speaker);
    CHECK(back.mention == r.mention);
    CHECK(back.cue == "noted");
    CHECK(back.rule == r.rule);
    CHECK(back.confidence == doctest::Approx(0.85));
    CHECK(back.quote == r.quote);
    CHECK(back.pass == "next-sentence");
    CHECK(back.mention_span == r.mention_span);
    CHECK(back.cue_span == r.cue_span);
  }
}

TEST_CASE("quote table: a row without mention or cue offsets reads without them") {
  QuoteRecord r;
  r.doc = "d";
  r.quote_id = 1;
  r.kind = "full";
  r.quote = "q";
  r.mention = "she";
  r.mention_span = TextSpan{5, 8};
  std::ostringstream csv, jsonl;
  CsvQuotePrinter(csv).Write(r);
  JsonlQuotePrinter(jsonl).Write(r);
  for (const Result<std::vector<QuoteRecord>>& t :
       {ParseQuoteTableCsv(csv.str(), "q.csv"), ParseQuoteTableJsonl(jsonl.str(), "q.jsonl")}) {
    REQUIRE_MESSAGE(t.ok(), (t.ok() ? "" : t.status().message()));
    CHECK(t->front().mention_span == TextSpan{5, 8});
    CHECK_FALSE(t->front().cue_span.has_value());
  }
  Result<std::vector<QuoteRecord>> bad = ParseQuoteTableJsonl(
      R"({"source":"S","doc":"d","quote_id":1,"kind":"full","speaker":"","quote":"q",)"
      R"("cue_start":9,"cue_end":null})",
      "t.jsonl");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        "t.jsonl:1: fields \"cue_start\" and \"cue_end\" must be whole numbers or null");
}

TEST_CASE("quote table: a table written before the pass column reads with an empty pass") {
  Result<std::vector<QuoteRecord>> csv = ParseQuoteTableCsv(
      "source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote\r\n"
      "A,a1,1,0,5,full,X,X,said,quote-cue-person,0.9,hello\r\n",
      "q.csv");
  Result<std::vector<QuoteRecord>> jsonl = ParseQuoteTableJsonl(
      R"({"source":"A","doc":"a1","quote_id":1,"kind":"full","speaker":"X","quote":"hello"})",
      "q.jsonl");
  for (const Result<std::vector<QuoteRecord>>* t : {&csv, &jsonl}) {
    REQUIRE(t->ok());
    REQUIRE((*t)->size() == 1);
    CHECK((*t)->front().speaker == "X");
    CHECK((*t)->front().pass.empty());
  }
}

TEST_CASE("quote table: a malformed table is an error naming file and line") {
  const std::string header =
      "source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote\n";
  auto error = [](const Result<std::vector<QuoteRecord>>& t) {
    REQUIRE_FALSE(t.ok());
    return t.status().message();
  };
  CHECK(error(ParseQuoteTableCsv(
            header + "A,a1,1,0,5,full,X,,,,0.9,hello\nA,a1,x,0,5,full,X,,,,0.9,hi\n", "q.csv")) ==
        "q.csv:3: quote_id 'x' is not a whole number");
  CHECK(error(ParseQuoteTableCsv(header + "A,a1,1,0,5,loud,X,,,,0.9,hello\n", "q.csv")) ==
        "q.csv:2: unknown kind 'loud' (expected full, partial, continued, scare or reported)");
  CHECK(error(ParseQuoteTableCsv(header + "A,a1,1,0,5,full,X,,,,0.9\n", "q.csv")) ==
        "q.csv:2: expected 12 fields, found 11");
  CHECK(error(ParseQuoteTableCsv("doc,quote\na1,hello\n", "q.csv")) ==
        "q.csv:1: missing column 'source' (a quote table from `saidby extract` is expected)");
  CHECK(error(ParseQuoteTableCsv(header + "A,a1,1,0,5,full,X,,,,7,hello\n", "q.csv")) ==
        "q.csv:2: confidence '7' is not a number in 0..1");
  CHECK(error(ParseQuoteTableJsonl(
            "{\"source\":\"A\",\"doc\":\"a1\",\"quote_id\":1,\"kind\":\"full\","
            "\"speaker\":\"\",\"quote\":\"q\"}\n\n{oops\n",
            "q.jsonl")) == "q.jsonl:3: not valid JSON");
  CHECK(error(ParseQuoteTableJsonl(
            "{\"source\":\"A\",\"doc\":\"a1\",\"kind\":\"full\",\"speaker\":\"\","
            "\"quote\":\"q\"}\n",
            "q.jsonl")) == "q.jsonl:1: field \"quote_id\" must be a whole number");
}

TEST_CASE("quote table: the optional columns may be absent") {
  Result<std::vector<QuoteRecord>> t = ParseQuoteTableCsv(
      "source,doc,quote_id,kind,speaker,quote\r\nA,a1,2,full,X,hello\r\n", "q.csv");
  REQUIRE(t.ok());
  REQUIRE(t->size() == 1);
  CHECK(t->front().quote_id == 2);
  CHECK(t->front().confidence == 0);
}

TEST_CASE("quote table: paths by extension") {
  CHECK(IsQuoteTablePath("out/quotes.csv"));
  CHECK(IsQuoteTablePath("Q.JSONL"));
  CHECK_FALSE(IsQuoteTablePath("corpus/seeds"));
  CHECK_FALSE(IsQuoteTablePath("a1.txt"));
}

}  // namespace saidby
