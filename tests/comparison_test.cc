#include "saidby/comparison.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>

#include "saidby/comparison_printer.h"
#include "test_support.h"

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

TEST_CASE("relation conflict: only nearly the same words; a shared phrase is no conflict") {
  Comparison c = Compare(
      {Row("A", "a1", 1, "Anna Keller", "we will fight for every single vote in this state"),
       Row("B", "b1", 1, "Jon Varga", "we will fight for every single job")});
  // Linked by their words (6 shared, 0.86 similar), but two people may say a phrase alike.
  CHECK(AlignWords(c.words[0].folded, c.words[1].folded).linked);
  CHECK(c.clusters.size() == 2);
  CHECK(Find(c, "a1", 1).member->relation == Relation::kUnique);
  CHECK(Find(c, "b1", 1).member->relation == Relation::kUnique);
}

TEST_CASE("clusters: a quote joins the representative, never a chain through a member") {
  // b overlaps the end of a, c the end of b; a and c share no word.
  Comparison c =
      Compare({Row("A", "a1", 1, "X", "alpha bravo charlie delta echo foxtrot golf hotel"),
               Row("B", "b1", 1, "X", "echo foxtrot golf hotel india juliet kilo lima"),
               Row("C", "c1", 1, "X", "india juliet kilo lima mike november oscar papa")});
  CHECK(AlignWords(c.words[1].folded, c.words[2].folded).linked);
  CHECK(Find(c, "a1", 1).cluster == Find(c, "b1", 1).cluster);
  CHECK(Find(c, "c1", 1).cluster != Find(c, "a1", 1).cluster);
  CHECK(Find(c, "c1", 1).member->relation == Relation::kUnique);
}

TEST_CASE("candidates: versions that share rare words but no 3-word run are compared") {
  Comparison c =
      Compare({Row("A", "a1", 1, "X", "governor rejected pipeline deal tuesday"),
               Row("B", "b1", 1, "X", "the governor rejected the pipeline deal on tuesday")});
  REQUIRE(c.clusters.size() == 1);
  CHECK(Find(c, "b1", 1).member->relation == Relation::kAltered);
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

namespace {

// n distinct-looking words (a pseudo-random draw from about a million), the same for a seed.
std::vector<std::string> LongWords(size_t n, uint32_t seed) {
  std::vector<std::string> words;
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    words.push_back("w" + std::to_string(seed >> 12));
  }
  return words;
}

// Every hundredth word (from the 50th) changed, and one word dropped near the middle.
std::vector<std::string> Edited(std::vector<std::string> words) {
  for (size_t i = 50; i < words.size(); i += 100) words[i] = "changed";
  words.erase(words.begin() + static_cast<long>(words.size() / 2 + 7));
  return words;
}

}  // namespace

TEST_CASE("align words: long near-identical quotes cost work linear in their length") {
  size_t cells[2] = {0, 0};
  for (size_t run = 0; run < 2; ++run) {
    const size_t n = run == 0 ? 1000 : 4000;
    const std::vector<std::string> a = LongWords(n, 1);
    WordAlignment al = AlignWords(a, Edited(a));
    CHECK(al.linked);
    CHECK(al.relation == Relation::kAltered);
    CHECK(al.same == n - n / 100 - 1);
    CHECK(al.changed == n / 100);
    CHECK(al.dropped == 1);
    CHECK(al.added == 0);
    cells[run] = al.cells;
  }
  // Four times the words: about four times the work, not sixteen (the full table).
  CHECK(cells[1] < 5 * cells[0]);
  CHECK(cells[1] < size_t{4000} * 4000 / 10);
}

TEST_CASE("align words: the band follows the shared words, not the first diagonal") {
  const std::vector<std::string> a = LongWords(3000, 7);
  const std::vector<std::string> excerpt(a.begin() + 1000, a.begin() + 2600);
  for (bool reversed : {false, true}) {
    WordAlignment al = reversed ? AlignWords(excerpt, a) : AlignWords(a, excerpt);
    CHECK(al.relation == Relation::kExcerpt);
    CHECK(al.same == 1600);
    CHECK(al.changed + al.added + al.dropped == 0);
  }
  // An ellipsis for 30 words inside a long quote is still absorbed.
  std::vector<std::string> cut(a.begin(), a.begin() + 1500);
  cut.emplace_back(kEllipsis);
  cut.insert(cut.end(), a.begin() + 1530, a.end());
  WordAlignment al = AlignWords(a, cut);
  CHECK(al.relation == Relation::kExcerpt);
  CHECK(al.same == 2970);
  CHECK(std::count_if(al.ops.begin(), al.ops.end(),
                      [](const WordOp& op) { return op.kind == WordOp::Kind::kElided; }) == 30);
}

TEST_CASE("align words: in the band, the same answer as the full table when edits lie inside") {
  CompareOptions full;
  full.full_align_cells = static_cast<size_t>(-1);
  for (uint32_t seed : {3u, 4u, 5u}) {
    const std::vector<std::string> a = LongWords(700 + 50 * seed, seed);
    std::vector<std::string> b = Edited(a);
    b.insert(b.begin() + 300, {"one", "two", "three"});
    b.erase(b.begin() + 10, b.begin() + 25);  // an excerpt: the first words left out
    WordAlignment banded = AlignWords(a, b), exact = AlignWords(a, b, full);
    CHECK(banded.cells < exact.cells);
    CHECK(banded.relation == exact.relation);
    CHECK(banded.similarity == exact.similarity);
    CHECK(banded.same == exact.same);
    CHECK(banded.changed == exact.changed);
    CHECK(banded.added == exact.added);
    CHECK(banded.dropped == exact.dropped);
    REQUIRE(banded.ops.size() == exact.ops.size());
    for (size_t i = 0; i < banded.ops.size(); ++i) {
      CHECK(banded.ops[i].kind == exact.ops[i].kind);
      CHECK(banded.ops[i].word == exact.ops[i].word);
      CHECK(banded.ops[i].anchor == exact.ops[i].anchor);
    }
  }
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
  CHECK(s.str() ==
        "speaker,A,B,A reported,B reported,direct,reported,total\r\n"
        "Marco Rubio,2,1,0,0,3,0,3\r\n,1,0,0,0,1,0,1\r\n");
}

TEST_CASE("speaker counts: reported speech apart, and an outlet with no rows still a column") {
  CompareOptions options;
  options.sources = {"D", "A"};  // D: an outlet whose articles had nothing attributed
  Comparison c = Compare({Row("A", "a1", 1, "Marco Rubio", "four five six"),
                          Row("C", "c1", 1, "Rubio", "talks were useful", "reported"),
                          Row("C", "c1", 2, "Marco Rubio", "the war can end", "reported"),
                          Row("A", "a1", 2, "", "someone said something", "reported")},
                         options);
  CHECK(c.sources == std::vector<std::string>{"A", "C", "D"});
  std::ostringstream s;
  WriteSpeakersCsv(c, s);
  CHECK(s.str() ==
        "speaker,A,C,D,A reported,C reported,D reported,direct,reported,total\r\n"
        "Marco Rubio,1,0,0,0,2,0,1,2,3\r\n,0,0,0,1,0,0,0,1,1\r\n");
}

TEST_CASE("speaker counts: sparse, and past the source cap the rest share one column") {
  // 300 sources, each with one speaker of its own; source "S299" also quotes the first speaker.
  std::vector<QuoteRecord> rows;
  for (size_t i = 0; i < 300; ++i) {
    rows.push_back(Row("S" + std::to_string(i), "d" + std::to_string(i), 1,
                       "Speaker" + std::to_string(i) + " Person",
                       "quote number " + std::to_string(i) + " of many"));
  }
  rows.push_back(Row("S299", "d299", 2, "Speaker0 Person", "one more quote here"));
  Comparison c = Compare(rows);
  size_t entries = 0;
  for (const SpeakerCounts& s : c.speakers) entries += s.counts.size();
  CHECK(entries == 301);  // one per (speaker, source) that occurs, not speakers × sources

  std::ostringstream csv;
  WriteSpeakersCsv(c, csv);
  const std::string table = csv.str();
  const std::string header = table.substr(0, table.find("\r\n"));
  CHECK(std::count(header.begin(), header.end(), ',') == 2 * (256 + 1) + 3);
  CHECK(header.find(",S299,") != std::string::npos);  // the busiest source keeps its column
  CHECK(header.find(",(44 other sources),") != std::string::npos);
  CHECK(header.find(",(44 other sources) reported,direct,reported,total") != std::string::npos);
  // Speaker0 is quoted by S0 (a column) and S299 (a column); Speaker1 by S1 (a column).
  CHECK(table.find("\r\nSpeaker0 Person,1,") != std::string::npos);
  CHECK(table.substr(table.find("\r\nSpeaker0 Person,")).find(",0,2,0,2\r\n") != std::string::npos);

  std::ostringstream html;
  WriteComparisonHtml(c, html);
  CHECK(html.str().find("<p id=\"heatmap-note\">Not shown: 0 speakers and 260 sources with "
                        "fewer quotes, 260 quotes in all") != std::string::npos);
}

namespace {

CompareOptions WithRules() {
  CompareOptions o;
  o.speakers.rules = &testing::ShippedRules();
  return o;
}

// Rows of other people about other things, so that IDF tells rare words from generic ones:
// "people", "country", "a", "today" are in most of them.
std::vector<QuoteRecord> Background() {
  const char* topics[] = {"schools",  "hospitals", "roads",    "farmers",  "bridges",
                          "pensions", "police",    "harbors",  "railways", "museums",
                          "forests",  "prisons",   "airports", "courts",   "libraries",
                          "rivers",   "stadiums",  "markets",  "clinics",  "tunnels"};
  std::vector<QuoteRecord> rows;
  size_t id = 1;
  for (const char* topic : topics) {
    const std::string t = topic;
    rows.push_back(Row("B", "b1", id++, "Person " + t,
                       "People in this country care a lot about " + t + " today"));
    rows.push_back(Row("D", "d1", id++, "Other " + t,
                       "The people of the country were told today that " + t + " are very safe",
                       "reported"));
  }
  return rows;
}

}  // namespace

TEST_CASE("relation paraphrase: reported speech joins the quote it restates, stems compared") {
  std::vector<QuoteRecord> rows = Background();
  rows.push_back(Row("A", "a1", 1, "Anna Keller",
                     "The ministry has approved the pipeline contracts and rejected the mining "
                     "permits, which is normal in a long negotiation."));
  rows.push_back(Row("C", "c1", 1, "Keller",
                     "the ministry had approved a pipeline contract but was rejecting the "
                     "permits for mining",
                     "reported"));
  Comparison c = Compare(rows, WithRules());
  Found quote = Find(c, "a1", 1), reported = Find(c, "c1", 1);
  CHECK(quote.cluster == reported.cluster);
  CHECK(reported.member->relation == Relation::kParaphrase);
  CHECK(quote.member->relation == Relation::kParaphrase);  // stated against its paraphrase
  CHECK(c.quotes[reported.member->anchor].doc == "a1");
  CHECK(reported.member->similarity >= 0.4);
  CHECK(WordDiff(c, *reported.member) ==
        "shared: ministry approved pipeline contract rejecting "
        "permits mining");
  const std::string csv = ClustersCsv(c);
  CHECK(csv.find(",c1,1,reported,") != std::string::npos);
  CHECK(csv.find(",paraphrase,") != std::string::npos);
  std::ostringstream html;
  WriteComparisonHtml(c, html);
  CHECK(html.str().find("data-relation=\"paraphrase\"") != std::string::npos);
  CHECK(html.str().find("reported speech") != std::string::npos);
}

TEST_CASE(
    "relation paraphrase: not for the same speaker on other matters, generic words, "
    "another speaker, or another reported row") {
  std::vector<QuoteRecord> rows = Background();
  rows.push_back(Row("A", "a1", 1, "Anna Keller",
                     "The ministry has approved the pipeline contracts and rejected the mining "
                     "permits, which is normal in a long negotiation."));
  rows.push_back(Row("A", "a1", 2, "Anna Keller",
                     "People in this country are very proud today, and they should be."));
  // Same speaker, same outlet topic, different content: only "ministry" is shared.
  rows.push_back(Row("C", "c1", 1, "Anna Keller",
                     "the ministry would lower the taxes paid by fishermen next spring",
                     "reported"));
  // Same speaker, only generic words shared with her second quote.
  rows.push_back(
      Row("C", "c1", 2, "Anna Keller", "people in the country were very proud today", "reported"));
  // Another speaker restating her words is no paraphrase of her.
  rows.push_back(Row("C", "c1", 3, "Boris Lind",
                     "the ministry had approved pipeline contracts and rejected mining permits",
                     "reported"));
  // Two reported rows alike link to no quote and so not to each other.
  rows.push_back(
      Row("E", "e1", 1, "Boris Lind", "tariffs on copper wire would double by June", "reported"));
  rows.push_back(
      Row("F", "f1", 1, "Boris Lind", "tariffs on copper wire would double by June", "reported"));
  Comparison c = Compare(rows, WithRules());
  for (auto [doc, id] : std::vector<std::pair<std::string, size_t>>{
           {"c1", 1}, {"c1", 2}, {"c1", 3}, {"e1", 1}, {"f1", 1}}) {
    CAPTURE(doc);
    CAPTURE(id);
    Found f = Find(c, doc, id);
    CHECK(f.member->relation == Relation::kUnique);
    CHECK(f.cluster->members.size() == 1);
  }
  CHECK(Find(c, "a1", 1).cluster->members.size() == 1);
}

TEST_CASE("relation paraphrase: one quote at most, the one it shares most with") {
  std::vector<QuoteRecord> rows = Background();
  rows.push_back(Row("A", "a1", 1, "Anna Keller",
                     "We approved the pipeline contracts after months of talks in Oslo."));
  rows.push_back(Row("B", "b9", 1, "Anna Keller",
                     "The pipeline contracts were approved, and the mining permits rejected, "
                     "after months of talks."));
  rows.push_back(Row("C", "c1", 1, "Anna Keller",
                     "the pipeline contracts had been approved and mining permits rejected",
                     "reported"));
  Comparison c = Compare(rows, WithRules());
  Found r = Find(c, "c1", 1);
  REQUIRE(r.member->relation == Relation::kParaphrase);
  CHECK(c.quotes[r.member->anchor].doc == "b9");
  size_t paraphrases = 0;
  for (const QuoteCluster& k : c.clusters) {
    for (const ClusterMember& m : k.members) {
      paraphrases += m.relation == Relation::kParaphrase && c.quotes[m.quote].doc == "c1";
    }
  }
  CHECK(paraphrases == 1);
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
