#include "saidby/attribution.h"

#include <doctest/doctest.h>

#include "saidby/quote_span.h"
#include "test_support.h"

namespace saidby {
namespace {

struct Row {
  std::string quote, speaker, kind, mention, cue, rule;
};

std::vector<Row> Attributed(const std::string& text) {
  Document d = testing::Doc(text);
  QuoteScan scan = FindQuoteSpans(d);
  std::vector<Attribution> a = Attribute(d, scan, testing::ShippedRules(), false);
  REQUIRE(a.size() == scan.spans.size());
  std::vector<Row> out;
  for (size_t i = 0; i < a.size(); ++i) {
    out.push_back({std::string(d.slice(scan.spans[i].content)), a[i].speaker, a[i].kind,
                   a[i].mention, a[i].cue, a[i].rule});
  }
  return out;
}

Row Only(const std::string& text) {
  std::vector<Row> rows = Attributed(text);
  REQUIRE(rows.size() == 1);
  return rows[0];
}

TEST_CASE("“Q,” said X.") {
  Row r = Only("“It’s a magnificent city,” said Steve Witkoff.");
  CHECK(r.speaker == "Steve Witkoff");
  CHECK(r.cue == "said");
  CHECK(r.kind == "full");
}

TEST_CASE("“Q,” X said.") {
  Row r = Only("“It’s a magnificent city,” Witkoff replied.");
  CHECK(r.speaker == "Witkoff");
  CHECK(r.cue == "replied");
}

TEST_CASE("X said: “Q”") {
  Row r = Only(
      "When asked whether the envoys believed him, Trump said: \"(Putin) would like to "
      "end the war. That was their impression.\"");
  CHECK(r.speaker == "Trump");
  CHECK(r.cue == "said");
}

TEST_CASE("X said, “Q”") {
  CHECK(Only("Graham said, “He really does want a normal process.”").speaker == "Graham");
}

TEST_CASE("“Q,” X told reporters.") {
  Row r = Only("“We are not planning to wage a war with Europe,” Vladimir Putin told reporters.");
  CHECK(r.speaker == "Vladimir Putin");
  CHECK(r.cue == "told");
}

TEST_CASE("X …, telling Y, “Q”: Y heard the quote; it is X's") {
  Row r = Only(
      "Anna Keller returned the compliment on Monday, telling Reuters, “We could not have done it "
      "without them.”");
  CHECK(r.speaker == "Anna Keller");
  CHECK(r.cue == "telling");
}

TEST_CASE("“Q,” according to X.") {
  Row r = Only("“The plan is a basis for talks,” according to Kirill Dmitriev.");
  CHECK(r.speaker == "Kirill Dmitriev");
  CHECK(r.cue == "according to");
}

TEST_CASE("split quote: both segments to the speaker, the second continued") {
  std::vector<Row> rows = Attributed(
      "“Ultimately the decisions have to be made, in the case of Russia, by Putin alone,” Rubio "
      "said. “Not his advisers, Putin only. Putin can end this war on the Russian side.”");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].speaker == "Rubio");
  CHECK(rows[0].kind == "full");
  CHECK(rows[1].speaker == "Rubio");
  CHECK(rows[1].kind == "continued");
}

TEST_CASE("inverted attribution with a role before the name") {
  CHECK(Only("“What we’re trying to see is if it’s possible to end the war,” said the secretary "
             "of state, Marco Rubio, after the Kremlin rejected the plan.")
            .speaker == "Marco Rubio");
  Row r = Only("“No, this is incorrect,” said the Putin spokesperson Dmitry Peskov.");
  CHECK(r.speaker == "Dmitry Peskov");
  CHECK(r.mention == "the Putin spokesperson Dmitry Peskov");
}

TEST_CASE("appositive subject with reported speech") {
  Row r = Only(
      "Tatiana Stanovaya, a Russian political analyst, had written that the meeting was "
      "“never a negotiation. It was a deliberate presentation of Russia’s preconditions”.");
  CHECK(r.speaker == "Tatiana Stanovaya");
  CHECK(r.kind == "partial");
}

TEST_CASE("partial quote inside reported speech") {
  Row r = Only(
      "Shortly after the meeting, the longtime Kremlin adviser Yuri Ushakov said that the "
      "talks were productive but that Moscow and Washington were “neither further nor "
      "closer to resolving the crisis in Ukraine”.");
  CHECK(r.speaker == "Yuri Ushakov");
  CHECK(r.kind == "partial");
  CHECK(r.cue == "said");
}

TEST_CASE("a pronoun resolves to the most recent compatible person") {
  std::vector<Row> rows = Attributed(
      "“We will talk again,” said Ms Kaja Kallas. “Maybe next week,” Mr Mark Rutte said.\n"
      "“The door is open,” she said.");
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].speaker == "Kaja Kallas");
  CHECK(rows[2].mention == "she");
}

TEST_CASE("a pronoun with no gender known takes the latest speaker") {
  std::vector<Row> rows = Attributed("“First,” said Thomas Graham.\n“Second,” he added.");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].speaker == "Thomas Graham");
}

TEST_CASE("a name is canonicalised to its fullest form in the document") {
  std::vector<Row> rows = Attributed(
      "Dmitry Peskov spoke to the press on Monday.\n“No, this is incorrect,” said Peskov.");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].speaker == "Dmitry Peskov");
  CHECK(rows[0].mention == "Peskov");
}

TEST_CASE("name particles stay in the name") {
  Row r = Only(
      "European Commission chief Ursula von der Leyen hailed “the dawn of a new era” "
      "under the deal.");
  CHECK(r.speaker == "Ursula von der Leyen");
}

TEST_CASE("continuation in the next paragraph") {
  std::vector<Row> rows = Attributed(
      "“Putin doesn’t want to see Witkoff coming to Moscow,” said Graham.\n"
      "“He really does want to turn this into a normal diplomatic process.”");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].speaker == "Graham");
  CHECK(rows[1].kind == "continued");
  CHECK(rows[1].rule == "continuation");
}

TEST_CASE("an unattributed quote far from any speaker is not continued") {
  std::vector<Row> rows = Attributed(
      "“First,” said Graham.\nA paragraph.\nAnother one.\n“A quote nobody is said to have "
      "spoken, which stands alone here.”");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].speaker.empty());
  CHECK(rows[1].rule.empty());
}

TEST_CASE("unnamed sources: mention filled, speaker empty") {
  Row r = Only(
      "Russia is ready to keep talking, with a Kremlin official calling territorial "
      "issues the \"most important issue.\"");
  CHECK(r.speaker.empty());
  CHECK(r.mention == "a Kremlin official");
  Row o = Only("“The talks will continue,” officials said.");
  CHECK(o.speaker.empty());
  CHECK(o.mention == "officials");
}

TEST_CASE("scare quotes and titles in quotes are not speech") {
  CHECK(Only("Steve Witkoff and Jared Kushner, Donald Trump’s self-described “deal guys”, being "
             "led by Kremlin officials through Moscow.")
            .kind == "scare");
  CHECK(Only("A classic Kremlin “yes, but”, then.").kind == "scare");
  CHECK(Only("Before the harsh white glare came a telling prologue: the so-called “deal guys”.")
            .kind == "scare");
}

TEST_CASE("a cue word after a determiner is not a cue") {
  Row r =
      Only("Before the meeting came a telling prologue with the so-called “deal guys” in Moscow.");
  CHECK(r.kind == "scare");
  CHECK(r.rule.empty());
}

TEST_CASE("a described speaker: mention kept, speaker empty") {
  Row r = Only("\"We have always sought a balance,\" the company said.");
  CHECK(r.speaker.empty());
  CHECK(r.mention == "the company");
  CHECK(r.rule == "quote-speaker-cue");
  Row o = Only("\"If she wins, it will be close,\" said one Ohio Democrat.");
  CHECK(o.speaker.empty());
  CHECK(o.mention == "one Ohio Democrat");
}

TEST_CASE("a party tag or a short appositive after the name") {
  CHECK(Only("\"It is time to act,\" Senate Majority Leader Anna Keller, R-Ore., said.").speaker ==
        "Anna Keller");
  CHECK(Only("\"I do not think so,\" state Sen. Tomas Berg (D) said during the debate.").speaker ==
        "Tomas Berg");
}

TEST_CASE("a description is never a clause that runs into the quote") {
  // "stating the sides were “…”": "the sides were" is no speaker; the subject of the sentence is.
  std::vector<Row> rows = Attributed(
      "Russian presidential aide Anna Keller offered a mixed assessment, calling the talks "
      "\"productive\" but stating the sides were \"neither further nor closer to a deal\".");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].speaker == "Anna Keller");
  CHECK(rows[1].speaker == "Anna Keller");
}

TEST_CASE("the sentence after a quote may attribute it") {
  std::vector<Row> rows = Attributed(
      "Anna Keller spoke for an hour.\n\n\"The mayor did not hide his view of the plan.\" Keller "
      "said the council flagged \"the destructive actions of the harbour board\".");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].speaker == "Anna Keller");
  CHECK(rows[1].speaker == "Anna Keller");
}

TEST_CASE("a colon at the end of the previous paragraph introduces the quote") {
  std::vector<Row> rows = Attributed("Said Tomas Berg:\n\n\"We will be back next week.\"");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].speaker == "Tomas Berg");
}

TEST_CASE("a speech act in the narration before a lone quote beats continuing an older one") {
  std::vector<Row> rows = Attributed(
      "\"We are close,\" said Anna Keller.\n\nTomas Berg argued in an email that the vote "
      "should wait.\n\n\"In light of this, we need more time.\"");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].speaker == "Tomas Berg");
}

TEST_CASE("a pronoun refers to the subject of a speech verb in its sentence") {
  std::vector<Row> rows = Attributed(
      "Despite what he wrote in Berg's speech, Samuel Osei said he \"may yet vote for her.\"");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].speaker == "Samuel Osei");
}

TEST_CASE("a possessor is no speaker, but a possessor's noun may be") {
  Row r = Only("\"We will not back down,\" Keller's campaign said.");
  CHECK(r.speaker.empty());
  CHECK(r.mention == "Keller's campaign");
  Row o =
      Only("One aide tried to downplay Keller's comments, saying they were \"not a big deal.\"");
  CHECK(o.speaker != "Keller");
}

TEST_CASE("a definite role refers back to the name written after that title") {
  std::vector<Row> rows = Attributed(
      "Secretary of State Tomas Berg was there.\n\n\"Not yet,\" the secretary of state told "
      "reporters.");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].speaker == "Tomas Berg");
  CHECK(rows[0].mention == "the secretary of state");
}

TEST_CASE("fronted and parenthetical cues") {
  CHECK(Only("Said Keller, \"The error is painful.\"").speaker == "Keller");
  CHECK(Only("The trouble with the plan, says Anna Keller, a historian at the city library, is "
             "that it was \"one of the worst ideas in years.\"")
            .speaker == "Anna Keller");
}

TEST_CASE("according to, further from the quote") {
  CHECK(Only("The plan was \"a disgrace\" in every way, according to Anna Keller.").speaker ==
        "Anna Keller");
}

TEST_CASE("the title of a work is not speech") {
  std::vector<Row> rows = Attributed(
      "\"It is a flawed plan,\" Anna Keller said on CBS's \"Face the Nation.\" She wrote in her "
      "memoir, \"Tough Choices,\" that she had doubts.");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].speaker == "Anna Keller");
  CHECK(rows[1].kind == "scare");
  CHECK(rows[2].kind == "scare");
  // Title case alone is not enough: a headline-like quote that someone said is speech.
  CHECK(Only("\"Make The Harbour Great,\" Keller said.").kind == "full");
}

TEST_CASE("a capitalised title after a name is a surname") {
  CHECK(Only("\"It is over,\" Amy Pope, deputy homeland security adviser, said.").speaker ==
        "Amy Pope");
}

TEST_CASE("a cue inside the speaker's appositive is not the attribution's cue") {
  Row r = Only("“It was chaos,” one witness, who asked not to be named, told the local paper.");
  CHECK(r.cue == "told");
  CHECK(r.mention == "one witness, who asked not to be named");
  CHECK(r.speaker.empty());
}

TEST_CASE("British single quotes, inverted role and name, and a colon after told") {
  std::vector<Row> rows = Attributed(
      "‘We will not go back,’ said the prime minister, Maria Lindqvist, on Tuesday. ‘It is "
      "time to move on.’\n\nMs Lindqvist told the radio: ‘There is no alternative.’");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].speaker == "Maria Lindqvist");
  CHECK(rows[1].kind == "continued");
  CHECK(rows[1].speaker == "Maria Lindqvist");
  CHECK(rows[2].speaker == "Maria Lindqvist");
  CHECK(rows[2].cue == "told");
}

TEST_CASE("every attribution carries its mention type and the shipped table's confidence for it") {
  const RuleSet& rules = testing::ShippedRules();
  Document d = testing::Doc(
      "Anna Keller, the harbour director, spoke on Monday. “The pier will reopen in May,” Keller "
      "said. “We are ready.” “We will need more money,” she said. “The budget is tight,” a port "
      "official said.");
  QuoteScan scan = FindQuoteSpans(d);
  std::vector<Attribution> a = Attribute(d, scan, rules, false);
  REQUIRE(a.size() == 4);
  CHECK(a[0].mention_type == MentionType::kName);
  CHECK(a[1].mention_type == MentionType::kName);  // a continuation: the mention it inherited
  CHECK(a[2].mention_type == MentionType::kPronoun);
  CHECK(a[3].mention_type == MentionType::kDescription);
  for (const Attribution& x : a) {
    CAPTURE(x.rule);
    const std::optional<double> c = rules.confidence().Find(x.rule, x.mention_type);
    REQUIRE(c.has_value());
    CHECK(x.confidence == doctest::Approx(*c).epsilon(0.006));
  }
}

}  // namespace
}  // namespace saidby

namespace saidby {
namespace {

TEST_CASE("a place before a title modifies it: the described person speaks, not the place") {
  Row r = Only(
      "Sen. Anna Keller spoke in Ohio on Monday.\n\nThe Ohio senator sought to calm her "
      "supporters, and said: \xE2\x80\x9CWe will win this state.\xE2\x80\x9D");
  CHECK(r.mention == "The Ohio senator");
  CHECK(r.speaker == "Anna Keller");
}

}  // namespace
}  // namespace saidby
