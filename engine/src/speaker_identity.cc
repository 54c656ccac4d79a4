#include "saidby/speaker_identity.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "saidby/csv.h"
#include "saidby/rule_set.h"
#include "saidby/words.h"
#include "text_util.h"

namespace saidby {

Result<std::vector<SpeakerAlias>> ReadSpeakerAliases(const std::string& path) {
  Result<CsvTable> t = ReadCsvFile(path, size_t{16} << 20, "the alias file limit");
  if (!t.ok()) return t.status();
  if (t->header != std::vector<std::string>{"alias", "canonical"}) {
    return Status::Error(path + ":1: the header must be exactly alias,canonical");
  }
  std::vector<SpeakerAlias> out;
  for (size_t r = 0; r < t->rows.size(); ++r) {
    const std::vector<std::string>& row = t->rows[r];
    const std::string where = path + ":" + std::to_string(t->row_lines[r]) + ": ";
    if (row.size() != 2) {
      return Status::Error(where + "expected 2 fields (alias,canonical), found " +
                           std::to_string(row.size()));
    }
    if (NormalizeSpan(row[0]).empty() || NormalizeSpan(row[1]).empty()) {
      return Status::Error(where + "an alias and its canonical name must not be empty");
    }
    out.push_back({row[0], row[1]});
  }
  return out;
}

namespace {

std::vector<std::string> KeyWords(std::string_view name, const RuleSet* rules) {
  std::vector<std::string> words;
  const std::string folded = FoldName(NormalizeSpan(name));  // SplitWords views into it
  for (std::string_view w : SplitWords(folded)) {
    // "A." and "Baker," are the words "a" and "baker".
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
    if (!w.empty()) words.emplace_back(w);
  }
  if (words.empty()) return words;
  // A possessive ("Keller's", "Jones'") names the same speaker.
  std::string& last = words.back();
  if (last.size() > 2 && last.ends_with("'s")) {
    last.resize(last.size() - 2);
  } else if (last.size() > 1 && last.ends_with('\'')) {
    last.pop_back();
  }
  if (words.size() > 1 && words[0] == "the") words.erase(words.begin());
  // A possessive before a full name is a credit ("Fox's Anna Keller"), not part of it.
  while (words.size() > 2 && words[0].size() > 2 && words[0].ends_with("'s")) {
    words.erase(words.begin());
  }
  const auto is_suffix = [](const std::string& w) {
    return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
  };
  if (words.size() > 2 && is_suffix(words.back())) words.pop_back();
  if (rules) {
    // Leading titles and honorifics, longest first ("prime minister", "sen"), while a name
    // remains; not before an organisation's head word ("General Motors" keeps "General").
    bool stripped = true;
    while (stripped && words.size() > 1 && !rules->IsOrganisationHead(words.back())) {
      stripped = false;
      for (size_t n = std::min<size_t>(words.size() - 1, 4); n >= 1; --n) {
        std::string phrase = words[0];
        for (size_t i = 1; i < n; ++i) phrase += " " + words[i];
        if (rules->IsTitle(phrase)) {
          words.erase(words.begin(), words.begin() + static_cast<long>(n));
          stripped = true;
          break;
        }
      }
    }
  }
  // Middle initials: one letter between the first and the last word ("James A. Baker").
  if (words.size() > 2) {
    std::vector<std::string> kept{words.front()};
    for (size_t i = 1; i + 1 < words.size(); ++i) {
      if (DecodeAt(words[i], 0).width != words[i].size()) kept.push_back(words[i]);
    }
    kept.push_back(words.back());
    words = std::move(kept);
  }
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

struct KeyGroups {
  std::vector<size_t> parent;
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t x, size_t y) {
    x = Find(x), y = Find(y);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
};

}  // namespace

std::string SpeakerKey(std::string_view name, const RuleSet* rules) {
  return Join(KeyWords(name, rules));
}

std::vector<std::string> CanonicalSpeakers(const std::vector<std::string>& input,
                                           const SpeakerIdentityOptions& options) {
  // Aliases first: the user's word overrides every rule below.
  std::unordered_map<std::string, std::string> alias_of;
  for (const SpeakerAlias& a : options.aliases) {
    alias_of.emplace(FoldName(NormalizeSpan(a.alias)), NormalizeSpan(a.canonical));
  }
  std::vector<std::string> names(input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    names[i] = NormalizeSpan(input[i]);
    if (auto it = alias_of.find(FoldName(names[i])); it != alias_of.end()) names[i] = it->second;
  }

  // Distinct keys (sorted, so the result does not depend on input order), with their quotes.
  std::map<std::string, size_t> key_index;
  std::vector<size_t> key_of(names.size(), static_cast<size_t>(-1));
  std::vector<std::vector<std::string>> words_of;
  std::vector<size_t> quotes_of;
  {
    std::map<std::string, std::vector<std::string>> words_by_key;
    std::vector<std::string> keys(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i].empty()) continue;
      std::vector<std::string> w = KeyWords(names[i], options.rules);
      keys[i] = Join(w);
      if (!keys[i].empty()) words_by_key.emplace(keys[i], std::move(w));
    }
    for (auto& [key, w] : words_by_key) {
      key_index.emplace(key, words_of.size());
      words_of.push_back(std::move(w));
    }
    quotes_of.assign(words_of.size(), 0);
    for (size_t i = 0; i < names.size(); ++i) {
      if (keys[i].empty()) continue;
      key_of[i] = key_index.at(keys[i]);
      ++quotes_of[key_of[i]];
    }
  }
  const size_t nk = words_of.size();
  KeyGroups groups{std::vector<size_t>(nk)};
  std::iota(groups.parent.begin(), groups.parent.end(), 0);
  const RuleSet* rules = options.rules;

  // A longer name joins its first + last words when that name occurs ("Hillary Rodham
  // Clinton" → "Hillary Clinton"); with rules, only when the first word is a given name.
  for (size_t k = 0; k < nk; ++k) {
    const std::vector<std::string>& w = words_of[k];
    if (w.size() < 3) continue;
    if (rules && !rules->FindGivenName(w.front())) continue;
    auto it = key_index.find(w.front() + " " + w.back());
    if (it != key_index.end()) groups.Join(k, it->second);
  }
  // Two-word names with one surname whose given names are one name ("Ben"/"Benjamin"): joined
  // only when each is the other's sole such partner, so "Bill" does not pick a "Will".
  if (rules) {
    std::map<std::string, std::vector<size_t>> two_word_by_surname;
    for (size_t k = 0; k < nk; ++k) {
      if (words_of[k].size() == 2) two_word_by_surname[words_of[k][1]].push_back(k);
    }
    for (const auto& [surname, ks] : two_word_by_surname) {
      std::map<size_t, std::vector<size_t>> partners;
      for (size_t x : ks) {
        for (size_t y : ks) {
          if (x != y && rules->SameGivenName(words_of[x][0], words_of[y][0])) {
            partners[x].push_back(y);
          }
        }
      }
      for (const auto& [x, ys] : partners) {
        if (ys.size() == 1 && partners[ys[0]].size() == 1) groups.Join(x, ys[0]);
      }
    }
  }
  // A one-word name joins the full-name group ending with it that holds at least
  // surname_share of those groups' quotes; otherwise it stays apart (several Trumps, none
  // dominant, or none at all).
  std::map<size_t, size_t> group_quotes;
  for (size_t k = 0; k < nk; ++k) group_quotes[groups.Find(k)] += quotes_of[k];
  std::map<std::string, std::set<size_t>> full_groups_by_surname;
  for (size_t k = 0; k < nk; ++k) {
    if (words_of[k].size() >= 2) full_groups_by_surname[words_of[k].back()].insert(groups.Find(k));
  }
  std::vector<std::pair<size_t, size_t>> surname_joins;
  for (size_t k = 0; k < nk; ++k) {
    if (words_of[k].size() != 1) continue;
    auto it = full_groups_by_surname.find(words_of[k][0]);
    if (it == full_groups_by_surname.end()) continue;
    size_t sum = 0, best = 0, best_group = 0;
    for (size_t g : it->second) {
      sum += group_quotes[g];
      if (group_quotes[g] > best) best = group_quotes[g], best_group = g;
    }
    if (static_cast<double>(best) >= options.surname_share * static_cast<double>(sum)) {
      surname_joins.emplace_back(k, best_group);
    }
  }
  for (auto [k, g] : surname_joins) groups.Join(k, g);

  // Display: the group's most quoted key among its longest-worded (ties: byte order), then
  // that key's most frequent spelling (ties: the smallest).
  std::vector<size_t> root_key(nk, static_cast<size_t>(-1));
  for (size_t k = 0; k < nk; ++k) {
    size_t& r = root_key[groups.Find(k)];
    const auto multi = [&](size_t x) { return words_of[x].size() >= 2; };
    if (r == static_cast<size_t>(-1) || multi(k) > multi(r) ||
        (multi(k) == multi(r) && quotes_of[k] > quotes_of[r])) {
      r = k;
    }
  }
  std::map<size_t, std::map<std::string, size_t>> spellings;  // root key → spelling → quotes
  for (size_t i = 0; i < names.size(); ++i) {
    if (key_of[i] == static_cast<size_t>(-1)) continue;
    if (root_key[groups.Find(key_of[i])] == key_of[i]) ++spellings[key_of[i]][names[i]];
  }
  std::vector<std::string> display(nk);
  for (size_t k = 0; k < nk; ++k) {
    const size_t r = root_key[groups.Find(k)];
    const std::pair<const std::string, size_t>* best = nullptr;
    for (const auto& entry : spellings[r]) {
      if (!best || entry.second > best->second) best = &entry;
    }
    display[k] = best->first;
  }
  std::vector<std::string> out(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    if (key_of[i] != static_cast<size_t>(-1)) out[i] = display[key_of[i]];
  }
  return out;
}

}  // namespace saidby
