#include "gold_file.h"

#include <filesystem>
#include <utility>

#include "saidby/csv.h"
#include "saidby/file_reader.h"

namespace saidby::cli {

namespace {

// Reads gold.csv into rows, and the line of each into `lines`; a malformed file, a missing
// column or an unknown kind is an error naming the file (and line). `reported_only`: a
// reported.csv, whose every row must be of kind `reported`.
Result<std::vector<GoldQuote>> ReadGold(const std::string& path, std::vector<size_t>& lines,
                                        bool reported_only = false) {
  Result<CsvTable> table = ReadCsvFile(path, kMaxGoldFileBytes, "the limit for a gold file");
  if (!table.ok()) return table.status();
  const size_t doc = table->Column("doc"), speaker = table->Column("speaker"),
               quote = table->Column("quote"), kind = table->Column("kind"),
               cue = table->Column("cue"), canonical = table->Column("canonical");
  for (auto [name, col] : {std::pair{"doc", doc},
                           {"speaker", speaker},
                           {"quote", quote},
                           {"kind", kind},
                           {"cue", cue}}) {
    if (col == CsvTable::npos) {
      return Status::Error(path + ":1: missing column '" + name +
                           "' (expected doc,speaker,quote,kind,cue)");
    }
  }
  std::vector<GoldQuote> gold;
  gold.reserve(table->rows.size());
  for (size_t r = 0; r < table->rows.size(); ++r) {
    const std::vector<std::string>& row = table->rows[r];
    const std::string where = path + ":" + std::to_string(table->row_lines[r]);
    if (row[doc].empty()) return Status::Error(where + ": empty doc");
    const std::string& k = row[kind];
    if (reported_only && k != "reported") {
      return Status::Error(where + ": kind '" + k +
                           "' in a reported-speech file (expected reported)");
    }
    if (k != "full" && k != "partial" && k != "continued" && k != "scare" && k != "reported") {
      return Status::Error(where + ": unknown kind '" + k +
                           "' (expected full, partial, continued, scare or reported)");
    }
    gold.push_back({row[doc], row[speaker], row[quote], k, row[cue],
                    canonical == CsvTable::npos ? std::string() : row[canonical]});
    lines.push_back(table->row_lines[r]);
  }
  return gold;
}

}  // namespace

Result<GoldSet> LoadGold(const std::string& gold, const std::string& reported) {
  GoldSet set;
  Result<std::vector<GoldQuote>> rows = ReadGold(gold, set.lines);
  if (!rows.ok()) return rows.status();
  set.rows = std::move(rows).value();
  set.files.push_back(gold);
  set.file_of.assign(set.rows.size(), 0);
  // Reported speech may have a file of its own (a collection whose new rows have no canonical
  // names yet); its rows join the gold, and each row remembers its file for warnings.
  std::string reported_path = reported;
  if (reported_path.empty()) {
    const std::filesystem::path gold_path(gold);
    const std::filesystem::path beside = gold_path.parent_path() / "reported.csv";
    std::error_code ec;
    if (gold_path.filename() == "gold.csv" && std::filesystem::exists(beside, ec)) {
      reported_path = beside.string();
    }
  }
  for (const GoldQuote& g : set.rows) {
    if (IsReported(g.kind)) {
      set.reported_shown = gold;
      break;
    }
  }
  if (!reported_path.empty()) {
    Result<std::vector<GoldQuote>> more = ReadGold(reported_path, set.lines, true);
    if (!more.ok()) return more.status();
    set.files.push_back(reported_path);
    for (GoldQuote& g : more.value()) {
      set.rows.push_back(std::move(g));
      set.file_of.push_back(1);
    }
    set.reported_shown += (set.reported_shown.empty() ? "" : ", ") + reported_path;
  }
  return set;
}

}  // namespace saidby::cli
