#include "saidby/comparison_printer.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
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
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3.group{font-size:15px}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
#heatmap thead th{cursor:pointer}#heatmap th[data-order=desc]::after{content:" \25BE"}
#heatmap th[data-order=asc]::after{content:" \25B4"}
td.heat{text-align:right;min-width:48px}th.src{max-width:160px;font-weight:600}
input[type=search]{font:inherit;padding:2px 6px;width:260px}
.cluster{border:1px solid #bbb;border-radius:6px;margin:12px 0;padding:8px 10px}
.cluster h4{font-size:14px;margin:0 0 6px}
.versions{display:flex;gap:10px;align-items:stretch}.versions.stacked{flex-direction:column}
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

// Filters (relation boxes, quote search, speaker filter), sorting by a heat-map column, and a
// view carried by the address: #q=WORDS&speaker=NAME&only=REL,REL&sort=COLUMN (set through the
// controls' own events, so a link exercises what a click does).
constexpr std::string_view kScript = R"(
(function(){
  function one(s){return document.querySelector(s);}
  function all(s){return Array.prototype.slice.call(document.querySelectorAll(s));}
  function has(el,q){return !q||el.textContent.toLowerCase().indexOf(q)>=0;}
  var boxes=all('#filters input[type=checkbox]'),search=one('#search'),who=one('#speaker-filter');
  function apply(){
    var on={},q=search.value.trim().toLowerCase(),shown=0,secs=all('section.cluster'),n=0;
    boxes.forEach(function(b){on[b.value]=b.checked;});
    secs.forEach(function(s){
      var vis=s.getAttribute('data-relations').split(' ').some(function(r){return on[r];})&&has(s,q);
      s.classList.toggle('hidden',!vis);if(vis)shown++;
    });
    one('#shown').textContent=shown+' of '+secs.length+' shared clusters shown';
    var rows=all('#unique tbody tr');
    rows.forEach(function(r){var vis=has(r,q);r.classList.toggle('hidden',!vis);if(vis)n++;});
    one('#unique-shown').textContent=n+' of '+rows.length+' listed quotes shown';
  }
  function speakers(){
    var q=who.value.trim().toLowerCase(),rows=all('#heatmap tbody tr'),n=0;
    rows.forEach(function(r){var vis=has(r.cells[0],q);r.classList.toggle('hidden',!vis);if(vis)n++;});
    one('#speakers-shown').textContent=n+' of '+rows.length+' speakers shown';
  }
  function key(cell){
    var c=cell.getAttribute('data-count');
    return c===null?(cell.tagName==='TH'?cell.textContent:parseInt(cell.textContent,10))
                   :parseInt(c,10)+parseInt(cell.getAttribute('data-reported'),10);
  }
  var heads=all('#heatmap thead th');
  heads.forEach(function(th,col){th.addEventListener('click',function(){
    var desc=th.getAttribute('data-order')!=='desc',body=one('#heatmap tbody');
    heads.forEach(function(h){h.removeAttribute('data-order');});
    th.setAttribute('data-order',desc?'desc':'asc');
    all('#heatmap tbody tr').map(function(r,i){return [key(r.cells[col]),i,r];}).sort(function(a,b){
      var c=typeof a[0]==='string'?a[0].localeCompare(b[0]):a[0]-b[0];return (desc?-c:c)||a[1]-b[1];
    }).forEach(function(x){body.appendChild(x[2]);});
  });});
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  search.addEventListener('input',apply);who.addEventListener('input',speakers);
  var view={};
  location.hash.slice(1).split('&').forEach(function(p){
    var i=p.indexOf('=');if(i>0)view[p.slice(0,i)]=decodeURIComponent(p.slice(i+1).replace(/\+/g,' '));
  });
  apply();speakers();
  if(view.only){var only=view.only.split(',');boxes.forEach(function(b){
    if(b.checked!==(only.indexOf(b.value)>=0)){b.checked=!b.checked;b.dispatchEvent(new Event('change'));}
  });}
  if(view.q){search.value=view.q;search.dispatchEvent(new Event('input'));}
  if(view.speaker){who.value=view.speaker;who.dispatchEvent(new Event('input'));}
  if(view.sort)heads.forEach(function(th){if(th.textContent===view.sort)th.click();});
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
        // Only a paraphrase's shared words are marked: plain text costs no markup per word.
        if (m.relation == Relation::kParaphrase) {
          out << "<span class=\"w same\">" << word << "</span>";
        } else {
          out << word;
        }
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

namespace {

// The most telling relation of a cluster's members: what its group in the report is.
Relation Headline(const QuoteCluster& k) {
  constexpr Relation kOrder[] = {Relation::kConflict, Relation::kAltered, Relation::kParaphrase,
                                 Relation::kExcerpt, Relation::kVerbatim};
  for (Relation r : kOrder) {
    for (const ClusterMember& m : k.members) {
      if (m.relation == r) return r;
    }
  }
  return Relation::kVerbatim;
}

// Horizontal bars, one per speaker (the kChartSpeakers attributed ones with most rows), split by
// outlet: the kChartSources busiest outlets in colour, the rest grey. Inline SVG, no script.
void WriteChart(const Comparison& c, std::ostream& out) {
  constexpr std::string_view kColours[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                           "#edc948", "#b07aa1", "#ff9da7", "#9c755f"};
  const SourceColumns columns = PickSources(c, std::size(kColours));
  std::vector<const SpeakerCounts*> top;
  for (const SpeakerCounts& s : c.speakers) {
    if (!s.speaker.empty() && top.size() < kChartSpeakers) top.push_back(&s);
  }
  if (top.empty()) return;
  const size_t most = top[0]->total;  // speakers are sorted by total
  constexpr int kLabel = 190, kBar = 520, kRow = 22, kLegend = 24;
  const size_t legend_items = columns.shown.size() + 1;
  const int height =
      kLegend * static_cast<int>((legend_items + 4) / 5) + kRow * static_cast<int>(top.size()) + 4;
  out << "<h2>Quotes per speaker and outlet</h2>\n<svg id=\"chart\" width=\"" << kLabel + kBar + 60
      << "\" height=\"" << height
      << "\" font-size=\"12\" font-family=\"system-ui,sans-serif\" role=\"img\">\n";
  auto colour = [&](size_t column) {
    return column == WordOp::kNone ? std::string_view("#bab0ac") : kColours[column];
  };
  for (size_t i = 0; i < legend_items; ++i) {
    const int x = static_cast<int>(i % 5) * 150, y = static_cast<int>(i / 5) * kLegend;
    const bool other = i == columns.shown.size();
    out << "<rect x=\"" << x << "\" y=\"" << y + 4 << "\" width=\"12\" height=\"12\" fill=\""
        << colour(other ? WordOp::kNone : i) << "\"/><text x=\"" << x + 16 << "\" y=\"" << y + 14
        << "\">" << (other ? std::string("other outlets") : Html(c.sources[columns.shown[i]]))
        << "</text>\n";
  }
  const int top_y = kLegend * static_cast<int>((legend_items + 4) / 5);
  std::vector<size_t> cells, reported;
  size_t rest = 0, rest_reported = 0;
  for (size_t i = 0; i < top.size(); ++i) {
    const SpeakerCounts& s = *top[i];
    const int y = top_y + kRow * static_cast<int>(i);
    out << "<g class=\"bar\" data-speaker=\"" << Html(s.speaker) << "\" data-total=\"" << s.total
        << "\"><text x=\"" << kLabel - 6 << "\" y=\"" << y + 14 << "\" text-anchor=\"end\">"
        << Html(s.speaker) << "</text>";
    columns.Fill(s, cells, rest);
    columns.Fill(s, reported, rest_reported, true);
    cells.push_back(rest + rest_reported);
    double x = kLabel;
    for (size_t j = 0; j < cells.size(); ++j) {
      const size_t n = cells[j] + (j < reported.size() ? reported[j] : 0);
      if (n == 0) continue;
      const bool other = j == columns.shown.size();
      const double w = kBar * static_cast<double>(n) / static_cast<double>(most);
      out << "<rect x=\"" << Fixed2(x) << "\" y=\"" << y + 3 << "\" width=\"" << Fixed2(w)
          << "\" height=\"16\" fill=\"" << colour(other ? WordOp::kNone : j) << "\"><title>"
          << Html(s.speaker) << ", "
          << (other ? std::string("other outlets") : Html(c.sources[columns.shown[j]])) << ": " << n
          << "</title></rect>";
      x += w;
    }
    out << "<text x=\"" << Fixed2(x + 4) << "\" y=\"" << y + 14 << "\">" << s.total
        << "</text></g>\n";
  }
  out << "</svg>\n<p>Bar length: direct quotes and reported speech together.</p>\n";
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
      << " sources; " << shared << " shared clusters hold " << shared_quotes
      << " of them. The page shows the largest parts of each list; speakers.csv and clusters.csv "
         "hold everything.</p>\n";
  WriteChart(c, out);

  const SourceColumns columns = PickSources(c, kHeatMapSources);
  const size_t speakers_shown = std::min(
      {c.speakers.size(), kHeatMapRows, kHeatMapCells / std::max<size_t>(columns.shown.size(), 1)});
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
         "speech (no quotation marks). Click a heading to sort.</p>\n<p><label>Speaker: <input "
         "type=\"search\" id=\"speaker-filter\" placeholder=\"filter by name\"></label> <span "
         "id=\"speakers-shown\"></span></p>\n<table id=\"heatmap\">\n<thead><tr><th>speaker</th>";
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
  constexpr Relation kGroups[] = {Relation::kConflict, Relation::kAltered, Relation::kParaphrase,
                                  Relation::kExcerpt, Relation::kVerbatim};
  for (Relation r : kGroups) {
    out << "<label><input type=\"checkbox\" value=\"" << RelationName(r) << "\" checked> "
        << RelationName(r) << "</label> ";
  }
  out << "<br><label>Search quotes: <input type=\"search\" id=\"search\" placeholder=\"words, "
         "speaker or outlet\"></label></p>\n<p id=\"shown\"></p>\n";
  // Grouped by their most telling relation, each group capped; the order within a group is
  // clusters.csv's.
  for (Relation group : kGroups) {
    size_t in_group = 0, rendered = 0;
    for (const QuoteCluster& k : c.clusters)
      in_group += k.members.size() > 1 && Headline(k) == group;
    if (in_group == 0) continue;
    out << "<h3 class=\"group\" id=\"group-" << RelationName(group) << "\">" << in_group
        << " clusters with " << RelationName(group) << " versions"
        << (in_group > kReportClustersPerGroup
                ? " (the first " + std::to_string(kReportClustersPerGroup) +
                      " shown; clusters.csv lists them all)"
                : std::string())
        << "</h3>\n";
    for (const QuoteCluster& k : c.clusters) {
      if (k.members.size() < 2 || Headline(k) != group) continue;
      if (rendered++ == kReportClustersPerGroup) break;
      std::set<std::string_view> relations;
      for (const ClusterMember& m : k.members) relations.insert(RelationName(m.relation));
      std::string rel_list;
      for (std::string_view r : relations)
        rel_list += (rel_list.empty() ? "" : " ") + std::string(r);
      // Past three versions side by side, each would be too narrow to read: one above another.
      out << "<section class=\"cluster\" id=\"cluster-" << k.id << "\" data-relations=\""
          << rel_list << "\">\n<h4>Cluster " << k.id << ": " << Html(c.speaker[k.members[0].quote])
          << " (" << Html(rel_list) << ")</h4>\n<div class=\"versions"
          << (k.members.size() > 3 ? " stacked" : "") << "\">\n";
      for (size_t v = 0; v < std::min(k.members.size(), kReportVersions); ++v) {
        const ClusterMember& m = k.members[v];
        const QuoteRecord& r = c.quotes[m.quote];
        out << "<div class=\"version\" data-relation=\"" << RelationName(m.relation) << "\">"
            << "<div class=\"meta\"><b>" << Html(r.source) << "</b> · " << Html(QuoteKey(r))
            << " · " << (c.speaker[m.quote].empty() ? "(unattributed)" : Html(c.speaker[m.quote]))
            << (r.kind == "reported" ? " · reported speech" : "") << "<br><span class=\"rel rel-"
            << RelationName(m.relation) << "\">" << RelationName(m.relation) << "</span> "
            << Fixed2(m.similarity) << " vs " << Html(QuoteKey(c.quotes[m.anchor]))
            << "</div>\n<div class=\"quote\">";
        WriteMarkedQuote(c, m, out);
        out << "</div></div>\n";
      }
      out << "</div>\n";
      if (k.members.size() > kReportVersions) {
        out << "<p class=\"more\">" << k.members.size() - kReportVersions
            << " more versions: cluster " << k.id << " in clusters.csv</p>\n";
      }
      out << "</section>\n";
    }
  }

  // Reported speech no quote shares is counted above and listed in clusters.csv only.
  size_t unique_quotes = 0;
  for (const QuoteCluster& k : c.clusters) {
    unique_quotes += k.members.size() == 1 && c.quotes[k.members[0].quote].kind != "reported";
  }
  out << "<h2>Quotes no other version shares</h2>\n<p>" << unique_quotes << " quotes"
      << (unique_quotes > kReportUniqueRows
              ? "; the first " + std::to_string(kReportUniqueRows) +
                    " are listed (clusters.csv lists them all, relation unique)"
              : std::string())
      << ". <span id=\"unique-shown\"></span></p>\n<table id=\"unique\">\n<thead><tr><th>speaker"
         "</th><th>source</th><th>quote</th><th>text</th></tr></thead>\n<tbody>\n";
  size_t listed = 0;
  for (const QuoteCluster& k : c.clusters) {
    if (listed == kReportUniqueRows) break;
    if (k.members.size() != 1) continue;
    const QuoteRecord& r = c.quotes[k.members[0].quote];
    if (r.kind == "reported") continue;
    ++listed;
    out << "<tr><td>" << Html(c.speaker[k.members[0].quote]) << "</td><td>" << Html(r.source)
        << "</td><td>" << Html(QuoteKey(r)) << "</td><td>" << Html(r.quote) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace saidby
