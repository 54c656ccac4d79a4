#include "mention_resolver.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "attribution_work.h"
#include "name_run.h"
#include "saidby/entities.h"
#include "text_util.h"

namespace saidby {
namespace {

using attribution_work::t_work;

struct NameOccurrence {
  std::string name;                 // as written, possessive removed
  std::vector<std::string> folded;  // folded words
  size_t pos;
};

std::string JoinWords(const std::vector<std::string_view>& w, size_t b, size_t e) {
  std::string out;
  for (size_t i = b; i < e; ++i) (out += (i > b ? " " : "")) += w[i];
  return out;
}

struct Speaker {
  std::string name;  // canonical
  size_t pos;        // where it was named
  Gender gender = Gender::kUnknown;
  std::string mention;
  bool organisation = false;  // "the Harbour Authority", "the company": never "he" or "she"
};

constexpr bool kSalientOrganisations = true;

}  // namespace

class MentionResolver::Impl {
 public:
  Impl(const Document& doc, const QuoteScan& scan, const RuleSet& rules)
      : doc_(doc), rules_(rules), entities_(FindEntities(doc, scan, rules)) {
    for (size_t e = 0; e < entities_.entities().size(); ++e) {
      entity_by_name_.try_emplace(entities_.entities()[e].name, e);
    }
    CollectNames();
  }

  void Remember(const Window& w, const Attribution& a) {
    Speaker s{a.speaker, a.mention_span.begin, MentionGender(w, a), a.mention};
    if (s.gender == Gender::kUnknown) s.gender = KnownGender(s.name);
    // A description with no title and no pronoun ("the company", "the Harbour Authority")
    // names an organisation or a text, not a person.
    bool person_word = false;
    const Token* first = nullptr;
    for (const Token& t : w.tokens) {
      if (t.span.begin < a.mention_span.begin || t.span.end > a.mention_span.end) continue;
      if (!first) first = &t;
      if (t.symbol == 'T' || t.symbol == 'P') person_word = true;
    }
    s.organisation = first && first->symbol == 'D' && !person_word;
    if (a.rule.rfind("@", 0) != 0 && !a.mention.empty()) {
      if (s.gender != Gender::kUnknown) known_gender_[s.name] = s.gender;
      speakers_.push_back(s);
    }
  }

  void CollectNames() {
    const std::string_view text = doc_.text;
    for (size_t at = 0; at < text.size();) {
      std::optional<TextSpan> run = rules_.name_finder().Find(text, at);
      if (!run) break;
      at = run->begin + std::max<size_t>(run->size(), 1);
      const std::vector<std::string_view> words = SplitWords(doc_.slice(*run));
      // Lexicon words split a run: "Finnish President Anna Keller" holds "Anna Keller", placed
      // where "Anna" starts.
      size_t start = 0;
      for (size_t i = 0; i <= words.size(); ++i) {
        if (i < words.size() && !rules_.BreaksName(LowerWord(StripPossessive(words[i])))) continue;
        if (i > start) {
          AddName(JoinWords(words, start, i),
                  static_cast<size_t>(words[start].data() - text.data()));
        }
        start = i + 1;
      }
    }
  }

  void AddName(std::string name, size_t pos) {
    name = std::string(StripPossessive(std::string_view(name)));
    NameOccurrence n{name, {}, pos};
    for (const auto& w : SplitWords(name)) n.folded.push_back(FoldName(w));
    if (n.folded.empty()) return;
    if (n.folded.size() <= 4) IndexName(n, names_.size());
    names_.push_back(std::move(n));
  }

  // Canonical() candidates by folded surname, one entry per spelling with the indexes of its
  // occurrences: scanning every name for every quote is quadratic on hostile text (100,000
  // "said Keller"). A surname keeps at most kMaxSpellings spellings (real articles: a few).
  struct Spelling {
    std::vector<size_t> occurrences;  // indexes into names_, ascending (so positions ascend)
  };
  static constexpr size_t kMaxSpellings = 64;
  void IndexName(const NameOccurrence& n, size_t index) {
    std::vector<Spelling>& bucket = by_surname_[n.folded.back()];
    for (Spelling& sp : bucket) {
      ++t_work;
      if (names_[sp.occurrences.front()].name == n.name) {
        sp.occurrences.push_back(index);
        return;
      }
    }
    if (bucket.size() < kMaxSpellings) bucket.push_back({{index}});
  }

  // The fullest name in the document that ends with the same surname and contains every word of
  // `name` in order; among equals, the one named closest before `pos`.
  std::string Canonical(const std::string& name, size_t pos) const {
    std::vector<std::string> want;
    for (const auto& w : SplitWords(name)) want.push_back(FoldName(w));
    if (want.empty()) return name;
    const NameOccurrence* best = nullptr;
    auto score = [&](const NameOccurrence& n) {
      long dist =
          n.pos <= pos ? static_cast<long>(pos - n.pos) : 1000000000L + static_cast<long>(n.pos);
      return std::make_pair(n.folded.size(), -dist);
    };
    auto bucket = by_surname_.find(want.back());
    if (bucket == by_surname_.end()) return name;
    for (const Spelling& sp : bucket->second) {
      ++t_work;
      const NameOccurrence& first = names_[sp.occurrences.front()];
      if (first.folded.size() < want.size()) continue;
      size_t k = 0;
      for (const auto& w : first.folded) {
        if (k < want.size() && w == want[k]) ++k;
      }
      if (k != want.size()) continue;
      // The best occurrence of this spelling: the first at the last position <= pos, else the
      // first of all (what scanning every occurrence in order would pick).
      auto after = std::upper_bound(sp.occurrences.begin(), sp.occurrences.end(), pos,
                                    [&](size_t p, size_t i) { return p < names_[i].pos; });
      size_t pick = sp.occurrences.front();
      if (after != sp.occurrences.begin()) {
        const size_t at = names_[*std::prev(after)].pos;
        pick = *std::lower_bound(sp.occurrences.begin(), after, at,
                                 [&](size_t i, size_t p) { return names_[i].pos < p; });
      }
      const NameOccurrence& n = names_[pick];
      if (!best || score(n) > score(*best) || (score(n) == score(*best) && &n < best)) best = &n;
    }
    return best ? best->name : name;
  }

  // Resolves tokens [a, b) of a window into a speaker. Returns false if they name no one.
  bool ResolveMention(const Window& w, size_t a, size_t b, Attribution& out) const {
    while (b > a && (w.tokens[b - 1].symbol == ',' || w.tokens[b - 1].symbol == '-')) --b;
    // Leading plain words belong to the sentence, not the mention: "with a port official".
    while (a < b && (w.tokens[a].symbol == ',' || w.tokens[a].symbol == 'w')) ++a;
    if (a >= b) return false;
    // A name the rule ended right before a title modifies it: "the Ohio senator" is the mention.
    if (w.tokens[b - 1].symbol == 'N' && b < w.tokens.size() && w.tokens[b].symbol == 'T') {
      while (b < w.tokens.size() && w.tokens[b].symbol == 'T') ++b;
      if (a > 0 && w.tokens[a - 1].symbol == 'D') --a;
    }
    out.mention_span = {w.tokens[a].span.begin, w.tokens[b - 1].span.end};
    out.mention = std::string(doc_.slice(out.mention_span));
    struct Run {
      size_t begin, end;
    };
    std::vector<Run> runs;  // runs of name words, particles inside
    for (size_t i = a; i < b;) {
      if (w.tokens[i].symbol != 'N') {
        ++i;
        continue;
      }
      size_t j = i + 1, last = i + 1;
      while (j < b && (w.tokens[j].symbol == 'N' || w.tokens[j].symbol == 'k')) {
        if (w.tokens[j].symbol == 'N') last = j + 1;
        ++j;
      }
      runs.push_back({i, last});
      i = j;
    }
    // The head of the mention: a name followed by an appositive ("Anna Keller, an adviser to
    // the mayor"); else none when the mention ends in a role noun ("a Kremlin official": the
    // names are modifiers); else the longest name, the last one on ties ("the party
    // spokesperson Anna Keller").
    const Run* head = nullptr;
    // "one Ohio Democrat", "a Kremlin official": the capitalised words only modify; a name is
    // the head only right after a title or a comma ("a spokesperson, Anna Keller").
    const bool unnamed = rules_.IsUnnamedDeterminer(LowerWord(doc_.slice(w.tokens[a].span)));
    // "the Keller campaign", "Anna Keller's office": the organisation of the person named right
    // before its head word speaks, not the person; unless a title follows ("a Keller campaign
    // spokesman" is someone of it, and so is "one Keller campaign source").
    for (size_t i = a + 1; !unnamed && i < b; ++i) {
      if (w.tokens[i].symbol == 'T') break;
      // A head may be a determiner word too ("campaign", as in "a campaign spokesman"); the
      // owner a name or a possessive one ("Keller's office").
      if ((w.tokens[i].symbol != 'w' && w.tokens[i].symbol != 'D') ||
          (w.tokens[i - 1].symbol != 'N' && w.tokens[i - 1].symbol != 'G')) {
        continue;
      }
      const std::string word = LowerWord(doc_.slice(w.tokens[i].span));
      if (!rules_.IsOrganisationHead(word)) continue;
      bool titled = false;
      for (size_t k = i + 1; k < b; ++k) titled |= w.tokens[k].symbol == 'T';
      if (titled) break;
      size_t first = i - 1;
      while (first > a &&
             (w.tokens[first - 1].symbol == 'N' || w.tokens[first - 1].symbol == 'k')) {
        --first;
      }
      // The mention's first name only: "Petrilli, who thinks the Keller administration …" is
      // Petrilli.
      if (!runs.empty() && runs.front().begin != first) break;
      const TextSpan owner{w.tokens[first].span.begin, w.tokens[i - 1].span.end};
      const size_t e = entities_.EntityOfName(owner);
      if (e == DocumentEntities::npos || entities_.entities()[e].type != EntityType::kPerson) break;
      out.speaker = entities_.entities()[e].name + " " + word;
      return true;
    }
    // "his campaign", "her office": the organisation of the person the possessive refers to.
    if (b - a == 2 && w.tokens[a].symbol == 'D' &&
        (w.tokens[a + 1].symbol == 'w' || w.tokens[a + 1].symbol == 'D')) {
      const PronounEntry* p = rules_.PossessiveOf(LowerWord(doc_.slice(w.tokens[a].span)));
      const std::string head = LowerWord(doc_.slice(w.tokens[a + 1].span));
      if (p && rules_.IsOrganisationHead(head)) {
        const size_t e = PronounEntity(w, a, *p);
        if (e != DocumentEntities::npos) {
          out.speaker = entities_.entities()[e].name + " " + head;
          return true;
        }
      }
    }
    if (unnamed) {
      // "an angry Keller", "a flabbergasted Osei": a person the article named, after an
      // adjective at the end of the mention, is its head after all.
      auto known_person = [&](const Run& r) {
        // An adjective between: "one Keller" may go on ("one Keller adviser").
        if (r.end != b || r.begin == a || w.tokens[r.begin - 1].symbol != 'w') return false;
        const size_t e =
            entities_.EntityOfName({w.tokens[r.begin].span.begin, w.tokens[r.end - 1].span.end});
        return e != DocumentEntities::npos && entities_.entities()[e].type == EntityType::kPerson &&
               entities_.entities()[e].gender != Gender::kUnknown;
      };
      std::erase_if(runs, [&](const Run& r) {
        return !known_person(r) && (r.begin == a || (w.tokens[r.begin - 1].symbol != 'T' &&
                                                     w.tokens[r.begin - 1].symbol != ','));
      });
    }
    // A title names the run right after it: "Committee Chairman Reince Priebus", "pollster Geoff
    // Garin, who was then at Priorities USA".
    auto titled = [&](const Run& r) { return r.begin > a && w.tokens[r.begin - 1].symbol == 'T'; };
    for (const Run& r : runs) {
      const bool closed =
          r.end < b && (w.tokens[r.end].symbol == ',' || w.tokens[r.end].symbol == '(');
      if (!head && closed && (&r == &runs.front() || titled(r))) head = &r;
    }
    for (const Run& r : runs) {
      if (!head && titled(r) && &r == &runs.back()) head = &r;
    }
    if (!head && w.tokens[b - 1].symbol != 'T') {
      for (const Run& r : runs) {
        // "The Florida senator sought …": a name before a title only modifies it.
        if (r.end < b && w.tokens[r.end].symbol == 'T') continue;
        if (!head || r.end - r.begin >= head->end - head->begin) head = &r;
      }
    }
    if (head) {
      const TextSpan head_span{w.tokens[head->begin].span.begin, w.tokens[head->end - 1].span.end};
      // The entity the name belongs to speaks (a country too: its government).
      if (const size_t e = entities_.EntityOfName(head_span); e != DocumentEntities::npos) {
        out.speaker = entities_.entities()[e].name;
        return true;
      }
      std::vector<std::string_view> words = SplitWords(StripPossessive(doc_.slice(head_span)));
      out.speaker = Canonical(JoinWords(words, 0, words.size()), head_span.begin);
      return true;
    }
    for (size_t i = a; i < b; ++i) {
      if (w.tokens[i].symbol != 'P') continue;
      const PronounEntry* p = rules_.Pronoun(LowerWord(doc_.slice(w.tokens[i].span)));
      if (p) {
        const size_t pos = w.tokens[i].span.begin;
        const size_t e = PronounEntity(w, i, *p);
        if (e != DocumentEntities::npos) {
          out.speaker = entities_.entities()[e].name;
        } else if (p->number == Number::kSingular) {
          out.speaker = ResolvePronoun(*p, pos);
        }
      }
      return true;
    }
    // A role with no name: "the Kremlin spokesman" may be someone named earlier with that
    // role; "a Kremlin official" is a new, unnamed source.
    if (!unnamed) {
      const Description d = Describe(w, a, b);
      const size_t pos = w.tokens[a].span.begin;
      if (const size_t e = entities_.Described(d, pos); e != DocumentEntities::npos) {
        out.speaker = entities_.entities()[e].name;
        return true;
      }
      for (size_t i = a; i < b; ++i) {
        if (w.tokens[i].symbol != 'T') continue;
        std::string role = LowerWord(doc_.slice(w.tokens[i].span));
        for (auto it = speakers_.rbegin(); it != RecentEnd(speakers_); ++it) {
          ++t_work;
          if (LowerWord(it->mention).find(role) != std::string::npos && !it->name.empty()) {
            out.speaker = it->name;
            return true;
          }
        }
        // Or someone the text gave that title before: "Secretary of State Anna Keller" ...
        // "the former secretary of state".
        if (std::string named = NameWithTitle(role, w.tokens[a].span.begin); !named.empty()) {
          out.speaker = named;
          return true;
        }
      }
      if (d.salient) {
        Description any = d;
        any.roles.clear();
        any.head.clear();
        const size_t e = entities_.Described(any, pos, PreviousSpeakerEntity(pos));
        if (e != DocumentEntities::npos) {
          out.speaker = entities_.entities()[e].name;
          return true;
        }
      }
    }
    out.speaker.clear();
    return true;
  }

  // What a mention of tokens [a, b) with no name says of whom it describes: its titles ("the
  // Florida senator"), else its head noun as a role ("the gambling tycoon"); an organisation's
  // head ("the ministry"); a speech noun ("the statement": its author, person or organisation).
  Description Describe(const Window& w, size_t a, size_t b) const {
    Description d;
    for (size_t i = a; i < b; ++i) {
      if (w.tokens[i].symbol != 'T') continue;
      const std::string title = LowerWord(doc_.slice(w.tokens[i].span));
      d.roles.push_back(rules_.TitleMeaning(title));
      if (const Gender g = rules_.TitleGender(title); g != Gender::kUnknown) d.gender = g;
    }
    d.head = LowerWord(StripPossessive(doc_.slice(w.tokens[b - 1].span)));
    if (w.tokens[b - 1].symbol == 'T') {
      // "the Florida senator" may be the article's person; "Keller's campaign manager" and
      // "the spokesman" are someone else.
      d.salient = rules_.IsFigureTitle(d.head) && !Possessed(w, a, b - 1);
    } else if (rules_.IsOrganisationHead(d.head)) {
      d.type = EntityType::kOrganisation;
      d.roles = {d.head};
      d.salient = kSalientOrganisations;
    } else if (rules_.IsSpeechNoun(d.head)) {
      d.type = EntityType::kOther;
      d.roles.clear();
      d.salient = true;
    } else if (const size_t digits = d.head.find_first_not_of("0123456789");
               digits > 0 && digits != std::string::npos && d.head[digits] == '-') {
      // "the 43-year-old": the person the text gave that age ("Peter Osei, 43,"), else the
      // article's person (an age describes someone named before).
      d.roles = {d.head.substr(0, digits)};
      d.salient = !Possessed(w, a, b - 1);
    } else if (d.roles.empty() && w.tokens[b - 1].symbol == 'w') {
      d.roles = {d.head};
    }
    return d;
  }

  // The entity the pronoun at token `i` refers to: the previous quote's speaker when the
  // pronoun continues them, else the most salient that fits; npos if none.
  size_t PronounEntity(const Window& w, size_t i, const PronounEntry& p) const {
    const size_t pos = w.tokens[i].span.begin;
    const size_t object = CueObject(w, i);
    const size_t e = ContinuingSpeaker(p, pos, object);
    if (e != DocumentEntities::npos) return e;
    return entities_.Antecedent(p, pos, false, PreviousSpeakerEntity(pos), object);
  }

  // The entity named right after the cue that follows token `i`: Keller in "he told Keller",
  // who is not the one "he" refers to.
  size_t CueObject(const Window& w, size_t i) const {
    if (i + 2 >= w.tokens.size() || w.tokens[i + 1].symbol != 'C' ||
        w.tokens[i + 2].symbol != 'N') {
      return DocumentEntities::npos;
    }
    size_t end = i + 3;
    while (end < w.tokens.size() && w.tokens[end].symbol == 'N') ++end;
    return entities_.EntityOfName({w.tokens[i + 2].span.begin, w.tokens[end - 1].span.end});
  }

  // Whether a word in [a, b) ends in a possessive ("Keller's", "the party's").
  bool Possessed(const Window& w, size_t a, size_t b) const {
    for (size_t i = a; i < b; ++i) {
      const std::string_view word = doc_.slice(w.tokens[i].span);
      if (StripPossessive(word).size() < word.size()) return true;
    }
    return false;
  }

  // "“Q1,” said Keller. … “Q2,” he added.": the previous quote's speaker, named in this
  // paragraph or the one before, when it fits a singular pronoun and no other person has become
  // the subject since. npos otherwise (the entities' salience decides).
  size_t ContinuingSpeaker(const PronounEntry& p, size_t pos, size_t excluded) const {
    if (p.number != Number::kSingular) return DocumentEntities::npos;
    const Speaker* previous = PreviousSpeaker(pos);
    if (!previous) return DocumentEntities::npos;
    auto found = entity_by_name_.find(previous->name);
    if (found == entity_by_name_.end() || found->second == excluded) return DocumentEntities::npos;
    const size_t speaker = found->second;
    auto fits = [&](size_t entity) {
      const Entity& e = entities_.entities()[entity];
      return e.type == EntityType::kPerson &&
             (p.gender == Gender::kUnknown || e.gender == Gender::kUnknown || e.gender == p.gender);
    };
    if (!fits(speaker) || doc_.ParagraphAt(pos) > doc_.ParagraphAt(previous->pos) + 1) {
      return DocumentEntities::npos;
    }
    const std::vector<EntityMention>& mentions = entities_.mentions();
    auto k = std::upper_bound(mentions.begin(), mentions.end(), previous->pos,
                              [](size_t at, const EntityMention& m) { return at < m.span.begin; });
    for (size_t seen = 0; k != mentions.end() && k->span.begin < pos && seen < kMaxLookback;
         ++k, ++seen) {
      ++t_work;
      if ((k->subject || k->asked) && !k->in_quote && k->entity != speaker && fits(k->entity)) {
        return DocumentEntities::npos;
      }
    }
    return speaker;
  }

  // The latest speaker named before `pos`, or null.
  const Speaker* PreviousSpeaker(size_t pos) const {
    for (auto it = speakers_.rbegin(); it != RecentEnd(speakers_); ++it) {
      if (it->pos < pos && !it->name.empty()) return &*it;
    }
    return nullptr;
  }

  // The entity of the latest speaker named before `pos`, or npos.
  size_t PreviousSpeakerEntity(size_t pos) const {
    const Speaker* previous = PreviousSpeaker(pos);
    if (!previous) return DocumentEntities::npos;
    auto found = entity_by_name_.find(previous->name);
    return found == entity_by_name_.end() ? DocumentEntities::npos : found->second;
  }

  // The first name at or after `pos` (names_ is in document order).
  std::vector<NameOccurrence>::const_iterator NamesFrom(size_t pos) const {
    return std::lower_bound(names_.begin(), names_.end(), pos,
                            [](const NameOccurrence& n, size_t p) { return n.pos < p; });
  }

  // The latest name before `pos` written right after the title `role` ("President Anna
  // Keller"), canonical; empty if none among the last 200 names.
  std::string NameWithTitle(const std::string& role, size_t pos) const {
    auto it = NamesFrom(pos);
    for (size_t seen = 0; it != names_.begin() && seen < 200; ++seen) {
      --it;
      ++t_work;
      const size_t from = it->pos >= 48 ? it->pos - 48 : 0;
      const std::string before =
          LowerWord(std::string_view(doc_.text).substr(from, it->pos - from));
      const size_t at = before.rfind(role);
      // The title must end right before the name (only spaces between).
      if (at != std::string::npos &&
          before.find_first_not_of(" ", at + role.size()) == std::string::npos) {
        return Canonical(it->name, it->pos);
      }
    }
    return "";
  }

  Gender KnownGender(const std::string& name) const {
    auto it = known_gender_.find(name);  // a map, not a scan: 100,000 speakers are possible
    return it == known_gender_.end() ? Gender::kUnknown : it->second;
  }

  // The latest earlier speaker who is a person of the pronoun's gender; for a pronoun whose
  // sentences name no one (the entity stage found no antecedent).
  std::string ResolvePronoun(const PronounEntry& p, size_t pos) const {
    for (auto it = speakers_.rbegin(); it != RecentEnd(speakers_); ++it) {
      ++t_work;
      if (it->pos >= pos || it->name.empty()) continue;
      if (it->organisation && p.gender != Gender::kUnknown) continue;
      auto entity = entity_by_name_.find(it->name);
      if (entity == entity_by_name_.end() ||
          entities_.entities()[entity->second].type != EntityType::kPerson) {
        continue;
      }
      // The speaker's gender as the text showed it ("she said"), else as its entity has it.
      Gender g = it->gender;
      if (g == Gender::kUnknown) g = entities_.entities()[entity->second].gender;
      if (p.gender != Gender::kUnknown && g != Gender::kUnknown && g != p.gender) continue;
      return it->name;
    }
    return "";
  }

  Gender MentionGender(const Window& w, const Attribution& a) const {
    for (const Token& t : w.tokens) {
      if (t.span.begin < a.mention_span.begin || t.span.end > a.mention_span.end) continue;
      std::string lower = LowerWord(doc_.slice(t.span));
      if (t.symbol == 'T') {
        if (Gender g = rules_.TitleGender(lower); g != Gender::kUnknown) return g;
      }
      if (t.symbol == 'P') {
        if (const PronounEntry* p = rules_.Pronoun(lower)) return p->gender;
      }
    }
    return Gender::kUnknown;
  }

 private:
  const Document& doc_;
  const RuleSet& rules_;
  const DocumentEntities entities_;
  std::unordered_map<std::string, size_t> entity_by_name_;  // the first entity of each name
  std::vector<NameOccurrence> names_;
  std::vector<Speaker> speakers_;
  std::unordered_map<std::string, std::vector<Spelling>> by_surname_;  // see IndexName
  std::unordered_map<std::string, Gender> known_gender_;  // last known gender of each speaker

  // Look-backs over earlier speakers and names stop after kMaxLookback entries, so that a
  // hostile article with 100,000 quotes stays linear; a real one never reaches the limit.
  static constexpr size_t kMaxLookback = 256;
  template <typename V>
  static typename V::const_reverse_iterator RecentEnd(const V& v) {
    return v.size() > kMaxLookback ? v.crbegin() + kMaxLookback : v.crend();
  }
  static std::vector<NameOccurrence>::const_reverse_iterator RecentEnd(
      const std::vector<NameOccurrence>& v, std::vector<NameOccurrence>::const_iterator before) {
    const size_t n = static_cast<size_t>(before - v.begin());
    return std::make_reverse_iterator(n > kMaxLookback ? before - kMaxLookback : v.begin());
  }
};

MentionResolver::MentionResolver(const Document& doc, const QuoteScan& scan, const RuleSet& rules)
    : impl_(std::make_unique<Impl>(doc, scan, rules)) {}

MentionResolver::~MentionResolver() = default;

bool MentionResolver::Resolve(const Window& w, size_t a, size_t b, Attribution& out) const {
  return impl_->ResolveMention(w, a, b, out);
}

void MentionResolver::Remember(const Window& w, const Attribution& a) { impl_->Remember(w, a); }

}  // namespace saidby
