#!/usr/bin/env bash
# End to end, hostile input (issue 7): a FIFO and a folder given as articles, a file that
# vanishes mid-batch, stdout closed early (`| head`), one 50 MB line, NUL bytes in JSON Lines,
# a BOM and CR/CRLF line ends. Nothing may crash or hang, and the good articles still come out.
source "$(dirname "$0")/lib/common.sh"
# A crash is a signal other than SIGPIPE (141), or a sanitizer report.
no_crash() {
  local status=$1 err=$2 what=$3
  [ "$status" -lt 128 ] || [ "$status" -eq 141 ] || fail "$what: killed by signal $((status - 128))"
  [ "$status" -ne 124 ] || fail "$what: hung (timeout)"
  if grep -q 'AddressSanitizer\|runtime error\|terminate called' "$err"; then fail "$what: $(cat "$err")"; fi
}
# run_saidby SECONDS WHAT OUT ERR ARGS...: saidby ARGS (stdin as redirected by the caller) under
# a timeout; sets `status` and fails on a crash or a hang.
run_saidby() {
  local secs=$1 what=$2 out=$3 err=$4
  shift 4
  set +e
  timeout "$secs" "$saidby" "$@" > "$out" 2> "$err"
  status=$?
  set -e
  no_crash "$status" "$err" "$what"
}

mkdir -p "$tmp/batch/folder.txt"
printf '\xe2\x80\x9cWe will see,\xe2\x80\x9d said Anna Keller.\n' > "$tmp/batch/a.txt"
mkfifo "$tmp/batch/pipe.txt" "$tmp/named_pipe.txt"

# 1. FIFOs and folders: inside a folder they are not articles; named explicitly, a FIFO is
#    reported without being opened (nothing blocks), and a folder is read as a folder.
run_saidby 60 "fifo" "$tmp/out1.csv" "$tmp/err1.txt" extract "$tmp/batch" "$tmp/named_pipe.txt" "$tmp/batch/folder.txt"
[ "$status" -eq 1 ] || fail "fifo: exit $status, expected 1: $(cat "$tmp/err1.txt")"
grep -q "$tmp/named_pipe.txt: not a regular file (FIFO, socket or device)" "$tmp/err1.txt" || fail "fifo not reported: $(cat "$tmp/err1.txt")"
grep -q ',a,1,.*Anna Keller' "$tmp/out1.csv" || fail "fifo: good article missing"
[ "$(grep -c ',a,1,' "$tmp/out1.csv")" -eq 1 ] || fail "fifo: article listed twice"

# 2. Files vanishing while the batch runs: whatever the timing, each is either extracted or
#    reported as vanished, the others are extracted, and the exit status is 0 or 1.
mkdir "$tmp/many"
for i in $(seq -w 1 400); do
  printf '\xe2\x80\x9cLine %s,\xe2\x80\x9d said Anna Keller.\n' "$i" > "$tmp/many/f$i.txt"
done
set +e
timeout 120 "$saidby" extract -j 1 "$tmp/many" > "$tmp/out2.csv" 2> "$tmp/err2.txt" &
pid=$!
for i in $(seq -w 1 2 400); do rm -f "$tmp/many/f$i.txt"; done
wait "$pid"
status=$?
set -e
no_crash "$status" "$tmp/err2.txt" "vanishing"
[ "$status" -le 1 ] || fail "vanishing: exit $status"
# Besides those: the count of vanished files past the first 5, and the summary line.
if grep -v ': cannot read file (.*vanished' "$tmp/err2.txt" |
  grep -v '^saidby: error: … and [0-9]* more unreadable errors$' |
  grep -v '^saidby: info: [0-9]* documents read, [0-9]* inputs\? skipped; ' | grep -q .; then
  fail "vanishing: unexpected message: $(grep -v vanished "$tmp/err2.txt" | head -3)"
fi
[ "$(grep -c 'vanished' "$tmp/err2.txt")" -le 5 ] || fail "vanishing: more than 5 reported one by one"
for i in $(seq -w 2 2 400); do
  grep -q ",f$i,1," "$tmp/out2.csv" || fail "vanishing: f$i (never removed) missing"
done

# 3. stdout closed early: saidby stops (SIGPIPE, or a reported write error), neither crashing
#    nor running on for long.
set +e
timeout 120 "$saidby" extract -j 1 "$root/corpus/polnear-train" 2> "$tmp/err3.txt" | head -n 3 > "$tmp/out3.csv"
statuses=("${PIPESTATUS[@]}")
set -e
no_crash "${statuses[0]}" "$tmp/err3.txt" "| head"
[ "${statuses[0]}" -eq 141 ] || [ "${statuses[0]}" -eq 1 ] || fail "| head: exit ${statuses[0]}, expected 141 (SIGPIPE) or 1"
[ "$(wc -l < "$tmp/out3.csv")" -eq 3 ] || fail "| head: got $(wc -l < "$tmp/out3.csv") lines"

# 4. One 50 MB line: over the default limit it is reported and skipped; with a higher limit
#    it is read (no quote in it: nothing to report).
python3 -c "
import sys
sys.stdout.write('plain words on one very long line, said nobody. ' * (50 * 1024 * 1024 // 49 + 1))" > "$tmp/batch/long.txt"
run_saidby 120 "50 MB line" "$tmp/out4.csv" "$tmp/err4.txt" extract "$tmp/batch/long.txt" "$tmp/batch/a.txt"
[ "$status" -eq 1 ] || fail "50 MB line: exit $status, expected 1"
grep -q "long.txt: too large: [0-9]* bytes (limit 16777216, see --max-doc-bytes)" "$tmp/err4.txt" || fail "50 MB line not reported: $(cat "$tmp/err4.txt")"
grep -q ',a,1,' "$tmp/out4.csv" || fail "50 MB line: the good article is missing"
run_saidby 300 "50 MB line, raised limit" "$tmp/out5.csv" "$tmp/err5.txt" extract --max-doc-bytes 60000000 "$tmp/batch/long.txt"
[ "$status" -eq 0 ] || fail "50 MB line, raised limit: exit $status: $(cat "$tmp/err5.txt")"
[ "$(wc -l < "$tmp/out5.csv")" -eq 1 ] || fail "50 MB line: rows found in a line with no quote"
rm "$tmp/batch/long.txt"

# 5. NUL bytes (JSON \u0000), a BOM, CRLF and lone CR: bad records reported, offsets still
#    index the input bytes.
printf '%s\n' '{"id":"nul","text":"\u201cYes,\u201d said \u0000Anna Keller."}' \
  '{"id":"ok","text":"\u201cYes,\u201d said Anna Keller."}' > "$tmp/in.jsonl"
run_saidby 60 "NUL in JSON" "$tmp/out6.csv" "$tmp/err6.txt" extract < "$tmp/in.jsonl"
[ "$status" -eq 1 ] || fail "NUL in JSON: exit $status, expected 1"
grep -q 'binary data (NUL byte) at byte' "$tmp/err6.txt" || fail "NUL in JSON not reported: $(cat "$tmp/err6.txt")"
grep -q ',ok,1,.*Anna Keller' "$tmp/out6.csv" || fail "NUL in JSON: good record missing"

# A line that is only a byte order mark, and one that starts with a raw NUL byte, between
# good records: each reported as not valid JSON, on every worker thread.
{ printf '\xef\xbb\xbf\n'; printf '\x00{"text":"a"}\n'
  printf '%s\n' '{"id":"ok","text":"\u201cYes,\u201d said Anna Keller."}'; } > "$tmp/empty.jsonl"
for jobs in 1 2; do
  run_saidby 60 "BOM-only or NUL-first JSON line" "$tmp/out8.csv" "$tmp/err8.txt" extract -j "$jobs" < "$tmp/empty.jsonl"
  [ "$status" -eq 1 ] || fail "BOM-only or NUL-first line: exit $status, expected 1"
  [ "$(grep -c 'not valid JSON' "$tmp/err8.txt")" -eq 2 ] || fail "BOM/NUL lines not both reported: $(cat "$tmp/err8.txt")"
  grep -q ',ok,1,.*Anna Keller' "$tmp/out8.csv" || fail "BOM/NUL lines: good record missing"
done

mkdir "$tmp/ends"
printf '\xef\xbb\xbf\xe2\x80\x9cOne,\xe2\x80\x9d said Anna Keller.\r\n\xe2\x80\x9cTwo never closes\r\xe2\x80\x9cThree,\xe2\x80\x9d said Bo Berg.\rEnd.' > "$tmp/ends/ends.txt"
run_saidby 60 "line ends" "$tmp/out7.csv" "$tmp/err7.txt" extract --keep-scare "$tmp/ends"
[ "$status" -eq 0 ] || fail "line ends: exit $status: $(cat "$tmp/err7.txt")"
python3 - "$tmp/out7.csv" "$tmp/ends/ends.txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
data = open(sys.argv[2], 'rb').read()
quotes = [r['quote'] for r in rows]
assert quotes == ['One,', 'Two never closes', 'Three,'], quotes
for r in rows:
    assert data[int(r['start']):int(r['end'])].decode('utf-8') == r['quote'], r
assert int(rows[0]['start']) == 6, rows[0]  # the BOM counts
PY
echo "hostile inputs: ok"
