// Comparison printers: a Comparison (comparison.h) written as speakers.csv, clusters.csv and a
// self-contained report.html, each to a caller-owned stream. Bytes depend only on the
// Comparison, so equal inputs give equal files (what `compare --merge` relies on).
// Cost: one pass over speakers, clusters and their words. Nothing is kept after the call.
//
// speakers.csv: speaker,<one column per source>,<the same, each followed by " reported">,
//   direct,reported,total (CSV, CRLF like extract). A source's plain column counts its direct
//   quotes, its " reported" column its reported-speech rows; every source has both, zeros
//   included. Past kSpeakersCsvSources sources, only the busiest get columns and a
//   "(N other sources)" column (and its " reported" twin) sums the rest, so the table grows with
//   the rows, not speakers × sources.
// clusters.csv: cluster,speaker,source,doc,quote_id,kind,quote,relation,similarity,
//   compared_with,diff. compared_with is "doc#quote_id"; diff lists the word edits from that
//   version to this one, git word-diff style: [-dropped-] {+added+} [-old-]{+new+}, [-…elided-]
//   for an ellipsis; for a paraphrase, "shared: " and the words whose stems both hold.
//
// Example:
//   WriteClustersCsv(Compare(rows), std::cout);
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "saidby/comparison.h"

namespace saidby {

inline constexpr size_t kSpeakersCsvSources = 256;
// The report's heat map: the sources with the most quotes (at most kHeatMapSources) × the
// speakers with the most quotes, at most kHeatMapRows and as many as fit in kHeatMapCells cells.
// The report's size grows with what it shows, not with the input: the chart's speakers, the
// shared clusters per relation group, the versions per cluster and the unique quotes listed are
// capped too (the CSVs hold everything).
inline constexpr size_t kHeatMapSources = 40;
inline constexpr size_t kHeatMapCells = 20000;
inline constexpr size_t kHeatMapRows = 300;
inline constexpr size_t kChartSpeakers = 15;
inline constexpr size_t kReportClustersPerGroup = 150;
inline constexpr size_t kReportVersions = 12;  // per cluster
inline constexpr size_t kReportUniqueRows = 300;

void WriteSpeakersCsv(const Comparison& c, std::ostream& out);
void WriteClustersCsv(const Comparison& c, std::ostream& out);

// One page, no network and no external files: a bar chart (inline SVG) of the speakers with
// most rows split by outlet; the speaker × source heat map (direct quotes, and "(+N)"
// reported-speech rows; capped as above, with a note of what it leaves out), sortable by any
// column and filtered by name; the shared clusters grouped by their most telling relation
// (conflict, altered, paraphrase, excerpt, verbatim), versions side by side (stacked past three)
// with changed, added and dropped words marked (a paraphrase's shared words highlighted); then
// the direct quotes no other version shares. A small inline script filters clusters by relation,
// searches the quotes shown, and applies a view from the address (#q=…&speaker=…&only=…&sort=…).
void WriteComparisonHtml(const Comparison& c, std::ostream& out);

// The diff column of clusters.csv for one member (empty when it has no edits).
std::string WordDiff(const Comparison& c, const ClusterMember& m);

}  // namespace saidby
