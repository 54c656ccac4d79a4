#!/usr/bin/env bash
# End to end, hostile input round two (issue 18, defects 3, 6, 12, 14, 15, 16, 18): memory of a
# JSON line bounded by --max-doc-bytes, side files (sources.csv, --merge inputs, gold, rule
# files) that are FIFOs, devices, folders or too large, raw NUL bytes in JSON Lines, compare's
# stdin limit, --min-f1 nan, repeated gold rows, and messages that say what a bad input is.
# Every check runs; the failures are listed together at the end.
source "$(dirname "$0")/lib/common.sh"
command -v /usr/bin/time > /dev/null || { echo "no /usr/bin/time: skipped"; exit 77; }

# Under AddressSanitizer the shadow memory needs a huge address space and every allocation
# costs more: no address-space cap and no RSS bounds there, the other checks as usual.
sanitized=0
if ldd "$saidby" 2> /dev/null | grep -q 'libasan\|libubsan'; then sanitized=1; fi
failures=()
bad() { failures+=("$*"); }
# run SECONDS NAME ARGS...: saidby ARGS under a timeout and a 4 GB address-space cap (a run that
# grows without bound fails instead of taking the machine), stdin as redirected by the caller;
# stdout in $tmp/NAME.out, stderr in $tmp/NAME.err, exit status in `status`, peak RSS (kB) in
# `peak`. A hang or a crash is a failure.
run() {
  local secs=$1 name=$2
  shift 2
  set +e
  ( [ "$sanitized" -eq 1 ] || ulimit -v 4000000; timeout "$secs" /usr/bin/time -f '%M' -o "$tmp/$name.rss" "$saidby" "$@") \
    > "$tmp/$name.out" 2> "$tmp/$name.err"
  status=$?
  set -e
  peak=$(tail -n 1 "$tmp/$name.rss" 2> /dev/null || echo 0)
  [[ $peak =~ ^[0-9]+$ ]] || peak=0
  if [ "$status" -eq 124 ]; then bad "$name: hung (timeout)"; fi
  if [ "$status" -ge 128 ] || grep -q 'AddressSanitizer\|runtime error\|terminate called\|bad_alloc' "$tmp/$name.err"; then
    bad "$name: crashed (exit $status): $(head -c 300 "$tmp/$name.err")"
  fi
}
expect() {  # expect NAME STATUS PATTERN: exit status and a line of stderr
  local name=$1 want=$2 pattern=$3
  [ "$status" -eq "$want" ] || bad "$name: exit $status, expected $want: $(head -c 300 "$tmp/$name.err")"
  grep -q -- "$pattern" "$tmp/$name.err" || bad "$name: no '$pattern' on stderr: $(head -c 300 "$tmp/$name.err")"
}

yes_anna='“Yes,” said Anna Keller.'
mkdir -p "$tmp/a"
echo "$yes_anna" > "$tmp/a/a.txt"
good_json='{"id":"ok","text":"\u201cYes,\u201d said Anna Keller."}'

# Defect 3: a JSON line of nested arrays, and one of numbers, just under the line cap for
# --max-doc-bytes 2000000 (6 × 2 MB): both refused before the parser allocates for them, and
# the peak RSS stays within 16 × the limit of a run over one small record.
limit=2000000
echo "$good_json" > "$tmp/small.jsonl"
run 60 base extract -j 1 --max-doc-bytes "$limit" < "$tmp/small.jsonl"
base=$peak
python3 - "$tmp/deep.jsonl" "$tmp/wide.jsonl" "$good_json" <<'PY'
import sys
n = 5_900_000
with open(sys.argv[1], 'w') as f:
    f.write('{"text":"plain","a":' + '[' * n + ']' * n + '}\n' + sys.argv[3] + '\n')
with open(sys.argv[2], 'w') as f:
    f.write('{"text":"plain","a":[' + '0,' * (n - 1) + '0]}\n' + sys.argv[3] + '\n')
PY
run 120 deep extract -j 1 --max-doc-bytes "$limit" < "$tmp/deep.jsonl"
expect deep 1 'stdin:1: JSON nested deeper than 1024 levels'
grep -q ',ok,1,.*Anna Keller' "$tmp/deep.out" || bad "deep: the good record after it is missing"
[ "$sanitized" -eq 1 ] || [ $((peak - base)) -lt $((16 * limit / 1024)) ] || bad "deep: peak RSS ${peak} kB, ${base} kB for one small record"
run 120 wide extract -j 1 --max-doc-bytes "$limit" < "$tmp/wide.jsonl"
expect wide 1 'stdin:1: more than 1048576 bytes of JSON outside strings'
grep -q ',ok,1,.*Anna Keller' "$tmp/wide.out" || bad "wide: the good record after it is missing"
[ "$sanitized" -eq 1 ] || [ $((peak - base)) -lt $((16 * limit / 1024)) ] || bad "wide: peak RSS ${peak} kB, ${base} kB for one small record"
# A record as long as the limit allows, all in its text, is still read.
python3 -c "
import sys
sys.stdout.write('{\"id\":\"long\",\"text\":\"' + '\\\\u0041' * 1_999_000 + ' \\\\u201cYes,\\\\u201d said Anna Keller.\"}\n')" > "$tmp/long.jsonl"
run 120 long extract -j 1 --max-doc-bytes "$limit" < "$tmp/long.jsonl"
[ "$status" -eq 0 ] || bad "long: exit $status: $(head -c 300 "$tmp/long.err")"
grep -q ',long,1,.*Anna Keller' "$tmp/long.out" || bad "long: its quote is missing"

# Defect 6: side files that are FIFOs hang nothing; /dev/zero and oversized ones are refused.
mkdir -p "$tmp/fifo"
echo "$yes_anna" > "$tmp/fifo/a.txt"
mkfifo "$tmp/fifo/sources.csv"
run 30 sources_fifo extract "$tmp/fifo"
expect sources_fifo 1 "$tmp/fifo/sources.csv: not a regular file (FIFO, socket or device)"
grep -q ',a,1,.*Anna Keller' "$tmp/sources_fifo.out" || bad "sources_fifo: the article is missing"

mkdir -p "$tmp/zero"
echo "$yes_anna" > "$tmp/zero/a.txt"
ln -s /dev/zero "$tmp/zero/sources.csv"
run 30 sources_zero extract "$tmp/zero"
expect sources_zero 1 "$tmp/zero/sources.csv: not a regular file"

mkdir -p "$tmp/big"
echo "$yes_anna" > "$tmp/big/a.txt"
python3 -c "
import sys
out = ['doc,source\n'] + ['d%d,s\n' % i for i in range(2_500_000)]
open(sys.argv[1], 'w').write(''.join(out))" "$tmp/big/sources.csv"
run 60 sources_big extract "$tmp/big"
expect sources_big 1 "$tmp/big/sources.csv: too large: [0-9]* bytes (limit 16777216"
grep -q ',a,1,.*Anna Keller' "$tmp/sources_big.out" || bad "sources_big: the article is missing"

mkdir -p "$tmp/merge_fifo"
mkfifo "$tmp/merge_fifo/quotes.csv"
run 30 merge_fifo compare --merge "$tmp/merge_fifo"
expect merge_fifo 1 "$tmp/merge_fifo/quotes.csv: not a regular file"

printf 'doc,speaker,quote,kind,cue\na,Anna Keller,"Yes,",full,said\n' > "$tmp/gold.csv"
mkfifo "$tmp/gold_fifo.csv"
run 30 gold_fifo eval --gold "$tmp/gold_fifo.csv" "$tmp/a"
expect gold_fifo 2 "$tmp/gold_fifo.csv: not a regular file"
run 30 gold_zero eval --gold /dev/zero "$tmp/a"
expect gold_zero 2 "/dev/zero: not a regular file"

cp -r "$root/rules/en" "$tmp/rules_fifo"
rm "$tmp/rules_fifo/cues.txt"
mkfifo "$tmp/rules_fifo/cues.txt"
run 30 rules_fifo rules check "$tmp/rules_fifo"
expect rules_fifo 2 "$tmp/rules_fifo/cues.txt: required rule file: not a regular file"

# Defect 14: a raw NUL byte in a JSON line is reported with its line, not read as the line's end
# (which dropped the record after it without a word).
{ printf '%s\0%s\n' '{"id":"first","text":"\u201cOne,\u201d said Anna Keller."}' \
    '{"id":"hidden","text":"\u201cTwo,\u201d said Anna Keller."}'; echo "$good_json"; } > "$tmp/nul.jsonl"
run 30 nul extract < "$tmp/nul.jsonl"
expect nul 1 'stdin:1: not valid JSON: raw NUL byte at byte 58 of the line'
grep -q ',ok,1,.*Anna Keller' "$tmp/nul.out" || bad "nul: the good record is missing"

# Defect 15: compare reads stdin under --max-doc-bytes: a 60 MB line is skipped unread.
python3 -c "
import sys
sys.stdout.write('{\"id\":\"huge\",\"text\":\"' + 'x' * 60_000_000 + '\"}\n')" > "$tmp/huge.jsonl"
echo "$good_json" >> "$tmp/huge.jsonl"
run 30 compare_base compare --max-doc-bytes 100000 < "$tmp/small.jsonl"
base=$peak
run 120 compare_huge compare --max-doc-bytes 100000 < "$tmp/huge.jsonl"
expect compare_huge 1 'stdin:1: too large: 60000023 bytes (limit 100000, see --max-doc-bytes) (JSON line)'
grep -q 'Anna Keller' "$tmp/compare_huge.out" || bad "compare_huge: the good record is missing"
[ "$sanitized" -eq 1 ] || [ $((peak - base)) -lt 20000 ] || bad "compare_huge: peak RSS ${peak} kB, ${base} kB for one small record"

# Defect 12: --min-f1 must be a finite number in 0..1.
for x in nan NaN inf -inf 1.5 -0.1 x; do
  run 30 "min_f1_$x" eval --gold "$tmp/gold.csv" --min-f1 "$x" "$tmp/a"
  [ "$status" -eq 2 ] || bad "--min-f1 $x: exit $status, expected 2"
done
run 30 min_f1_ok eval --gold "$tmp/gold.csv" --min-f1 1 "$tmp/a"
[ "$status" -eq 0 ] || bad "--min-f1 1: exit $status: $(head -c 300 "$tmp/min_f1_ok.err")"

# Defect 16: a gold row repeated is warned about (file:line) and counted once; two rows for a
# quote the article holds twice are two rows.
printf 'doc,speaker,quote,kind,cue\na,Anna Keller,"Yes,",full,said\na,Anna Keller,"Yes,",full,said\n' > "$tmp/gold_twice.csv"
run 60 gold_twice eval --gold "$tmp/gold_twice.csv" "$tmp/a"
expect gold_twice 0 "$tmp/gold_twice.csv:3: repeats line 2 (doc a, the same quote; the article holds it 1 time); this row is not counted"
grep -q 'pair F1: *P=1.000 R=1.000 F1=1.000  (tp=1 fp=0 fn=0)' "$tmp/gold_twice.out" || bad "gold_twice: $(grep 'pair F1' "$tmp/gold_twice.out")"
mkdir -p "$tmp/twice"
printf '%s\n\n%s\n' "$yes_anna" "“Yes,” said Bo Berg." > "$tmp/twice/a.txt"
printf 'doc,speaker,quote,kind,cue\na,Anna Keller,"Yes,",full,said\na,Bo Berg,"Yes,",full,said\n' > "$tmp/gold_two.csv"
run 60 gold_two eval --gold "$tmp/gold_two.csv" "$tmp/twice"
[ "$status" -eq 0 ] || bad "gold_two: exit $status"
if grep -q 'repeats line' "$tmp/gold_two.err"; then bad "gold_two: a quote the article holds twice called a repeat"; fi
grep -q 'quote F1 (token F1 >= 0.8): P=1.000 R=1.000' "$tmp/gold_two.out" || bad "gold_two: $(grep 'quote F1' "$tmp/gold_two.out")"

# Defect 18: messages that say what the input is.
run 30 proc extract /proc/self/status
[ "$status" -eq 0 ] || bad "proc: exit $status: $(head -c 300 "$tmp/proc.err")"
cp -r "$root/rules/en" "$tmp/rules_dir"
rm "$tmp/rules_dir/cues.txt"
mkdir "$tmp/rules_dir/cues.txt"
run 30 lexicon_dir rules check "$tmp/rules_dir"
expect lexicon_dir 2 "$tmp/rules_dir/cues.txt: required rule file: is a directory"
run 30 gold_dir eval --gold "$tmp/a" "$tmp/a"
expect gold_dir 2 "$tmp/a: is a directory, not a file"
# UTF-16 with its byte order mark is read since issue 16; cut in the middle of a character,
# it is reported with its mark.
mkdir -p "$tmp/utf16"
printf '\xff\xfe\x1c\x20Y\x00e\x00s\x00,\x00\x1d\x20 \x00s\x00a\x00i\x00d\x00 \x00B\x00o\x00 \x00B\x00e\x00r\x00g\x00.\x00' > "$tmp/utf16/u.txt"
printf '\xff\xfe\x1c\x20Y\x00e' > "$tmp/utf16/v.txt"
run 30 utf16 extract "$tmp/utf16"
expect utf16 1 "$tmp/utf16/v.txt: not valid UTF-16LE text (byte order mark FF FE)"
grep -q ',u,1,.*,Bo Berg,' "$tmp/utf16.out" || bad "utf16: the whole UTF-16 file not read: $(cat "$tmp/utf16.out")"
run 30 rules_file rules check "$tmp/a/a.txt"
expect rules_file 2 "$tmp/a/a.txt: not a rules folder (it is a file, not a folder)$"
# The same file named twice, or reached again through a folder, is read once, with a warning.
run 30 twice extract "$tmp/a/a.txt" "$tmp/a" "$tmp/a/a.txt"
expect twice 0 "$tmp/a/a.txt: the same file as $tmp/a/a.txt, read once"
[ "$(grep -c 'Anna Keller' "$tmp/twice.out")" -eq 1 ] || bad "twice: $(cat "$tmp/twice.out")"
# '-' with paths is a usage error in extract (before any output file is made).
run 30 dash extract -o "$tmp/dash.csv" - "$tmp/a" < "$tmp/small.jsonl"
expect dash 2 "'-' (JSON Lines on stdin) cannot be mixed with paths"
[ ! -e "$tmp/dash.csv" ] || bad "dash: an output file was made"
# A .txt symlink inside a folder is read wherever it points (README, "Inputs").
mkdir -p "$tmp/links"
ln -s "$tmp/a/a.txt" "$tmp/links/elsewhere.txt"
run 30 symlink extract "$tmp/links"
[ "$status" -eq 0 ] && grep -q ',elsewhere,1,.*Anna Keller' "$tmp/symlink.out" || bad "symlink: not read: $(head -c 300 "$tmp/symlink.err")"

if [ "${#failures[@]}" -gt 0 ]; then
  printf 'FAIL: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "hostile side files: ok"
