#!/usr/bin/env bash
# End to end: `saidby compare` over corpus/seeds. The five speakers the seeds share across
# outlets must have the per-outlet counts that gold.csv gives (direct speech rows, outlet from
# sources.csv); the Graham quote two outlets share word for word is `verbatim`; the Stanovaya
# quote an outlet shortened inside the marks is `altered` with "unambiguous" named; a quote table
# gives the same result as the articles; and --merge of two halves equals one run, byte for byte.
source "$(dirname "$0")/lib/common.sh"
seeds="$root/corpus/seeds"

outputs=(speakers.csv clusters.csv quotes.csv report.html)

"$saidby" compare "$seeds" -o "$tmp/all" -q || fail "compare over the seeds: exit $?"
for f in "${outputs[@]}"; do [ -s "$tmp/all/$f" ] || fail "$f missing"; done

python3 - "$tmp/all" "$seeds" "$tmp/count_problems.txt" <<'PY'
import csv, sys
out, seeds = sys.argv[1], sys.argv[2]
def rows(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))
outlet = {r['doc']: r['source'] for r in rows(f'{seeds}/sources.csv')}
five = ['Yuri Ushakov', 'Marco Rubio', 'Dmitry Peskov', 'Thomas Graham', 'Tatiana Stanovaya']
expected = {s: {} for s in five}
for g in rows(f'{seeds}/gold.csv'):
    # Direct quotes: saidby compare compares quotations, not reported speech.
    if g['kind'] not in ('scare', 'reported') and g['speaker'] in expected:
        o = outlet[g['doc']]
        expected[g['speaker']][o] = expected[g['speaker']].get(o, 0) + 1
with open(f'{out}/speakers.csv', newline='', encoding='utf-8') as f:
    table = list(csv.reader(f))
header, body = table[0], {r[0]: r for r in table[1:]}
assert header[0] == 'speaker' and header[-1] == 'total', header
sources = header[1:-1]
problems = []
for s in five:
    got = {src: int(n) for src, n in zip(sources, body.get(s, [s] + ['0'] * len(sources))[1:-1]) if int(n)}
    if got != expected[s]:
        problems.append(f'{s}: expected {expected[s]}, got {got}')
    if s in body and int(body[s][-1]) != sum(int(n) for n in body[s][1:-1]):
        problems.append(f'{s}: total is not the sum of its row')
# Reported at the end, so that the other checks still run when attribution is off.
with open(sys.argv[3], 'w', encoding='utf-8') as f:
    f.write(''.join(p + '\n' for p in problems))

clusters = rows(f'{out}/clusters.csv')
def members(speaker, words):
    return [r for r in clusters if r['speaker'] == speaker and words in r['quote']]
graham = members('Thomas Graham', 'Witkoff coming to Moscow')
assert len({r['source'] for r in graham}) == 2, graham
assert {r['relation'] for r in graham} == {'verbatim'} and len({r['cluster'] for r in graham}) == 1, graham
stanovaya = members('Tatiana Stanovaya', 'presentation of Russia')
assert len({r['cluster'] for r in stanovaya}) == 1 and len(stanovaya) == 2, stanovaya
assert {r['relation'] for r in stanovaya} == {'altered'}, stanovaya
short = [r for r in stanovaya if r['quote'].startswith('deliberate presentation')]
assert short and short[0]['diff'] == '[-unambiguous-]', stanovaya
rubio = members('Marco Rubio', 'Putin can end this war')
assert len({r['cluster'] for r in rubio}) == 1 and {r['relation'] for r in rubio} == {'excerpt'}, rubio
print('seeds: verbatim, altered and excerpt clusters found')
PY

# A quote table from extract gives the same bytes as the articles it came from.
"$saidby" extract "$seeds" -o "$tmp/quotes.csv" -q
"$saidby" compare "$tmp/quotes.csv" -o "$tmp/from_table" -q || fail "compare of a quote table: exit $?"
for f in "${outputs[@]}"; do cmp -s "$tmp/all/$f" "$tmp/from_table/$f" || fail "$f differs when read from a quote table"; done

# --merge of two halves equals one run over all, byte for byte. 000 and 001 share quotes and go
# to different halves, so the clusters can only come out right if merge recomputes them.
mkdir -p "$tmp/half1" "$tmp/half2"
for d in 000 002 004; do cp "$seeds"/${d}_*.txt "$tmp/half1/"; done
for d in 001 003; do cp "$seeds"/${d}_*.txt "$tmp/half2/"; done
cp "$seeds/sources.csv" "$tmp/half1/"
cp "$seeds/sources.csv" "$tmp/half2/"
"$saidby" compare "$tmp/half1" -o "$tmp/out1" -q
"$saidby" compare "$tmp/half2" -o "$tmp/out2" -q
"$saidby" compare --merge "$tmp/out1" "$tmp/out2" -o "$tmp/merged" -q || fail "merge: exit $?"
"$saidby" compare --merge "$tmp/out2" "$tmp/out1" -o "$tmp/merged_rev" -q
for f in "${outputs[@]}"; do
  cmp -s "$tmp/all/$f" "$tmp/merged/$f" || fail "merged $f differs from one run over all"
  cmp -s "$tmp/all/$f" "$tmp/merged_rev/$f" || fail "merged $f depends on the order of the halves"
done
# Merging the same output twice changes nothing (a row is kept once).
"$saidby" compare --merge "$tmp/all" "$tmp/out1" -o "$tmp/merged_dup" -q
cmp -s "$tmp/all/clusters.csv" "$tmp/merged_dup/clusters.csv" || fail "overlapping merge differs"

# Errors: a malformed table is reported by file:line and skipped (exit 1); --merge of a folder
# that is no compare output is reported; a usage error exits 2 and shows compare's usage.
printf 'source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote\nA,a,zz,0,1,full,X,,,,1,q\n' > "$tmp/bad.csv"
set +e
"$saidby" compare "$tmp/bad.csv" "$tmp/quotes.csv" -o "$tmp/bad_out" 2> "$tmp/err.txt"
status=$?
set -e
[ "$status" -eq 1 ] || fail "malformed table: exit $status, expected 1"
grep -q "$tmp/bad.csv:2: quote_id 'zz' is not a whole number" "$tmp/err.txt" || fail "bad table not reported: $(cat "$tmp/err.txt")"
cmp -s "$tmp/all/clusters.csv" "$tmp/bad_out/clusters.csv" || fail "the good table was not compared"
set +e
"$saidby" compare --merge "$tmp/half1" -o "$tmp/bad_merge" 2> "$tmp/err2.txt"
status=$?
"$saidby" compare --frobnicate 2> "$tmp/err3.txt"
status3=$?
set -e
[ "$status" -eq 1 ] || fail "merge of a non-output folder: exit $status, expected 1"
grep -q "quotes.csv: cannot read file" "$tmp/err2.txt" || fail "merge error: $(cat "$tmp/err2.txt")"
[ "$status3" -eq 2 ] || fail "usage error: exit $status3, expected 2"
grep -q 'saidby compare \[QUOTES.csv' "$tmp/err3.txt" || fail "compare usage missing: $(cat "$tmp/err3.txt")"
if [ -s "$tmp/count_problems.txt" ]; then
  fail "speaker counts differ from gold (sources.csv outlets, non-scare rows):
$(sed 's/^/  /' "$tmp/count_problems.txt")"
fi
echo "compare seeds: ok"
