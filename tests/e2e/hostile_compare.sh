#!/usr/bin/env bash
# End to end, hostile input to compare (issue 18, defects 7 and 8): rows whose speakers and
# sources are all distinct (outputs and memory grew with speakers × sources: 4,000 rows gave a
# 1.25 GB report and 2.3 GB RSS), and many versions of one 4,000-word quote (each pair was
# aligned in words², minutes of CPU). Work and output must grow with the input.
source "$(dirname "$0")/lib/common.sh"

# run_compare WHAT OUT_DIR INPUT: compare under a CPU-time limit (ulimit -t, not wall time, so a
# loaded machine does not fail it) and a wall-clock guard against a hang. Under ASan + UBSan,
# which make this work about ten times slower, the limit is ten times higher: the quadratic
# alignment this guards against took minutes even without sanitizers.
cpu_limit=60
if ldd "$saidby" 2> /dev/null | grep -q 'libasan\|libubsan'; then cpu_limit=600; fi
run_compare() {
  local what=$1 out=$2 input=$3
  set +e
  (ulimit -t "$cpu_limit" && exec timeout 1200 "$saidby" compare "$input" -o "$out" -q) \
    2> "$tmp/err.txt"
  local status=$?
  set -e
  [ "$status" -lt 128 ] || fail "$what: killed by signal $((status - 128)) (the limit is $cpu_limit s of CPU)"
  [ "$status" -eq 0 ] || fail "$what: exit $status: $(head -c 300 "$tmp/err.txt")"
}

size() { stat -c %s "$1"; }

# Peak RSS in KB of compare on INPUT, or nothing when GNU time is missing.
peak_kb() {
  [ -x /usr/bin/time ] || return 0
  /usr/bin/time -f %M -o "$tmp/rss.txt" "$saidby" compare "$1" -o "$tmp/rss_out" -q 2> /dev/null
  cat "$tmp/rss.txt"
}

# 1. N and 4N rows, every speaker and source distinct: quadratic outputs grow 16 times, these
#    about 4 times (the heat map is capped, so less).
wide() {
  python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
sys.stdout.write('source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote\r\n')
for i in range(n):
    sys.stdout.write(f'Outlet {i},d{i},1,0,1,full,Speaker{i} Person,,,,1,"Words of quote number {i} here."\r\n')
PY
}
wide 1000 > "$tmp/wide1.csv"
wide 4000 > "$tmp/wide4.csv"
run_compare "1,000 distinct speakers and sources" "$tmp/wide1" "$tmp/wide1.csv"
run_compare "4,000 distinct speakers and sources" "$tmp/wide4" "$tmp/wide4.csv"
for f in report.html speakers.csv; do
  small=$(size "$tmp/wide1/$f") large=$(size "$tmp/wide4/$f")
  [ "$large" -lt $((6 * small)) ] || fail "$f: $small bytes for 1,000 rows, $large for 4,000 (not linear)"
done
[ "$(size "$tmp/wide4/report.html")" -lt $((10 * $(size "$tmp/wide4.csv"))) ] ||
  fail "report.html is $(size "$tmp/wide4/report.html") bytes for a $(size "$tmp/wide4.csv")-byte table"
# 300 speakers (kHeatMapRows) × the 40 busiest sources are shown.
grep -q '<p id="heatmap-note">Not shown: 3700 speakers and 3960 sources with fewer quotes, 3960 quotes in all' "$tmp/wide4/report.html" ||
  fail "the heat map does not say what it leaves out: $(grep -o '<p id="heatmap-note">[^<]*' "$tmp/wide4/report.html")"
# speakers.csv: the 256 busiest sources (all tied at 1: the first 256 by name), the other
# 3,744 summed in one column, and every speaker still listed with a total that adds up.
python3 - "$tmp/wide4/speakers.csv" <<'PY' || fail "speakers.csv past the source cap"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
header, body = rows[0], rows[1:]
assert len(header) == 1 + 2 * (256 + 1) + 3, len(header)
assert header[257] == '(3744 other sources)' and header[-1] == 'total', header[257]
assert header[-5:-3] == ['Outlet 1227 reported', '(3744 other sources) reported'], header[-5:-3]
assert header[1:257] == sorted(f'Outlet {i}' for i in range(4000))[:256], header[1:4]
assert len(body) == 4000, len(body)
assert all(sum(int(n) for n in r[1:258]) == int(r[-3]) == int(r[-1]) == 1 for r in body)
PY
small_kb=$(peak_kb "$tmp/wide1.csv")
large_kb=$(peak_kb "$tmp/wide4.csv")
if [ -n "$small_kb" ]; then
  [ "$large_kb" -lt $((8 * small_kb)) ] || fail "peak RSS: ${small_kb} KB for 1,000 rows, ${large_kb} KB for 4,000"
fi

# 2. 100 versions of one 4,000-word quote, each with 5 words changed: every pair is a candidate.
#    Aligned in the full table this is about 150 s of CPU; in the band a few seconds.
python3 - > "$tmp/long.csv" <<'PY'
import random, sys
rng = random.Random(18)
base = ['w%d' % rng.randrange(10**6) for _ in range(4000)]
sys.stdout.write('source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote\r\n')
for q in range(100):
    v = list(base)
    for _ in range(5):
        v[rng.randrange(len(v))] = 'x%d' % rng.randrange(10**6)
    sys.stdout.write('S%d,d%d,1,0,1,full,Anna Keller,,,,1,"%s"\r\n' % (q % 8, q, ' '.join(v)))
PY
run_compare "100 long near-identical quotes" "$tmp/long" "$tmp/long.csv"
python3 - "$tmp/long/clusters.csv" <<'PY' || fail "long quotes: not one altered cluster"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
assert len(rows) == 100 and len({r['cluster'] for r in rows}) == 1, len(rows)
assert {r['relation'] for r in rows} <= {'altered', 'verbatim'}, {r['relation'] for r in rows}
assert all(float(r['similarity']) >= 0.99 for r in rows)
PY
echo "hostile compare: ok"
