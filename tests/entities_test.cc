#include "saidby/entities.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "saidby/extractor.h"
#include "test_support.h"

namespace saidby {
namespace {

using testing::Doc;
using testing::ShippedRules;

struct Found {
  Document doc;
  DocumentEntities entities;
};

Found Entities(const std::string& text) {
  Document doc = Doc(text);
  const QuoteScan scan = FindQuoteSpans(doc);
  DocumentEntities e = FindEntities(doc, scan, ShippedRules());
  return {std::move(doc), std::move(e)};
}

// The canonical name of the entity of the mention written as `written` (the n-th such, 0-based).
std::string EntityOf(const Found& f, const std::string& written, size_t nth = 0) {
  for (const EntityMention& m : f.entities.mentions()) {
    if (f.doc.slice(m.span) == written && nth-- == 0) {
      return f.entities.entities()[m.entity].name;
    }
  }
  return "(no mention)";
}

const Entity* Named(const Found& f, const std::string& name) {
  for (const Entity& e : f.entities.entities()) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::vector<QuoteRecord> Quotes(const std::string& text) {
  // Quotes only: these tests are about whom quotes are attributed to.
  Extractor ex(ShippedRules(), ExtractOptions{/*keep_scare=*/false, /*explain=*/false,
                                              /*reported=*/false});
  Result<ArticleQuotes> r = ex.Extract({"t", "test", text});
  REQUIRE(r.ok());
  return r->quotes;
}

TEST_CASE("a credit glued to a name is left out: the name starts at its given name") {
  Found f = Entities("Harbour Herald Anna Keller wrote that the ferry would stop.");
  CHECK(EntityOf(f, "Anna Keller") == "Anna Keller");
  const Entity* keller = Named(f, "Anna Keller");
  REQUIRE(keller);
  CHECK(keller->type == EntityType::kPerson);
  CHECK(keller->gender == Gender::kFemale);
}

TEST_CASE("a surname and a first name alone link to the full name") {
  Found f =
      Entities("Anna Keller runs the port. Keller said the ferry would stop. Later Anna laughed.");
  CHECK(EntityOf(f, "Keller") == "Anna Keller");
  CHECK(EntityOf(f, "Anna") == "Anna Keller");
}

TEST_CASE("two people with one surname: the one the article introduced first") {
  Found first = Entities(
      "Tomas Keller runs the port. Tomas Keller met Anna Keller on Monday. Keller said the "
      "ferry would stop.");
  CHECK(EntityOf(first, "Keller") == "Tomas Keller");
  // Named fully less often than her husband, she is still the one the article is about.
  Found introduced = Entities(
      "Anna Keller toured the port. Keller said the ferry would stop.\n\nHer husband, Tomas "
      "Keller, came too. Tomas Keller said little, and Tomas Keller left. Keller said she would "
      "stay.");
  CHECK(EntityOf(introduced, "Keller", 0) == "Anna Keller");
  CHECK(EntityOf(introduced, "Keller", 1) == "Anna Keller");
  Found tie = Entities("Anna Keller met Tomas Keller on Monday. Keller said the ferry would stop.");
  CHECK(EntityOf(tie, "Keller") == "Anna Keller");
  Found gender =
      Entities("Tomas Keller met Anna Keller on Monday. Mr. Keller said the ferry would stop.");
  CHECK(EntityOf(gender, "Keller") == "Tomas Keller");
}

TEST_CASE("an honorific makes a person and gives a gender") {
  Found f = Entities("Mrs. Okafor left the meeting early.");
  const Entity* okafor = Named(f, "Okafor");
  REQUIRE(okafor);
  CHECK(okafor->type == EntityType::kPerson);
  CHECK(okafor->gender == Gender::kFemale);
}

TEST_CASE("an organisation and its acronym are one entity; places are typed") {
  Found f =
      Entities("The Harbour Port Authority met in Ohio. HPA officials said the plan was sound.");
  CHECK(EntityOf(f, "HPA") == "Harbour Port Authority");
  const Entity* port = Named(f, "Harbour Port Authority");
  REQUIRE(port);
  CHECK(port->type == EntityType::kOrganisation);
  const Entity* ohio = Named(f, "Ohio");
  REQUIRE(ohio);
  CHECK(ohio->type == EntityType::kPlace);
}

TEST_CASE("middle initials are left out of the canonical name") {
  Found f = Entities("Tomas J. Lindqvist spoke first. Then Tomas Lindqvist spoke again.");
  CHECK(EntityOf(f, "Tomas J. Lindqvist") == "Tomas Lindqvist");
  CHECK(EntityOf(f, "Tomas Lindqvist") == "Tomas Lindqvist");
}

TEST_CASE("she skips a man and a place; he skips a woman") {
  std::vector<QuoteRecord> q = Quotes(
      "Anna Keller met Tomas Lindqvist in Ohio on Monday.\n\n"
      "\xE2\x80\x9CThe ferry will run,\xE2\x80\x9D she said.\n\n"
      "\xE2\x80\x9CWe shall see,\xE2\x80\x9D he said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Anna Keller");
  CHECK(q[1].speaker == "Tomas Lindqvist");
}

TEST_CASE("a pronoun refers to the narrative's subject, not to a name inside the quote") {
  std::vector<QuoteRecord> q = Quotes(
      "Samuel Osei said most tenants had left the island. The council met twice.\n\n"
      "\xE2\x80\x9C"
      "Anna Keller never came,\xE2\x80\x9D he said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Samuel Osei");
}

TEST_CASE("the sentences of a long quote do not push the person named before it out of reach") {
  std::vector<QuoteRecord> q = Quotes(
      "Anna Keller spoke at the harbour on Monday.\n\n"
      "\xE2\x80\x9CIt runs. It stops. It runs again. It stops again. It may run. It may not. We "
      "do not know. Nobody does.\xE2\x80\x9D she said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Anna Keller");
}

TEST_CASE("the one a pronoun speaks to is not the one it refers to") {
  std::vector<QuoteRecord> q = Quotes(
      "Tomas Lindqvist asked Samuel Osei about the ferry.\n\n"
      "\xE2\x80\x9CIt will run,\xE2\x80\x9D he told Lindqvist.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Samuel Osei");
}

TEST_CASE("an earlier speaker whose given name shows a man is never she") {
  std::vector<QuoteRecord> q = Quotes(
      "\xE2\x80\x9CThe ferry stays,\xE2\x80\x9D said Tomas Lindqvist.\n\n"
      "The port is old. The ferry is older. The pier is new. The road is closed. The bridge is "
      "open. The tide is high. The wind is strong.\n\n"
      "\xE2\x80\x9CIt goes,\xE2\x80\x9D she said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Tomas Lindqvist");
  CHECK(q[1].speaker.empty());
}

TEST_CASE("he added: the previous quote's speaker, while no one else has become the subject") {
  std::vector<QuoteRecord> q = Quotes(
      "Tomas Lindqvist opened the harbour on Monday.\n\n"
      "But as the port chief, Samuel Osei, told reporters, \xE2\x80\x9CThe ferry "
      "stays.\xE2\x80\x9D "
      "He added, \xE2\x80\x9CIt has always stayed.\xE2\x80\x9D\n\n"
      "Piotr Nowak, a council member, said he would vote against it.\n\n"
      "\xE2\x80\x9CWe cannot pay,\xE2\x80\x9D he said.");
  REQUIRE(q.size() == 3);
  CHECK(q[0].speaker == "Samuel Osei");
  CHECK(q[1].speaker == "Samuel Osei");
  CHECK(q[2].speaker == "Piotr Nowak");  // a new subject since Osei spoke
}

TEST_CASE("a name between an article and a noun only modifies: it is no subject") {
  std::vector<QuoteRecord> q = Quotes(
      "Anna Keller spoke on Monday.\n\n"
      "The Maria Lindqvist approach is made possible by its money, said Keller.\n\n"
      "\xE2\x80\x9CWe have less,\xE2\x80\x9D she said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Anna Keller");
}

TEST_CASE("a name after a clause and an inverted cue speaks, and a later pronoun is theirs") {
  std::vector<QuoteRecord> q = Quotes(
      "Anna Keller toured the port on Monday.\n\n"
      "The ferry plan is sound, said Maria Lindqvist, a harbour engineer.\n\n"
      "\xE2\x80\x9CIt will hold,\xE2\x80\x9D she said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Maria Lindqvist");
}

TEST_CASE("the one asked answers: a pronoun after a question cue's object is theirs") {
  std::vector<QuoteRecord> q = Quotes(
      "Tomas Lindqvist asked Samuel Osei whether the ferry would run.\n\n"
      "\xE2\x80\x9CIt will run all winter,\xE2\x80\x9D he said.\n\n"
      "\xE2\x80\x9CWill it?\xE2\x80\x9D Lindqvist asked Osei. \xE2\x80\x9CYes, it "
      "will,\xE2\x80\x9D he said.");
  REQUIRE(q.size() == 3);
  CHECK(q[0].speaker == "Samuel Osei");
  CHECK(q[1].speaker == "Tomas Lindqvist");
  CHECK(q[2].speaker == "Samuel Osei");
}

TEST_CASE("a pronoun with no compatible person before it stays unresolved") {
  std::vector<QuoteRecord> q = Quotes(
      "The Harbour Port Authority met in Ohio.\n\n\xE2\x80\x9CIt is over,\xE2\x80\x9D he said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker.empty());
  CHECK(q[0].mention == "he");
}

TEST_CASE("they refers to an organisation; the ministry to the ministry named before") {
  std::vector<QuoteRecord> q = Quotes(
      "The Finance Ministry published its figures on Monday.\n\n"
      "\xE2\x80\x9CThe budget will hold,\xE2\x80\x9D they said.\n\n"
      "\xE2\x80\x9CNothing has changed,\xE2\x80\x9D the ministry said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Finance Ministry");
  CHECK(q[1].speaker == "Finance Ministry");
}

TEST_CASE("a one-word name that speaks may be a company: the company and they, not she") {
  std::vector<QuoteRecord> q = Quotes(
      "Harbourtek said on Monday that it would close the plant. Anna Keller, a welder there, "
      "was angry.\n\n"
      "\xE2\x80\x9CWe were never told,\xE2\x80\x9D she said.\n\n"
      "\xE2\x80\x9CThe decision is final,\xE2\x80\x9D the company said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Anna Keller");
  CHECK(q[1].speaker == "Harbourtek");
  // With no one else, "he" may still be a surname the article gives alone.
  std::vector<QuoteRecord> alone = Quotes(
      "Lindqvist said on Monday that the port would close.\n\n"
      "\xE2\x80\x9CIt is over,\xE2\x80\x9D he said.");
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].speaker == "Lindqvist");
}

TEST_CASE("a gendered role in an appositive gives a person the gender the name does not") {
  // "Lael" is recorded for both genders.
  Found f = Entities("Anna Keller came with Lael Brainard, her husband.");
  const Entity* husband = Named(f, "Lael Brainard");
  REQUIRE(husband != nullptr);
  CHECK(husband->type == EntityType::kPerson);
  CHECK(husband->gender == Gender::kMale);
  std::vector<QuoteRecord> q = Quotes(
      "Lael Brainard, a Fed governor, spoke on Monday.\n\n"
      "\xE2\x80\x9CRates will hold,\xE2\x80\x9D she said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Lael Brainard");
}

TEST_CASE("a pronoun after 40,000 names in one sentence still finds the nearest person") {
  // The search reads at most kMaxMentionsBack mentions back, and the nearest fits.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Anna Keller met Tomas Lindqvist, ";
  text += "and then \xE2\x80\x9Cit is over,\xE2\x80\x9D she said.";
  Found f = Entities(text);
  CHECK(f.entities.mentions().size() == 40000);
  const size_t who =
      f.entities.Antecedent(*ShippedRules().Pronoun("she"), f.doc.text.size() - 5, false);
  REQUIRE(who != DocumentEntities::npos);
  CHECK(f.entities.entities()[who].name == "Anna Keller");
}

}  // namespace
}  // namespace saidby

namespace saidby {
namespace {

TEST_CASE("a place of several words stays one name even when a word of it is a cue") {
  // "states" is a speech cue; "United States" is still one place, not a person "United".
  Found f = Entities("The United States rejected the plan on Monday.");
  const Entity* us = Named(f, "United States");
  REQUIRE(us);
  CHECK(us->type == EntityType::kPlace);
  CHECK(Named(f, "United") == nullptr);
}

TEST_CASE("a title-case headline does not introduce a person; an acronym is no given name") {
  // "Woman" is a title and "ESPN" is in the given-name lexicon: neither makes the headline's
  // run a person who comes first.
  Found f = Entities(
      "Woman Reveals Stunning Thing Keller Did For Her\n\nMaria Osei knows Anna Keller well. "
      "Keller "
      "saved the farm, Osei said.");
  CHECK(EntityOf(f, "Keller") == "Anna Keller");
  Found acronym = Entities(
      "ESPN Fires Keller Over A Post\n\nTomas Keller, an analyst, was fired. Keller said he "
      "was sorry.");
  CHECK(EntityOf(acronym, "Keller") == "Tomas Keller");
}

TEST_CASE("a determiner that starts a place stays in the name it starts") {
  Found f = Entities(
      "Officials told The New York Times that the plan failed. A New Jersey Transit spokesman "
      "agreed. New rules start today.");
  CHECK(Named(f, "New York Times") != nullptr);
  CHECK(Named(f, "New Jersey Transit") != nullptr);
  CHECK(Named(f, "York Times") == nullptr);
}

TEST_CASE("a headline's modified name joins the person, whose own name is canonical") {
  Found f = Entities(
      "Defiant Keller resigns\n\nAnna Keller resigned on Monday. Keller said she was tired.");
  CHECK(EntityOf(f, "Defiant Keller") == "Anna Keller");
  CHECK(EntityOf(f, "Keller") == "Anna Keller");
}

}  // namespace
}  // namespace saidby

namespace saidby {
namespace {

TEST_CASE("a capitalised particle may be a given name; a lower-case one never starts a name") {
  Found f = Entities("Al Okafor met Mohammed bin Osei and Ben Lindqvist in Ohio.");
  const Entity* al = Named(f, "Al Okafor");
  const Entity* ben = Named(f, "Ben Lindqvist");
  REQUIRE((al && ben));
  CHECK(al->type == EntityType::kPerson);
  CHECK(ben->type == EntityType::kPerson);
  CHECK(ben->gender == Gender::kMale);
  CHECK(EntityOf(f, "Mohammed bin Osei") == "Mohammed bin Osei");
}

TEST_CASE("a name after a quote's cue is a person") {
  Found f = Entities("\xE2\x80\x9CThe ferry stays,\xE2\x80\x9D said Okafor.");
  const Entity* okafor = Named(f, "Okafor");
  REQUIRE(okafor);
  CHECK(okafor->type == EntityType::kPerson);
}

TEST_CASE("roles: a title before a name, in full form, and an appositive's title or head") {
  Found f = Entities(
      "Sen. Anna Keller met Tomas Lindqvist, the gambling tycoon, and Samuel Osei, a spokesman "
      "for the Harbour Authority, in Ohio.");
  const Entity* keller = Named(f, "Anna Keller");
  const Entity* lindqvist = Named(f, "Tomas Lindqvist");
  const Entity* osei = Named(f, "Samuel Osei");
  REQUIRE((keller && lindqvist && osei));
  CHECK(keller->roles == std::vector<std::string>{"senator"});  // "sen @means=senator"
  CHECK(lindqvist->roles == std::vector<std::string>{"tycoon"});
  CHECK(osei->roles == std::vector<std::string>{"spokesman"});
}

TEST_CASE("a description refers to the latest entity the text gave its role") {
  std::vector<QuoteRecord> q = Quotes(
      "Florida Sen. Anna Keller and Gov. Tomas Lindqvist toured the harbour. Samuel Osei met "
      "them.\n\n"
      "\xE2\x80\x9CThe ferry stays,\xE2\x80\x9D the senator said.\n\n"
      "\xE2\x80\x9CIt does not,\xE2\x80\x9D the governor said.\n\n"
      "\xE2\x80\x9CWe will see,\xE2\x80\x9D said the harbour spokesman.");
  REQUIRE(q.size() == 3);
  CHECK(q[0].speaker == "Anna Keller");
  CHECK(q[1].speaker == "Tomas Lindqvist");
  CHECK(q[2].speaker.empty());  // no one was called a spokesman, nor is it a figure's role
  CHECK(q[2].mention == "the harbour spokesman");
}

TEST_CASE("a role that is someone else's stays unresolved, however salient a person is") {
  std::vector<QuoteRecord> q = Quotes(
      "\xE2\x80\x9CWe have not agreed,\xE2\x80\x9D Tomas Lindqvist said.\n\n"
      "The spokesman called the plan a \xE2\x80\x9Cwhite elephant\xE2\x80\x9D on Monday.\n\n"
      "\xE2\x80\x9CIt will not pass,\xE2\x80\x9D the port's founder said.");
  REQUIRE(q.size() == 3);
  CHECK(q[1].speaker.empty());
  CHECK(q[2].speaker.empty());
}

TEST_CASE("a public figure's role no one was given refers to the article's person") {
  // titles.txt tags "senator" and "nominee" @figure: an epithet for the person written about.
  std::vector<QuoteRecord> q = Quotes(
      "Anna Keller toured the harbour on Monday and met dock workers.\n\n"
      "\xE2\x80\x9CThe ferry stays,\xE2\x80\x9D the Ohio senator said.\n\n"
      "\xE2\x80\x9CWe will see,\xE2\x80\x9D said the presumptive Republican nominee.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Anna Keller");
  CHECK(q[1].speaker == "Anna Keller");
}

TEST_CASE("a speech noun stands for its author; an organisation head for the organisation") {
  std::vector<QuoteRecord> q = Quotes(
      "Anna Keller announced her plan on Monday.\n\n"
      "\xE2\x80\x9CThe ferry will run all winter,\xE2\x80\x9D the statement said.\n\n"
      "The Harbour Authority disagreed with Keller.\n\n"
      "\xE2\x80\x9CThere is no money,\xE2\x80\x9D the authority said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Anna Keller");
  CHECK(q[1].speaker == "Harbour Authority");
}

TEST_CASE("a name after a quote's cue is the subject a later pronoun refers to") {
  std::vector<QuoteRecord> q = Quotes(
      "Tomas Lindqvist said the ferry would run.\n\n"
      "\xE2\x80\x9CThe plan is sound,\xE2\x80\x9D said Samuel Osei, a harbour engineer. "
      "\xE2\x80\x9CIt will hold,\xE2\x80\x9D he added.");
  REQUIRE(q.size() == 2);
  CHECK(q[1].speaker == "Samuel Osei");
}

TEST_CASE("a name that modifies a title and a name is no subject") {
  // "Lindqvist spokesman Samuel Osei": the pronoun is Osei's, though Lindqvist opens the
  // sentence.
  std::vector<QuoteRecord> q = Quotes(
      "Lindqvist spokesman Samuel Osei criticised the council. "
      "\xE2\x80\x9CNice try,\xE2\x80\x9D he said in a tweet.\n\nTomas Lindqvist left early.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Samuel Osei");
}

TEST_CASE("a title with a comma before a name: the name opens the sentence") {
  std::vector<QuoteRecord> q = Quotes(
      "Samuel Osei spoke first. Finland's foreign minister, Anna Keller, plays down the "
      "concerns. Osei left.\n\n\xE2\x80\x9COur view is simple,\xE2\x80\x9D she said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Anna Keller");
}

TEST_CASE("a given name recorded for one gender only is not overruled by a pronoun") {
  // "Susan" is female in every language of the lexicon: "he" is not her, though she is the
  // subject and the man is not.
  std::vector<QuoteRecord> q = Quotes(
      "Susan Crawford said the book never came out. At the time, Tomas Lindqvist seemed to "
      "suggest he had stopped it: \xE2\x80\x9CShe signed an agreement,\xE2\x80\x9D he said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tomas Lindqvist");
}

}  // namespace
}  // namespace saidby
