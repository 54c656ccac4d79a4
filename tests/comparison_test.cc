#include "saidby/comparison.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "saidby/comparison_printer.h"

namespace saidby {
namespace {

QuoteRecord Row(std::string source, std::string doc, size_t id, std::string speaker,
                std::string quote, std::string kind = "full") {
  QuoteRecord r;
  r.source = std::move(source);
  r.doc = std::move(doc);
  r.quote_id = id;
  r.kind = std::move(kind);
  r.speaker = std::move(speaker);
  r.quote = std::move(quote);
  return r;
}

// The member of `c` for (doc, quote_id), and its cluster.
struct Found {
  const QuoteCluster* cluster = nullptr;
  const ClusterMember* member = nullptr;
};
Found Find(const Comparison& c, const std::string& doc, size_t id) {
  for (const QuoteCluster& k : c.clusters) {
    for (const ClusterMember& m : k.members) {
      if (c.quotes[m.quote].doc == doc && c.quotes[m.quote].quote_id == id) return {&k, &m};
    }
  }
  FAIL("no row " << doc << "#" << id);
  return {};
}

std::string ClustersCsv(const Comparison& c) {
  std::ostringstream s;
  WriteClustersCsv(c, s);
  return s.str();
}

}  // namespace

TEST_CASE("quote words: folded, punctuation dropped, ellipsis kept as a token") {
  QuoteWords w = SplitQuoteWords("“It’s Putin alone... Not his ADVISERS […] Zelenskyy’s”");
  CHECK(w.folded == std::vector<std::string>{"it's", "putin", "alone", std::string(kEllipsis),
                                             "not", "his", "advisers", std::string(kEllipsis),
                                             "zelenskyy's"});
  REQUIRE(w.spans.size() == w.folded.size());
  CHECK(w.spans[0].begin == 3);  // after the 3-byte opening mark
}

TEST_CASE("relation verbatim: same words, case, punctuation and mark style ignored") {
  Comparison c =
      Compare({Row("A", "a1", 1, "Thomas Graham", "Putin doesn’t want to see Witkoff coming,"),
               Row("B", "b1", 1, "Thomas Graham", "\"putin doesn't WANT to see Witkoff coming\"")});
  REQUIRE(c.clusters.size() == 1);
  REQUIRE(c.clusters[0].members.size() == 2);
  for (const ClusterMember& m : c.clusters[0].members) {
    CHECK(m.relation == Relation::kVerbatim);
    CHECK(m.similarity == doctest::Approx(1.0));
    CHECK(WordDiff(c, m).empty());
  }
}

TEST_CASE("relation excerpt: a contiguous part of the other") {
  Comparison c = Compare(
      {Row("A", "a1", 1, "Marco Rubio",
           "What we’re trying to see is if it’s possible to end the war in a way that protects "
           "Ukraine’s future that both sides could agree to,"),
       Row("B", "b1", 1, "Marco Rubio",
           "that protects Ukraine’s future that both sides could agree to.")});
  Found f = Find(c, "b1", 1);
  CHECK(f.member->relation == Relation::kExcerpt);
  CHECK(f.cluster->members.size() == 2);
  CHECK(WordDiff(c, *f.member).empty());
}

TEST_CASE("relation excerpt: the same with an ellipsis for the words left out") {
  // The rewrite joins two segments of the original and stands "..." for the sentence between.
  Comparison c = Compare(
      {Row("A", "a1", 9, "Marco Rubio",
           "Ultimately the decisions have to be made, in the case of Russia, by Putin alone,"),
       Row("A", "a1", 10, "Marco Rubio",
           "Not his advisers, Putin only. Putin can end this war on the Russian side.",
           "continued"),
       Row("B", "b1", 6, "Marco Rubio",
           "Ultimately the decisions have to be made, in the case of Russia, by Putin alone... "
           "Putin can end this war on the Russian side.")});
  REQUIRE(c.clusters.size() == 1);
  CHECK(c.clusters[0].members.size() == 3);
  for (const ClusterMember& m : c.clusters[0].members) CHECK(m.relation == Relation::kExcerpt);

  // Against a single quote with the elided words inside it, the diff names them.
  Comparison d =
      Compare({Row("A", "a1", 1, "X Y",
                   "by Putin alone. Not his advisers, Putin only. Putin can end this war"),
               Row("B", "b1", 1, "X Y", "by Putin alone … Putin can end this war")});
  Found f = Find(d, "b1", 1);
  CHECK(f.member->relation == Relation::kExcerpt);
  CHECK(WordDiff(d, *f.member) == "[-…Not his advisers Putin only-]");
}

TEST_CASE("relation altered: a dropped word inside the marks is named in the diff") {
  Comparison c =
      Compare({Row("A", "a1", 6, "Tatiana Stanovaya",
                   "never a negotiation. It was a deliberate, unambiguous presentation of Russia’s "
                   "preconditions. Putin is now waiting"),
               Row("B", "b1", 4, "Tatiana Stanovaya",
                   "deliberate presentation of Russia’s preconditions.")});
  Found f = Find(c, "b1", 4);
  CHECK(f.member->relation == Relation::kAltered);
  CHECK(WordDiff(c, *f.member) == "[-unambiguous-]");
  CHECK(f.member->similarity == doctest::Approx(10.0 / 11.0));
  const ClusterMember& ref = f.cluster->members[0];
  CHECK(c.quotes[ref.quote].doc == "a1");  // the fuller version is the reference
  CHECK(WordDiff(c, ref) == "{+unambiguous+}");
  CHECK(ClustersCsv(c).find(",altered,0.91,a1#6,[-unambiguous-]\r\n") != std::string::npos);
}

TEST_CASE("relation altered: a changed and an added word") {
  Comparison c =
      Compare({Row("A", "a1", 1, "Anna Keller", "We will never give up our land to them"),
               Row("B", "b1", 1, "Anna Keller", "We shall never give up our own land to them")});
  Found f = Find(c, "b1", 1);
  CHECK(f.member->relation == Relation::kAltered);
  CHECK(WordDiff(c, *f.member) == "[-will-]{+shall+} {+own+}");
}

TEST_CASE("relation conflict: the same words given to different speakers") {
  Comparison c =
      Compare({Row("A", "a1", 1, "Dmitry Peskov", "No, this is incorrect, said nobody else"),
               Row("B", "b1", 1, "Yuri Ushakov", "No, this is incorrect, said nobody else"),
               Row("C", "c1", 1, "", "No, this is incorrect, said nobody else")});
  REQUIRE(c.clusters.size() == 1);
  CHECK(Find(c, "b1", 1).member->relation == Relation::kConflict);
  // An unattributed version disagrees with nobody.
  CHECK(Find(c, "c1", 1).member->relation == Relation::kVerbatim);
}

TEST_CASE("relation unique: unrelated, too short, or too different to link") {
  Comparison c =
      Compare({Row("A", "a1", 1, "Yuri Ushakov", "productive"),
               Row("B", "b1", 1, "Kirill Dmitriev", "productive."),
               Row("A", "a1", 2, "X", "the sides are neither further nor closer today"),
               Row("B", "b1", 2, "X", "we shall fight on the beaches and never surrender")});
  CHECK(c.clusters.size() == 4);
  for (const QuoteCluster& k : c.clusters) {
    REQUIRE(k.members.size() == 1);
    CHECK(k.members[0].relation == Relation::kUnique);
  }
  CHECK(ClustersCsv(c).find(",productive,unique,,,\r\n") != std::string::npos);
}

TEST_CASE("align words: overlapping ends are free, edits in the shared stretch are not") {
  auto t = [](std::string_view s) { return SplitQuoteWords(s).folded; };
  WordAlignment overlap =
      AlignWords(t("one two three four five six"), t("four five six seven eight"));
  CHECK(overlap.relation == Relation::kExcerpt);
  CHECK(overlap.same == 3);
  WordAlignment far = AlignWords(t("a b c d e f g h i j"), t("h i j k l m n o p q"));
  CHECK_FALSE(far.linked);  // 3 shared words of 10: below the coverage of the shorter
}

TEST_CASE("speakers: a surname joins the one full name that ends with it") {
  std::vector<std::string> out = CanonicalSpeakers(
      {"Marco Rubio", "Rubio", "RUBIO", "marco rubio", "Marco Rubio", "", "Peskov"});
  CHECK(out == std::vector<std::string>{"Marco Rubio", "Marco Rubio", "Marco Rubio", "Marco Rubio",
                                        "Marco Rubio", "", "Peskov"});
}

TEST_CASE("speakers: an ambiguous surname stays on its own") {
  std::vector<std::string> out = CanonicalSpeakers({"Donald Trump", "Melania Trump", "Trump"});
  CHECK(out == std::vector<std::string>{"Donald Trump", "Melania Trump", "Trump"});
}

TEST_CASE("speaker counts: one row per canonical speaker, one column per source") {
  Comparison c = Compare({Row("B", "b1", 1, "Rubio", "one two three"),
                          Row("A", "a1", 1, "Marco Rubio", "four five six"),
                          Row("A", "a1", 2, "Marco Rubio", "seven eight nine"),
                          Row("A", "a1", 3, "", "ten eleven twelve"),
                          Row("A", "a1", 4, "Anna Keller", "scare words", "scare")});
  CHECK(c.sources == std::vector<std::string>{"A", "B"});
  std::ostringstream s;
  WriteSpeakersCsv(c, s);
  CHECK(s.str() == "speaker,A,B,total\r\nMarco Rubio,2,1,3\r\n,1,0,1\r\n");
}

TEST_CASE("compare: the result does not depend on row order, and duplicates collapse") {
  std::vector<QuoteRecord> rows = {
      Row("A", "a1", 1, "Tatiana Stanovaya",
          "a deliberate, unambiguous presentation of preconditions"),
      Row("B", "b1", 1, "Stanovaya", "deliberate presentation of preconditions"),
      Row("C", "c1", 1, "Tatiana Stanovaya",
          "a deliberate unambiguous presentation of preconditions")};
  std::vector<QuoteRecord> shuffled = {rows[2], rows[0], rows[1], rows[0]};
  std::ostringstream a, b;
  WriteComparisonHtml(Compare(rows), a);
  WriteComparisonHtml(Compare(shuffled), b);
  CHECK(a.str() == b.str());
  CHECK(ClustersCsv(Compare(rows)) == ClustersCsv(Compare(shuffled)));
  CHECK(Compare(shuffled).clashes.empty());

  std::vector<QuoteRecord> clash = {rows[0], rows[0]};
  clash[1].quote = "something else";
  CHECK(Compare(clash).clashes.size() == 1);
}

TEST_CASE("report: self-contained page with heat map and marked words") {
  Comparison c =
      Compare({Row("A & Co", "a1", 1, "Anna <Keller>", "We will never give up our land to them"),
               Row("B", "b1", 1, "Anna <Keller>", "We shall never give up our land to them")});
  std::ostringstream s;
  WriteComparisonHtml(c, s);
  const std::string html = s.str();
  CHECK(html.find("<table id=\"heatmap\">") != std::string::npos);
  CHECK(html.find("A &amp; Co") != std::string::npos);
  CHECK(html.find("Anna &lt;Keller&gt;") != std::string::npos);
  CHECK(html.find("<mark class=\"w changed\" title=\"was: will\">shall</mark>") !=
        std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find(" src=") == std::string::npos);
}

}  // namespace saidby
