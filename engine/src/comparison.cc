#include "saidby/comparison.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "saidby/rule_set.h"
#include "stemmer.h"
#include "text_util.h"

namespace saidby {
namespace {

bool IsEllipsisToken(const std::string& t) { return t == kEllipsis; }

size_t WordCount(const std::vector<std::string>& tokens, size_t from = 0,
                 size_t to = static_cast<size_t>(-1)) {
  to = std::min(to, tokens.size());
  size_t n = 0;
  for (size_t i = from; i < to; ++i) n += IsEllipsisToken(tokens[i]) ? 0 : 1;
  return n;
}

}  // namespace

std::string_view RelationName(Relation r) {
  switch (r) {
    case Relation::kVerbatim:
      return "verbatim";
    case Relation::kExcerpt:
      return "excerpt";
    case Relation::kAltered:
      return "altered";
    case Relation::kConflict:
      return "conflict";
    case Relation::kParaphrase:
      return "paraphrase";
    case Relation::kUnique:
      return "unique";
  }
  return "unique";
}

namespace {

// The diagonal (j − i) on which most 3-word runs found once in each of a and b lie: where a
// band around the alignment of two long versions belongs. Ties go to the diagonal nearer 0.
ptrdiff_t BandDiagonal(const std::vector<int>& a, const std::vector<int>& b) {
  using Run = std::tuple<int, int, int>;
  // Each run with its position, sorted; kNone for a run that recurs. Sorted vectors, not maps:
  // two long versions are compared up to 64 times each.
  auto runs = [](const std::vector<int>& ids) {
    std::vector<std::pair<Run, size_t>> at;
    for (size_t i = 0; i + 3 <= ids.size(); ++i) {
      if (ids[i] == 0 || ids[i + 1] == 0 || ids[i + 2] == 0) continue;  // an ellipsis
      at.push_back({Run{ids[i], ids[i + 1], ids[i + 2]}, i});
    }
    std::sort(at.begin(), at.end());
    std::vector<std::pair<Run, size_t>> once;
    for (size_t i = 0; i < at.size(); ++i) {
      if (i > 0 && at[i].first == at[i - 1].first) {
        once.back().second = WordOp::kNone;
      } else {
        once.push_back(at[i]);
      }
    }
    return once;
  };
  const std::vector<std::pair<Run, size_t>> in_a = runs(a), in_b = runs(b);
  std::vector<ptrdiff_t> votes;
  for (size_t x = 0, y = 0; x < in_a.size() && y < in_b.size();) {
    if (in_a[x].first < in_b[y].first) {
      ++x;
    } else if (in_b[y].first < in_a[x].first) {
      ++y;
    } else {
      if (in_a[x].second != WordOp::kNone && in_b[y].second != WordOp::kNone) {
        votes.push_back(static_cast<ptrdiff_t>(in_b[y].second) -
                        static_cast<ptrdiff_t>(in_a[x].second));
      }
      ++x, ++y;
    }
  }
  std::sort(votes.begin(), votes.end());
  ptrdiff_t best = 0;
  size_t best_votes = 0;
  for (size_t v = 0; v < votes.size();) {
    size_t end = v;
    while (end < votes.size() && votes[end] == votes[v]) ++end;
    const ptrdiff_t d = votes[v];
    if (end - v > best_votes || (end - v == best_votes && std::abs(d) < std::abs(best))) {
      best = d, best_votes = end - v;
    }
    v = end;
  }
  return std::clamp<ptrdiff_t>(best, -static_cast<ptrdiff_t>(a.size()),
                               static_cast<ptrdiff_t>(b.size()));
}

}  // namespace

WordAlignment AlignWords(const std::vector<std::string>& a, const std::vector<std::string>& b,
                         const CompareOptions& options) {
  WordAlignment result;
  const size_t n = a.size(), m = b.size();
  using Kind = WordOp::Kind;
  constexpr size_t kNone = WordOp::kNone;
  const size_t shorter = std::min(WordCount(a), WordCount(b));
  auto decide_link = [&]() {
    result.linked =
        result.same >= options.min_same_words &&
        static_cast<double>(result.same) >= options.min_coverage * static_cast<double>(shorter) &&
        result.similarity >= options.min_similarity;
  };
  if (a == b) {
    for (size_t i = 0; i < n; ++i) result.ops.push_back({Kind::kSame, i, i});
    result.same = shorter;
    result.similarity = shorter > 0 ? 1.0 : 0.0;
    decide_link();
    result.relation = result.linked ? Relation::kVerbatim : Relation::kUnique;
    return result;
  }
  if (n > options.max_align_words || m > options.max_align_words) return result;
  // Words as small ids (0: ellipsis; b's words absent from a get ids no a word has), so the
  // O(n·m) loop compares integers, not strings.
  std::unordered_map<std::string_view, int> ids;
  ids.emplace(kEllipsis, 0);
  std::vector<int> ida(n), idb(m);
  for (size_t i = 0; i < n; ++i)
    ida[i] = ids.emplace(a[i], static_cast<int>(ids.size())).first->second;
  for (size_t j = 0; j < m; ++j)
    idb[j] = ids.emplace(b[j], static_cast<int>(ids.size())).first->second;
  auto ell_a = [&](size_t i) { return i > 0 && ida[i - 1] == 0; };
  auto ell_b = [&](size_t j) { return j > 0 && idb[j - 1] == 0; };

  // Overlap alignment: the path starts on the top row or left column (a free prefix of one
  // side) and ends on the bottom row or right column (a free suffix of one side), so an
  // excerpt costs nothing. Same word +1, changed/added/dropped −1, ellipsis absorption 0.
  // Row i holds the cells lo(i)..hi(i): all of them, or for a large pair the band around
  // j − i = diagonal; cells outside score −∞.
  const bool banded = n * m > options.full_align_cells;
  const ptrdiff_t band = static_cast<ptrdiff_t>(std::max<size_t>(options.align_band, 1));
  const ptrdiff_t diagonal = banded ? BandDiagonal(ida, idb) : 0;
  const size_t width = banded ? static_cast<size_t>(2 * band + 1) : m + 1;
  auto base = [&](size_t i) { return banded ? static_cast<ptrdiff_t>(i) + diagonal - band : 0; };
  auto lo = [&](size_t i) { return std::max<ptrdiff_t>(base(i), 0); };
  auto hi = [&](size_t i) {
    return banded ? std::min<ptrdiff_t>(base(i) + 2 * band, static_cast<ptrdiff_t>(m))
                  : static_cast<ptrdiff_t>(m);
  };
  auto in_row = [&](size_t i, size_t j) {
    return static_cast<ptrdiff_t>(j) >= lo(i) && static_cast<ptrdiff_t>(j) <= hi(i);
  };
  auto cell = [&](size_t i, size_t j) {
    return i * width + static_cast<size_t>(static_cast<ptrdiff_t>(j) - base(i));
  };
  enum Move : uint8_t { kStart, kDiag, kUp, kLeft };
  std::vector<uint8_t> moves((n + 1) * width, kStart);
  constexpr int kNegInf = INT_MIN / 4;
  // Only the cells of a row's band are written and read, so the rows need no clearing.
  std::vector<int> prev(m + 1, 0), cur(m + 1, 0);
  std::vector<int> last_col(n + 1, kNegInf);
  if (in_row(0, m)) last_col[0] = 0;
  for (size_t i = 1; i <= n; ++i) {
    const ptrdiff_t row_lo = lo(i), row_hi = hi(i), prev_hi = hi(i - 1);
    if (row_lo == 0) cur[0] = 0;  // free prefix of a
    for (ptrdiff_t row_j = std::max<ptrdiff_t>(row_lo, 1); row_j <= row_hi; ++row_j) {
      // The cell up-left lies on the same diagonal, so inside the band; up and left may not.
      const size_t j = static_cast<size_t>(row_j);
      const int diag_score = prev[j - 1];
      const int up_score = row_j <= prev_hi ? prev[j] : kNegInf;
      const int left_score = row_j > row_lo ? cur[j - 1] : kNegInf;
      int best = kNegInf;
      uint8_t move = kStart;
      if (ell_a(i) == ell_b(j)) {
        const int s = ell_a(i) ? 0 : (ida[i - 1] == idb[j - 1] ? 1 : -1);
        best = diag_score + s;
        move = kDiag;
      }
      const int up = up_score + ((ell_a(i) || ell_b(j)) ? 0 : -1);
      if (up > best) {
        best = up;
        move = kUp;
      }
      const int left = left_score + ((ell_b(j) || ell_a(i)) ? 0 : -1);
      if (left > best) {
        best = left;
        move = kLeft;
      }
      cur[j] = best;
      moves[cell(i, j)] = move;
      ++result.cells;
    }
    if (in_row(i, m)) last_col[i] = cur[m];
    std::swap(prev, cur);
  }
  // prev now holds the bottom row (or the free top row when n == 0).
  size_t end_i = n, end_j = m;
  int end_score = n == 0 ? 0 : (in_row(n, m) ? prev[m] : kNegInf);
  for (size_t j = m; j-- > 0;) {
    if (n > 0 && in_row(n, j) && prev[j] > end_score) end_score = prev[j], end_i = n, end_j = j;
  }
  for (size_t i = n; i-- > 0;) {
    if (last_col[i] > end_score) end_score = last_col[i], end_i = i, end_j = m;
  }
  assert(end_score > kNegInf / 2);

  std::vector<WordOp> ops;
  size_t outside_a = 0, outside_b = 0, elided = 0;
  for (size_t j = m; j > end_j; --j) {
    ops.push_back({Kind::kOutside, j - 1, kNone});
    if (!IsEllipsisToken(b[j - 1])) ++outside_b;
  }
  outside_a += WordCount(a, end_i);
  size_t i = end_i, j = end_j;
  while (i > 0 && j > 0 && moves[cell(i, j)] != kStart) {
    assert(in_row(i, j));
    switch (moves[cell(i, j)]) {
      case kDiag:
        if (ell_a(i) || ida[i - 1] == idb[j - 1]) {
          ops.push_back({Kind::kSame, j - 1, i - 1});
          if (!ell_a(i)) ++result.same;
        } else {
          ops.push_back({Kind::kChanged, j - 1, i - 1});
          ++result.changed;
        }
        --i, --j;
        break;
      case kUp:
        if (ell_a(i)) {
          // The anchor's own ellipsis, matched with nothing: no word of this version.
        } else if (ell_b(j)) {
          ops.push_back({Kind::kElided, kNone, i - 1});
          ++elided;
        } else {
          ops.push_back({Kind::kDropped, kNone, i - 1});
          ++result.dropped;
        }
        --i;
        break;
      case kLeft:
        if (ell_b(j) || ell_a(i)) {
          ops.push_back({Kind::kOutside, j - 1, kNone});
          if (!ell_b(j)) ++elided;
        } else {
          ops.push_back({Kind::kAdded, j - 1, kNone});
          ++result.added;
        }
        --j;
        break;
    }
  }
  for (; j > 0; --j) {
    ops.push_back({Kind::kOutside, j - 1, kNone});
    if (!IsEllipsisToken(b[j - 1])) ++outside_b;
  }
  outside_a += WordCount(a, 0, i);
  std::reverse(ops.begin(), ops.end());
  result.ops = std::move(ops);

  const size_t edits = result.changed + result.added + result.dropped;
  const size_t stretch = 2 * result.same + 2 * result.changed + result.added + result.dropped;
  result.similarity =
      stretch == 0 ? 0.0 : 2.0 * static_cast<double>(result.same) / static_cast<double>(stretch);
  decide_link();
  if (!result.linked) {
    result.relation = Relation::kUnique;
  } else if (edits > 0) {
    result.relation = Relation::kAltered;
  } else if (outside_a + outside_b + elided > 0) {
    result.relation = Relation::kExcerpt;
  } else {
    result.relation = Relation::kVerbatim;
  }
  return result;
}

namespace {

auto FullKey(const QuoteRecord& r) {
  return std::tie(r.source, r.doc, r.quote_id, r.start, r.end, r.kind, r.speaker, r.mention, r.cue,
                  r.rule, r.confidence, r.quote);
}

// Distinct word sequences linked into clusters: the expensive part, on sequences rather than rows
// so a quote repeated by a thousand outlets is aligned once.
struct SequenceLinks {
  std::vector<size_t> seq_of_quote;
  std::map<std::pair<size_t, size_t>, double> linked;  // (lower, higher) → similarity
  std::vector<size_t> root;                            // per sequence
  // IDF of each word over the distinct sequences, smoothed: 1 + log((1 + sequences) / (1 + df)),
  // so that in a handful of quotes a shared word still weighs something. Views into the tokens.
  std::unordered_map<std::string_view, double> idf;
};

// An alignment whose edits (an `altered` claim) rest on words that carry little weight is no
// link: "I think it's coming" against "I think it's all pie in the sky" shares only common
// words. The IDF-weighted share of the same words in the shared stretch must reach
// options.min_weighted_similarity; verbatim and excerpt links are kept as they are.
WordAlignment Supported(WordAlignment al, const std::vector<std::string>& a,
                        const std::vector<std::string>& b,
                        const std::unordered_map<std::string_view, double>& idf,
                        const CompareOptions& options) {
  if (!al.linked || al.relation != Relation::kAltered) return al;
  auto weight = [&](const std::string& w) {
    if (IsEllipsisToken(w)) return 0.0;
    const auto it = idf.find(w);
    return it == idf.end() ? 0.0 : it->second;
  };
  double same = 0, all = 0;
  for (const WordOp& op : al.ops) {
    const double wa = op.anchor == WordOp::kNone ? 0 : weight(a[op.anchor]);
    const double wb = op.word == WordOp::kNone ? 0 : weight(b[op.word]);
    switch (op.kind) {
      case WordOp::Kind::kSame:
        same += wa + wb;
        all += wa + wb;
        break;
      case WordOp::Kind::kChanged:
      case WordOp::Kind::kAdded:
      case WordOp::Kind::kDropped:
        all += wa + wb;
        break;
      default:
        break;
    }
  }
  if (all > 0 && same / all < options.min_weighted_similarity) {
    al.linked = false;
    al.relation = Relation::kUnique;
  }
  return al;
}

// `words`: the folded tokens of each quote, borrowed (the caller's copy is the only one).
SequenceLinks LinkSequences(const std::vector<const std::vector<std::string>*>& words,
                            const CompareOptions& options) {
  SequenceLinks out;
  struct Less {
    bool operator()(const std::vector<std::string>* x, const std::vector<std::string>* y) const {
      return *x < *y;
    }
  };
  std::map<const std::vector<std::string>*, size_t, Less> seq_id;
  std::vector<const std::vector<std::string>*> seqs;
  out.seq_of_quote.reserve(words.size());
  for (const std::vector<std::string>* w : words) {
    auto [it, inserted] = seq_id.emplace(w, seqs.size());
    if (inserted) seqs.push_back(w);
    out.seq_of_quote.push_back(it->second);
  }
  // Candidates share rare words, weighed by IDF, log(sequences / df): a word in more than
  // max_posting sequences is a stop word here ("the", "a lot of"), evidence of nothing and a
  // long list. No share of the input: the words of a quote a hundred outlets carry are common.
  std::vector<std::vector<std::string_view>> distinct(seqs.size());
  std::unordered_map<std::string_view, std::vector<uint32_t>> posting;
  for (size_t s = 0; s < seqs.size(); ++s) {
    const std::vector<std::string>& t = *seqs[s];
    if (t.size() > options.max_align_words) continue;
    for (const std::string& w : t) {
      if (!IsEllipsisToken(w)) distinct[s].push_back(w);
    }
    std::sort(distinct[s].begin(), distinct[s].end());
    distinct[s].erase(std::unique(distinct[s].begin(), distinct[s].end()), distinct[s].end());
    for (std::string_view w : distinct[s]) posting[w].push_back(static_cast<uint32_t>(s));
  }
  for (const auto& [w, list] : posting) {
    out.idf[w] = 1.0 + std::log((1.0 + static_cast<double>(seqs.size())) /
                                (1.0 + static_cast<double>(list.size())));
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  std::unordered_map<uint32_t, double> shared;
  for (size_t s = 0; s < seqs.size(); ++s) {
    shared.clear();
    for (std::string_view w : distinct[s]) {
      const std::vector<uint32_t>& list = posting[w];
      if (list.size() > options.max_posting) continue;
      const double idf =
          std::log(static_cast<double>(seqs.size()) / static_cast<double>(list.size()));
      for (uint32_t t : list) {
        if (t != s) shared[t] += idf;
      }
    }
    std::vector<std::pair<double, uint32_t>> ranked;  // (shared IDF, sequence)
    ranked.reserve(shared.size());
    for (auto [t, weight] : shared) ranked.emplace_back(weight, t);
    const size_t keep = std::min(ranked.size(), options.max_candidates);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                      [](const auto& x, const auto& y) {
                        return x.first != y.first ? x.first > y.first : x.second < y.second;
                      });
    for (size_t r = 0; r < keep; ++r) {
      pairs.emplace_back(std::min<size_t>(s, ranked[r].second),
                         std::max<size_t>(s, ranked[r].second));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<std::vector<std::pair<size_t, double>>> partners(seqs.size());
  for (auto [x, y] : pairs) {
    WordAlignment al =
        Supported(AlignWords(*seqs[x], *seqs[y], options), *seqs[x], *seqs[y], out.idf, options);
    if (!al.linked) continue;
    out.linked[{x, y}] = al.similarity;
    partners[x].emplace_back(y, al.similarity);
    partners[y].emplace_back(x, al.similarity);
  }
  // Clusters around representatives, not through any member: the longest sequences first
  // (ties: sequence order, which is word order, so row order never matters) each join the
  // representative they match best, or become one. A short phrase that two long quotes share
  // ("a lot of") cannot chain them.
  std::vector<size_t> order(seqs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return WordCount(*seqs[x]) > WordCount(*seqs[y]); });
  out.root.assign(seqs.size(), WordOp::kNone);
  for (size_t s : order) {
    size_t best = WordOp::kNone;
    double best_similarity = -1;
    for (auto [t, similarity] : partners[s]) {
      if (out.root[t] != t) continue;  // not (yet) a representative
      if (similarity > best_similarity || (similarity == best_similarity && t < best)) {
        best = t, best_similarity = similarity;
      }
    }
    out.root[s] = best == WordOp::kNone ? s : best;
  }
  return out;
}

// Reported-speech rows joined to the direct quote of the same speaker they restate: the one
// whose rare stems carry the largest share of the row's IDF (CompareOptions::paraphrase_*),
// ties to the first quote. A reported row links to one quote at most and never to another
// reported row, so nothing chains through it; the rest become clusters of their own.
void AddParaphrases(const Comparison& c, const std::vector<bool>& reported,
                    const CompareOptions& options, std::vector<QuoteCluster>& shared,
                    std::vector<QuoteCluster>& unique) {
  const size_t nq = c.quotes.size();
  const RuleSet* rules = options.speakers.rules;
  Stemmer stemmer;
  // Per token; "" for an ellipsis or a stop word (rules' stop_words.txt). Views into one stem
  // per distinct word (node-based map: they stay valid), not a string per token.
  std::unordered_map<std::string_view, std::string> stem_of;
  std::vector<std::vector<std::string_view>> stems(nq);
  std::vector<std::vector<std::string_view>> distinct(nq);
  std::unordered_map<std::string_view, size_t> df;
  bool any_reported = false;
  for (size_t q = 0; q < nq; ++q) any_reported = any_reported || reported[q];
  if (!any_reported) return;
  for (size_t q = 0; q < nq; ++q) {
    const std::vector<std::string>& tokens = c.words[q].folded;
    if (tokens.size() > options.max_align_words) continue;
    stems[q].reserve(tokens.size());
    for (const std::string& t : tokens) {
      auto [it, inserted] = stem_of.try_emplace(t);
      if (inserted) {
        const bool stop = IsEllipsisToken(t) || (rules != nullptr && rules->IsStopWord(t));
        if (!stop) it->second = stemmer.Stem(t);
      }
      stems[q].push_back(it->second);
    }
    for (std::string_view st : stems[q]) {
      if (!st.empty()) distinct[q].push_back(st);
    }
    std::sort(distinct[q].begin(), distinct[q].end());
    distinct[q].erase(std::unique(distinct[q].begin(), distinct[q].end()), distinct[q].end());
    for (std::string_view st : distinct[q]) ++df[st];
  }
  auto idf = [&](std::string_view st) {
    return std::log(static_cast<double>(nq) / static_cast<double>(df.at(st)));
  };
  const double rare_df = std::pow(static_cast<double>(nq), options.paraphrase_rare);
  auto rare = [&](std::string_view st) {
    const size_t n = df.at(st);
    return n <= options.max_posting && static_cast<double>(n) <= rare_df;
  };
  // Rare stem → attributed direct quotes that hold it.
  std::unordered_map<std::string_view, std::vector<uint32_t>> posting;
  for (size_t q = 0; q < nq; ++q) {
    if (reported[q] || c.speaker[q].empty()) continue;
    for (std::string_view st : distinct[q]) {
      if (rare(st)) posting[st].push_back(static_cast<uint32_t>(q));
    }
  }
  // The words of `q` whose stem `other` also holds, as kSame ops against `other`'s first one.
  auto shared_ops = [&](size_t q, size_t other) {
    std::vector<WordOp> ops;
    for (size_t i = 0; i < stems[q].size(); ++i) {
      const std::string_view st = stems[q][i];
      if (st.empty() || !rare(st)) continue;
      const auto at = std::find(stems[other].begin(), stems[other].end(), st);
      if (at != stems[other].end()) {
        ops.push_back({WordOp::Kind::kSame, i, static_cast<size_t>(at - stems[other].begin())});
      }
    }
    return ops;
  };

  // Quote → (shared?, cluster index) for the clusters that hold it.
  std::unordered_map<size_t, std::pair<bool, size_t>> home;
  for (size_t k = 0; k < shared.size(); ++k) {
    for (const ClusterMember& m : shared[k].members) home[m.quote] = {true, k};
  }
  for (size_t k = 0; k < unique.size(); ++k) home[unique[k].members[0].quote] = {false, k};
  std::vector<QuoteCluster> alone;
  std::vector<bool> grown(unique.size(), false);
  std::unordered_map<uint32_t, std::pair<double, size_t>> overlap;  // quote → (IDF, stems)
  for (size_t r = 0; r < nq; ++r) {
    if (!reported[r]) continue;
    double total = 0;
    overlap.clear();
    if (!c.speaker[r].empty()) {
      for (std::string_view st : distinct[r]) {
        total += idf(st);
        if (!rare(st)) continue;
        const auto list = posting.find(st);
        if (list == posting.end()) continue;
        for (uint32_t q : list->second) {
          if (c.speaker[q] != c.speaker[r]) continue;
          auto& o = overlap[q];
          o.first += idf(st);
          ++o.second;
        }
      }
    }
    size_t best = WordOp::kNone;
    double best_share = 0;
    for (auto [q, o] : overlap) {
      if (o.second < options.paraphrase_words || total <= 0) continue;
      const double share = o.first / total;
      if (share < options.paraphrase_share) continue;
      if (share > best_share || (share == best_share && q < best)) best = q, best_share = share;
    }
    if (best == WordOp::kNone) {
      alone.push_back({0, {{r, Relation::kUnique, 0, WordOp::kNone, {}}}});
      continue;
    }
    auto [is_shared, k] = home.at(best);
    QuoteCluster& cluster = is_shared ? shared[k] : unique[k];
    if (!is_shared && !grown[k]) {
      // A quote no other quote shares: stated against its first paraphrase.
      grown[k] = true;
      cluster.members[0] = {best, Relation::kParaphrase, best_share, r, shared_ops(best, r)};
    }
    cluster.members.push_back({r, Relation::kParaphrase, best_share, best, shared_ops(r, best)});
  }
  std::vector<QuoteCluster> still_unique;
  for (size_t k = 0; k < unique.size(); ++k) {
    (grown[k] ? shared : still_unique).push_back(std::move(unique[k]));
  }
  for (QuoteCluster& a : alone) still_unique.push_back(std::move(a));
  unique = std::move(still_unique);
}

}  // namespace

Comparison Compare(std::vector<QuoteRecord> rows, const CompareOptions& options) {
  Comparison c;
  std::erase_if(rows, [](const QuoteRecord& r) { return r.kind == "scare"; });
  for (QuoteRecord& r : rows) r.explain.clear();
  std::sort(rows.begin(), rows.end(),
            [](const QuoteRecord& x, const QuoteRecord& y) { return FullKey(x) < FullKey(y); });
  for (QuoteRecord& r : rows) {
    if (!c.quotes.empty()) {
      const QuoteRecord& last = c.quotes.back();
      if (std::tie(last.source, last.doc, last.quote_id) == std::tie(r.source, r.doc, r.quote_id)) {
        if (FullKey(last) != FullKey(r)) {
          c.clashes.push_back(r.source + "/" + r.doc + "#" + std::to_string(r.quote_id) +
                              ": two different rows with this key; the first in sort order kept");
        }
        continue;
      }
    }
    c.quotes.push_back(std::move(r));
  }
  c.clashes.erase(std::unique(c.clashes.begin(), c.clashes.end()), c.clashes.end());

  const size_t nq = c.quotes.size();
  std::vector<std::string> names(nq);
  for (size_t q = 0; q < nq; ++q) names[q] = c.quotes[q].speaker;
  c.speaker = CanonicalSpeakers(names, options.speakers);
  c.words.reserve(nq);
  for (const QuoteRecord& r : c.quotes) c.words.push_back(SplitQuoteWords(r.quote));

  for (const QuoteRecord& r : c.quotes) c.sources.push_back(r.source);
  c.sources.insert(c.sources.end(), options.sources.begin(), options.sources.end());
  std::sort(c.sources.begin(), c.sources.end());
  c.sources.erase(std::unique(c.sources.begin(), c.sources.end()), c.sources.end());
  std::vector<bool> reported(nq);
  for (size_t q = 0; q < nq; ++q) reported[q] = c.quotes[q].kind == "reported";
  // speaker → source → (direct quotes, reported rows)
  std::map<std::string, std::map<size_t, std::pair<size_t, size_t>>> by_speaker;
  for (size_t q = 0; q < nq; ++q) {
    const size_t src = static_cast<size_t>(
        std::lower_bound(c.sources.begin(), c.sources.end(), c.quotes[q].source) -
        c.sources.begin());
    auto& n = by_speaker[c.speaker[q]][src];
    ++(reported[q] ? n.second : n.first);
  }
  for (const auto& [name, per_source] : by_speaker) {
    SpeakerCounts& s = c.speakers.emplace_back();
    s.speaker = name;
    for (auto [src, n] : per_source) {
      s.counts.push_back({src, n.first, n.second});
      s.quotes += n.first;
      s.reported += n.second;
    }
    s.total = s.quotes + s.reported;
  }
  std::stable_sort(c.speakers.begin(), c.speakers.end(),
                   [](const SpeakerCounts& x, const SpeakerCounts& y) {
                     if (x.speaker.empty() != y.speaker.empty()) return y.speaker.empty();
                     return x.total > y.total;  // names already in byte order
                   });

  // Direct quotes are clustered among themselves; reported rows only join them afterwards.
  std::vector<const std::vector<std::string>*> direct_words;
  std::vector<size_t> direct;  // quote index of each direct quote
  for (size_t q = 0; q < nq; ++q) {
    if (reported[q]) continue;
    direct.push_back(q);
    direct_words.push_back(&c.words[q].folded);
  }
  const SequenceLinks links = LinkSequences(direct_words, options);
  // Root sequence → quotes, in quote order. Quotes too short to link stay alone even when
  // their words are identical ("productive" from two different people is no shared quote).
  std::map<std::pair<size_t, size_t>, std::vector<size_t>> groups;
  for (size_t d = 0; d < direct.size(); ++d) {
    const size_t q = direct[d];
    const bool too_short =
        WordCount(c.words[q].folded) < std::max<size_t>(options.min_same_words, 1);
    groups[{links.root[links.seq_of_quote[d]], too_short ? q : WordOp::kNone}].push_back(q);
  }

  std::vector<QuoteCluster> shared, unique;
  auto words = [&](size_t q) { return WordCount(c.words[q].folded); };
  auto align = [&](size_t anchor, size_t q) {
    return Supported(AlignWords(c.words[anchor].folded, c.words[q].folded, options),
                     c.words[anchor].folded, c.words[q].folded, links.idf, options);
  };
  // Emits one cluster; returns the quotes of other speakers that are not nearly the ref's words,
  // by speaker: a common phrase said by two people is no misattribution.
  auto emit = [&](const std::vector<size_t>& members) {
    std::map<std::string, std::vector<size_t>> apart;
    QuoteCluster cluster;
    if (members.size() == 1) {
      cluster.members.push_back({members[0], Relation::kUnique, 0, WordOp::kNone, {}});
      unique.push_back(std::move(cluster));
      return apart;
    }
    // The reference: attributed first, then the most words, then the first in quote order.
    auto rank = [&](size_t x) {
      return std::make_tuple(c.speaker[x].empty(), -static_cast<long>(words(x)), x);
    };
    size_t ref = members[0], longest = members[0];
    for (size_t q : members) {
      if (rank(q) < rank(ref)) ref = q;
      if (words(q) > words(longest)) longest = q;
    }
    std::vector<size_t> kept{ref};
    std::vector<WordAlignment> with_ref(1);
    for (size_t q : members) {
      if (q == ref) continue;
      WordAlignment al = align(ref, q);
      const bool other_speaker =
          !c.speaker[q].empty() && !c.speaker[ref].empty() && c.speaker[q] != c.speaker[ref];
      // A conflict is between outlets, on words no one says by chance: within one outlet two
      // speakers of one sentence are mostly a citation or an attribution slip, and a phrase
      // under conflict_min_words ("CBS This Morning", "major breach of trust") is anyone's.
      const bool nearly_same =
          al.linked && al.similarity >= options.conflict_similarity &&
          al.same >= std::min(options.conflict_words, std::max(words(q), words(ref))) &&
          al.same >= options.conflict_min_words && c.quotes[q].source != c.quotes[ref].source;
      if (other_speaker && !nearly_same) {
        apart[c.speaker[q]].push_back(q);
        continue;
      }
      // Matching neither the ref nor the longest (left behind when a speaker's quotes split
      // off): its own quote.
      if (!al.linked && (q == longest || longest == ref || !align(longest, q).linked)) {
        unique.push_back({0, {{q, Relation::kUnique, 0, WordOp::kNone, {}}}});
        continue;
      }
      kept.push_back(q);
      with_ref.push_back(std::move(al));
    }
    if (kept.size() == 1) {
      cluster.members.push_back({ref, Relation::kUnique, 0, WordOp::kNone, {}});
      unique.push_back(std::move(cluster));
      return apart;
    }
    auto member = [&](size_t q, size_t anchor, WordAlignment al) {
      ClusterMember m{q, al.relation, al.similarity, anchor, std::move(al.ops)};
      if (m.relation == Relation::kUnique) m.relation = Relation::kAltered;  // via the longest
      if (!c.speaker[q].empty() && !c.speaker[anchor].empty() &&
          c.speaker[q] != c.speaker[anchor]) {
        m.relation = Relation::kConflict;
      }
      return m;
    };
    // The ref is compared with a twin (same words) if it has one, else the longest it matches.
    size_t partner = kept[1];
    auto prefer = [&](size_t i) {
      return std::make_tuple(c.words[kept[i]].folded != c.words[ref].folded, !with_ref[i].linked,
                             -static_cast<long>(words(kept[i])), kept[i]);
    };
    for (size_t i = 1, best = 1; i < kept.size(); ++i) {
      if (prefer(i) < prefer(best)) best = i, partner = kept[i];
    }
    cluster.members.push_back(member(ref, partner, align(partner, ref)));
    // Every member matched the cluster's representative (the longest); one that does not
    // match the ref is stated against the longest.
    const bool longest_kept = std::find(kept.begin(), kept.end(), longest) != kept.end();
    for (size_t i = 1; i < kept.size(); ++i) {
      const size_t q = kept[i];
      if (with_ref[i].linked || !longest_kept || q == longest) {
        cluster.members.push_back(member(q, ref, std::move(with_ref[i])));
      } else {
        cluster.members.push_back(member(q, longest, align(longest, q)));
      }
    }
    shared.push_back(std::move(cluster));
    return apart;
  };
  for (auto& group : groups) {
    std::vector<std::vector<size_t>> work{group.second};
    while (!work.empty()) {
      std::vector<size_t> members = std::move(work.back());
      work.pop_back();
      for (auto& [speaker, quotes] : emit(members)) work.push_back(std::move(quotes));
    }
  }
  AddParaphrases(c, reported, options, shared, unique);
  std::sort(shared.begin(), shared.end(), [](const QuoteCluster& x, const QuoteCluster& y) {
    return x.members[0].quote < y.members[0].quote;
  });
  c.clusters = std::move(shared);
  for (QuoteCluster& u : unique) c.clusters.push_back(std::move(u));
  for (size_t i = 0; i < c.clusters.size(); ++i) c.clusters[i].id = i + 1;
  return c;
}

}  // namespace saidby
