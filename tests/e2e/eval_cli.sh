#!/usr/bin/env bash
# End to end: `saidby eval` on a small hand-made collection. Checks the printed figures, the
# itemised differences, the JSON report with its per-row calibration details and reliability
# table, and the exit status against --min-f1 and --max-ece (0 within, 3 beyond, 2 for a
# malformed gold file).
source "$(dirname "$0")/lib/common.sh"

mkdir -p "$tmp/c"
printf '%s\n' \
  '“The ferry will run all winter,” said Anna Keller, the harbour master.' \
  '' \
  '“We have not agreed to anything,” Tomas Lindqvist said.' \
  '' \
  'The spokesman called the plan a “white elephant” on Monday.' > "$tmp/c/a.txt"
# Gold: Keller right, Lindqvist given to someone else (a wrong speaker), one quote the
# extractor cannot find (a miss), and the spokesman's partial quote.
cat > "$tmp/gold.csv" <<'EOF'
doc,speaker,quote,kind,cue
a,Anna Keller,The ferry will run all winter,full,said
a,Samuel Osei,We have not agreed to anything,full,said
a,Anna Keller,This sentence is not in the article at all,full,said
a,UNKNOWN,white elephant,partial,called
EOF

set +e
"$saidby" eval --gold "$tmp/gold.csv" "$tmp/c" > "$tmp/out.txt" 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 0 ] || fail "exit $status without --min-f1: $(cat "$tmp/err.txt")"
# 3 predictions; quote TP 3 of 4 gold; pairs: Keller and the spokesman's (UNKNOWN speaker, no
# name predicted) agree, Lindqvist does not.
grep -q 'quote F1 (token F1 >= 0.8): P=1.000 R=0.750 F1=0.857  (tp=3 fp=0 fn=1)' "$tmp/out.txt" \
  || fail "quote figures: $(head -5 "$tmp/out.txt")"
grep -q 'pair F1: *P=0.667 R=0.500 F1=0.571  (tp=2 fp=1 fn=2)' "$tmp/out.txt" \
  || fail "pair figures: $(head -5 "$tmp/out.txt")"
grep -q 'MISSES (1)' "$tmp/out.txt" || fail "miss count"
grep -q 'This sentence is not in the article at all' "$tmp/out.txt" || fail "miss not listed"
grep -q 'WRONG SPEAKERS (1)' "$tmp/out.txt" || fail "wrong speaker count"
grep -q 'gold \[Samuel Osei\]  predicted \[Tomas Lindqvist\]' "$tmp/out.txt" || fail "wrong speaker not listed"

"$saidby" eval --gold "$tmp/gold.csv" "$tmp/c" --format json > "$tmp/out.json"
python3 - "$tmp/out.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["overall"]["pair"]["tp"] == 2, j["overall"]
assert j["overall"]["quote"]["fn"] == 1, j["overall"]
assert len(j["wrong_speakers"]) == 1 and j["wrong_speakers"][0]["gold_speaker"] == "Samuel Osei"
assert len(j["misses"]) == 1
# One row per prediction, with what decided it; right as the pair figures count it.
rows = j["rows"]
assert [r["correct"] for r in rows] == [True, False, True], rows
assert all(r["rule"] and r["mention_type"] in ("name", "pronoun", "description", "none")
           for r in rows[:2]), rows
assert rows[0]["mention_type"] == "name" and rows[0]["basis"] == "mention", rows
# The reliability table bins the same rows: its ECE recomputed from them.
rel = j["reliability"]
assert rel["rows"] == 3 and sum(b["count"] for b in rel["bins"]) == 3, rel
bins = {}
for r in rows:
    b = min(9, int(r["confidence"] * 10 + 1e-9))
    bins.setdefault(b, []).append(r)
ece = sum(len(v) / 3 * abs(sum(x["correct"] for x in v) / len(v) -
                           sum(x["confidence"] for x in v) / len(v)) for v in bins.values())
assert abs(ece - rel["ece"]) < 1e-9, (ece, rel)
open(sys.argv[1] + ".ece", "w").write("%.4f" % rel["ece"])
EOF
grep -q '^RELIABILITY (3 rows; ECE ' "$tmp/out.txt" || fail "no reliability table: $(cat "$tmp/out.txt")"

# Per rule and per pass: the rows regrouped; Lindqvist's wrong speaker is the one error.
python3 - "$tmp/out.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["errors"] == 1, j["errors"]
for key in ("by_rule", "by_pass"):
    got = j[key]
    assert sum(f["rows"] for f in got) == len(j["rows"]) == 3, got
    assert got[0]["errors"] == 1 and got[0]["error_share"] == 1.0, got
    assert all(f["errors"] == 0 for f in got[1:]), got
wrong = [r for r in j["rows"] if not r["correct"]]
worst = j["by_rule"][0]
assert worst["name"] == (wrong[0]["rule"] or "@none"), (worst, wrong)
mine = [r for r in j["rows"] if (r["rule"] or "@none") == worst["name"]]
assert worst["rows"] == len(mine), worst
assert worst["precision"] == sum(r["correct"] for r in mine) / len(mine), worst
EOF
grep -q '^PER RULE (1 errors: ' "$tmp/out.txt" || fail "no PER RULE table: $(cat "$tmp/out.txt")"
grep -q '^PER PASS (1 errors: ' "$tmp/out.txt" || fail "no PER PASS table"

# --max-ece: exit 3 above it (the ECE of three rows is not 0), 0 at or below.
set +e
"$saidby" eval --gold "$tmp/gold.csv" "$tmp/c" --max-ece 0 > /dev/null 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 3 ] || fail "exit $status above --max-ece, expected 3"
grep -q "expected calibration error $(cat "$tmp/out.json.ece") is above --max-ece 0" "$tmp/err.txt" \
  || fail "--max-ece message: $(cat "$tmp/err.txt")"
"$saidby" eval --gold "$tmp/gold.csv" "$tmp/c" --max-ece 1 > /dev/null || fail "--max-ece 1 must exit 0"

set +e
"$saidby" eval --gold "$tmp/gold.csv" "$tmp/c" --min-f1 0.9 > /dev/null 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 3 ] || fail "exit $status below --min-f1, expected 3"
grep -q 'pair F1 0.5714 is below --min-f1 0.9' "$tmp/err.txt" || fail "threshold message: $(cat "$tmp/err.txt")"

"$saidby" eval --gold "$tmp/gold.csv" "$tmp/c" --min-f1 0.5 > /dev/null || fail "above --min-f1 must exit 0"

printf 'doc,speaker,quote,kind,cue\na,X,Y,shouted,said\n' > "$tmp/bad.csv"
set +e
"$saidby" eval --gold "$tmp/bad.csv" "$tmp/c" > /dev/null 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 2 ] || fail "malformed gold: exit $status, expected 2"
grep -q "$tmp/bad.csv:2: unknown kind 'shouted'" "$tmp/err.txt" || fail "malformed gold message: $(cat "$tmp/err.txt")"
echo ok
