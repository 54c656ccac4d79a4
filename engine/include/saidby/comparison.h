// Comparison: quote tables from many outlets side by side: who is quoted where (speaker × source
// counts, direct quotes and reported speech apart) and which quotes share their words (clusters,
// with a relation and a word diff). A reported-speech row joins the cluster of the quote of the
// same speaker whose rare word stems it shares (a `paraphrase`); it never links to another
// reported row, so paraphrases cannot chain clusters.
// Pure, no I/O; the result depends only on the set of rows, never their order, so partial runs
// merge exactly by comparing the union of their rows. Cost: an index of rare words proposes a
// bounded number of candidates per distinct quote (those sharing the most IDF), each aligned
// word by word (O(words²) per pair up to 500 × 500 words, O(words) in a band beyond):
// near-linear in quotes. The Comparison owns copies of all it lists.
//
// Example:
//   Comparison c = Compare(rows);  // rows: QuoteRecords from extract or ReadQuoteTable
//   for (const QuoteCluster& k : c.clusters) for (const ClusterMember& m : k.members) ...
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "saidby/document.h"
#include "saidby/extractor.h"
#include "saidby/speaker_identity.h"
#include "saidby/words.h"

namespace saidby {

enum class Relation { kVerbatim, kExcerpt, kAltered, kConflict, kParaphrase, kUnique };
std::string_view RelationName(Relation r);

// One step of the alignment of a version against the version it is compared with (its anchor).
struct WordOp {
  enum class Kind {
    kSame,     // the same word in both
    kChanged,  // a word of the anchor replaced by another
    kAdded,    // a word only this version has, inside the shared stretch
    kDropped,  // an anchor word this version leaves out, inside the shared stretch
    kOutside,  // a word of this version beyond the shared stretch, or for an anchor's ellipsis
    kElided,   // anchor words that an ellipsis of this version stands for
  };
  Kind kind;
  size_t word = kNone;    // index into this version's tokens (kNone for kDropped, kElided)
  size_t anchor = kNone;  // index into the anchor's tokens (kNone for kAdded, kOutside)
  static constexpr size_t kNone = static_cast<size_t>(-1);
};

struct WordAlignment {
  bool linked = false;  // the two share enough words to belong together (see CompareOptions)
  Relation relation = Relation::kUnique;  // verbatim, excerpt or altered when linked
  double similarity = 0;  // 2·same / (words of both inside the shared stretch); 1 = no edits
  size_t same = 0, changed = 0, added = 0, dropped = 0;
  std::vector<WordOp> ops;  // in order; anchor-only words beyond the shared stretch are omitted
  size_t cells = 0;         // alignment cells scored: the work this pair cost
};

struct CompareOptions {
  size_t min_same_words = 3;    // default 3: fewer shared words never link two quotes
  double min_coverage = 0.5;    // default 0.5: shared words / words of the shorter quote
  double min_similarity = 0.6;  // default 0.6: below this, an edited quote is not linked
  // An edited (altered) pair links only when the same words carry this share of the IDF of the
  // words in the shared stretch: edits among common words ("I think it's …") are no evidence.
  double min_weighted_similarity = 0.75;  // default 0.75
  size_t max_candidates = 64;             // default 64: candidates aligned per distinct quote
  size_t max_posting = 512;               // default 512: more frequent words find no candidates
  size_t max_align_words = 4000;          // default 4000: longer quotes link only when identical
  // Pairs with more words × words than this are aligned in a band of ±align_band words around
  // the diagonal their shared 3-word runs lie on: work linear in the words, not quadratic.
  size_t full_align_cells = 250000;  // default 250000 (500 × 500 words)
  size_t align_band = 32;            // default 32
  // Quotes of different speakers share a cluster (a `conflict`) only when nearly the same
  // words in two different outlets: this similarity, this many shared words or all words of
  // the longer, and never fewer than conflict_min_words.
  double conflict_similarity = 0.9;  // default 0.9
  size_t conflict_words = 8;         // default 8
  size_t conflict_min_words = 6;     // default 6
  // A reported-speech row is a paraphrase of a quote of the same speaker when they share at
  // least paraphrase_words rare word stems (Snowball; the stop words of speakers.rules are no
  // content), and these carry at least
  // paraphrase_share of the IDF of all the reported row's stems. A stem is rare when found in
  // at most max_posting rows and at most rows^paraphrase_rare of them (IDF at least that share
  // of the largest), so generic words ("people", "very") link nothing at any corpus size.
  size_t paraphrase_words = 3;    // default 3
  double paraphrase_share = 0.4;  // default 0.4
  double paraphrase_rare = 0.6;   // default 0.6
  // Who is one speaker across documents (speaker_identity.h): rules, aliases.
  SpeakerIdentityOptions speakers;
  // Sources listed even when none of their rows is compared (every article's outlet), so an
  // outlet that quotes no one still gets its column of zeros.
  std::vector<std::string> sources;
};

// Aligns `version` against `anchor` (tokens from SplitQuoteWords): shared stretch with free
// ends on one side (an excerpt), ellipses absorbing any run of words, other differences edits.
WordAlignment AlignWords(const std::vector<std::string>& anchor,
                         const std::vector<std::string>& version,
                         const CompareOptions& options = {});

// Sparse, so that memory grows with the rows, not with speakers × sources.
struct SourceCount {
  size_t source = 0;    // index into Comparison::sources
  size_t quotes = 0;    // direct quotes (every kind but `reported`)
  size_t reported = 0;  // reported-speech rows; quotes + reported is never 0
};
struct SpeakerCounts {
  std::string speaker;              // canonical; empty: rows with no attributed speaker
  std::vector<SourceCount> counts;  // the sources that quote this speaker, in sources order
  size_t quotes = 0, reported = 0;
  size_t total = 0;  // quotes + reported
};

struct ClusterMember {
  size_t quote = 0;  // index into Comparison::quotes
  Relation relation = Relation::kUnique;
  double similarity = 0;
  size_t anchor = WordOp::kNone;  // the quote it was compared with; kNone when unique
  // This quote's words against the anchor's; for a paraphrase only the words whose stem the
  // anchor shares (kSame), in order.
  std::vector<WordOp> ops;
};

struct QuoteCluster {
  size_t id = 0;                       // 1, 2, … in output order
  std::vector<ClusterMember> members;  // the reference version first
};

struct Comparison {
  std::vector<QuoteRecord> quotes;      // scare rows dropped, duplicates dropped, sorted by
                                        // (source, doc, quote_id, then every other field);
                                        // reported-speech rows included (kind `reported`)
  std::vector<std::string> speaker;     // canonical speaker of each quote
  std::vector<QuoteWords> words;        // tokens of each quote
  std::vector<std::string> sources;     // sorted: those of the rows and options.sources
  std::vector<SpeakerCounts> speakers;  // by total (descending), then name; unattributed last
  std::vector<QuoteCluster> clusters;   // shared clusters first, then unique quotes
  std::vector<std::string> clashes;     // "source/doc#id: two different rows with this key"
};

Comparison Compare(std::vector<QuoteRecord> rows, const CompareOptions& options = {});

}  // namespace saidby
