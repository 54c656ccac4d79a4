#include "saidby/csv.h"

#include "saidby/document.h"
#include "saidby/file_reader.h"

namespace saidby {

size_t CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return npos;
}

Result<CsvTable> ParseCsv(std::string_view s, const std::string& name) {
  if (Status v = ValidateText(s); !v.ok()) return Status::Error(name + ": " + v.message());
  CsvTable t;
  std::vector<std::string> record;
  std::string field;
  size_t line = 1, record_line = 1;
  size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bool any = false;
  auto end_record = [&]() {
    record.push_back(std::move(field));
    field.clear();
    if (t.header.empty()) {
      t.header = std::move(record);
    } else if (!(record.size() == 1 && record[0].empty())) {
      t.rows.push_back(std::move(record));
      t.row_lines.push_back(record_line);
    }
    record.clear();
    any = false;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == '"' && field.empty() && !any) {
      size_t start_line = line;
      ++i;
      for (;;) {
        if (i >= s.size()) {
          return Status::Error(name + ":" + std::to_string(start_line) +
                               ": unterminated quoted field");
        }
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (s[i] == '\n') ++line;
        field.push_back(s[i++]);
      }
      any = true;
      if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
        return Status::Error(name + ":" + std::to_string(line) +
                             ": text after the closing quote of a field");
      }
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = false;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      ++i;
      ++line;
      record_line = line;
      continue;
    }
    field.push_back(c);
    any = true;
    ++i;
  }
  if (any || !field.empty() || !record.empty()) end_record();
  if (t.header.empty()) return Status::Error(name + ": empty CSV (no header)");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (t.rows[r].size() != t.header.size()) {
      return Status::Error(name + ":" + std::to_string(t.row_lines[r]) + ": expected " +
                           std::to_string(t.header.size()) + " fields, found " +
                           std::to_string(t.rows[r].size()));
    }
  }
  return t;
}

Result<CsvTable> ReadCsvFile(const std::string& path, size_t max_bytes,
                             std::string_view limit_hint) {
  Result<std::string> bytes = ReadRegularFile(path, max_bytes, limit_hint);
  if (!bytes.ok()) return Status::Error(path + ": " + bytes.status().message());
  return ParseCsv(bytes.value(), path);
}

std::string CsvField(std::string_view f) {
  // A plain loop rather than find_first_of: the compiler vectorises it (every quote passes here).
  bool special = false;
  for (char c : f) special |= c == ',' || c == '"' || c == '\r' || c == '\n';
  if (!special) return std::string(f);
  std::string out;
  out.reserve(f.size() + 8);
  out.push_back('"');
  for (size_t i = 0;;) {
    const size_t q = f.find('"', i);
    if (q == std::string_view::npos) {
      out.append(f.substr(i));
      break;
    }
    out.append(f.substr(i, q + 1 - i));
    out.push_back('"');
    i = q + 1;
  }
  out.push_back('"');
  return out;
}

}  // namespace saidby
