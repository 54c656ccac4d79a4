#!/usr/bin/env bash
# End to end: one person, one speakers.csv row. On corpus/polnear-train no person is split over
# two rows by initials, titles, honorifics, a leading "the" or a possessive (tools/split_speakers
# reduces names on its own, from titles.txt and organisations.txt); the variants the corpus
# holds are named below, so a regression says which. Every row has a column for every outlet (zeros included) and the
# unattributed quotes are one row with an empty speaker. --aliases merges what rules cannot,
# and a malformed alias file is a usage error naming its line.
source "$(dirname "$0")/lib/common.sh"
train="$root/corpus/polnear-train"

"$saidby" extract "$train" -o "$tmp/quotes.csv" -q || fail "extract polnear-train: exit $?"
"$saidby" compare "$tmp/quotes.csv" -o "$tmp/out" -q || fail "compare polnear-train: exit $?"
python3 "$root/tools/split_speakers" "$tmp/out/speakers.csv" --titles "$root/rules/en/titles.txt" \
  > "$tmp/split.txt"
grep -qx 'split persons: 0' "$tmp/split.txt" || fail "split persons: $(cat "$tmp/split.txt")"

python3 - "$tmp/out/speakers.csv" <<'PY' || fail "speakers.csv rows"
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    table = list(csv.reader(f))
header, rows = table[0], {r[0]: r for r in table[1:]}
assert len(rows) == len(table) - 1, "a speaker listed twice"
assert all(len(r) == len(header) for r in table), "a row without every outlet column"
# Variants found in the corpus: each spelling below must not be a row of its own.
for gone, kept in [("Hillary Rodham Clinton", "Hillary Clinton"),
                   ("The New York Times", "New York Times"), ("The Washington Post", "Washington Post"),
                   ("The Associated Press", "Associated Press"), ("Trump", "Donald Trump"),
                   ("KellyAnne Conway", "Kellyanne Conway")]:
    assert gone not in rows, f"{gone} is still its own row"
    assert kept in rows, f"{kept} missing"
# One row shows the spelling given most, reported speech included: here either one.
assert ("James Baker" in rows) != ("James A. Baker" in rows), "James Baker split over two rows"
assert rows[''][-1] != '0' and table[-1][0] == '', "the unattributed row comes last"
PY

# Aliases: what no rule can know, applied before the rules.
printf 'alias,canonical\nCarly Fiorina Endorses Ted Cruz,Ted Cruz\n' > "$tmp/aliases.csv"
"$saidby" compare "$tmp/quotes.csv" -o "$tmp/aliased" -q --aliases "$tmp/aliases.csv" \
  || fail "compare --aliases: exit $?"
grep -q '^Carly Fiorina Endorses Ted Cruz,' "$tmp/out/speakers.csv" || fail "alias row absent before"
! grep -q '^Carly Fiorina Endorses Ted Cruz,' "$tmp/aliased/speakers.csv" || fail "alias not applied"

printf 'alias,canonical\nA,B\nC\n' > "$tmp/bad.csv"
status=0
"$saidby" compare "$tmp/quotes.csv" -o "$tmp/bad" --aliases "$tmp/bad.csv" 2> "$tmp/err.txt" || status=$?
[ "$status" = 2 ] || fail "bad aliases: exit $status, expected 2"
grep -q "bad.csv:3: expected 2 fields" "$tmp/err.txt" || fail "bad aliases message: $(cat "$tmp/err.txt")"
[ ! -e "$tmp/bad/speakers.csv" ] || fail "bad aliases wrote output"
echo ok
