#include "saidby/entities.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "name_run.h"
#include "text_util.h"

namespace saidby {
namespace {

thread_local uint64_t t_work = 0;  // see EntityWork

// A name as found, before linking.
struct Found {
  TextSpan span;
  TextSpan written;                 // the name's words before leading modifiers were dropped
  std::vector<std::string> folded;  // words without middle initials, FoldName'd
  std::string name;                 // the same words as written, joined by spaces
  EntityType evidence = EntityType::kOther;
  Gender title_gender = Gender::kUnknown;
  bool subject = false;
  bool speaks = false;      // a speech cue follows, perhaps after an appositive
  bool speaks_now = false;  // a speech cue follows right away ("Keller said")
  bool in_quote = false;
  bool asked = false;
  bool in_headline = false;        // in a title-case paragraph ("Woman Reveals What Keller Did")
  std::vector<std::string> roles;  // titles before the name or in its appositive, full forms
};

bool IsInitial(std::string_view word) {
  const CodePoint first = DecodeAt(word, 0);
  return IsUpper(first.cp) &&
         (word.size() == first.width || (word.size() == first.width + 1 && word.back() == '.'));
}

bool IsAcronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 6) return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The word that ends right before `pos` (spaces skipped), lower case, its period removed.
std::string WordBefore(std::string_view t, size_t pos) {
  while (pos > 0 && (t[pos - 1] == ' ' || t[pos - 1] == '\t')) --pos;
  size_t b = pos;
  while (b > 0 && (IsWordByte(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == '.')) --b;
  std::string w = AsciiLower(t.substr(b, pos - b));
  while (!w.empty() && w.back() == '.') w.pop_back();
  return w;
}

// The word that starts after `pos` (spaces skipped), lower case, and where it ends.
std::string WordAfter(std::string_view t, size_t pos, size_t* end) {
  while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t')) ++pos;
  size_t e = pos;
  while (e < t.size() && IsWordByte(static_cast<unsigned char>(t[e]))) ++e;
  *end = e;
  return AsciiLower(t.substr(pos, e - pos));
}

// Opens a sentence or a clause: only spaces, opening marks or brackets since a line break, a
// sentence end or a semicolon.
bool OpensClause(std::string_view t, size_t pos) {
  for (size_t seen = 0; pos > 0 && seen < 16; ++seen) {
    const CodePoint c = DecodeBefore(t, pos);
    if (c.cp == '\n' || c.cp == '.' || c.cp == '!' || c.cp == '?' || c.cp == ';') return true;
    // “Q,” Keller said: the name right after a closing mark opens the attribution clause.
    if (c.cp == 0x201D) return true;
    if (!IsSpace(c.cp) && c.cp != '"' && c.cp != 0x201C && c.cp != '(' && c.cp != 0x2014) {
      return false;
    }
    pos -= c.width;
  }
  return pos == 0;
}

// Where sentences start: after a line break, or after . ! ? (and closing marks) followed by a
// space and a capital or an opening mark, unless the period ends an abbreviation or an initial.
std::vector<size_t> SentenceStarts(std::string_view t, const RuleSet& rules) {
  std::vector<size_t> starts{0};
  for (size_t i = FindByte(t, 0, t.size(), ".!?\n", false); i < t.size();
       i = FindByte(t, i + 1, t.size(), ".!?\n", false)) {
    if (t[i] == '\n') {
      // A blank line between paragraphs is no sentence.
      if (i + 1 < t.size() && t[i + 1] != '\n' && t[i + 1] != '\r') starts.push_back(i + 1);
      continue;
    }
    size_t j = i + 1;
    while (j < t.size() && (t[j] == '"' || t[j] == '\'' || t[j] == ')')) ++j;
    while (j + 2 < t.size() && t.compare(j, 3, "\xE2\x80\x9D") == 0) j += 3;
    if (j >= t.size() || t[j] != ' ') continue;
    while (j < t.size() && t[j] == ' ') ++j;
    if (j >= t.size()) break;
    const CodePoint next = DecodeAt(t, j);
    if (!IsUpper(next.cp) && next.cp != '"' && next.cp != 0x201C) continue;
    if (t[i] == '.') {
      size_t b = i;
      while (b > 0 && IsWordByte(static_cast<unsigned char>(t[b - 1]))) --b;
      const std::string word(t.substr(b, i - b));
      if (IsInitial(word) || rules.IsAbbreviation(AsciiLower(word) + ".")) continue;
    }
    starts.push_back(j);
  }
  return starts;
}

// Whether each paragraph is written in title case (a headline: four words or more, nearly all
// capitalised), where capitals say nothing of names.
std::vector<bool> TitleCaseParagraphs(const Document& doc) {
  std::vector<bool> title_case;
  title_case.reserve(doc.paragraphs.size());
  for (const TextSpan& p : doc.paragraphs) {
    // The words of SplitWords, walked in place: this runs over every byte of every article, and
    // a vector of words per paragraph cost more than the counting.
    const std::string_view t = doc.slice(p);
    size_t words = 0, capitalised = 0;
    for (size_t i = 0; i < t.size();) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
      if (i == t.size()) break;
      size_t e = i;
      while (e < t.size() && t[e] != ' ' && t[e] != '\t') ++e;
      ++words;
      // An ASCII byte is upper case only from A to Z (ICU agrees); others ask ICU.
      const unsigned char c = static_cast<unsigned char>(t[i]);
      capitalised +=
          (c < 0x80 ? c >= 'A' && c <= 'Z' : IsUpper(DecodeAt(t.substr(i, e - i), 0).cp)) ? 1 : 0;
      i = e;
    }
    title_case.push_back(words >= 4 && capitalised * 5 >= words * 4);
  }
  return title_case;
}

}  // namespace

class EntityFinder {
 public:
  EntityFinder(const Document& doc, const QuoteScan& scan, const RuleSet& rules)
      : doc_(doc),
        scan_(scan),
        rules_(rules),
        t_(doc.text),
        title_case_(TitleCaseParagraphs(doc)) {}

  DocumentEntities Run() {
    DocumentEntities out;
    out.sentence_starts_ = NarrativeStarts(SentenceStarts(t_, rules_));
    CollectMentions();
    for (size_t i = 0; i < found_.size(); ++i) {
      if (found_[i].folded.size() >= 2 || found_[i].evidence == EntityType::kPlace) LinkFull(i);
    }
    for (size_t i = 0; i < found_.size(); ++i) {
      if (link_[i] == DocumentEntities::npos) LinkSingle(i);
    }
    out.entities_ = Finish();
    for (size_t i = 0; i < found_.size(); ++i) {
      const Found& f = found_[i];
      const size_t s =
          static_cast<size_t>(std::upper_bound(out.sentence_starts_.begin(),
                                               out.sentence_starts_.end(), f.span.begin) -
                              out.sentence_starts_.begin()) -
          1;
      out.mentions_.push_back({f.span, f.written, link_[i], s, f.subject, f.in_quote, f.asked});
    }
    return out;
  }

 private:
  // Sentence starts outside quotations: a five-sentence quote is one step back from the
  // narrative, so "she replied" after it still reaches the person named before it.
  std::vector<size_t> NarrativeStarts(std::vector<size_t> starts) const {
    size_t quote = 0;
    std::erase_if(starts, [&](size_t start) {
      while (quote < scan_.spans.size() && scan_.spans[quote].content.end <= start) ++quote;
      return quote < scan_.spans.size() && scan_.spans[quote].content.begin < start;
    });
    return starts;
  }

  static constexpr size_t kMaxNameWords = 8;

  // An entity being built: its full mentions (several words, or a place) and its one-word ones.
  struct Draft {
    std::vector<size_t> full;    // indexes into found_, ascending
    std::vector<size_t> single;  // indexes into found_
    bool personal = false;       // a full mention is a person's, or says something itself
  };
  // Names kept per surname, first name or acronym: real articles have a few; hostile text with
  // 100,000 "Keller"s of different first names would make linking quadratic.
  static constexpr size_t kMaxPerKey = 64;

  void CollectMentions() {
    size_t quote = 0;
    for (size_t at = 0; at < t_.size();) {
      std::optional<TextSpan> run = rules_.name_finder().Find(t_, at);
      if (!run) break;
      at = run->begin + std::max<size_t>(run->size(), 1);
      const std::vector<std::string_view> words = SplitWords(doc_.slice(*run));
      // "United States", "New Hampshire": a place is one name, whatever its words say.
      size_t first = 0;  // "The United States": the article is no part of the place
      while (first < words.size() && rules_.IsDeterminer(AsciiLower(words[first]))) ++first;
      if (words.size() - first >= 2 && words.size() - first <= kMaxNameWords) {
        std::string whole;
        for (size_t k = first; k < words.size(); ++k) {
          (whole += whole.empty() ? "" : " ") += AsciiLower(words[k]);
        }
        if (rules_.IsPlace(std::string(StripPossessive(whole)))) {
          AddMention({words.begin() + static_cast<long>(first), words.end()}, "", quote);
          continue;
        }
      }
      size_t start = 0;
      for (size_t i = 0; i <= words.size(); ++i) {
        if (i < words.size()) {
          std::string lower = LowerWord(StripPossessive(words[i]));
          const bool period = lower.size() > 1 && lower.back() == '.';
          if (period) lower.pop_back();  // "Sen." is "sen"
          if (!rules_.BreaksName(lower)) continue;
          // "The New York Times", "New Jersey Transit": a place's first word stays in the name.
          if (i + 1 < words.size() &&
              rules_.IsPlace(lower + " " + LowerWord(StripPossessive(words[i + 1])))) {
            continue;
          }
          // A title that ends a name is a surname: "Amy Pope", "Larry King".
          if (i + 1 == words.size() && i > start && !period && rules_.IsTitle(lower) &&
              !rules_.IsNotName(lower)) {
            continue;
          }
        }
        // A "name" of more words than any person's is a headline or a list: no mention.
        if (i > start && i - start <= kMaxNameWords) {
          std::string before;
          if (start > 0) {
            before = LowerWord(words[start - 1]);
            while (!before.empty() && before.back() == '.') before.pop_back();
          } else {
            before = WordBefore(t_, run->begin);
          }
          // "Clinton spokeswoman Jennifer Palmieri": a name before a title and another name
          // only modifies; it is no subject.
          const bool modifier =
              i + 1 < words.size() && rules_.IsTitle(LowerWord(StripPossessive(words[i])));
          AddMention(std::vector<std::string_view>(words.begin() + static_cast<long>(start),
                                                   words.begin() + static_cast<long>(i)),
                     before, quote, modifier);
        }
        start = i + 1;
      }
    }
  }

  void AddMention(std::vector<std::string_view> words, const std::string& before, size_t& quote,
                  bool modifier = false) {
    words.back() = StripPossessive(words.back());
    // "Joseph R. Biden Jr.": a generational suffix is no part of the name.
    if (words.size() >= 3) {
      std::string last = AsciiLower(words.back());
      if (last.back() == '.') last.pop_back();
      if (last == "jr" || last == "sr" || last == "ii" || last == "iii" || last == "iv") {
        words.pop_back();
      }
    }
    if (words.back().empty()) return;
    Found f;
    f.written = {static_cast<size_t>(words.front().data() - t_.data()),
                 static_cast<size_t>(words.back().data() + words.back().size() - t_.data())};
    const std::string last = AsciiLower(words.back());
    const bool titled = rules_.IsTitle(before);
    f.title_gender = titled ? rules_.TitleGender(before) : Gender::kUnknown;
    if (rules_.IsOrganisationHead(last)) {
      f.evidence = EntityType::kOrganisation;
    } else {
      // The name starts at its first given name: "Harbour Herald Anna Keller" is Anna Keller.
      const bool given_first = GivenNameOf(words[0]) != nullptr;
      for (size_t k = 1; k + 1 < words.size() && !given_first; ++k) {
        if (GivenNameOf(words[k]) && !IsInitial(words[k - 1])) {
          words.erase(words.begin(), words.begin() + static_cast<long>(k));
          break;
        }
      }
      std::string whole;
      for (std::string_view w : words) (whole += whole.empty() ? "" : " ") += AsciiLower(w);
      if (rules_.IsPlace(whole) && !titled) {
        f.evidence = EntityType::kPlace;
      } else if (words.size() == 1 && IsAcronym(words[0])) {
        f.evidence = EntityType::kOrganisation;
      } else if (titled || (words.size() >= 2 && GivenNameOf(words[0]))) {
        f.evidence = EntityType::kPerson;
      }
    }
    f.span = {static_cast<size_t>(words.front().data() - t_.data()),
              static_cast<size_t>(words.back().data() + words.back().size() - t_.data())};
    for (size_t k = 0; k < words.size(); ++k) {
      if (k > 0 && k + 1 < words.size() && IsInitial(words[k])) continue;
      f.folded.push_back(FoldName(words[k]));
      (f.name += f.name.empty() ? "" : " ") += words[k];
    }
    // A possessor ("Keller's plan") speaks no cue of its own.
    size_t end = f.span.end;
    const bool possessive =
        t_.compare(end, 3, "\xE2\x80\x99") == 0 || (end < t_.size() && t_[end] == '\'');
    // Whether a cue follows `from`, past up to two auxiliaries or "also" ("Keller has also said").
    auto cue_follows = [&](size_t from) {
      std::string word = WordAfter(t_, from, &from);
      for (int skip = 0; skip < 2 && (rules_.IsAuxiliary(word) || word == "also"); ++skip) {
        word = WordAfter(t_, from, &from);
      }
      return rules_.IsCue(word);
    };
    f.speaks_now = !possessive && cue_follows(end);
    size_t after = end;
    while (after < t_.size() && t_[after] == ' ') ++after;
    if (after < t_.size() && t_[after] == ',') {
      // ", 69, told" / ", a spokeswoman for the ministry, said": look past a short appositive.
      const size_t close = t_.find(',', after + 1);
      if (close != std::string_view::npos && close - after < 60) end = close + 1;
    }
    // With no appositive the words after the name were read for speaks_now already.
    f.speaks = end == f.span.end ? f.speaks_now : !possessive && cue_follows(end);
    modifier |= BeforeTitledName(f.span.end);
    // "The Keller approach is …", "the Keller campaign": between an article and a noun, a name
    // only modifies.
    if (!f.speaks && !possessive && rules_.IsArticle(before)) {
      size_t word_end = f.span.end;
      const std::string noun = WordAfter(t_, f.span.end, &word_end);
      const size_t at = word_end - noun.size();
      modifier |= !noun.empty() && t_[at] >= 'a' && t_[at] <= 'z' && !rules_.IsCue(noun);
    }
    const size_t phrase = NounPhraseStart(f.span.begin);
    f.subject = !modifier && (f.speaks || OpensClause(t_, phrase) || AfterInvertedCue(phrase));
    f.asked = !f.speaks && rules_.AsksObject(WordBefore(t_, phrase));
    f.roles = RolesAround(f, phrase);
    // "“Q,” said Osei": someone who speaks.
    if (f.evidence == EntityType::kOther && AfterInvertedCue(phrase))
      f.evidence = EntityType::kPerson;
    while (quote < scan_.spans.size() && scan_.spans[quote].content.end <= f.span.begin) ++quote;
    f.in_quote = quote < scan_.spans.size() && scan_.spans[quote].content.begin <= f.span.begin;
    f.in_headline = title_case_[doc_.ParagraphAt(f.span.begin)];
    found_.push_back(std::move(f));
    link_.push_back(DocumentEntities::npos);
  }

  // A capitalised word's given-name record: "Ben Carson" has one, "Mohammed bin Salman"'s "bin"
  // does not.
  const GivenName* GivenNameOf(std::string_view word) const {
    if (word.empty() || !IsUpper(DecodeAt(word, 0).cp)) return nullptr;
    // "ESPN Fires Keller": an acronym is an organisation's, whatever the lexicon holds.
    if (IsAcronym(word)) return nullptr;
    return rules_.FindGivenName(FoldName(word));
  }

  // "Clinton spokeswoman Jennifer Palmieri": lower-case titles and then a capitalised word
  // follow `pos`.
  bool BeforeTitledName(size_t pos) const {
    size_t end = pos;
    bool titled = false;
    for (int words = 0; words < 4; ++words) {
      size_t at = end;
      while (at < t_.size() && t_[at] == ' ') ++at;
      if (at >= t_.size()) return false;
      if (t_[at] >= 'A' && t_[at] <= 'Z') return titled;
      const std::string w = WordAfter(t_, at, &end);
      if (w.empty() || (!rules_.IsTitle(w) && rules_.PhraseWordsFrom(w) < 2)) return false;
      titled |= rules_.IsTitle(w);
    }
    return false;
  }

  // “Q,” said Anna Keller / "The plan is sound, said Anna Keller": the noun phrase at `pos`
  // follows a cue that follows a closing mark or a comma.
  bool AfterInvertedCue(size_t pos) const {
    size_t e = pos;
    while (e > 0 && t_[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && IsWordByte(static_cast<unsigned char>(t_[b - 1]))) --b;
    if (b == e || !rules_.IsCue(AsciiLower(t_.substr(b, e - b)))) return false;
    bool comma = false;
    while (b > 0 && (t_[b - 1] == ' ' || t_[b - 1] == ',')) comma |= t_[--b] == ',';
    if (b == 0) return false;
    // "…, said Keller": an inverted cue after a clause names its speaker as well.
    if (comma) return true;
    const CodePoint c = DecodeBefore(t_, b);
    return c.cp == 0x201D || c.cp == '"' || c.cp == '\'' || c.cp == 0x2019;
  }

  // Where the noun phrase that ends in a name starts: back over titles, determiners and
  // capitalised words ("The Washington Post columnist Ruth Marcus", "Republican pollster X"),
  // and over a title's comma ("Kazakhstan's foreign minister, Erlan Idrissov").
  size_t NounPhraseStart(size_t pos) const {
    for (int words = 0; words < 6; ++words) {
      size_t e = pos;
      while (e > 0 && t_[e - 1] == ' ') --e;
      if (words == 0 && e > 0 && t_[e - 1] == ',') {
        const std::string title = WordBefore(t_, e - 1);
        if (!title.empty() && rules_.IsTitle(title) && !rules_.IsCue(title)) --e;
      }
      size_t b = e;
      while (b > 0 && (IsWordByte(static_cast<unsigned char>(t_[b - 1])) || t_[b - 1] == '.' ||
                       t_[b - 1] == '-')) {
        --b;
      }
      if (b == e) break;
      std::string w = AsciiLower(t_.substr(b, e - b));
      while (!w.empty() && w.back() == '.') w.pop_back();
      const bool capital = t_[b] >= 'A' && t_[b] <= 'Z';
      // "foreign" opens the title "foreign minister".
      if (!capital && !rules_.IsTitle(w) && !rules_.IsDeterminer(w) &&
          rules_.PhraseWordsFrom(w) < 2) {
        break;
      }
      if (rules_.IsCue(w) || rules_.Pronoun(w)) break;
      pos = b;
    }
    return pos;
  }

  // Lower-case words of t_[b, e), periods dropped ("Sen." is "sen").
  static std::vector<std::string> LowerWords(std::string_view t) {
    std::vector<std::string> out;
    for (std::string_view w : SplitWords(t)) {
      std::string l = LowerWord(w);
      while (!l.empty() && (l.back() == '.' || l.back() == ',')) l.pop_back();
      if (!l.empty()) out.push_back(std::move(l));
    }
    return out;
  }

  // The titles among `words` (phrases first: "secretary of state"), in their full forms.
  void AddTitles(const std::vector<std::string>& words, std::vector<std::string>& roles) const {
    for (size_t i = 0; i < words.size();) {
      size_t took = 0;
      for (size_t k = std::min<size_t>(rules_.PhraseWordsFrom(words[i]), words.size() - i); k > 1;
           --k) {
        std::string phrase = words[i];
        for (size_t j = 1; j < k; ++j) phrase += " " + words[i + j];
        if (rules_.IsTitle(phrase)) {
          roles.push_back(phrase);
          took = k;
          break;
        }
      }
      if (took == 0 && rules_.IsTitle(words[i])) {
        roles.push_back(rules_.TitleMeaning(words[i]));
        took = 1;
      }
      i += std::max<size_t>(took, 1);
    }
  }

  // What the text calls a person where it names them: the titles before the name ("Florida
  // Sen."), and an appositive's titles or head noun (", the gambling tycoon,").
  // `phrase`: where the noun phrase ending in the name starts (NounPhraseStart).
  std::vector<std::string> RolesAround(const Found& f, size_t phrase) const {
    std::vector<std::string> roles;
    if (phrase < f.written.begin) {
      AddTitles(LowerWords(t_.substr(phrase, f.written.begin - phrase)), roles);
    }
    size_t at = f.written.end;
    if (t_.compare(at, 3, "\xE2\x80\x99") == 0) at += 3;
    if (at < t_.size() && t_[at] == '\'') ++at;
    if (at < t_.size() && (t_[at] == 's' || t_[at] == 'S')) return roles;  // a possessive
    while (at < t_.size() && t_[at] == ' ') ++at;
    if (at >= t_.size() || t_[at] != ',') return roles;
    const size_t end = std::min(t_.find_first_of(",.;:()\n", at + 1), at + 80);
    if (end == std::string_view::npos || end >= t_.size()) return roles;
    const std::vector<std::string> words = LowerWords(t_.substr(at + 1, end - at - 1));
    if (words.empty() || words.size() > 8) return roles;
    // "Peter Osei, 43,": an age, which "the 43-year-old" refers to later.
    if (words.size() == 1 && words[0].size() <= 3 &&
        std::all_of(words[0].begin(), words[0].end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      roles.push_back(words[0]);
      return roles;
    }
    const bool capital = at + 2 < t_.size() && t_[at + 2] >= 'A' && t_[at + 2] <= 'Z';
    if (!rules_.IsDeterminer(words[0]) && !rules_.IsTitle(words[0]) && !capital) return roles;
    const size_t before = roles.size();
    AddTitles(words, roles);
    // "the gambling tycoon": a short description's last word is a role of its own.
    const std::string& head = words.back();
    if (roles.size() == before && words.size() <= 4 && rules_.IsDeterminer(words[0]) &&
        std::all_of(head.begin(), head.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      roles.push_back(head);
    }
    return roles;
  }

  static bool Compatible(EntityType a, EntityType b) {
    const bool org_a = a == EntityType::kOrganisation, org_b = b == EntityType::kOrganisation;
    return org_a == org_b && a != EntityType::kPlace && b != EntityType::kPlace;
  }

  // Is every word of `a` a word of `b`, in order?
  static bool Within(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    size_t k = 0;
    for (const std::string& w : b) {
      if (k < a.size() && w == a[k]) ++k;
    }
    return k == a.size();
  }

  // The draft among `candidates` fully named last before `pos`, else first after it.
  size_t Nearest(const std::vector<size_t>& candidates, size_t pos) const {
    size_t best = DocumentEntities::npos, best_at = 0;
    size_t later = DocumentEntities::npos, later_at = 0;
    for (size_t d : candidates) {
      ++t_work;
      const std::vector<size_t>& full = drafts_[d].full;
      auto after = std::lower_bound(full.begin(), full.end(), pos,
                                    [&](size_t f, size_t p) { return found_[f].span.begin < p; });
      if (after != full.begin()) {
        const size_t at = found_[*std::prev(after)].span.begin;
        if (best == DocumentEntities::npos || at >= best_at) {
          best = d;
          best_at = at;
        }
      }
      if (after != full.end()) {
        const size_t at = found_[*after].span.begin;
        if (later == DocumentEntities::npos || at < later_at) {
          later = d;
          later_at = at;
        }
      }
    }
    return best != DocumentEntities::npos ? best : later;
  }

  // Of several people with one surname, the one the article introduced first ("Hillary Clinton
  // … her husband, Bill Clinton … Clinton said" is Hillary), among names that show a person (a
  // given name, a title) before a headline's title-case run ("Network Fires Keller").
  size_t Salient(const std::vector<size_t>& candidates) const {
    auto shows_person = [&](size_t d) {
      return std::any_of(drafts_[d].full.begin(), drafts_[d].full.end(),
                         [&](size_t f) { return found_[f].evidence == EntityType::kPerson; });
    };
    // The first full mention outside a headline, headlines after the body.
    auto introduced = [&](size_t d) {
      const std::vector<size_t>& full = drafts_[d].full;
      auto it =
          std::find_if(full.begin(), full.end(), [&](size_t f) { return !found_[f].in_headline; });
      return std::pair{it == full.end(), it == full.end() ? full.front() : *it};
    };
    size_t pick = candidates.front();
    for (size_t d : candidates) {
      const bool person = shows_person(d), pick_person = shows_person(pick);
      if (person != pick_person ? person : introduced(d) < introduced(pick)) pick = d;
    }
    return pick;
  }

  // Found names are attached in document order within each pass, so `full` stays ascending.
  void Attach(size_t f, size_t d, bool full) {
    link_[f] = d;
    if (full) {
      drafts_[d].personal |= found_[f].evidence == EntityType::kPerson || found_[f].speaks_now;
    }
    (full ? drafts_[d].full : drafts_[d].single).push_back(f);
  }

  size_t NewDraft(size_t f, bool full) {
    drafts_.push_back({});
    Attach(f, drafts_.size() - 1, full);
    return drafts_.size() - 1;
  }

  static void AddKey(std::vector<size_t>& keyed, size_t d) {
    if (keyed.size() < kMaxPerKey) keyed.push_back(d);
  }

  // Several words (or a place): the same entity as an earlier one with the same last word whose
  // words hold these words, or are held by them ("Donald Trump", "Donald J. Trump").
  void LinkFull(size_t i) {
    const Found& f = found_[i];
    const std::string& key = f.folded.back();
    std::vector<size_t> candidates;
    for (size_t d : by_last_[key]) {
      ++t_work;
      const Found& g = found_[drafts_[d].full.front()];
      if (!Compatible(f.evidence, g.evidence) && f.evidence != g.evidence) continue;
      // "Understated Perez" (a headline) is Thomas Perez: words with no sign of a person before
      // a person's surname are modifiers.
      const bool one_person =
          (f.evidence == EntityType::kPerson) != (g.evidence == EntityType::kPerson);
      if (g.folded.front() == f.folded.front() || Within(f.folded, g.folded) ||
          Within(g.folded, f.folded) || one_person) {
        candidates.push_back(d);
      }
    }
    if (!candidates.empty()) {
      Attach(i, Nearest(candidates, f.span.begin), true);
      return;
    }
    const size_t d = NewDraft(i, true);
    AddKey(by_last_[key], d);
    if (f.folded.size() < 2) return;
    // Only a person is named by a first name alone ("Hillary", "Mr. Lou" for Lou Jiwei); "CNN"
    // is not "CNN Headline News".
    if (f.evidence == EntityType::kPerson) AddKey(by_first_[f.folded.front()], d);
    if (f.evidence == EntityType::kOrganisation) {
      std::string initials;
      for (const std::string& w : f.folded) {
        if (w[0] >= 'a' && w[0] <= 'z') initials += static_cast<char>(w[0] - 'a' + 'A');
      }
      if (initials.size() == f.folded.size()) AddKey(by_acronym_[initials], d);
    }
  }

  Gender GivenGender(const Found& g) const {
    if (g.title_gender != Gender::kUnknown) return g.title_gender;
    const GivenName* given = rules_.FindGivenName(g.folded.front());
    return given ? given->gender() : Gender::kUnknown;
  }

  // One word: a surname, a first name or an acronym of a full name, else its own entity.
  void LinkSingle(size_t i) {
    const Found& f = found_[i];
    const std::string& word = f.folded.front();
    const std::string written = f.name;
    for (auto* index : {&by_last_, &by_first_}) {
      auto it = index->find(word);
      if (it == index->end()) continue;
      std::vector<size_t> candidates;
      for (size_t d : it->second) {
        ++t_work;
        const Found& g = found_[drafts_[d].full.front()];
        // "Mr. Keller" is not Anna Keller.
        const Gender given = GivenGender(g);
        const bool clash = f.title_gender != Gender::kUnknown && given != Gender::kUnknown &&
                           given != f.title_gender;
        if (g.folded.size() >= 2 && Compatible(f.evidence, g.evidence) && !clash &&
            drafts_[d].personal) {
          candidates.push_back(d);
        }
      }
      if (!candidates.empty()) {
        Attach(i, Salient(candidates), false);
        return;
      }
    }
    if (IsAcronym(written)) {
      if (auto it = by_acronym_.find(written); it != by_acronym_.end()) {
        Attach(i, Nearest(it->second, f.span.begin), false);
        return;
      }
    }
    auto [it, added] = by_word_.try_emplace(word, drafts_.size());
    if (added) {
      NewDraft(i, false);
    } else {
      Attach(i, it->second, false);
    }
  }

  std::vector<Entity> Finish() {
    std::vector<Entity> entities;
    for (Draft& d : drafts_) {
      Entity e;
      const Found* fullest = nullptr;
      bool person = false, organisation = false, place = true, speaks = false;
      Gender title_gender = Gender::kUnknown;
      for (const std::vector<size_t>* list : {&d.full, &d.single}) {
        for (size_t f : *list) {
          const Found& m = found_[f];
          // The fullest name, a person's own name before any modified form ("Susan Sarandon",
          // not the headline's "Liberal Oscar-winner Sarandon").
          const bool better_kind = fullest && (m.evidence == EntityType::kPerson) !=
                                                  (fullest->evidence == EntityType::kPerson);
          if (!fullest || (better_kind ? m.evidence == EntityType::kPerson
                                       : m.folded.size() > fullest->folded.size())) {
            fullest = &m;
          }
          person |= m.evidence == EntityType::kPerson;
          organisation |= m.evidence == EntityType::kOrganisation;
          place &= m.evidence == EntityType::kPlace;
          speaks |= m.speaks_now;
          if (m.title_gender != Gender::kUnknown) title_gender = m.title_gender;
          e.roles.insert(e.roles.end(), m.roles.begin(), m.roles.end());
        }
      }
      std::sort(e.roles.begin(), e.roles.end());
      e.roles.erase(std::unique(e.roles.begin(), e.roles.end()), e.roles.end());
      e.name = fullest->name;
      e.mentions = d.full.size() + d.single.size();
      e.type = person         ? EntityType::kPerson
               : organisation ? EntityType::kOrganisation
               : place        ? EntityType::kPlace
                              : EntityType::kOther;
      // A name that speaks and is no organisation or place is taken for a person; one word
      // with no given name, title or role ("Twitter said", "Keller said") may be either.
      if (e.type == EntityType::kOther && speaks) {
        e.type = EntityType::kPerson;
        e.maybe_organisation = fullest->folded.size() == 1 && e.roles.empty();
      }
      e.gender = title_gender;
      e.gender_certain = title_gender != Gender::kUnknown;
      if (e.gender == Gender::kUnknown && e.type == EntityType::kPerson) {
        if (const GivenName* g = rules_.FindGivenName(fullest->folded.front())) {
          e.gender = g->gender();
          // A name no language records for the other gender ("Susan"), or four times as many
          // do for its own ("Samuel": five against one), is as sure as a title.
          e.gender_certain = e.gender != Gender::kUnknown &&
                             (g->male >= 4 * g->female || g->female >= 4 * g->male);
        }
      }
      // "Chez Vachon, her husband": a role that carries a gender gives it.
      for (size_t k = 0; k < e.roles.size() && e.gender == Gender::kUnknown; ++k) {
        e.gender = rules_.TitleGender(e.roles[k]);
        e.gender_certain = e.gender != Gender::kUnknown;
      }
      entities.push_back(std::move(e));
    }
    return entities;
  }

  const Document& doc_;
  const QuoteScan& scan_;
  const RuleSet& rules_;
  std::string_view t_;
  std::vector<bool> title_case_;  // per paragraph
  std::vector<Found> found_;
  std::vector<size_t> link_;  // draft of each found name
  std::vector<Draft> drafts_;
  std::unordered_map<std::string, std::vector<size_t>> by_last_, by_first_, by_acronym_;
  std::unordered_map<std::string, size_t> by_word_;
};

uint64_t EntityWork() { return t_work; }

size_t DocumentEntities::EntityOfName(TextSpan name) const {
  ++t_work;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), name.begin,
                             [](const EntityMention& m, size_t p) { return m.written.begin < p; });
  if (it == mentions_.end() || it->written.begin != name.begin) return npos;
  // The name as written may keep its possessive ("Keller’s"); the mention does not.
  return it->written.end <= name.end && name.end - it->written.end <= 4 ? it->entity : npos;
}

size_t DocumentEntities::Antecedent(const PronounEntry& pronoun, size_t pos, bool organisation,
                                    size_t preferred, size_t excluded) const {
  // `relaxed`: a gender read off a given name only (not a title) may be wrong ("Jan" is a man's
  // name in most of the lexicon's languages): the text's "she" outweighs it.
  // A name that may be an organisation's ("Twitter said") is he or she only when nothing else
  // fits.
  auto fits = [&](size_t entity, bool relaxed) {
    if (entity == excluded) return false;
    const Entity& e = entities_[entity];
    if (organisation || pronoun.number == Number::kPlural) {
      return e.type == EntityType::kOrganisation || e.maybe_organisation;
    }
    if (e.type != EntityType::kPerson || (e.maybe_organisation && !relaxed)) return false;
    return pronoun.gender == Gender::kUnknown || e.gender == Gender::kUnknown ||
           e.gender == pronoun.gender || (relaxed && !e.gender_certain);
  };
  return MostSalient(pos, fits, preferred);
}

size_t DocumentEntities::MentionsBefore(size_t pos) const {
  return static_cast<size_t>(
      std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                       [](const EntityMention& m, size_t p) { return m.span.begin < p; }) -
      mentions_.begin());
}

size_t DocumentEntities::Described(const Description& d, size_t pos, size_t preferred) const {
  auto kind_fits = [&](size_t entity) {
    const EntityType t = entities_[entity].type;
    if (d.type == EntityType::kOther) {
      return t == EntityType::kPerson || t == EntityType::kOrganisation;
    }
    if (t != d.type &&
        !(d.type == EntityType::kOrganisation && entities_[entity].maybe_organisation)) {
      return false;
    }
    const Gender g = entities_[entity].gender;
    return d.gender == Gender::kUnknown || g == Gender::kUnknown || g == d.gender;
  };
  auto has_role = [&](size_t entity) {
    for (const std::string& r : d.roles) {
      const std::vector<std::string>& roles = entities_[entity].roles;
      if (std::binary_search(roles.begin(), roles.end(), r)) return true;
    }
    return false;
  };
  // The organisation whose name holds the head word: "the ministry" for the Ministry of Health.
  auto named_by_head = [&](size_t entity) {
    if (d.head.empty() || entities_[entity].type != EntityType::kOrganisation) return false;
    for (std::string_view w : SplitWords(entities_[entity].name)) {
      if (LowerWord(w) == d.head) return true;
    }
    return false;
  };
  const size_t end = MentionsBefore(pos);
  for (size_t k = end, seen = 0; k-- > 0 && seen < kMaxRoleMentionsBack; ++seen) {
    ++t_work;
    const size_t e = mentions_[k].entity;
    if (kind_fits(e) && (has_role(e) || named_by_head(e))) return e;
  }
  if (!d.salient) return npos;
  return MostSalient(
      pos, [&](size_t entity, bool) { return kind_fits(entity); }, preferred);
}

template <typename Fits>
size_t DocumentEntities::MostSalient(size_t pos, const Fits& fits, size_t preferred) const {
  const size_t sentence =
      static_cast<size_t>(std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), pos) -
                          sentence_starts_.begin() - 1);
  const size_t end = MentionsBefore(pos);
  // The mentions of the last kMaxSentencesBack sentences (at most kMaxMentionsBack of them, so
  // that a hostile article stays linear), most recent sentence first, each left to right.
  size_t begin = end;
  while (begin > 0 && end - begin < kMaxMentionsBack &&
         mentions_[begin - 1].sentence + kMaxSentencesBack > sentence) {
    --begin;
  }
  std::vector<size_t> order;
  for (size_t i = end; i > begin;) {
    size_t first = i - 1;
    while (first > begin && mentions_[first - 1].sentence == mentions_[i - 1].sentence) --first;
    for (size_t k = first; k < i; ++k) {
      ++t_work;
      if (!mentions_[k].in_quote && fits(mentions_[k].entity, true)) order.push_back(k);
    }
    i = first;
  }
  // Then a subject (the narrative's person), of a recent sentence before an older one; then the
  // previous quote's speaker; then anyone.
  auto recent = [&](size_t k) { return mentions_[k].sentence + kRecentSentences > sentence; };
  // "Keller asked Osei whether … “It will,” he said.": the one asked in this sentence or the
  // one before answers.
  for (size_t k : order) {
    if (mentions_[k].sentence + 1 < sentence) break;
    if (mentions_[k].asked && fits(mentions_[k].entity, false)) return mentions_[k].entity;
  }
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t k : order) {
      if (!mentions_[k].subject || (pass < 2 && !recent(k))) continue;
      if (fits(mentions_[k].entity, pass == 1)) return mentions_[k].entity;
    }
  }
  if (preferred != npos && preferred < entities_.size() && fits(preferred, false)) {
    return preferred;
  }
  for (size_t k : order) {
    if (fits(mentions_[k].entity, false)) return mentions_[k].entity;
  }
  return npos;
}

DocumentEntities FindEntities(const Document& doc, const QuoteScan& scan, const RuleSet& rules) {
  return EntityFinder(doc, scan, rules).Run();
}

}  // namespace saidby
