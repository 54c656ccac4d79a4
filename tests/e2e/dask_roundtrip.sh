#!/usr/bin/env bash
# End to end: tools/dask/saidby_dask.py on a LocalCluster of 2 worker processes (loopback)
# gives the bytes of a single-process run: the partitions' extract output, concatenated in
# partition order, equals `saidby extract --format jsonl -`, and the merged compare folder
# equals `saidby compare` over that output, file for file.
# Exit 77 (skipped) only when this saidby has no `compare` subcommand.
source "$(dirname "$0")/lib/common.sh"

if ! "$saidby" compare --help > /dev/null 2>&1; then
  echo "SKIP: $saidby has no working 'compare' subcommand" >&2
  exit 77
fi
# Debian's python3-distributed lives with /usr/bin/python3 (tools/test installs it).
py=/usr/bin/python3
"$py" -c 'import distributed' || fail "python3-distributed is missing (run tools/test as root)"

# Input: polnear-dev and the seeds as JSON Lines, in path order.
"$py" - "$root/corpus" > "$tmp/in.jsonl" <<'PY'
import json, os, sys
for c in ('polnear-dev', 'seeds'):
    d = os.path.join(sys.argv[1], c)
    for name in sorted(f for f in os.listdir(d) if f.endswith('.txt')):
        text = open(os.path.join(d, name), encoding='utf-8', newline='').read()
        print(json.dumps({'id': name[:-4], 'source': c, 'text': text}, ensure_ascii=False))
PY

"$py" "$root/tools/dask/saidby_dask.py" "$tmp/in.jsonl" --partitions 5 --workers 2 \
  --saidby "$saidby" -o "$tmp/dask" 2> "$tmp/dask.err" || fail "saidby_dask failed: $(tail -20 "$tmp/dask.err")"
[ "$(ls "$tmp/dask/parts" | wc -l)" -eq 5 ] || fail "expected 5 partitions: $(ls "$tmp/dask/parts")"

"$saidby" extract -q --format jsonl - < "$tmp/in.jsonl" > "$tmp/single.jsonl"
[ -s "$tmp/single.jsonl" ] || fail "single-process run gave no quotes"
cmp "$tmp/single.jsonl" "$tmp/dask/quotes.jsonl" || fail "extract: Dask output differs from one process"
cat "$tmp"/dask/parts/*/quotes.jsonl | cmp - "$tmp/single.jsonl" || fail "partition outputs do not concatenate to the single run"

"$saidby" compare -q "$tmp/single.jsonl" -o "$tmp/single_compare" > /dev/null
diff -r "$tmp/single_compare" "$tmp/dask/compare" > "$tmp/compare.diff" \
  || fail "compare --merge differs from one compare run: $(head -20 "$tmp/compare.diff")"
echo "dask round trip: ok ($(wc -l < "$tmp/single.jsonl") quotes, $(ls "$tmp/single_compare" | tr '\n' ' '))"
