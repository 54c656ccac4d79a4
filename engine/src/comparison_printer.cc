#include "saidby/comparison_printer.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <set>

#include "saidby/csv.h"

namespace saidby {
namespace {

using Kind = WordOp::Kind;

std::string Fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string_view WordText(const Comparison& c, size_t quote, size_t word) {
  const TextSpan s = c.words[quote].spans[word];
  return std::string_view(c.quotes[quote].quote).substr(s.begin, s.size());
}

std::string QuoteKey(const QuoteRecord& r) { return r.doc + "#" + std::to_string(r.quote_id); }

std::string Html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(ch);
    }
  }
  return out;
}

bool IsEdit(Kind k) {
  return k == Kind::kChanged || k == Kind::kAdded || k == Kind::kDropped || k == Kind::kElided;
}

}  // namespace

std::string WordDiff(const Comparison& c, const ClusterMember& m) {
  if (m.anchor == WordOp::kNone) return "";
  std::string out;
  auto join = [](std::string& to, std::string_view word) {
    if (!to.empty()) to.push_back(' ');
    to.append(word);
  };
  if (m.relation == Relation::kParaphrase) {
    for (const WordOp& op : m.ops) join(out, WordText(c, m.quote, op.word));
    return "shared: " + out;
  }
  for (size_t i = 0; i < m.ops.size();) {
    if (!IsEdit(m.ops[i].kind)) {
      ++i;
      continue;
    }
    std::string old_words, new_words, elided;
    for (; i < m.ops.size() && IsEdit(m.ops[i].kind); ++i) {
      const WordOp& op = m.ops[i];
      if (op.kind == Kind::kElided) join(elided, WordText(c, m.anchor, op.anchor));
      if (op.kind == Kind::kChanged || op.kind == Kind::kDropped) {
        join(old_words, WordText(c, m.anchor, op.anchor));
      }
      if (op.kind == Kind::kChanged || op.kind == Kind::kAdded) {
        join(new_words, WordText(c, m.quote, op.word));
      }
    }
    if (!out.empty()) out.push_back(' ');
    if (!elided.empty()) out += "[-\xE2\x80\xA6" + elided + "-]";
    if (!old_words.empty()) out += "[-" + old_words + "-]";
    if (!new_words.empty()) out += "{+" + new_words + "+}";
  }
  return out;
}

namespace {

// The sources given a column: all of them, or past `limit` the `limit` with the most quotes
// (ties: name order); either way in name order.
struct SourceColumns {
  std::vector<size_t> shown;   // indices into Comparison::sources, ascending
  std::vector<size_t> column;  // per source: its place in `shown`, or WordOp::kNone
  // One speaker's direct (or reported) counts in column order; those from sources without a
  // column go to `rest`.
  void Fill(const SpeakerCounts& s, std::vector<size_t>& cells, size_t& rest,
            bool reported = false) const {
    cells.assign(shown.size(), 0);
    rest = 0;
    for (const SourceCount& sc : s.counts) {
      const size_t n = reported ? sc.reported : sc.quotes;
      if (column[sc.source] == WordOp::kNone) {
        rest += n;
      } else {
        cells[column[sc.source]] = n;
      }
    }
  }
};

SourceColumns PickSources(const Comparison& c, size_t limit) {
  SourceColumns out;
  out.shown.resize(c.sources.size());
  std::iota(out.shown.begin(), out.shown.end(), 0);
  if (out.shown.size() > limit) {
    std::vector<size_t> quotes(c.sources.size(), 0);
    for (const SpeakerCounts& s : c.speakers) {
      for (const SourceCount& sc : s.counts) quotes[sc.source] += sc.quotes + sc.reported;
    }
    std::nth_element(
        out.shown.begin(), out.shown.begin() + static_cast<long>(limit), out.shown.end(),
        [&](size_t x, size_t y) { return quotes[x] != quotes[y] ? quotes[x] > quotes[y] : x < y; });
    out.shown.resize(limit);
    std::sort(out.shown.begin(), out.shown.end());
  }
  out.column.assign(c.sources.size(), WordOp::kNone);
  for (size_t i = 0; i < out.shown.size(); ++i) out.column[out.shown[i]] = i;
  return out;
}

}  // namespace

void WriteSpeakersCsv(const Comparison& c, std::ostream& out) {
  const SourceColumns columns = PickSources(c, kSpeakersCsvSources);
  const size_t others = c.sources.size() - columns.shown.size();
  out << "speaker";
  for (std::string_view kind : {"", " reported"}) {
    for (size_t s : columns.shown) out << ',' << CsvField(c.sources[s] + std::string(kind));
    if (others > 0) out << ",(" << others << " other sources)" << kind;
  }
  out << ",direct,reported,total\r\n";
  std::vector<size_t> cells;
  size_t rest = 0;
  for (const SpeakerCounts& s : c.speakers) {
    out << CsvField(s.speaker);
    for (bool reported : {false, true}) {
      columns.Fill(s, cells, rest, reported);
      for (size_t n : cells) out << ',' << n;
      if (others > 0) out << ',' << rest;
    }
    out << ',' << s.quotes << ',' << s.reported << ',' << s.total << "\r\n";
  }
}

void WriteClustersCsv(const Comparison& c, std::ostream& out) {
  out << "cluster,speaker,source,doc,quote_id,kind,quote,relation,similarity,compared_with,"
         "diff\r\n";
  for (const QuoteCluster& k : c.clusters) {
    for (const ClusterMember& m : k.members) {
      const QuoteRecord& r = c.quotes[m.quote];
      const bool unique = m.anchor == WordOp::kNone;
      out << k.id << ',' << CsvField(c.speaker[m.quote]) << ',' << CsvField(r.source) << ','
          << CsvField(r.doc) << ',' << r.quote_id << ',' << CsvField(r.kind) << ','
          << CsvField(r.quote) << ',' << RelationName(m.relation) << ','
          << (unique ? "" : Fixed2(m.similarity)) << ','
          << (unique ? "" : CsvField(QuoteKey(c.quotes[m.anchor]))) << ','
          << CsvField(WordDiff(c, m)) << "\r\n";
    }
  }
}

namespace {

constexpr std::string_view kStyle = R"(
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
td.heat{text-align:right;min-width:48px}th.src{max-width:160px;font-weight:600}
.cluster{border:1px solid #bbb;border-radius:6px;margin:12px 0;padding:8px 10px}
.cluster h3{font-size:14px;margin:0 0 6px}
.versions{display:flex;gap:10px;align-items:stretch}
.version{flex:1 1 0;border:1px solid #ddd;border-radius:4px;padding:6px 8px;min-width:0}
.meta{font-size:12px;color:#555;margin-bottom:4px}
.rel{font-weight:700;padding:0 4px;border-radius:3px}
.rel-verbatim{background:#d9f2d9}.rel-excerpt{background:#dde8fb}.rel-altered{background:#ffe2b8}
.rel-conflict{background:#f9c7c7}.rel-paraphrase{background:#e2d5f5}.rel-unique{background:#eee}
.version[data-relation=paraphrase] span.same{background:#e2d5f5}span.rep{color:#555;font-size:12px}
mark.changed{background:#ffd27a}ins.added{background:#b9f0b9;text-decoration:none}
del.dropped{background:#f7b9b9}del.elided{color:#888}span.outside{color:#999}
.hidden{display:none}
)";

constexpr std::string_view kScript = R"(
(function(){
  var boxes=document.querySelectorAll('#filters input');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    var shown=0,all=document.querySelectorAll('section.cluster');
    all.forEach(function(s){
      var rels=s.getAttribute('data-relations').split(' ');
      var vis=rels.some(function(r){return on[r];});
      s.classList.toggle('hidden',!vis);if(vis)shown++;
    });
    document.getElementById('shown').textContent=shown+' of '+all.length+' shared clusters shown';
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  apply();
})();
)";

// A version's quote with each word marked by how it differs from its anchor; anchor words it
// leaves out are shown struck through where they would stand.
void WriteMarkedQuote(const Comparison& c, const ClusterMember& m, std::ostream& out) {
  const std::string& text = c.quotes[m.quote].quote;
  const std::vector<TextSpan>& spans = c.words[m.quote].spans;
  size_t pos = 0;
  for (size_t i = 0; i < m.ops.size(); ++i) {
    const WordOp& op = m.ops[i];
    if (op.kind == Kind::kDropped || op.kind == Kind::kElided) {
      const bool elided = op.kind == Kind::kElided;
      std::string words;
      for (; i < m.ops.size() && m.ops[i].kind == op.kind; ++i) {
        if (!words.empty()) words.push_back(' ');
        words.append(WordText(c, m.anchor, m.ops[i].anchor));
      }
      --i;
      out << (pos > 0 ? " " : "") << "<del class=\"w " << (elided ? "elided" : "dropped") << "\">"
          << Html(words) << "</del>" << (pos == 0 ? " " : "");
      continue;
    }
    const TextSpan s = spans[op.word];
    out << Html(std::string_view(text).substr(pos, s.begin - pos));
    const std::string word = Html(std::string_view(text).substr(s.begin, s.size()));
    switch (op.kind) {
      case Kind::kSame:
        out << "<span class=\"w same\">" << word << "</span>";
        break;
      case Kind::kChanged:
        out << "<mark class=\"w changed\" title=\"was: " << Html(WordText(c, m.anchor, op.anchor))
            << "\">" << word << "</mark>";
        break;
      case Kind::kAdded:
        out << "<ins class=\"w added\">" << word << "</ins>";
        break;
      default:
        out << "<span class=\"w outside\">" << word << "</span>";
        break;
    }
    pos = s.end;
  }
  out << Html(std::string_view(text).substr(pos));
}

}  // namespace

void WriteComparisonHtml(const Comparison& c, std::ostream& out) {
  size_t shared = 0, shared_quotes = 0, reported_rows = 0;
  for (const QuoteCluster& k : c.clusters) {
    if (k.members.size() > 1) ++shared, shared_quotes += k.members.size();
  }
  for (const QuoteRecord& r : c.quotes) reported_rows += r.kind == "reported";
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<title>saidby compare</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<h1>Who is quoted where</h1>\n<p id=\"summary\">" << c.quotes.size() - reported_rows
      << " quotes and " << reported_rows << " rows of reported speech from " << c.sources.size()
      << " sources; " << shared << " shared clusters hold " << shared_quotes << " of them.</p>\n";

  const SourceColumns columns = PickSources(c, kHeatMapSources);
  const size_t speakers_shown =
      std::min(c.speakers.size(), kHeatMapCells / std::max<size_t>(columns.shown.size(), 1));
  std::vector<size_t> cells, reported;
  size_t rest = 0, max_count = 0, quotes_shown = 0;
  for (size_t i = 0; i < speakers_shown; ++i) {
    columns.Fill(c.speakers[i], cells, rest);
    columns.Fill(c.speakers[i], reported, rest, true);
    for (size_t j = 0; j < cells.size(); ++j) {
      max_count = std::max(max_count, cells[j] + reported[j]);
      quotes_shown += cells[j] + reported[j];
    }
  }
  out << "<h2>Speakers by source</h2>\n<p>Each cell: direct quotes, then (+N) the rows of reported "
         "speech (no quotation marks).</p>\n<table id=\"heatmap\">\n<thead><tr><th>speaker</th>";
  for (size_t s : columns.shown) out << "<th class=\"src\">" << Html(c.sources[s]) << "</th>";
  out << "<th>total</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < speakers_shown; ++i) {
    const SpeakerCounts& s = c.speakers[i];
    columns.Fill(s, cells, rest);
    columns.Fill(s, reported, rest, true);
    out << "<tr><th class=\"speaker\">" << (s.speaker.empty() ? "(unattributed)" : Html(s.speaker))
        << "</th>";
    for (size_t j = 0; j < cells.size(); ++j) {
      const size_t n = cells[j], r = reported[j];
      // Heat: the share of the busiest cell, as the alpha of one red.
      const double alpha =
          max_count == 0 ? 0 : 0.85 * static_cast<double>(n + r) / static_cast<double>(max_count);
      out << "<td class=\"heat\" data-count=\"" << n << "\" data-reported=\"" << r
          << "\" style=\"background:rgba(214,48,39," << Fixed2(alpha) << ")\">" << n;
      if (r > 0) out << " <span class=\"rep\">(+" << r << ")</span>";
      out << "</td>";
    }
    out << "<td class=\"total\">" << s.total << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
  if (speakers_shown < c.speakers.size() || columns.shown.size() < c.sources.size()) {
    out << "<p id=\"heatmap-note\">Not shown: " << c.speakers.size() - speakers_shown
        << " speakers and " << c.sources.size() - columns.shown.size()
        << " sources with fewer quotes, " << c.quotes.size() - quotes_shown
        << " quotes in all (the totals include them; speakers.csv lists every speaker).</p>\n";
  }

  out << "<h2>Shared quotes</h2>\n<p id=\"filters\">Show clusters with: ";
  for (Relation r : {Relation::kVerbatim, Relation::kExcerpt, Relation::kAltered,
                     Relation::kConflict, Relation::kParaphrase}) {
    out << "<label><input type=\"checkbox\" value=\"" << RelationName(r) << "\" checked> "
        << RelationName(r) << "</label> ";
  }
  out << "</p>\n<p id=\"shown\"></p>\n";
  for (const QuoteCluster& k : c.clusters) {
    if (k.members.size() < 2) continue;
    std::set<std::string_view> relations;
    for (const ClusterMember& m : k.members) relations.insert(RelationName(m.relation));
    std::string rel_list;
    for (std::string_view r : relations) rel_list += (rel_list.empty() ? "" : " ") + std::string(r);
    out << "<section class=\"cluster\" id=\"cluster-" << k.id << "\" data-relations=\"" << rel_list
        << "\">\n<h3>Cluster " << k.id << ": " << Html(c.speaker[k.members[0].quote]) << " ("
        << Html(rel_list) << ")</h3>\n<div class=\"versions\">\n";
    for (const ClusterMember& m : k.members) {
      const QuoteRecord& r = c.quotes[m.quote];
      out << "<div class=\"version\" data-relation=\"" << RelationName(m.relation) << "\">"
          << "<div class=\"meta\"><b>" << Html(r.source) << "</b> · " << Html(QuoteKey(r)) << " · "
          << (c.speaker[m.quote].empty() ? "(unattributed)" : Html(c.speaker[m.quote]))
          << (r.kind == "reported" ? " · reported speech" : "") << "<br><span class=\"rel rel-"
          << RelationName(m.relation) << "\">" << RelationName(m.relation) << "</span> "
          << Fixed2(m.similarity) << " vs " << Html(QuoteKey(c.quotes[m.anchor]))
          << "</div>\n<div class=\"quote\">";
      WriteMarkedQuote(c, m, out);
      out << "</div></div>\n";
    }
    out << "</div>\n</section>\n";
  }

  out << "<h2>Quotes no other version shares</h2>\n<table id=\"unique\">\n<thead><tr><th>speaker"
         "</th><th>source</th><th>quote</th><th>text</th></tr></thead>\n<tbody>\n";
  for (const QuoteCluster& k : c.clusters) {
    if (k.members.size() != 1) continue;
    const QuoteRecord& r = c.quotes[k.members[0].quote];
    // Reported speech no quote shares is counted above and listed in clusters.csv only.
    if (r.kind == "reported") continue;
    out << "<tr><td>" << Html(c.speaker[k.members[0].quote]) << "</td><td>" << Html(r.source)
        << "</td><td>" << Html(QuoteKey(r)) << "</td><td>" << Html(r.quote) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace saidby
