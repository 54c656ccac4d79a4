#!/usr/bin/env bash
# End to end: a batch with good, invalid UTF-8, empty, binary and missing articles.
# Every bad article is reported on stderr with its path and reason; the good ones are extracted;
# the exit status is 1. Usage errors exit 2 with a one-line reason and the usage.
source "$(dirname "$0")/lib/common.sh"

mkdir -p "$tmp/batch/sub"
cp "$root/corpus/seeds/000_c29223a627e4fee5.txt" "$tmp/batch/a_good.txt"
printf 'He said \xe2\x80\x9cit is fine\xe2\x80\x9d and left.\n' > "$tmp/batch/sub/d_good.txt"
printf 'Valid start \xff\xfe then junk.\n' > "$tmp/batch/b_invalid.txt"
: > "$tmp/batch/c_empty.txt"
head -c 2048 "$saidby" > "$tmp/batch/e_binary.txt"

set +e
"$saidby" extract "$tmp/batch" "$tmp/missing.txt" > "$tmp/out.csv" 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
# Not UTF-8 and no UTF-8 sequence in it: since issue 16 it is read in the encoding ICU guesses,
# with a warning that names the byte and the guess (UTF-8 with bad bytes is still refused).
grep -q "$tmp/batch/b_invalid.txt: invalid UTF-8 at byte 12: read as .* (ICU's guess" "$tmp/err.txt" || fail "invalid UTF-8 not reported: $(cat "$tmp/err.txt")"
printf '\xe2\x80\x9cFine,\xe2\x80\x9d he said, \xff then junk.\n' > "$tmp/broken_utf8.txt"
set +e
"$saidby" extract "$tmp/broken_utf8.txt" > /dev/null 2> "$tmp/err_broken.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "UTF-8 with a bad byte: exit $status, expected 1"
grep -q "$tmp/broken_utf8.txt: invalid UTF-8 at byte 21$" "$tmp/err_broken.txt" || fail "UTF-8 with a bad byte: $(cat "$tmp/err_broken.txt")"
grep -q "$tmp/batch/c_empty.txt: empty file" "$tmp/err.txt" || fail "empty file not reported"
grep -q "$tmp/batch/e_binary.txt: binary data (NUL byte) at byte" "$tmp/err.txt" || fail "binary file not reported"
grep -q "$tmp/missing.txt: no such file or directory" "$tmp/err.txt" || fail "missing path not reported"

head -n 1 "$tmp/out.csv" | tr -d '\r' | grep -qx 'source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote,pass,mention_start,mention_end,cue_start,cue_end' \
  || fail "header differs"
# The good files are extracted, in path order: a_good's quotes, then sub/d_good's (its id is
# its path in the folder).
grep -q '^a_good,a_good,1,' "$tmp/out.csv" || fail "a_good missing"
grep -q '^sub/d_good,sub/d_good,1,.*,it is fine' "$tmp/out.csv" || fail "sub/d_good missing"
quotes=$(grep ',a_good,' "$tmp/out.csv" | grep -vc ',reported,')
[ "$quotes" -eq 10 ] || fail "a_good should give 10 quotes (scare quotes dropped; reported speech aside), got $quotes"
if grep -q 'b_invalid\|c_empty\|e_binary' "$tmp/out.csv"; then fail "bad articles leaked into the output"; fi
awk 'NR>1' "$tmp/out.csv" | grep -q 'Dmitry Peskov' || fail "speaker column not filled"

# Offsets are input bytes: quote == bytes[start:end] for every row.
python3 - "$tmp/out.csv" "$tmp/batch" <<'PY'
import csv, sys, os
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
for r in rows:
    data = open(os.path.join(sys.argv[2], r['doc'] + '.txt'), 'rb').read()
    assert data[int(r['start']):int(r['end'])].decode('utf-8') == r['quote'], r
print(len(rows), "rows checked")
PY

# JSON Lines on stdin, with one broken line: reported by line number, the rest extracted.
printf '%s\n' '{"id":"j1","source":"Wire","text":"“We will see,” said Anna Keller."}' 'not json' \
  '{"id":"j2","text":"No quotes here."}' > "$tmp/in.jsonl"
set +e
"$saidby" extract --format jsonl < "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err2.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "jsonl: exit $status, expected 1"
grep -q 'stdin:2: not valid JSON' "$tmp/err2.txt" || fail "jsonl: bad line not reported"
python3 - "$tmp/out.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert len(rows) == 1, rows
r = rows[0]
assert (r['source'], r['doc'], r['speaker'], r['quote'], r['kind']) == ('Wire', 'j1', 'Anna Keller', 'We will see,', 'full'), r
PY

# Usage errors: exit 2, one-line reason, then the usage.
set +e
"$saidby" extract --format xml "$tmp/batch" > /dev/null 2> "$tmp/err3.txt"
status=$?
set -e
[ "$status" -eq 2 ] || fail "usage error: exit $status, expected 2"
head -n 1 "$tmp/err3.txt" | grep -q '^saidby: error: --format' || fail "usage reason missing: $(cat "$tmp/err3.txt")"
grep -q '^Usage: saidby extract' "$tmp/err3.txt" || fail "usage missing"
grep -q -- '--max-doc-bytes' "$tmp/err3.txt" || fail "usage lacks --max-doc-bytes"

# A broken rules folder: exit 2 with file:line:column, before any output.
cp -r "$root/rules/en" "$tmp/rules"
printf '\n[broken\n' >> "$tmp/rules/patterns.txt"
set +e
"$saidby" extract --rules "$tmp/rules" "$tmp/batch/a_good.txt" > "$tmp/out4.csv" 2> "$tmp/err4.txt"
status=$?
set -e
[ "$status" -eq 2 ] || fail "broken rules: exit $status, expected 2"
grep -q "$tmp/rules/patterns.txt:[0-9]*:1: section header has no closing ']'" "$tmp/err4.txt" || fail "rule error: $(cat "$tmp/err4.txt")"
[ ! -s "$tmp/out4.csv" ] || fail "output written despite broken rules"
echo "mixed batch: ok"
