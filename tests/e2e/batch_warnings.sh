#!/usr/bin/env bash
# End to end: the batch runner that extract, compare and eval share. A folder of 3 good
# articles, 7 Latin-1 ones (read, with an "invalid UTF-8" warning each) and 8 empty files (each
# an error, skipped): each command prints the first 5 messages of a kind, then one "… and N
# more" line per kind, ends with the summary line (documents read, inputs skipped, quotes by
# kind, MB/s), still extracts the good articles, and exits 1 (some inputs skipped). The
# messages do not depend on -j; -q leaves the errors only. Paths with no article at all are a
# usage error (exit 2) in all three.
source "$(dirname "$0")/lib/common.sh"

mkdir "$tmp/in"
printf '%s\n' '“The ferry will run all winter,” said Anna Keller, the harbour master.' \
  > "$tmp/in/good1.txt"
printf '%s\n' 'Tomas Lindqvist said: “We have not agreed to anything.”' > "$tmp/in/good2.txt"
printf '%s\n' 'The council will vote in March, Mara Osei said.' '' \
  '“The bridge is safe,” she added.' > "$tmp/in/good3.txt"
for i in 1 2 3 4 5 6 7; do
  # Latin-1: é and á as single bytes.
  printf 'Caf\xe9 owner Jos\xe9 \xc1lvarez said: "We will stay open all winter, whatever happens %s."\n' \
    "$i" > "$tmp/in/latin$i.txt"
done
for i in 1 2 3 4 5 6 7 8; do : > "$tmp/in/empty$i.txt"; done

# The grouped messages and the summary every command must print for this folder.
check_stderr() {  # name file
  local name=$1 err=$2
  [ "$(grep -c ': empty file$' "$err")" -eq 5 ] || fail "$name: not 5 empty-file errors: $(cat "$err")"
  [ "$(grep -cx 'saidby: error: … and 3 more empty-file errors' "$err")" -eq 1 ] \
    || fail "$name: no count of the other empty files: $(cat "$err")"
  [ "$(grep -c ': invalid UTF-8 at byte 3: read as ' "$err")" -eq 5 ] \
    || fail "$name: not 5 invalid-UTF-8 warnings: $(cat "$err")"
  [ "$(grep -cx 'saidby: warning: … and 2 more invalid-UTF-8 warnings' "$err")" -eq 1 ] \
    || fail "$name: no count of the other Latin-1 files: $(cat "$err")"
  # The summary ends the run.
  tail -n 1 "$err" | grep -qE '^saidby: info: 10 documents read, 8 inputs skipped; [0-9]+ quotes \([0-9]+ full.*\); [0-9.]+ MB in [0-9.]+ s, [0-9.]+ MB/s$' \
    || fail "$name: summary line: $(tail -n 1 "$err")"
}

run() {  # name out err args...
  local name=$1 out=$2 err=$3
  shift 3
  set +e
  "$saidby" "$@" > "$out" 2> "$err"
  status=$?
  set -e
  [ "$status" -eq 1 ] || fail "$name: exit $status, expected 1 (some inputs skipped): $(cat "$err")"
}

# extract, -j 1 and -j 4: the same rows and the same messages (the summary's timing aside).
for j in 1 4; do
  run "extract -j $j" "$tmp/ex$j.csv" "$tmp/ex$j.err" extract -j "$j" "$tmp/in"
  check_stderr "extract -j $j" "$tmp/ex$j.err"
done
cmp "$tmp/ex1.csv" "$tmp/ex4.csv" || fail "extract: -j 4 rows differ from -j 1"
diff <(sed '$d' "$tmp/ex1.err") <(sed '$d' "$tmp/ex4.err") || fail "extract: -j 4 messages differ"
for doc in good1 good2 good3; do
  grep -q "^$doc,$doc,1," "$tmp/ex1.csv" || fail "extract: $doc's quote missing"
done
grep -q ',Anna Keller,said,' "$tmp/ex1.csv" || fail "extract: good1's speaker"
[ "$(grep -c '^latin' "$tmp/ex1.csv")" -eq 7 ] || fail "extract: Latin-1 articles not all extracted"
grep -q 'Álvarez' "$tmp/ex1.csv" || fail "extract: Latin-1 not converted"
# The summary counts the rows written, by kind (the 6th column; the ones before hold no comma).
rows=$(($(wc -l < "$tmp/ex1.csv") - 1))
kinds=""
for kind in full partial continued scare reported; do
  n=$(tail -n +2 "$tmp/ex1.csv" | cut -d, -f6 | grep -cx "$kind" || true)
  [ "$n" -gt 0 ] && kinds="$kinds${kinds:+, }$n $kind"
done
tail -n 1 "$tmp/ex1.err" | grep -qF "; $rows quotes ($kinds); " \
  || fail "extract: summary, expected $rows quotes ($kinds): $(tail -n 1 "$tmp/ex1.err")"

# -q: no warnings and no summary; errors still reported, still grouped.
run "extract -q" "$tmp/q.csv" "$tmp/q.err" extract -q "$tmp/in"
cmp "$tmp/ex1.csv" "$tmp/q.csv" || fail "extract -q: other rows"
grep -q 'warning\|info' "$tmp/q.err" && fail "extract -q: warning or summary: $(cat "$tmp/q.err")"
[ "$(wc -l < "$tmp/q.err")" -eq 6 ] || fail "extract -q: expected 5 errors and a count: $(cat "$tmp/q.err")"

# JSON Lines on stdin: 7 malformed lines among good ones are 7 errors, grouped the same way.
{
  printf '%s\n' '{"id":"s1","text":"“We will win,” said Anna Keller."}'
  for i in 1 2 3 4 5 6 7; do printf '{"id": "bad%s", "text": \n' "$i"; done
  printf '%s\n' '{"id":"s2","text":"“Not today,” Tomas Lindqvist said."}'
} > "$tmp/feed.jsonl"
set +e
"$saidby" extract -j 2 < "$tmp/feed.jsonl" > "$tmp/stdin.csv" 2> "$tmp/stdin.err"
status=$?
set -e
[ "$status" -eq 1 ] || fail "stdin: exit $status"
[ "$(grep -c 'not valid JSON' "$tmp/stdin.err")" -eq 5 ] || fail "stdin: not 5 JSON errors: $(cat "$tmp/stdin.err")"
grep -qx 'saidby: error: … and 2 more bad-JSON errors' "$tmp/stdin.err" || fail "stdin: no count: $(cat "$tmp/stdin.err")"
tail -n 1 "$tmp/stdin.err" | grep -q '^saidby: info: 2 documents read, 7 inputs skipped; 2 quotes (2 full); ' \
  || fail "stdin: summary: $(tail -n 1 "$tmp/stdin.err")"
grep -q '^s1,s1,1,' "$tmp/stdin.csv" && grep -q '^s2,s2,1,' "$tmp/stdin.csv" || fail "stdin: good records lost"

# compare: the same reading, the same messages; its quotes.csv holds the good articles' rows.
run compare "$tmp/cmp.out" "$tmp/cmp.err" compare -j 2 "$tmp/in" -o "$tmp/cmp"
check_stderr compare "$tmp/cmp.err"
for doc in good1 good2 good3; do
  grep -q ",$doc,1," "$tmp/cmp/quotes.csv" || fail "compare: $doc's quote missing"
done
[ "$(($(wc -l < "$tmp/cmp/quotes.csv") - 1))" -eq "$rows" ] || fail "compare: not extract's $rows rows"

# eval: the same, and the report counts the documents read.
cat > "$tmp/gold.csv" <<'EOF'
doc,speaker,quote,kind,cue
good1,Anna Keller,The ferry will run all winter,full,said
good2,Tomas Lindqvist,We have not agreed to anything.,full,said
EOF
run eval "$tmp/eval.out" "$tmp/eval.err" eval -j 2 --gold "$tmp/gold.csv" "$tmp/in"
check_stderr eval "$tmp/eval.err"
# (its "quotes predicted" are direct speech: the rows that are not reported speech)
direct=$(tail -n +2 "$tmp/ex1.csv" | cut -d, -f6 | grep -cvx reported || true)
grep -q "^saidby eval: 10 documents extracted, $direct quotes predicted" "$tmp/eval.out" \
  || fail "eval: report: $(head -2 "$tmp/eval.out")"
grep -q 'pair F1: *P=[0-9.]* R=1.000 ' "$tmp/eval.out" || fail "eval: gold pairs not found: $(head -5 "$tmp/eval.out")"
# -j does not change the report.
run "eval -j 1" "$tmp/eval1.out" "$tmp/eval1.err" eval -j 1 --gold "$tmp/gold.csv" "$tmp/in"
cmp "$tmp/eval.out" "$tmp/eval1.out" || fail "eval: -j 1 report differs from -j 2"

# Paths with no article: the same usage error (exit 2, nothing to read) in all three.
mkdir -p "$tmp/none/notes"
printf '# draft\n' > "$tmp/none/notes/a.md"
for cmd in extract compare eval; do
  args=("$cmd")
  [ "$cmd" = eval ] && args+=(--gold "$tmp/gold.csv")
  set +e
  "$saidby" "${args[@]}" "$tmp/none" > "$tmp/none.out" 2> "$tmp/none.err"
  status=$?
  set -e
  [ "$status" -eq 2 ] || fail "$cmd, no article: exit $status, expected 2"
  grep -q 'nothing to read: no article among the paths given' "$tmp/none.err" \
    || fail "$cmd, no article: $(cat "$tmp/none.err")"
  grep -q '1 file in the folders given skipped' "$tmp/none.err" || fail "$cmd, no article: skipped file not said"
done
echo "batch warnings: ok"
