#!/usr/bin/env bash
# Two-size memory test of `saidby compare`: the quotes of a collection, extracted once and
# repeated as new documents (doc~K: the same distinct content, more rows), compared at 1 copy,
# at MB/4 megabytes and at MB megabytes. Peak RSS (/usr/bin/time -v) must grow at most linearly
# with the added rows (1.25 × the ratio of added rows; quadratic growth would be 4× that), and
# the counts must scale exactly with the copies. The tables are generated under the build
# folder (never committed) and removed afterwards.
# Usage: compare_memory.sh SAIDBY ROOT COLLECTION MB   (bench.compare_memory: polnear-train 100)
set -euo pipefail
saidby=$1
root=$2
collection=$3
mb=$4
work="$(dirname "$saidby")/compare-memory-$collection-$mb"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

"$saidby" extract "$root/corpus/$collection" -o "$work/base.csv" -q || fail "extract: exit $?"
base_bytes=$(stat -c %s "$work/base.csv")
small=$(((mb * 1000000 / 4 + base_bytes - 1) / base_bytes))
large=$((4 * small))

# repeat COPIES OUT: the base rows COPIES times, each copy's documents renamed doc~K.
repeat() {
  python3 - "$work/base.csv" "$1" > "$2" <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
doc = rows[0].index('doc')
out = csv.writer(sys.stdout, lineterminator='\r\n')
out.writerow(rows[0])
for k in range(int(sys.argv[2])):
    for r in rows[1:]:
        out.writerow(r[:doc] + [f'{r[doc]}~{k}'] + r[doc + 1:])
PY
}

declare -A rss rows
for copies in 1 "$small" "$large"; do
  repeat "$copies" "$work/in.csv"
  /usr/bin/time -v -o "$work/time.txt" "$saidby" compare "$work/in.csv" -o "$work/out$copies" -q ||
    fail "compare of $copies copies: exit $?"
  rss[$copies]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  rows[$copies]=$(($(wc -l < "$work/in.csv") - 1))
  echo "$copies copies: $(stat -c %s "$work/in.csv") bytes, ${rows[$copies]} rows," \
    "peak RSS ${rss[$copies]} kB, $(awk -F': ' '/Elapsed/ {print $2}' "$work/time.txt") wall"
  # Every speaker's total is the copies times its total in one copy.
  if [ "$copies" != 1 ]; then
    python3 - "$work/out1/speakers.csv" "$work/out$copies/speakers.csv" "$copies" <<'PY' ||
import csv, sys
def totals(path):
    with open(path, newline='', encoding='utf-8') as f:
        return {r['speaker']: int(r['total']) for r in csv.DictReader(f)}
one, many = totals(sys.argv[1]), totals(sys.argv[2])
assert many == {s: int(sys.argv[3]) * n for s, n in one.items()}, 'totals do not scale'
PY
      fail "speakers.csv of $copies copies"
  fi
  [ "$copies" = 1 ] || rm -rf "$work/out$copies"
  rm -f "$work/in.csv"
done

python3 - "${rss[1]}" "${rss[$small]}" "${rss[$large]}" "${rows[1]}" "${rows[$small]}" \
  "${rows[$large]}" <<'PY' || fail "peak RSS grows faster than the rows"
import sys
r1, rs, rl, n1, ns, nl = map(int, sys.argv[1:])
rows_ratio = (nl - n1) / (ns - n1)
rss_ratio = (rl - r1) / max(rs - r1, 1)
print(f'added rows x{rows_ratio:.2f}, added peak RSS x{rss_ratio:.2f} '
      f'(bound {1.25 * rows_ratio:.2f}; quadratic would be about {((nl / ns) ** 2):.1f})')
assert rs > r1 and rss_ratio <= 1.25 * rows_ratio
PY
echo "compare memory: ok"
