#!/usr/bin/env bash
# End to end: `-j` never changes the output. corpus/polnear-train is extracted with -j 1 and
# -j 4, as CSV and as JSON Lines, from the folder and from JSON Lines on stdin; each pair must
# be byte-identical, and stdin (same ids and sources) must give the same rows as the folder.
# compare (on polnear-dev) and eval, which read through the same batch runner, too.
source "$(dirname "$0")/lib/common.sh"

train=$root/corpus/polnear-train
for fmt in csv jsonl; do
  "$saidby" extract -q -j 1 --format "$fmt" "$train" -o "$tmp/j1.$fmt"
  "$saidby" extract -q -j 4 --format "$fmt" "$train" -o "$tmp/j4.$fmt"
  cmp "$tmp/j1.$fmt" "$tmp/j4.$fmt" || fail "folder, $fmt: -j 4 differs from -j 1"
done
[ "$(wc -l < "$tmp/j1.csv")" -gt 1000 ] || fail "too few rows: $(wc -l < "$tmp/j1.csv")"

# The same articles as JSON Lines, in path order, with the folder's ids and sources.
python3 - "$train" > "$tmp/train.jsonl" <<'PY'
import csv, json, os, sys
folder = sys.argv[1]
sources = {r['doc']: r['source'] for r in csv.DictReader(open(os.path.join(folder, 'sources.csv'), newline='', encoding='utf-8'))}
for name in sorted(f for f in os.listdir(folder) if f.endswith('.txt')):
    doc = name[:-4]
    text = open(os.path.join(folder, name), encoding='utf-8', newline='').read()
    print(json.dumps({'id': doc, 'source': sources.get(doc, doc), 'text': text}, ensure_ascii=False))
PY
"$saidby" extract -q -j 1 - < "$tmp/train.jsonl" > "$tmp/stdin_j1.csv"
"$saidby" extract -q -j 4 < "$tmp/train.jsonl" > "$tmp/stdin_j4.csv"
cmp "$tmp/stdin_j1.csv" "$tmp/stdin_j4.csv" || fail "stdin: -j 4 differs from -j 1"
cmp "$tmp/j1.csv" "$tmp/stdin_j1.csv" || fail "stdin JSON Lines differ from the folder"

dev=$root/corpus/polnear-dev
for j in 1 4; do
  "$saidby" compare -q -j "$j" "$dev" -o "$tmp/cmp$j"
  "$saidby" eval -q -j "$j" --format json --gold "$train/gold.csv" "$train" > "$tmp/eval$j.json"
done
for f in quotes.csv speakers.csv clusters.csv outlets.csv report.html; do
  cmp "$tmp/cmp1/$f" "$tmp/cmp4/$f" || fail "compare: $f with -j 4 differs from -j 1"
done
cmp "$tmp/eval1.json" "$tmp/eval4.json" || fail "eval: -j 4 report differs from -j 1"
echo "jobs determinism: ok ($(($(wc -l < "$tmp/j1.csv") - 1)) rows)"
