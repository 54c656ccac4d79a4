#!/usr/bin/env bash
# End to end, reported speech (issue #13): tools/corpus/import_reported keeps speech cues only
# (cues.txt words or "according to", not negated) whose content is verbatim in the article; and
# `saidby eval` reads a reported.csv beside gold.csv, scores it apart from direct quotes (their
# lines do not change), lists its misses with the kind, and gates it (exit 3), while a direct
# kind in reported.csv is a usage error (exit 2).
source "$(dirname "$0")/lib/common.sh"
import="$root/tools/corpus/import_reported"
[ -x /usr/bin/python3 ] || exit 77

mkdir -p "$tmp/c"
printf '%s\n' \
  'Anna Keller said the ferry would run all winter. Tomas Berg thinks the plan is too costly.' \
  '' \
  'According to the harbour office, repairs will take a month. The mayor did not mention the budget.' \
  '' \
  '“We have not agreed to anything,” Tomas Berg said.' > "$tmp/c/a.txt"
cat > "$tmp/in.csv" <<'EOF'
doc,speaker,content,cue
a,Anna Keller,the ferry would run all winter,said
a,Tomas Berg,the plan is too costly,thinks
a,the harbour office,"repairs will take a month",According to
a,The mayor,the budget,did not mention
a,Anna Keller,words that are not in the article,says
a,Tomas Berg,the ferry would run all winter,has said
a,Anna Keller,the ferry would run all winter,Said
EOF
# Row 6 holds the same content as row 1 once more than the article does: a repeat.
"$import" "$tmp/in.csv" "$tmp/c" 2> "$tmp/import.err" || fail "import: $(cat "$tmp/import.err")"
cat > "$tmp/want.csv" <<'EOF'
doc,speaker,quote,kind,cue
a,Anna Keller,the ferry would run all winter,reported,said
a,the harbour office,repairs will take a month,reported,According to
EOF
cmp -s "$tmp/want.csv" "$tmp/c/reported.csv" || fail "reported.csv: $(cat "$tmp/c/reported.csv")"
grep -q '7 rows in, 2 kept; dropped 1 not speech, 1 negated speech cues, 1 not verbatim in the article, 2 repeats' \
  "$tmp/import.err" || fail "import counts: $(cat "$tmp/import.err")"
grep -q 'most frequent dropped cues: .*thinks 1' "$tmp/import.err" || fail "dropped cues"
# Re-running gives the same bytes.
cp "$tmp/c/reported.csv" "$tmp/first.csv"
"$import" --quiet "$tmp/in.csv" "$tmp/c"
cmp -s "$tmp/first.csv" "$tmp/c/reported.csv" || fail "import is not re-runnable"

# Eval: a direct gold, and reported.csv beside it with a row the engine cannot find ("thinks"
# is no cue), so that a reported miss is listed and the gates have something to refuse.
cat > "$tmp/c/gold.csv" <<'EOF'
doc,speaker,quote,kind,cue
a,Tomas Berg,"We have not agreed to anything,",full,said
EOF
echo 'a,Tomas Berg,the plan is too costly,reported,thinks' >> "$tmp/c/reported.csv"
"$saidby" eval --gold "$tmp/c/gold.csv" "$tmp/c" > "$tmp/out.txt" 2> "$tmp/err.txt" \
  || fail "eval exit $?: $(cat "$tmp/err.txt")"
mv "$tmp/c/reported.csv" "$tmp/reported.csv"
"$saidby" eval --gold "$tmp/c/gold.csv" "$tmp/c" > "$tmp/direct.txt" 2> /dev/null \
  || fail "eval without reported.csv"
# The direct lines are the same with and without reported gold.
for label in 'quote F1' 'quote exact' 'pair F1' 'saidby eval:'; do
  [ "$(grep "^$label" "$tmp/out.txt")" = "$(grep "^$label" "$tmp/direct.txt")" ] \
    || fail "direct line '$label' changed: $(grep "^$label" "$tmp/out.txt")"
done
grep -q '^pair F1: *P=1.000 R=1.000 F1=1.000  (tp=1 fp=0 fn=0)' "$tmp/out.txt" \
  || fail "pair line: $(head -5 "$tmp/out.txt")"
grep -q "^reported speech: 3 gold rows ($tmp/c/reported.csv), 2 predicted" "$tmp/out.txt" \
  || fail "reported header: $(head -8 "$tmp/out.txt")"
grep -q '^reported content F1 (token F1 >= 0.5): P=1.000 R=0.667 F1=0.800  (tp=2 fp=0 fn=1)' \
  "$tmp/out.txt" || fail "reported content line: $(head -8 "$tmp/out.txt")"
grep -q '^reported pair F1: *P=1.000 R=0.667 F1=0.800  (tp=2 fp=0 fn=1)' "$tmp/out.txt" \
  || fail "reported pair line"
grep -q '\[Tomas Berg\] (reported) "the plan is too costly"' "$tmp/out.txt" \
  || fail "reported miss not listed with its kind"
# Without reported gold the engine's reported rows still show, all of them unmatched.
grep -q '^reported speech: 0 gold rows (none), 2 predicted' "$tmp/direct.txt" \
  || fail "reported lines without reported gold: $(grep '^reported' "$tmp/direct.txt")"

# --reported names the file; the gates exit 3; the threshold shows in the label.
set +e
"$saidby" eval --gold "$tmp/c/gold.csv" --reported "$tmp/reported.csv" "$tmp/c" \
  --reported-token-f1 0.6 --min-reported-f1 0.9 > "$tmp/out2.txt" 2> "$tmp/err2.txt"
status=$?
"$saidby" eval --gold "$tmp/c/gold.csv" --reported "$tmp/reported.csv" "$tmp/c" \
  --min-reported-pair-f1 0.9 > /dev/null 2>&1
status_pair=$?
"$saidby" eval --gold "$tmp/c/gold.csv" --reported "$tmp/reported.csv" "$tmp/c" \
  --min-reported-f1 0 --min-reported-pair-f1 0 > /dev/null 2>&1
status_zero=$?
printf 'doc,speaker,quote,kind,cue\na,Anna Keller,the ferry would run all winter,full,said\n' \
  > "$tmp/bad.csv"
"$saidby" eval --gold "$tmp/c/gold.csv" --reported "$tmp/bad.csv" "$tmp/c" > /dev/null \
  2> "$tmp/err3.txt"
status_bad=$?
set -e
[ "$status" -eq 3 ] || fail "--min-reported-f1: exit $status"
grep -q 'reported content F1 0.8000 is below --min-reported-f1' "$tmp/err2.txt" \
  || fail "gate message: $(cat "$tmp/err2.txt")"
grep -q '^reported content F1 (token F1 >= 0.6)' "$tmp/out2.txt" || fail "threshold label"
[ "$status_pair" -eq 3 ] || fail "--min-reported-pair-f1: exit $status_pair"
[ "$status_zero" -eq 0 ] || fail "gates at 0: exit $status_zero"
[ "$status_bad" -eq 2 ] || fail "direct kind in reported.csv: exit $status_bad"
grep -q "bad.csv:2: kind 'full' in a reported-speech file" "$tmp/err3.txt" \
  || fail "bad kind message: $(cat "$tmp/err3.txt")"

# JSON carries the reported figures apart.
"$saidby" eval --gold "$tmp/c/gold.csv" --reported "$tmp/reported.csv" "$tmp/c" --format json \
  > "$tmp/out.json"
python3 - "$tmp/out.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["overall"]["pair"]["tp"] == 1, j["overall"]
assert j["overall"]["reported"]["fn"] == 1, j["overall"]
assert j["overall"]["reported_pair"]["tp"] == 2, j["overall"]
assert j["reported_gold_rows"] == 3 and j["min_reported_token_f1"] == 0.5, j
assert [m["kind"] for m in j["misses"]] == ["reported"], j["misses"]
assert j["documents"][0]["reported"]["fn"] == 1, j["documents"]
EOF
