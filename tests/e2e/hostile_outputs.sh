#!/usr/bin/env bash
# End to end, hostile names and outputs (issue 18): file names, --source and JSON ids that are
# not valid UTF-8 or hold NUL; -o naming an input; documents that share a name; std fds closed;
# outputs that cannot be written. Outputs stay valid UTF-8 and whole, and failures say so.
source "$(dirname "$0")/lib/common.sh"
no_crash() {
  local status=$1 err=$2 what=$3
  [ "$status" -lt 128 ] || fail "$what: killed by signal $((status - 128)): $(cat "$err")"
  [ "$status" -ne 124 ] || fail "$what: hung (timeout)"
  if grep -q 'AddressSanitizer\|runtime error\|terminate called' "$err"; then fail "$what: $(cat "$err")"; fi
}
# run_saidby WHAT OUT ERR ARGS...: saidby ARGS under a timeout; sets `status`.
run_saidby() {
  local what=$1 out=$2 err=$3
  shift 3
  set +e
  timeout 120 "$saidby" "$@" > "$out" 2> "$err"
  status=$?
  set -e
  no_crash "$status" "$err" "$what"
}
# valid_utf8 FILE: no invalid UTF-8 and no NUL byte anywhere.
valid_utf8() {
  python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); d.decode("utf-8"); assert b"\0" not in d' "$1"
}
# has_escaped FORMAT FILE TEXT: TEXT (holding one backslash) is in FILE, as that format writes it.
has_escaped() {
  local text=$3
  [ "$1" = csv ] || text=${text//\\/\\\\}
  grep -qF -- "$text" "$2"
}
quote='\xe2\x80\x9cYes,\xe2\x80\x9d said Anna Keller.\n'

# 1. A file name and a --source that are not valid UTF-8: every row kept, valid UTF-8 in both
#    formats, bad bytes written as \xHH, one warning; compare reads the CSV back.
mkdir "$tmp/names"
printf "$quote" > "$tmp/names/a.txt"
printf "$quote" > "$tmp/names/$(printf 'b\xff')".txt
printf "$quote" > "$tmp/names/$(printf 'c\xfe')".txt
for format in jsonl csv; do
  run_saidby "bad file name, $format" "$tmp/names.$format" "$tmp/names.err" extract --format "$format" "$tmp/names"
  [ "$status" -eq 0 ] || fail "bad file name, $format: exit $status: $(cat "$tmp/names.err")"
  valid_utf8 "$tmp/names.$format" || fail "bad file name, $format: output is not valid UTF-8"
  [ "$(grep -c 'Anna Keller' "$tmp/names.$format")" -eq 3 ] || fail "bad file name, $format: rows lost"
  has_escaped "$format" "$tmp/names.$format" 'b\xFF' || fail "bad file name, $format: bad byte not written as \\xFF"
  [ "$(grep -c 'not valid UTF-8' "$tmp/names.err")" -eq 1 ] || fail "bad file name, $format: not warned once: $(cat "$tmp/names.err")"
done
python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$tmp/names.jsonl" \
  || fail "bad file name: JSON Lines do not parse"
run_saidby "compare, bad file names" "$tmp/cmp1.csv" "$tmp/cmp1.err" compare "$tmp/names.csv"
[ "$status" -eq 0 ] || fail "compare on the CSV of bad file names: exit $status: $(cat "$tmp/cmp1.err")"
for format in jsonl csv; do
  run_saidby "bad --source, $format" "$tmp/src.$format" "$tmp/src.err" extract --format "$format" --source "$(printf 'Out\xc3let')" "$tmp/names/a.txt"
  [ "$status" -eq 0 ] || fail "bad --source, $format: exit $status: $(cat "$tmp/src.err")"
  valid_utf8 "$tmp/src.$format" || fail "bad --source, $format: output is not valid UTF-8"
  has_escaped "$format" "$tmp/src.$format" 'Out\xC3let' || fail "bad --source, $format: label not escaped"
  grep -q 'not valid UTF-8' "$tmp/src.err" || fail "bad --source, $format: no warning"
done
run_saidby "bad --source, quiet" "$tmp/src.csv" "$tmp/src.err" extract -q --source "$(printf '\xff')" "$tmp/names/a.txt"
[ ! -s "$tmp/src.err" ] || fail "bad --source: warned under -q: $(cat "$tmp/src.err")"

# 2. A \u0000 in a JSON id or source (defect 11): written escaped, and compare reads it back.
printf '%s\n' '{"id":"a\u0000b","source":"S\u0000","text":"\u201cYes,\u201d said Anna Keller."}' > "$tmp/nul.jsonl"
for format in csv jsonl; do
  run_saidby "NUL id, $format" "$tmp/nul_out.$format" "$tmp/nul.err" extract --format "$format" < "$tmp/nul.jsonl"
  [ "$status" -eq 0 ] || fail "NUL id, $format: exit $status: $(cat "$tmp/nul.err")"
  valid_utf8 "$tmp/nul_out.$format" || fail "NUL id, $format: NUL written raw"
  has_escaped "$format" "$tmp/nul_out.$format" 'a\x00b' || fail "NUL id, $format: id not escaped: $(cat "$tmp/nul_out.$format")"
  grep -q 'not valid UTF-8\|NUL' "$tmp/nul.err" || fail "NUL id, $format: no warning"
  run_saidby "compare, NUL id" "$tmp/cmp2.csv" "$tmp/cmp2.err" compare "$tmp/nul_out.$format"
  [ "$status" -eq 0 ] || fail "compare on NUL ids ($format): exit $status: $(cat "$tmp/cmp2.err")"
done

# 3. -o naming an input or stdin's file (defect 4): refused with exit 2, the input untouched.
printf '%s\n' '{"id":"s1","text":"\u201cYes,\u201d said Anna Keller."}' > "$tmp/in.jsonl"
cp "$tmp/in.jsonl" "$tmp/in.orig"
run_saidby "-o stdin" "$tmp/o1.out" "$tmp/o1.err" extract -o "$tmp/in.jsonl" < "$tmp/in.jsonl"
[ "$status" -eq 2 ] || fail "-o naming stdin's file: exit $status, expected 2"
cmp -s "$tmp/in.jsonl" "$tmp/in.orig" || fail "-o naming stdin's file: the input was changed"
grep -q "in.jsonl.*input" "$tmp/o1.err" || fail "-o naming stdin's file: not explained: $(cat "$tmp/o1.err")"
cp "$tmp/names/a.txt" "$tmp/a.orig"
run_saidby "-o input file" "$tmp/o2.out" "$tmp/o2.err" extract "$tmp/names" -o "$tmp/names/a.txt"
[ "$status" -eq 2 ] || fail "-o naming an input file: exit $status, expected 2"
cmp -s "$tmp/names/a.txt" "$tmp/a.orig" || fail "-o naming an input file: the input was changed"
mkdir "$tmp/cmpout"
cp "$tmp/names.csv" "$tmp/cmpout/quotes.csv"
cp "$tmp/names.csv" "$tmp/table.orig"
run_saidby "compare -o over its input" "$tmp/o3.out" "$tmp/o3.err" compare "$tmp/cmpout/quotes.csv" -o "$tmp/cmpout"
[ "$status" -eq 2 ] || fail "compare -o over its input: exit $status, expected 2"
cmp -s "$tmp/cmpout/quotes.csv" "$tmp/table.orig" || fail "compare -o over its input: the input was changed"
run_saidby "compare --html over its input" "$tmp/o4.out" "$tmp/o4.err" compare "$tmp/cmpout/quotes.csv" --html "$tmp/cmpout/quotes.csv"
[ "$status" -eq 2 ] || fail "compare --html over its input: exit $status, expected 2"
cmp -s "$tmp/cmpout/quotes.csv" "$tmp/table.orig" || fail "compare --html over its input: the input was changed"

# 4. A write that fails half way (file size limit; SIGXFSZ ignored, so write() fails with
#    EFBIG): the old output stays whole, no temporary is left, and the failure has exit 4.
mkdir "$tmp/many" "$tmp/outdir"
python3 -c "
import sys
sys.stdout.write(''.join('\u201cLine %d,\u201d said Anna Keller.\n' % i for i in range(3000)))" > "$tmp/many/a_many.txt"
for i in $(seq 1 30); do printf 'bad \xff byte\n' > "$tmp/many/z$i.txt"; done
echo old > "$tmp/outdir/out.csv"
set +e
(trap '' XFSZ; ulimit -f 16; exec timeout 120 "$saidby" extract -j 1 "$tmp/many" -o "$tmp/outdir/out.csv") 2> "$tmp/w1.err"
status=$?
set -e
no_crash "$status" "$tmp/w1.err" "write failure to a file"
[ "$status" -eq 4 ] || fail "write failure to a file: exit $status, expected 4: $(cat "$tmp/w1.err")"
[ "$(cat "$tmp/outdir/out.csv")" = old ] || fail "write failure to a file: the old output was replaced"
[ "$(ls -A "$tmp/outdir")" = out.csv ] || fail "write failure to a file: left behind: $(ls -A "$tmp/outdir")"
grep -q "out.csv: write failed" "$tmp/w1.err" || fail "write failure to a file: not reported: $(cat "$tmp/w1.err")"
if grep -q 'invalid UTF-8' "$tmp/w1.err"; then fail "write failure to a file: went on after the failed write"; fi
# A good run replaces the file whole.
run_saidby "-o replaced" "$tmp/o5.out" "$tmp/o5.err" extract -j 2 "$tmp/many/a_many.txt" -o "$tmp/outdir/out.csv"
[ "$status" -eq 0 ] || fail "-o: exit $status"
[ "$(wc -l < "$tmp/outdir/out.csv")" -eq 3001 ] || fail "-o: $(wc -l < "$tmp/outdir/out.csv") lines, expected 3001"
[ "$(ls -A "$tmp/outdir")" = out.csv ] || fail "-o: left behind: $(ls -A "$tmp/outdir")"
# Written in place: a device or pipe (/dev/stdout into a pipe); through a link, the file it names.
set +e
timeout 60 "$saidby" extract "$tmp/names/a.txt" -o /dev/stdout 2> "$tmp/o6.err" | cat > "$tmp/o6.csv"
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || fail "-o /dev/stdout into a pipe: exit $status: $(cat "$tmp/o6.err")"
grep -q ',a,1,' "$tmp/o6.csv" || fail "-o /dev/stdout into a pipe: no rows"
ln -s real.csv "$tmp/outdir/link.csv"
run_saidby "-o a link" "$tmp/o7.out" "$tmp/o7.err" extract "$tmp/names/a.txt" -o "$tmp/outdir/link.csv"
[ "$status" -eq 0 ] || fail "-o a link: exit $status: $(cat "$tmp/o7.err")"
[ -L "$tmp/outdir/link.csv" ] && grep -q ',a,1,' "$tmp/outdir/real.csv" || fail "-o a link: the link was replaced"
run_saidby "-o a link, again" "$tmp/o7.out" "$tmp/o7.err" extract "$tmp/names/a.txt" -o "$tmp/outdir/link.csv"
[ -L "$tmp/outdir/link.csv" ] && grep -q ',a,1,' "$tmp/outdir/real.csv" || fail "-o an existing link: the link was replaced"

# 5. Write failures (defect 13): stop at the first, say so, exit 4 (not 1, "inputs skipped").
if [ -w /dev/full ]; then
  run_saidby "extract > /dev/full" /dev/full "$tmp/w2.err" extract -j 1 "$tmp/many"
  [ "$status" -eq 4 ] || fail "extract > /dev/full: exit $status, expected 4"
  [ "$(grep -c 'stdout: write failed' "$tmp/w2.err")" -eq 1 ] || fail "extract > /dev/full: not reported once: $(cat "$tmp/w2.err")"
  if grep -q 'invalid UTF-8' "$tmp/w2.err"; then fail "extract > /dev/full: went on after the failed write"; fi
  run_saidby "compare > /dev/full" /dev/full "$tmp/w3.err" compare "$tmp/names.csv"
  [ "$status" -eq 4 ] || fail "compare > /dev/full: exit $status, expected 4"
  grep -q 'stdout: write failed' "$tmp/w3.err" || fail "compare > /dev/full: silent"
  run_saidby "rules check > /dev/full" /dev/full "$tmp/w4.err" rules check
  [ "$status" -eq 4 ] || fail "rules check > /dev/full: exit $status, expected 4"
  grep -q 'stdout: write failed' "$tmp/w4.err" || fail "rules check > /dev/full: silent"
fi
# compare -o DIR whose files cannot be written: exit 4, nothing half written.
mkdir "$tmp/ro"
mkdir "$tmp/ro/report.html"  # a folder where a file must go
run_saidby "compare -o unwritable" "$tmp/w5.out" "$tmp/w5.err" compare "$tmp/names.csv" -o "$tmp/ro"
[ "$status" -eq 4 ] || fail "compare -o with report.html a folder: exit $status, expected 4: $(cat "$tmp/w5.err")"
[ "$(ls -A "$tmp/ro")" = report.html ] || fail "compare -o failed half way: left $(ls -A "$tmp/ro")"

# 6. Documents that share a name (defect 5): ids are relative paths in folders; records
#    without "id" get ids that differ across partitions; a real key clash is exit 1, under -q too.
mkdir -p "$tmp/dup/x" "$tmp/dup/y"
printf '\xe2\x80\x9cThe bridge will open in May,\xe2\x80\x9d said Anna Keller.\n' > "$tmp/dup/x/art.txt"
printf '\xe2\x80\x9cTaxes will fall next year,\xe2\x80\x9d said Bo Berg.\n' > "$tmp/dup/y/art.txt"
run_saidby "same name, extract" "$tmp/dup.csv" "$tmp/dup.err" extract --source S "$tmp/dup"
[ "$status" -eq 0 ] || fail "same name: exit $status"
grep -q '^S,x/art,1,' "$tmp/dup.csv" || fail "same name: no id x/art: $(cat "$tmp/dup.csv")"
grep -q '^S,y/art,1,' "$tmp/dup.csv" || fail "same name: no id y/art"
run_saidby "same name, compare" "$tmp/dup_cmp.out" "$tmp/dup_cmp.err" compare -q "$tmp/dup" -o "$tmp/dup_cmp"
[ "$status" -eq 0 ] || fail "same name, compare: exit $status: $(cat "$tmp/dup_cmp.err")"
[ "$(grep -c 'Anna Keller\|Bo Berg' "$tmp/dup_cmp/quotes.csv")" -eq 2 ] || fail "same name, compare: rows lost"
printf '%s\n' '{"source":"S","text":"\u201cThe bridge will open in May,\u201d said Anna Keller."}' > "$tmp/p1.jsonl"
printf '%s\n' '{"source":"S","text":"\u201cTaxes will fall next year,\u201d said Bo Berg."}' > "$tmp/p2.jsonl"
run_saidby "partition 1" "$tmp/p1.out" "$tmp/p1.err" compare -q -o "$tmp/part1" < "$tmp/p1.jsonl"
run_saidby "partition 2" "$tmp/p2.out" "$tmp/p2.err" compare -q -o "$tmp/part2" < "$tmp/p2.jsonl"
run_saidby "merge partitions" "$tmp/m.out" "$tmp/m.err" compare -q --merge "$tmp/part1" "$tmp/part2" -o "$tmp/merged"
[ "$status" -eq 0 ] || fail "merge of id-less partitions: exit $status: $(cat "$tmp/m.err")"
[ "$(grep -c 'Anna Keller\|Bo Berg' "$tmp/merged/quotes.csv")" -eq 2 ] || fail "merge of id-less partitions: rows lost"
printf 'source,doc,quote_id,kind,speaker,quote\r\nS,d,1,full,Anna Keller,One thing\r\n' > "$tmp/t1.csv"
printf 'source,doc,quote_id,kind,speaker,quote\r\nS,d,1,full,Bo Berg,Another thing\r\n' > "$tmp/t2.csv"
run_saidby "key clash" "$tmp/k.out" "$tmp/k.err" compare -q "$tmp/t1.csv" "$tmp/t2.csv"
[ "$status" -eq 1 ] || fail "key clash under -q: exit $status, expected 1"
grep -q 'S/d#1: two different rows' "$tmp/k.err" || fail "key clash under -q: not reported: $(cat "$tmp/k.err")"
run_saidby "clash part 1" "$tmp/k1.out" "$tmp/k1.err" compare -q "$tmp/t1.csv" -o "$tmp/kp1"
run_saidby "clash part 2" "$tmp/k2.out" "$tmp/k2.err" compare -q "$tmp/t2.csv" -o "$tmp/kp2"
run_saidby "key clash, merge" "$tmp/k3.out" "$tmp/k3.err" compare -q --merge "$tmp/kp1" "$tmp/kp2" -o "$tmp/kmerged"
[ "$status" -eq 1 ] || fail "key clash in --merge under -q: exit $status, expected 1"
grep -q 'S/d#1: two different rows' "$tmp/k3.err" || fail "key clash in --merge: not reported"

# 7. Standard fds closed (defect 10): outputs never take fd 0-2, so messages stay out of them.
set +e
timeout 60 "$saidby" extract -o "$tmp/fd.csv" "$tmp/missing.txt" "$tmp/names/a.txt" 2>&- < /dev/null
status=$?
set -e
[ "$status" -eq 1 ] || fail "stderr closed: exit $status, expected 1"
if grep -q 'saidby' "$tmp/fd.csv"; then fail "stderr closed: a message went into the -o file: $(cat "$tmp/fd.csv")"; fi
grep -q ',a,1,' "$tmp/fd.csv" || fail "stderr closed: the good article is missing"
set +e
timeout 60 "$saidby" extract -o "$tmp/fd2.csv" <&- 2> "$tmp/fd2.err"
status=$?
set -e
[ "$status" -eq 0 ] || fail "stdin closed: exit $status, expected 0 (no documents): $(cat "$tmp/fd2.err")"
echo "hostile outputs: ok"
