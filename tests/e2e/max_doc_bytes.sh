#!/usr/bin/env bash
# End to end: --max-doc-bytes skips a larger article, from a folder or from JSON Lines on
# stdin, with an error that names it and the limit, extracts the rest, and exits 1.
source "$(dirname "$0")/lib/common.sh"

mkdir "$tmp/batch"
printf '“We will see,” said Anna Keller.\n' > "$tmp/batch/a_small.txt"
python3 -c "print('“Too long,” said Bo Berg. ' + 'Filler words here. ' * 200)" > "$tmp/batch/b_big.txt"
printf '“Fine,” said Carl Dunn.\n' > "$tmp/batch/c_small.txt"

set +e
"$saidby" extract --max-doc-bytes 1000 "$tmp/batch" > "$tmp/out.csv" 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "folder: exit $status, expected 1"
grep -q "$tmp/batch/b_big.txt: too large: [0-9]* bytes (limit 1000, see --max-doc-bytes)" "$tmp/err.txt" \
  || fail "folder: not reported: $(cat "$tmp/err.txt")"
grep -q ',a_small,1,.*Anna Keller' "$tmp/out.csv" || fail "folder: a_small missing"
grep -q ',c_small,1,.*Carl Dunn' "$tmp/out.csv" || fail "folder: c_small (after the big one) missing"
if grep -q b_big "$tmp/out.csv"; then fail "folder: the big article leaked into the output"; fi

# stdin: a record whose text is over the limit, and a line far over it (skipped unread).
python3 - > "$tmp/in.jsonl" <<'PY'
import json
print(json.dumps({"id": "s1", "text": "“Yes,” said Anna Keller."}))
print(json.dumps({"id": "s2", "text": "“No,” said Bo Berg. " + "x " * 800}))
print(json.dumps({"id": "s3", "text": "“Maybe,” said Bo Berg. " + "y " * 20000}))
print(json.dumps({"id": "s4", "text": "“Fine,” said Carl Dunn."}))
PY
set +e
"$saidby" extract --max-doc-bytes 1000 - < "$tmp/in.jsonl" > "$tmp/out2.csv" 2> "$tmp/err2.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "stdin: exit $status, expected 1"
grep -q 'stdin:2 (s2): too large: [0-9]* bytes (limit 1000' "$tmp/err2.txt" || fail "stdin: s2 not reported: $(cat "$tmp/err2.txt")"
grep -q 'stdin:3: too large: [0-9]* bytes (limit 1000.*(JSON line)' "$tmp/err2.txt" || fail "stdin: s3 not reported: $(cat "$tmp/err2.txt")"
grep -q ',s1,1,.*Anna Keller' "$tmp/out2.csv" || fail "stdin: s1 missing"
grep -q ',s4,1,.*Carl Dunn' "$tmp/out2.csv" || fail "stdin: s4 missing"
[ "$(wc -l < "$tmp/out2.csv")" -eq 3 ] || fail "stdin: expected header + 2 rows: $(cat "$tmp/out2.csv")"
echo "max doc bytes: ok"
