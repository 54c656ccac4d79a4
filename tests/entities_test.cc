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
  Extractor ex(ShippedRules(), ExtractOptions{});
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

TEST_CASE("two people with one surname: the one named most, else the one named first") {
  Found most = Entities(
      "Tomas Keller runs the port. Tomas Keller met Anna Keller on Monday. Keller said the "
      "ferry would stop.");
  CHECK(EntityOf(most, "Keller") == "Tomas Keller");
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

TEST_CASE("a headline's modified name joins the person, whose own name is canonical") {
  Found f = Entities(
      "Defiant Keller resigns\n\nAnna Keller resigned on Monday. Keller said she was tired.");
  CHECK(EntityOf(f, "Defiant Keller") == "Anna Keller");
  CHECK(EntityOf(f, "Keller") == "Anna Keller");
}

}  // namespace
}  // namespace saidby
