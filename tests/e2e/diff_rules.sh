#!/usr/bin/env bash
# End to end: `saidby diff` on a rule change a linguist might make (issue #15). A copy of the
# shipped rules gains the cue "text" ("Reading the text, Carson called … “Hamas”" then names
# "Reading" as a speaker) and loses "wrote" (quotes introduced by it are lost). Against
# polnear-train's gold, each changed row must be labelled as the two sides' `eval` rows say:
# a speaker change from right to wrong is broken, the reverse fixed; a quote gained is fixed
# when right and broken when not, a quote lost the reverse. --max-broken 0 exits 3; two extract
# outputs (CSV and JSON Lines) give the same diff as --rules, which extracts in-process.
source "$(dirname "$0")/lib/common.sh"

corpus=$root/corpus/polnear-train
gold=$corpus/gold.csv
cp -r "$root/rules/en" "$tmp/old"
cp -r "$root/rules/en" "$tmp/new"
grep -qx 'wrote' "$tmp/new/cues.txt" || fail "the shipped cues.txt has no 'wrote' line"
sed -i '/^wrote$/d' "$tmp/new/cues.txt"
echo 'text' >> "$tmp/new/cues.txt"

"$saidby" diff -q --rules "$tmp/old" --rules "$tmp/new" "$corpus" --gold "$gold" --format json \
  > "$tmp/diff.json" || fail "diff --rules exit $?"
# The same outputs as tables, CSV and JSON Lines (named .out: read by its content).
"$saidby" extract -q --rules "$tmp/old" "$corpus" -o "$tmp/old.csv"
"$saidby" extract -q --rules "$tmp/new" "$corpus" --format jsonl -o "$tmp/new.out"
"$saidby" diff "$tmp/old.csv" "$tmp/new.out" --gold "$gold" > "$tmp/diff.txt" \
  || fail "diff (text) exit $?"
for side in old new; do
  "$saidby" eval --rules "$tmp/$side" --gold "$gold" "$corpus" --format json \
    > "$tmp/eval_$side.json" 2> /dev/null || fail "eval --rules $side"
done

python3 - "$tmp" <<'EOF'
import json, sys
tmp = sys.argv[1]
d = json.load(open(f"{tmp}/diff.json"))
ev = {}
for side in ("old", "new"):
    rows = json.load(open(f"{tmp}/eval_{side}.json"))["rows"]
    # A row's state as diff judges it: right, wrong (span matched, speaker not) or false.
    ev[side] = {(r["doc"], r["quote_id"]): "false" if r["basis"] == "unmatched"
                else ("right" if r["correct"] else "wrong") for r in rows}
changes = d["changes"]
s = d["summary"]
assert s["found"] + s["lost"] + s["speaker"] + s["kind"] == len(changes), s
assert s["fixed"] + s["broken"] + s["neutral"] == len(changes), s
assert s["lost"] >= 20 and s["speaker"] >= 20, s  # "wrote" carried many quotes

def state(side, c):
    return ev[side][(c["doc"], c[side]["quote_id"])]

moved_docs = {}
for c in changes:
    if c["change"] in ("found", "lost"):
        moved_docs.setdefault(c["doc"], set()).add(c["change"])
for c in changes:
    v = c["verdict"]
    if c["change"] == "speaker":
        o, n = state("old", c), state("new", c)
        want = ("neutral" if (o == "right") == (n == "right")
                else "fixed" if n == "right" else "broken")
        assert v == want, (c, o, n)
    elif c["change"] in ("found", "lost"):
        side = "new" if c["change"] == "found" else "old"
        st = state(side, c)
        good = "fixed" if (st == "right") == (c["change"] == "found") else "broken"
        if st == "false":
            assert v == good, (c, st)
        elif v == "neutral":
            # Only a span that moved: the doc lost one row and found another.
            assert moved_docs[c["doc"]] == {"found", "lost"}, c
        else:
            assert v == good, (c, st)
    else:  # kind, against the gold's; continued is full
        k = lambda kind: "full" if kind == "continued" else kind
        g = k(c["gold"]["kind"]) if c["gold"] else None
        o, n = k(c["old"]["kind"]) == g, k(c["new"]["kind"]) == g
        assert v == ("neutral" if o == n else "fixed" if n else "broken"), c

# The false speaker: "Hamas" now said by "Reading", which gold gives to Ben Carson.
hamas = [c for c in changes if c["quote"] == "Hamas"]
assert len(hamas) == 1 and hamas[0]["change"] == "found", hamas
assert hamas[0]["new"]["speaker"] == "Reading" and hamas[0]["verdict"] == "broken", hamas
assert hamas[0]["gold"]["speaker"] == "Ben Carson", hamas
# Quotes "wrote" introduced, right before: lost or unattributed now, broken.
wrote = [c for c in changes if c["old"] and c["old"]["cue"] == "wrote" and
         c["verdict"] == "broken" and c["change"] in ("lost", "speaker")]
assert len(wrote) >= 10, len(wrote)
assert all(c["new"] is None or c["new"]["cue"] != "wrote" for c in wrote)
# Per rule: each rule's counts are those of the changes that name it.
for r in d["rules"]:
    mine = [c for c in changes
            if r["rule"] in {(x["rule"] or "@none") for x in (c["old"], c["new"]) if x}]
    assert r["changes"] == len(mine), r
    assert r["broken"] == sum(c["verdict"] == "broken" for c in mine), r
assert d["rules"] == sorted(d["rules"], key=lambda r: (-r["broken"], -r["changes"])), d["rules"]
open(f"{tmp}/broken", "w").write(str(s["broken"]))
EOF

# The text report says the same: a FOUND section with the false speaker, broken.
grep -q '^saidby diff: .* rows) -> .*; gold ' "$tmp/diff.txt" || fail "text header: $(head -3 "$tmp/diff.txt")"
grep -q "^fixed [0-9]*, broken $(cat "$tmp/broken"), neutral " "$tmp/diff.txt" || fail "text summary"
grep -A1 '^  broken   politico_2015-12-03_trump-carson-flop-with-jewish-re #[0-9]* \[[0-9]*-[0-9]*\] "Hamas"' \
  "$tmp/diff.txt" | grep -q '\[Reading\] (full, .*gold \[Ben Carson\]' \
  || fail "Hamas line: $(grep -A1 Hamas "$tmp/diff.txt")"
grep -q '^PER RULE' "$tmp/diff.txt" || fail "no PER RULE section"

# --max-broken: 3 above it, 0 at it.
set +e
"$saidby" diff "$tmp/old.csv" "$tmp/new.out" --gold "$gold" --max-broken 0 > /dev/null \
  2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 3 ] || fail "--max-broken 0: exit $status, expected 3"
grep -q "$(cat "$tmp/broken") changes are broken, more than --max-broken 0" "$tmp/err.txt" \
  || fail "--max-broken message: $(cat "$tmp/err.txt")"
"$saidby" diff "$tmp/old.csv" "$tmp/new.out" --gold "$gold" --max-broken "$(cat "$tmp/broken")" \
  > /dev/null || fail "--max-broken at the count must exit 0"

# Two extract outputs diff as --rules, which extracts in-process, does.
"$saidby" diff "$tmp/old.csv" "$tmp/new.out" --gold "$gold" --format json > "$tmp/tables.json"
python3 - "$tmp" <<'EOF'
import json, sys
tmp = sys.argv[1]
a = json.load(open(f"{tmp}/diff.json"))
b = json.load(open(f"{tmp}/tables.json"))
for j in (a, b):
    del j["old"], j["new"]
# Confidence goes through CSV's and JSON's number formats.
for j in (a, b):
    for c in j["changes"]:
        for side in ("old", "new"):
            if c[side]:
                c[side]["confidence"] = round(c[side]["confidence"], 4)
assert a == b, "tables and --rules disagree"
EOF

# An output against itself: nothing changed. Without --gold, nothing is judged.
"$saidby" diff "$tmp/old.csv" "$tmp/old.csv" > "$tmp/same.txt"
grep -q '^found 0, lost 0, speakers changed 0, kinds changed 0; [0-9]* rows unchanged$' \
  "$tmp/same.txt" || fail "self diff: $(cat "$tmp/same.txt")"
"$saidby" diff "$tmp/old.csv" "$tmp/new.out" > "$tmp/plain.txt"
grep -q '^fixed ' "$tmp/plain.txt" && fail "judged without --gold"
grep -q '^  broken ' "$tmp/plain.txt" && fail "verdicts without --gold"

# An article neither side can read is reported once, and the diff goes on (exit 1).
mkdir -p "$tmp/mixed"
printf 'He said \xff “we will see”.\n' > "$tmp/mixed/bad.txt"
printf '“We will go on,” said Anna Keller.\n' > "$tmp/mixed/good.txt"
set +e
"$saidby" diff --rules "$tmp/old" --rules "$tmp/new" "$tmp/mixed" > "$tmp/mixed.txt" \
  2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "unreadable article: exit $status, expected 1"
[ "$(grep -c 'bad.txt: invalid UTF-8' "$tmp/err.txt")" -eq 1 ] || fail "reported: $(cat "$tmp/err.txt")"
grep -q '^found 0, lost 0, speakers changed 0, kinds changed 0; 1 rows unchanged$' "$tmp/mixed.txt" \
  || fail "mixed: $(cat "$tmp/mixed.txt")"

# Usage errors: --max-broken needs --gold; one --rules; three tables.
for args in "$tmp/old.csv $tmp/new.out --max-broken 1" \
            "--rules $tmp/old $corpus" \
            "$tmp/old.csv $tmp/old.csv $tmp/old.csv"; do
  set +e
  # shellcheck disable=SC2086
  "$saidby" diff $args > /dev/null 2>&1
  status=$?
  set -e
  [ "$status" -eq 2 ] || fail "diff $args: exit $status, expected 2"
done
echo ok
