#!/usr/bin/env bash
# End to end: reported speech is on by default and `--direct-only` leaves it out. The quotes'
# rows are the same bytes either way (reported rows follow them, numbered on), in CSV and JSON
# Lines; a belief verb gives no row.
source "$(dirname "$0")/lib/common.sh"

mkdir -p "$tmp/c"
printf '%s\n' \
  '“The ferry will run all winter,” said Anna Keller, the harbour master.' \
  '' \
  'Samuel Osei told reporters that the bridge would open in May.' \
  '' \
  'Keller believes the tunnel will never be built.' > "$tmp/c/a.txt"

"$saidby" extract "$tmp/c" -q > "$tmp/all.csv" || fail "extract: exit $?"
"$saidby" extract --direct-only "$tmp/c" -q > "$tmp/direct.csv" || fail "--direct-only: exit $?"
grep -q ',reported,Samuel Osei,' "$tmp/all.csv" || fail "no reported row for Osei: $(cat "$tmp/all.csv")"
grep -q 'the bridge would open in May' "$tmp/all.csv" || fail "reported content missing"
grep -q 'tunnel' "$tmp/all.csv" && fail "a belief verb gave a row: $(cat "$tmp/all.csv")"
grep -q ',reported,' "$tmp/direct.csv" && fail "--direct-only wrote a reported row"
[ "$(wc -l < "$tmp/direct.csv")" -eq 2 ] || fail "--direct-only: expected header and one quote"
# The quote rows are identical, byte for byte.
grep -v ',reported,' "$tmp/all.csv" | cmp -s - "$tmp/direct.csv" || fail "quote rows differ"

"$saidby" extract --format jsonl "$tmp/c" -q > "$tmp/all.jsonl" || fail "jsonl: exit $?"
"$saidby" extract --format jsonl --direct-only "$tmp/c" -q > "$tmp/direct.jsonl"
grep -q '"kind":"reported"' "$tmp/all.jsonl" || fail "no reported row in JSON Lines"
grep -v '"kind":"reported"' "$tmp/all.jsonl" | cmp -s - "$tmp/direct.jsonl" || fail "jsonl quote rows differ"
echo ok
