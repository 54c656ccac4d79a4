#include "saidby/comparison.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "saidby/evaluation.h"
#include "text_util.h"

namespace saidby {
namespace {

bool IsApostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

bool IsWordChar(char32_t cp) {
  if (IsLetter(cp) || IsDigit(cp)) return true;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool IsEllipsisToken(const std::string& t) { return t == kEllipsis; }

size_t WordCount(const std::vector<std::string>& tokens, size_t from = 0,
                 size_t to = static_cast<size_t>(-1)) {
  to = std::min(to, tokens.size());
  size_t n = 0;
  for (size_t i = from; i < to; ++i) n += IsEllipsisToken(tokens[i]) ? 0 : 1;
  return n;
}

}  // namespace

QuoteWords SplitQuoteWords(std::string_view quote) {
  QuoteWords out;
  size_t word_begin = std::string_view::npos;
  auto finish = [&](size_t end) {
    if (word_begin == std::string_view::npos) return;
    // Apostrophes belong to a word only inside it: 'tis and dogs' lose theirs, it's keeps its.
    size_t b = word_begin, e = end;
    while (b < e && IsApostrophe(DecodeAt(quote, b).cp)) b += DecodeAt(quote, b).width;
    while (e > b && IsApostrophe(DecodeBefore(quote, e).cp)) e -= DecodeBefore(quote, e).width;
    if (b < e) {
      out.folded.push_back(FoldName(quote.substr(b, e - b)));
      out.spans.push_back({b, e});
    }
    word_begin = std::string_view::npos;
  };
  for (size_t pos = 0; pos < quote.size();) {
    const CodePoint cp = DecodeAt(quote, pos);
    const size_t width = std::max<size_t>(cp.width, 1);
    if (IsWordChar(cp.cp) || (IsApostrophe(cp.cp) && word_begin != std::string_view::npos) ||
        (IsApostrophe(cp.cp) && pos + width < quote.size() &&
         IsWordChar(DecodeAt(quote, pos + width).cp))) {
      if (word_begin == std::string_view::npos) word_begin = pos;
      pos += width;
      continue;
    }
    finish(pos);
    size_t dots = 0;
    while (pos + dots < quote.size() && quote[pos + dots] == '.') ++dots;
    if (cp.cp == 0x2026 || dots >= 3) {
      const size_t len = cp.cp == 0x2026 ? width : dots;
      if (out.folded.empty() || out.folded.back() != kEllipsis) {
        out.folded.emplace_back(kEllipsis);
        out.spans.push_back({pos, pos + len});
      }
      pos += len;
      continue;
    }
    pos += width;
  }
  finish(quote.size());
  return out;
}

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

std::vector<std::string> CanonicalSpeakers(const std::vector<std::string>& names) {
  std::vector<std::string> keys(names.size());
  std::map<std::string, std::vector<std::string>> words_of;  // folded key → its words
  for (size_t i = 0; i < names.size(); ++i) {
    keys[i] = FoldName(NormalizeSpan(names[i]));
    if (keys[i].empty() || words_of.count(keys[i])) continue;
    std::vector<std::string> words;
    for (size_t p = 0; p < keys[i].size();) {
      size_t sp = keys[i].find(' ', p);
      if (sp == std::string::npos) sp = keys[i].size();
      words.push_back(keys[i].substr(p, sp - p));
      p = sp + 1;
    }
    words_of[keys[i]] = std::move(words);
  }
  // A one-word name joins the only full name that ends with it ("rubio" → "marco rubio").
  std::map<std::string, std::vector<std::string>> full_by_surname;
  for (const auto& [key, words] : words_of) {
    if (words.size() >= 2) full_by_surname[words.back()].push_back(key);
  }
  std::map<std::string, std::string> group_of;
  for (const auto& [key, words] : words_of) {
    group_of[key] = key;
    if (words.size() != 1) continue;
    auto it = full_by_surname.find(words[0]);
    if (it != full_by_surname.end() && it->second.size() == 1) group_of[key] = it->second[0];
  }
  // Display: the most frequent spelling of the group's own key, ties to the smallest.
  std::map<std::string, std::map<std::string, size_t>> spellings;
  for (size_t i = 0; i < names.size(); ++i) {
    if (keys[i].empty() || group_of[keys[i]] != keys[i]) continue;
    ++spellings[keys[i]][NormalizeSpan(names[i])];
  }
  std::map<std::string, std::string> display;
  for (const auto& [key, counts] : spellings) {
    const std::pair<const std::string, size_t>* best = nullptr;
    for (const auto& entry : counts) {
      if (!best || entry.second > best->second) best = &entry;
    }
    display[key] = best->first;
  }
  std::vector<std::string> out(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    if (!keys[i].empty()) out[i] = display[group_of[keys[i]]];
  }
  return out;
}

namespace {

uint64_t Fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t x, size_t y) {
    x = Find(x), y = Find(y);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
};

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
};

SequenceLinks LinkSequences(const std::vector<QuoteWords>& words, const CompareOptions& options) {
  SequenceLinks out;
  std::map<std::vector<std::string>, size_t> seq_id;
  std::vector<const std::vector<std::string>*> seqs;
  out.seq_of_quote.reserve(words.size());
  for (const QuoteWords& w : words) {
    auto [it, inserted] = seq_id.emplace(w.folded, seqs.size());
    if (inserted) seqs.push_back(&it->first);
    out.seq_of_quote.push_back(it->second);
  }
  const size_t k = std::max<size_t>(options.shingle_words, 1);
  std::vector<std::vector<uint64_t>> shingles(seqs.size());
  std::unordered_map<uint64_t, std::vector<uint32_t>> posting;
  for (size_t s = 0; s < seqs.size(); ++s) {
    const std::vector<std::string>& t = *seqs[s];
    if (t.size() > options.max_align_words) continue;
    for (size_t i = 0; i + k <= t.size(); ++i) {
      uint64_t h = 14695981039346656037ull;
      bool crosses_ellipsis = false;
      for (size_t x = i; x < i + k; ++x) {
        crosses_ellipsis |= IsEllipsisToken(t[x]);
        h = Fnv1a(Fnv1a(h, t[x]), "\x1f");
      }
      if (!crosses_ellipsis) shingles[s].push_back(h);
    }
    std::sort(shingles[s].begin(), shingles[s].end());
    shingles[s].erase(std::unique(shingles[s].begin(), shingles[s].end()), shingles[s].end());
    for (uint64_t h : shingles[s]) posting[h].push_back(static_cast<uint32_t>(s));
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  std::unordered_map<uint32_t, size_t> shared;
  for (size_t s = 0; s < seqs.size(); ++s) {
    shared.clear();
    for (uint64_t h : shingles[s]) {
      const std::vector<uint32_t>& list = posting[h];
      if (list.size() > options.max_posting) continue;
      for (uint32_t t : list) {
        if (t != s) ++shared[t];
      }
    }
    std::vector<std::pair<size_t, uint32_t>> ranked;  // (shared shingles, sequence)
    ranked.reserve(shared.size());
    for (auto [t, count] : shared) ranked.emplace_back(count, t);
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
  UnionFind uf(seqs.size());
  for (auto [x, y] : pairs) {
    WordAlignment al = AlignWords(*seqs[x], *seqs[y], options);
    if (!al.linked) continue;
    out.linked[{x, y}] = al.similarity;
    uf.Join(x, y);
  }
  out.root.resize(seqs.size());
  for (size_t s = 0; s < seqs.size(); ++s) out.root[s] = uf.Find(s);
  return out;
}

}  // namespace

Comparison Compare(std::vector<QuoteRecord> rows, const CompareOptions& options) {
  Comparison c;
  // Reported speech is left out until compare counts it in columns of its own (issue #13).
  std::erase_if(rows,
                [](const QuoteRecord& r) { return r.kind == "scare" || r.kind == "reported"; });
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
  c.speaker = CanonicalSpeakers(names);
  c.words.reserve(nq);
  for (const QuoteRecord& r : c.quotes) c.words.push_back(SplitQuoteWords(r.quote));

  for (const QuoteRecord& r : c.quotes) c.sources.push_back(r.source);
  std::sort(c.sources.begin(), c.sources.end());
  c.sources.erase(std::unique(c.sources.begin(), c.sources.end()), c.sources.end());
  std::map<std::string, std::map<size_t, size_t>> by_speaker;  // speaker → source → quotes
  for (size_t q = 0; q < nq; ++q) {
    const size_t src = static_cast<size_t>(
        std::lower_bound(c.sources.begin(), c.sources.end(), c.quotes[q].source) -
        c.sources.begin());
    ++by_speaker[c.speaker[q]][src];
  }
  for (const auto& [name, per_source] : by_speaker) {
    SpeakerCounts& s = c.speakers.emplace_back();
    s.speaker = name;
    for (auto [src, quotes] : per_source) {
      s.counts.push_back({src, quotes});
      s.total += quotes;
    }
  }
  std::stable_sort(c.speakers.begin(), c.speakers.end(),
                   [](const SpeakerCounts& x, const SpeakerCounts& y) {
                     if (x.speaker.empty() != y.speaker.empty()) return y.speaker.empty();
                     return x.total > y.total;  // names already in byte order
                   });

  const SequenceLinks links = LinkSequences(c.words, options);
  // Root sequence → quotes, in quote order. Quotes too short to link stay alone even when
  // their words are identical ("productive" from two different people is no shared quote).
  std::map<std::pair<size_t, size_t>, std::vector<size_t>> groups;
  for (size_t q = 0; q < nq; ++q) {
    const bool too_short =
        WordCount(c.words[q].folded) < std::max<size_t>(options.min_same_words, 1);
    groups[{links.root[links.seq_of_quote[q]], too_short ? q : WordOp::kNone}].push_back(q);
  }

  // Per sequence: its first two rows, and its most similar linked sequence (ties: the earlier).
  const size_t nseq = links.root.size();
  std::vector<std::pair<size_t, size_t>> rows_of_seq(nseq, {WordOp::kNone, WordOp::kNone});
  for (size_t q = 0; q < nq; ++q) {
    std::pair<size_t, size_t>& r = rows_of_seq[links.seq_of_quote[q]];
    if (r.first == WordOp::kNone) {
      r.first = q;
    } else if (r.second == WordOp::kNone) {
      r.second = q;
    }
  }
  std::vector<std::pair<double, size_t>> best_link(nseq, {-1.0, 0});
  for (const auto& [pair, similarity] : links.linked) {
    for (auto [from, to] : {pair, std::pair{pair.second, pair.first}}) {
      std::pair<double, size_t>& b = best_link[from];
      if (similarity > b.first || (similarity == b.first && to < b.second)) b = {similarity, to};
    }
  }

  std::vector<QuoteCluster> shared, unique;
  for (auto& group : groups) {
    // Not a structured binding: clang 14 (the fuzz preset) cannot capture one in a lambda.
    const std::vector<size_t>& members = group.second;
    QuoteCluster cluster;
    if (members.size() == 1) {
      cluster.members.push_back({members[0], Relation::kUnique, 0, WordOp::kNone, {}});
      unique.push_back(std::move(cluster));
      continue;
    }
    // The reference: attributed first, then the most words, then the first in quote order.
    size_t ref = members[0];
    for (size_t q : members) {
      auto rank = [&](size_t x) {
        return std::make_tuple(c.speaker[x].empty(),
                               -static_cast<long>(WordCount(c.words[x].folded)), x);
      };
      if (rank(q) < rank(ref)) ref = q;
    }
    auto seq = [&](size_t q) { return links.seq_of_quote[q]; };
    // The best partner of q: another row with the same words, else the first row of the most
    // similar linked sequence. O(1) per row, so a quote repeated everywhere stays linear.
    auto best_partner = [&](size_t q) {
      const std::pair<size_t, size_t>& twins = rows_of_seq[seq(q)];
      if (twins.first != q) return twins.first;
      if (twins.second != WordOp::kNone) return twins.second;
      return rows_of_seq[best_link[seq(q)].second].first;
    };
    auto member = [&](size_t q, size_t anchor) {
      WordAlignment al = AlignWords(c.words[anchor].folded, c.words[q].folded, options);
      ClusterMember m{q, al.relation, al.similarity, anchor, std::move(al.ops)};
      if (m.relation == Relation::kUnique) m.relation = Relation::kAltered;  // linked via others
      if (!c.speaker[q].empty() && !c.speaker[anchor].empty() &&
          c.speaker[q] != c.speaker[anchor]) {
        m.relation = Relation::kConflict;
      }
      return m;
    };
    cluster.members.push_back(member(ref, best_partner(ref)));
    for (size_t q : members) {
      if (q == ref) continue;
      const bool with_ref =
          seq(q) == seq(ref) ||
          links.linked.count({std::min(seq(q), seq(ref)), std::max(seq(q), seq(ref))}) > 0 ||
          AlignWords(c.words[ref].folded, c.words[q].folded, options).linked;
      cluster.members.push_back(member(q, with_ref ? ref : best_partner(q)));
    }
    shared.push_back(std::move(cluster));
  }
  std::sort(shared.begin(), shared.end(), [](const QuoteCluster& x, const QuoteCluster& y) {
    return x.members[0].quote < y.members[0].quote;
  });
  c.clusters = std::move(shared);
  for (QuoteCluster& u : unique) c.clusters.push_back(std::move(u));
  for (size_t i = 0; i < c.clusters.size(); ++i) c.clusters[i].id = i + 1;
  return c;
}

}  // namespace saidby
