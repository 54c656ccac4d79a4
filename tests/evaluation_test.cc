#include "saidby/evaluation.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace saidby {
namespace {

QuoteRecord Predicted(const std::string& doc, size_t id, const std::string& quote,
                      const std::string& speaker) {
  QuoteRecord r;
  r.source = "outlet";
  r.doc = doc;
  r.quote_id = id;
  r.quote = quote;
  r.speaker = speaker;
  r.mention = speaker;
  r.rule = "test-rule";
  r.kind = "full";
  return r;
}

TEST_CASE("a hand-made prediction is scored figure by figure") {
  // Gold: five speech rows and one scare row in doc a; one speech row in doc b.
  const std::vector<GoldQuote> gold = {
      {"a", "Anna Keller", "The talks were productive and we will meet again next week.", "full",
       "said"},
      {"a", "Tomas Berg", "We have not agreed on anything yet.", "full", "said"},
      {"a", "Anna Keller", "nobody is in a hurry", "partial", "added"},
      {"a", "Samuel Osei", "This is the beginning of a long process.", "full", "told"},
      {"a", "UNKNOWN", "There is no deadline.", "full", "said"},
      {"a", "", "deal guys", "scare", ""},
      {"b", "*", "It was a good day for everyone.", "full", "said"},
  };
  const std::vector<QuoteRecord> predicted = {
      // Right span (one word short: token F1 2·10/21 ≈ 0.95), right speaker by surname.
      Predicted("a", 1, "The talks were productive and we will meet again next", "Keller"),
      // Exact span, wrong speaker.
      Predicted("a", 2, "We have not agreed on anything yet.", "Anna Keller"),
      // "nobody is in a hurry" is missed. Samuel Osei's quote: exact, accent-folded speaker.
      Predicted("a", 3, "This is the beginning of a long process.", "SAMUEL ÓSEI"),
      // Unknown speaker, predicted empty: a pair hit.
      Predicted("a", 4, "There is no deadline.", ""),
      // A scare quote reported as speech.
      Predicted("a", 5, "deal guys", ""),
      // A false hit: no gold row has these words.
      Predicted("a", 6, "an entirely different sentence that nobody annotated", "Tomas Berg"),
      // Doc b: gold speaker `*` accepts anyone.
      Predicted("b", 1, "It was a good day for everyone.", "Someone Else"),
  };
  const EvalReport r = Evaluate(gold, predicted, {"a", "b"});

  // Quotes: 5 of 7 predictions match speech rows; the scare match and the stray are false hits;
  // one speech row is missed.
  CHECK(r.quotes.tp == 5);
  CHECK(r.quotes.fp == 2);
  CHECK(r.quotes.fn == 1);
  CHECK(r.quotes.Precision() == doctest::Approx(5.0 / 7));
  CHECK(r.quotes.Recall() == doctest::Approx(5.0 / 6));
  CHECK(r.quotes.F1() == doctest::Approx(10.0 / 13));
  // Exact: the shortened Keller quote no longer matches.
  CHECK(r.exact.tp == 4);
  CHECK(r.exact.fp == 3);
  CHECK(r.exact.fn == 2);
  // Pairs: the wrong speaker costs one true positive.
  CHECK(r.pairs.tp == 4);
  CHECK(r.pairs.fp == 3);
  CHECK(r.pairs.fn == 2);
  CHECK(r.pairs.Precision() == doctest::Approx(4.0 / 7));
  CHECK(r.pairs.Recall() == doctest::Approx(4.0 / 6));
  CHECK(r.pairs.F1() == doctest::Approx(8.0 / 13));

  REQUIRE(r.documents.size() == 2);
  const DocumentEval& a = r.documents[0];
  CHECK(a.doc == "a");
  CHECK(a.gold_rows == 6);
  CHECK(a.scare_rows == 1);
  CHECK(a.predictions == 6);
  CHECK(a.quotes.tp == 4);
  CHECK(a.quotes.fp == 2);
  CHECK(a.quotes.fn == 1);
  CHECK(a.pairs.tp == 3);
  CHECK(a.pairs.F1() == doctest::Approx(6.0 / 11));
  const DocumentEval& b = r.documents[1];
  CHECK(b.doc == "b");
  CHECK(b.pairs.tp == 1);
  CHECK(b.pairs.F1() == doctest::Approx(1.0));

  REQUIRE(r.misses.size() == 1);
  CHECK(r.misses[0].quote == "nobody is in a hurry");
  CHECK(r.misses[0].speaker == "Anna Keller");
  REQUIRE(r.false_hits.size() == 2);
  CHECK(r.false_hits[0].quote == "deal guys");
  CHECK(r.false_hits[0].scare);
  CHECK(r.false_hits[1].quote_id == 6);
  CHECK_FALSE(r.false_hits[1].scare);
  REQUIRE(r.wrong_speakers.size() == 1);
  CHECK(r.wrong_speakers[0].gold_speaker == "Tomas Berg");
  CHECK(r.wrong_speakers[0].predicted_speaker == "Anna Keller");
  CHECK(r.gold_docs_not_extracted == 0);
}

TEST_CASE("per rule and per pass: rows decided, precision and errors, worst first") {
  const std::vector<GoldQuote> gold = {
      {"a", "Anna Keller", "The talks were productive and we will meet again.", "full", "said"},
      {"a", "Tomas Berg", "We have not agreed on anything yet.", "full", "said"},
      {"a", "Samuel Osei", "This is the beginning of a long process.", "full", "told"},
      {"a", "UNKNOWN", "There is no deadline.", "full", ""},
      {"a", "", "deal guys", "scare", ""},
      {"a", "*", "It was a good day for everyone.", "full", "said"},
      {"a", "Anna Keller", "nobody is in a hurry", "partial", "added"},
  };
  auto predicted = [](size_t id, const std::string& quote, const std::string& speaker,
                      const std::string& rule, const std::string& pass) {
    QuoteRecord r = Predicted("a", id, quote, speaker);
    r.rule = rule;
    r.pass = pass;
    return r;
  };
  const std::vector<QuoteRecord> predictions = {
      // Right, wrong speaker, right: own-sentence, two rules.
      predicted(1, "The talks were productive and we will meet again.", "Keller",
                "quote-cue-person", "own-sentence"),
      predicted(2, "We have not agreed on anything yet.", "Anna Keller", "quote-cue-person",
                "own-sentence"),
      predicted(3, "This is the beginning of a long process.", "Samuel Osei", "person-cue-quote",
                "own-sentence"),
      // Unattributed (no rule): right for gold UNKNOWN; a scare quote taken for speech is wrong.
      predicted(4, "There is no deadline.", "", "", "unattributed"),
      predicted(5, "deal guys", "", "", "unattributed"),
      // A continuation onto words nobody said.
      predicted(6, "an entirely different sentence that nobody annotated", "Tomas Berg",
                "continuation", "continuation"),
      // Gold `*`: any speaker agrees, so the row is decided but not judged.
      predicted(7, "It was a good day for everyone.", "Someone Else", "quote-cue-person",
                "next-sentence"),
  };
  const EvalReport r = Evaluate(gold, predictions, {"a"});
  CHECK(r.errors == 3);

  // Ties in errors go to the lower precision, then the name.
  REQUIRE(r.by_rule.size() == 4);
  CHECK(r.by_rule[0].name == "continuation");
  CHECK(r.by_rule[0].rows == 1);
  CHECK(r.by_rule[0].Errors() == 1);
  CHECK(r.by_rule[0].Precision() == 0.0);
  CHECK(r.by_rule[1].name == "@none");
  CHECK(r.by_rule[1].rows == 2);
  CHECK(r.by_rule[1].right == 1);
  CHECK(r.by_rule[1].Precision() == doctest::Approx(0.5));
  CHECK(r.by_rule[2].name == "quote-cue-person");
  CHECK(r.by_rule[2].rows == 3);
  CHECK(r.by_rule[2].judged == 2);
  CHECK(r.by_rule[2].right == 1);
  CHECK(r.by_rule[2].Errors() == 1);
  CHECK(r.by_rule[3].name == "person-cue-quote");
  CHECK(r.by_rule[3].Errors() == 0);
  CHECK(r.by_rule[3].Precision() == 1.0);

  REQUIRE(r.by_pass.size() == 4);
  CHECK(r.by_pass[0].name == "continuation");
  CHECK(r.by_pass[1].name == "unattributed");
  CHECK(r.by_pass[1].Precision() == doctest::Approx(0.5));
  CHECK(r.by_pass[2].name == "own-sentence");
  CHECK(r.by_pass[2].rows == 3);
  CHECK(r.by_pass[2].right == 2);
  CHECK(r.by_pass[2].Precision() == doctest::Approx(2.0 / 3));
  CHECK(r.by_pass[3].name == "next-sentence");
  CHECK(r.by_pass[3].judged == 0);
  CHECK(r.by_pass[3].Precision() == 1.0);

  // Each row names its prediction and the gold row its span matched.
  REQUIRE(r.rows.size() == 7);
  for (const EvalRow& row : r.rows) CHECK(predictions[row.prediction].quote_id == row.quote_id);
  CHECK(r.rows[1].gold_row == 1);
  CHECK(r.rows[4].gold_row == 4);  // the scare row
  CHECK(r.rows[5].gold_row == EvalRow::kNoGold);
  CHECK(r.rows[6].pass == "next-sentence");
}

TEST_CASE("gold documents missing from the input count as misses") {
  const std::vector<GoldQuote> gold = {{"gone", "Anna Keller", "We will see.", "full", "said"}};
  const EvalReport r = Evaluate(gold, {}, {});
  CHECK(r.gold_docs_not_extracted == 1);
  CHECK(r.gold_rows_not_extracted == 1);
  CHECK(r.quotes.fn == 1);
  REQUIRE(r.documents.size() == 1);
  CHECK_FALSE(r.documents[0].extracted);
}

TEST_CASE("quote tokens fold case, accents and apostrophes") {
  CHECK(QuoteTokens("It’s (PUTIN) — Kyiv's 'élan'") ==
        std::vector<std::string>{"it's", "putin", "kyiv's", "elan"});
  CHECK(TokenF1({"a", "b", "c", "d"}, {"a", "b", "c", "e"}) == doctest::Approx(0.75));
  CHECK(TokenF1({}, {"a"}) == 0.0);
}

TEST_CASE("speakers agree by folded name or by surname in a mention") {
  CHECK(SpeakerMatches("Dmitry Peskov", "dmitry peskov"));
  CHECK(SpeakerMatches("a Trump spokesman", "Donald Trump"));
  CHECK(SpeakerMatches("*", ""));
  CHECK(SpeakerMatches("UNKNOWN", ""));
  CHECK_FALSE(SpeakerMatches("UNKNOWN", "Anna Keller"));
  CHECK_FALSE(SpeakerMatches("Anna Keller", ""));
  CHECK_FALSE(SpeakerMatches("Anna Keller", "Tomas Berg"));
}

TEST_CASE("a described speaker agrees with the predicted mention") {
  CHECK(SpeakerMatches("the company", "", "the company"));
  CHECK(SpeakerMatches("a source involved in the talks", "", "a source"));
  CHECK(SpeakerMatches("The spokesman", "Anna Keller", "the spokesman"));
  CHECK(SpeakerMatches("Keller’s campaign manager", "Tomas Berg",
                       "Keller’s campaign manager, Tomas Berg"));
  CHECK_FALSE(SpeakerMatches("the company", "", "the minister"));
  CHECK_FALSE(SpeakerMatches("the company", "", "the"));
  // A name is never matched through the mention: the speaker column must hold it.
  CHECK_FALSE(SpeakerMatches("Anna Keller", "", "Anna Keller"));
}

TEST_CASE("a repeated gold row is one row, unless the article holds the quote as often") {
  const std::vector<GoldQuote> gold = {{"a", "Anna Keller", "Yes,", "full", "said"},
                                       {"a", "Anna Keller", "Yes,", "full", "said"},
                                       {"a", "Bo Berg", " Yes, ", "full", "said"},
                                       {"b", "Anna Keller", "Yes,", "full", "said"},
                                       {"a", "Bo Berg", "No.", "full", "said"}};
  SUBCASE("the article holds it once: the second and third rows repeat the first") {
    const std::vector<GoldRepeat> r = RepeatedGoldRows(gold, {1, 1, 0, 1, 1});
    REQUIRE(r.size() == 2);
    CHECK(r[0].row == 1);
    CHECK(r[0].first_row == 0);
    CHECK(r[1].row == 2);
    CHECK(r[1].first_row == 0);
  }
  SUBCASE("it holds it twice: only the third repeats") {
    const std::vector<GoldRepeat> r = RepeatedGoldRows(gold, {2, 2, 0, 1, 1});
    REQUIRE(r.size() == 1);
    CHECK(r[0].row == 2);
  }
  SUBCASE("no article: counted once") {
    CHECK(RepeatedGoldRows(gold, {0, 0, 0, 0, 0}).size() == 2);
  }
  // Scored, the repeat would otherwise be a miss: recall 1/2 for a perfect extraction.
  const std::vector<GoldQuote> twice(gold.begin(), gold.begin() + 2);
  const std::vector<QuoteRecord> predicted = {Predicted("a", 1, "Yes,", "Anna Keller")};
  CHECK(Evaluate(twice, predicted, {"a"}).quotes.fn == 1);
  CHECK(RepeatedGoldRows(twice, {1, 1}).size() == 1);
}

TEST_CASE("occurrences of a quote are counted without overlap") {
  CHECK(CountOccurrences("“Yes,” he said. “Yes,” she said.", "Yes,") == 2);
  CHECK(CountOccurrences("aaaa", "aa") == 2);
  CHECK(CountOccurrences("abc", "") == 0);
  CHECK(CountOccurrences("abc", "x") == 0);
}

TEST_CASE("reliability: confidence bins against precision, and the expected calibration error") {
  // By hand: [0.2, 0.3) holds 0.25 and 0.25, one right: mean 0.25, precision 0.5; [0.3, 0.4)
  // holds 0.3 (a tenth that binary puts a hair below 0.3), wrong: 0.3 against 0; [0.9, 1.0]
  // holds four 0.95 (three right) and 1.0 (right): mean 0.96, precision 0.8.
  // ECE = 2/8·|0.5−0.25| + 1/8·|0−0.3| + 5/8·|0.8−0.96| = 0.0625 + 0.0375 + 0.1 = 0.2.
  const Reliability r = ComputeReliability({{0.25, true},
                                            {0.95, true},
                                            {0.25, false},
                                            {0.3, false},
                                            {0.95, true},
                                            {0.95, false},
                                            {1.0, true},
                                            {0.95, true}});
  CHECK(r.rows == 8);
  REQUIRE(r.bins.size() == 3);
  CHECK(r.bins[0].low == doctest::Approx(0.2));
  CHECK(r.bins[0].count == 2);
  CHECK(r.bins[0].mean_confidence == doctest::Approx(0.25));
  CHECK(r.bins[0].precision == doctest::Approx(0.5));
  CHECK(r.bins[1].low == doctest::Approx(0.3));
  CHECK(r.bins[1].count == 1);
  CHECK(r.bins[1].precision == doctest::Approx(0.0));
  CHECK(r.bins[2].low == doctest::Approx(0.9));
  CHECK(r.bins[2].high == doctest::Approx(1.0));
  CHECK(r.bins[2].count == 5);
  CHECK(r.bins[2].mean_confidence == doctest::Approx(0.96));
  CHECK(r.bins[2].precision == doctest::Approx(0.8));
  CHECK(r.ece == doctest::Approx(0.2));
  // Perfectly calibrated: confidence 0.75, three right of four.
  CHECK(ComputeReliability({{0.75, true}, {0.75, true}, {0.75, false}, {0.75, true}}).ece ==
        doctest::Approx(0.0));
  const Reliability none = ComputeReliability({});
  CHECK(none.rows == 0);
  CHECK(none.bins.empty());
  CHECK(none.ece == 0.0);
}

TEST_CASE(
    "each prediction is a row: right by person where gold has a canonical name, else by "
    "mention; `*` gold without one is not judged") {
  const std::vector<GoldQuote> gold = {
      {"a", "*", "We will see.", "full", "said", "Anna Keller"},
      {"a", "Keller", "Not today.", "full", "said", ""},
      {"a", "*", "Maybe later.", "full", "said", ""},
      {"a", "", "deal guys", "scare", "", ""},
  };
  std::vector<QuoteRecord> p(5);
  for (size_t i = 0; i < p.size(); ++i) {
    p[i].doc = "a";
    p[i].quote_id = i + 1;
    p[i].kind = "full";
    p[i].rule = "r" + std::to_string(i);
    p[i].mention_type = "name";
    p[i].speaker = "Tomas Keller";
  }
  p[0].quote = "We will see.";  // wrong by person (its mention "*" would take anyone)
  p[0].confidence = 0.9;
  p[1].quote = "Not today.";  // right by mention: the surname
  p[1].confidence = 0.9;
  p[2].quote = "Maybe later.";  // `*` with no canonical: says nothing
  p[2].confidence = 0.9;
  p[3].quote = "deal guys";  // a scare quote reported as speech: wrong
  p[3].confidence = 0.5;
  p[4].quote = "Something nobody said at all.";  // no gold quote: wrong
  p[4].confidence = 0.5;
  const EvalReport r = Evaluate(gold, p, {"a"});
  REQUIRE(r.rows.size() == 5);
  CHECK(r.rows[0].basis == "person");
  CHECK_FALSE(r.rows[0].correct);
  CHECK(r.rows[1].basis == "mention");
  CHECK(r.rows[1].correct);
  CHECK(r.rows[1].rule == "r1");
  CHECK(r.rows[1].mention_type == "name");
  CHECK(r.rows[2].basis == "any");
  CHECK_FALSE(r.rows[2].Calibrated());
  CHECK(r.rows[3].basis == "unmatched");
  CHECK(r.rows[4].basis == "unmatched");
  CHECK_FALSE(r.rows[4].correct);
  // Four rows judged: at 0.9 one right of two, at 0.5 none of two.
  // ECE = 2/4·|0.5−0.9| + 2/4·|0−0.5| = 0.45.
  CHECK(r.reliability.rows == 4);
  CHECK(r.reliability.ece == doctest::Approx(0.45));
}

}  // namespace
}  // namespace saidby

namespace saidby {
namespace {

TEST_CASE("person matching: canonical names against predicted speakers") {
  CHECK(PersonMatches("Anna Keller", "Anna Keller"));
  CHECK(PersonMatches("Anna Keller", "Keller"));             // a surname of the person
  CHECK(PersonMatches("Anna Keller", "Anna J. Keller"));     // initials left out
  CHECK(PersonMatches("Anna Keller", "Anna Maria Keller"));  // a fuller form
  CHECK(PersonMatches("Harbour Authority", "the Harbour Authority"));
  CHECK(PersonMatches("UNKNOWN", ""));
  CHECK_FALSE(PersonMatches("UNKNOWN", "Anna Keller"));
  CHECK_FALSE(PersonMatches("Anna Keller", ""));
  CHECK_FALSE(PersonMatches("Anna Keller", "Tomas Keller"));  // same surname, another person
  CHECK_FALSE(PersonMatches("Anna Keller", "Anna"));          // must end in the same word
  CHECK_FALSE(PersonMatches("Keller campaign", "Anna Keller"));
}

TEST_CASE("eval counts pronoun rows, and those left without a speaker") {
  std::vector<QuoteRecord> predicted = {
      Predicted("a", 1, "The ferry runs.", "Anna Keller"),
      Predicted("a", 2, "It does not.", ""),
      Predicted("a", 3, "We will see.", ""),
      Predicted("a", 4, "Maybe.", "Samuel Osei"),
  };
  predicted[0].mention_type = "pronoun";
  predicted[1].mention_type = "pronoun";
  predicted[2].mention_type = "description";
  predicted[3].mention_type = "name";
  const EvalReport r = Evaluate({}, predicted, {"a"});
  CHECK(r.pronoun_rows == 2);
  CHECK(r.pronoun_rows_without_speaker == 1);
}

TEST_CASE("person matching: a familiar given name is the same name (nicknames.txt)") {
  const RuleSet* names = &testing::ShippedRules();
  CHECK(PersonMatches("Ben Okafor", "Benjamin Okafor", names));
  CHECK(PersonMatches("Kenneth Lindqvist", "Ken Lindqvist", names));
  CHECK(PersonMatches("Bill Osei", "William J. Osei", names));
  CHECK(PersonMatches("Bill Osei", "Will Osei", names));        // both familiar forms of William
  CHECK_FALSE(PersonMatches("Ben Okafor", "Benjamin Okafor"));  // without the lexicon
  CHECK_FALSE(PersonMatches("Ben Okafor", "Kenneth Okafor", names));
  CHECK_FALSE(PersonMatches("Ben Okafor", "Benjamin Osei", names));  // another surname
  CHECK(names->SameGivenName("joe", "joseph"));
  CHECK(names->SameGivenName("joseph", "joe"));
  CHECK_FALSE(names->SameGivenName("joe", "anna"));
}

TEST_CASE("person figures: only documents whose every gold row has a canonical name") {
  const std::vector<GoldQuote> gold = {
      {"a", "*", "We will see.", "full", "said", "Anna Keller"},
      {"a", "Keller", "Not today.", "full", "said", "Anna Keller"},
      {"b", "*", "Maybe later.", "full", "said", ""},
  };
  std::vector<QuoteRecord> predictions(3);
  predictions[0].doc = "a";
  predictions[0].quote = "We will see.";
  predictions[0].speaker = "Tomas Keller";  // right by mention (gold "*"), wrong by person
  predictions[1].doc = "a";
  predictions[1].quote = "Not today.";
  predictions[1].speaker = "Anna Keller";
  predictions[2].doc = "b";
  predictions[2].quote = "Maybe later.";
  predictions[2].speaker = "Tomas Keller";
  const EvalReport r = Evaluate(gold, predictions, {"a", "b"});
  CHECK(r.pairs.tp == 3);
  CHECK(r.person_documents == 1);
  CHECK(r.persons.tp == 1);
  CHECK(r.persons.fp == 1);
  CHECK(r.persons.fn == 1);
  REQUIRE(r.wrong_persons.size() == 1);
  CHECK(r.wrong_persons[0].predicted_speaker == "Tomas Keller");
}

QuoteRecord Reported(const std::string& doc, size_t id, const std::string& content,
                     const std::string& speaker) {
  QuoteRecord r = Predicted(doc, id, content, speaker);
  r.kind = "reported";
  r.rule = "reported-rule";
  return r;
}

TEST_CASE("reported speech is scored apart: direct figures do not move when either side gains it") {
  const std::vector<GoldQuote> direct_gold = {
      {"a", "Anna Keller", "The ferry will run all winter.", "full", "said", "Anna Keller"},
      {"a", "Tomas Berg", "We have not agreed to anything.", "full", "said", "Tomas Berg"},
  };
  const std::vector<QuoteRecord> direct_pred = {
      Predicted("a", 1, "The ferry will run all winter.", "Anna Keller"),
      Predicted("a", 2, "We have not agreed to anything.", "Anna Keller"),
  };
  std::vector<GoldQuote> gold = direct_gold;
  // Reported rows, one without a canonical name: the direct rows keep their person scoring.
  gold.push_back(
      {"a", "Keller", "the harbour would reopen in the spring", "reported", "said", "Anna Keller"});
  gold.push_back({"a", "Tomas Berg", "no agreement had been reached", "reported", "told", ""});
  gold.push_back({"a", "the mayor", "the budget was final", "reported", "said", ""});
  std::vector<QuoteRecord> pred = direct_pred;
  // Content one word longer than gold ("that"): token F1 2·7/15 ≈ 0.93, a match; right speaker.
  pred.push_back(Reported("a", 3, "that the harbour would reopen in the spring", "Anna Keller"));
  // Matches Berg's content with a wrong speaker.
  pred.push_back(Reported("a", 4, "no agreement had been reached yet", "Anna Keller"));
  // Matches nothing.
  pred.push_back(Reported("a", 5, "ferries are expensive to run in winter", "Tomas Berg"));

  const EvalReport before = Evaluate(direct_gold, direct_pred, {"a"});
  const EvalReport r = Evaluate(gold, pred, {"a"});
  for (const auto& [after, was] : {std::pair{r.quotes, before.quotes},
                                   {r.exact, before.exact},
                                   {r.pairs, before.pairs},
                                   {r.persons, before.persons}}) {
    CHECK(after.tp == was.tp);
    CHECK(after.fp == was.fp);
    CHECK(after.fn == was.fn);
  }
  CHECK(r.person_documents == 1);
  CHECK(r.pairs.tp == 1);
  CHECK(r.persons.tp == 1);
  CHECK(r.reliability.rows == before.reliability.rows);
  REQUIRE(r.documents.size() == 1);
  CHECK(r.documents[0].gold_rows == 2);
  CHECK(r.documents[0].predictions == 2);

  CHECK(r.reported_gold_rows == 3);
  CHECK(r.reported_predictions == 3);
  CHECK(r.reported.tp == 2);
  CHECK(r.reported.fp == 1);
  CHECK(r.reported.fn == 1);
  CHECK(r.reported_pairs.tp == 1);
  CHECK(r.reported_pairs.fp == 2);
  CHECK(r.reported_pairs.fn == 2);
  // Not every reported row of the document has a canonical name: no person figures for it.
  CHECK(r.reported_person_documents == 0);
  CHECK(r.documents[0].reported.tp == 2);

  // The lists say the kind.
  REQUIRE(r.misses.size() == 1);
  CHECK(r.misses[0].kind == "reported");
  CHECK(r.misses[0].quote == "the budget was final");
  REQUIRE(r.false_hits.size() == 1);
  CHECK(r.false_hits[0].kind == "reported");
  CHECK(r.false_hits[0].quote_id == 5);
  REQUIRE(r.wrong_speakers.size() == 2);
  CHECK(r.wrong_speakers[0].kind == "full");
  CHECK(r.wrong_speakers[1].kind == "reported");
  CHECK(r.wrong_speakers[1].gold_speaker == "Tomas Berg");
  // Reported predictions are rows, kept out of the reliability table for now.
  REQUIRE(r.rows.size() == 5);
  CHECK(r.rows[2].kind == "reported");
  CHECK(r.rows[2].basis == "person");
  CHECK(r.rows[2].correct);
  CHECK_FALSE(r.rows[2].Calibrated());
}

TEST_CASE("a reported prediction never matches a direct gold row, nor the reverse") {
  const std::vector<GoldQuote> gold = {
      {"a", "Anna Keller", "The ferry will run all winter", "full", "said"},
      {"a", "Tomas Berg", "the talks would resume on Monday", "reported", "said"},
  };
  const std::vector<QuoteRecord> pred = {
      Reported("a", 1, "The ferry will run all winter", "Anna Keller"),
      Predicted("a", 2, "the talks would resume on Monday", "Tomas Berg"),
  };
  const EvalReport r = Evaluate(gold, pred, {"a"});
  CHECK(r.quotes.tp == 0);
  CHECK(r.quotes.fp == 1);
  CHECK(r.quotes.fn == 1);
  CHECK(r.reported.tp == 0);
  CHECK(r.reported.fp == 1);
  CHECK(r.reported.fn == 1);
  CHECK(r.false_hits.size() == 2);
  CHECK(r.misses.size() == 2);
}

TEST_CASE("reported content matches at its own, lower overlap threshold") {
  // Gold 6 words, prediction 4 of them plus 4 others: token F1 2·4/14 ≈ 0.57.
  const std::vector<GoldQuote> gold = {
      {"a", "Tomas Berg", "the talks would resume on Monday", "reported", "said"},
      {"a", "Tomas Berg", "the ferry would run all winter", "full", "said"},
  };
  const std::vector<QuoteRecord> pred = {
      Reported("a", 1, "the talks would resume after a long pause", "Tomas Berg"),
      Predicted("a", 2, "the ferry would run after a long pause", "Tomas Berg"),
  };
  const EvalReport r = Evaluate(gold, pred, {"a"});
  CHECK(r.reported.tp == 1);
  CHECK(r.reported_pairs.tp == 1);
  CHECK(r.quotes.tp == 0);  // the same overlap is no direct match (0.8)
  EvalOptions strict;
  strict.min_reported_token_f1 = 0.8;
  CHECK(Evaluate(gold, pred, {"a"}, strict).reported.tp == 0);
}

TEST_CASE("reported person figures: documents whose every reported row has a canonical name") {
  const std::vector<GoldQuote> gold = {
      {"a", "he", "the talks would resume", "reported", "said", "Tomas Berg"},
      {"a", "Anna Keller", "The ferry will run", "full",
       "said"},  // no canonical: no direct persons
      {"b", "she", "nothing was agreed", "reported", "said", ""},
  };
  const std::vector<QuoteRecord> pred = {
      Reported("a", 1, "the talks would resume", "Tomas Berg"),
      Reported("b", 1, "nothing was agreed", "Anna Keller"),
  };
  const EvalReport r = Evaluate(gold, pred, {"a", "b"});
  CHECK(r.person_documents == 0);
  CHECK(r.reported_person_documents == 1);
  CHECK(r.reported_persons.tp == 1);
  CHECK(r.reported_persons.fp == 0);
  // By mention, a gold pronoun ("he") agrees with no predicted name; by person it does.
  CHECK(r.reported_pairs.tp == 0);
}

TEST_CASE("a reported content is no repeat of a direct quote with the same words") {
  const std::vector<GoldQuote> gold = {
      {"a", "Anna Keller", "we will win", "partial", "said"},
      {"a", "Anna Keller", "we will win", "reported", "said"},
      {"a", "Anna Keller", "we will win", "reported", "said"},
  };
  const std::vector<GoldRepeat> repeats = RepeatedGoldRows(gold, {1, 1, 1});
  REQUIRE(repeats.size() == 1);
  CHECK(repeats[0].row == 2);
  CHECK(repeats[0].first_row == 1);
}

}  // namespace
}  // namespace saidby
