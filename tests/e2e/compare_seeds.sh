#!/usr/bin/env bash
# End to end: `saidby compare` over corpus/seeds. Every outlet of sources.csv has a direct and a
# reported column (outlet C, which has no quotation marks, included); the five speakers the seeds
# share across outlets have the per-outlet direct counts that gold.csv gives, and the reported
# counts are extract's reported rows; the Graham quote two outlets share word for word is
# `verbatim`; the Stanovaya quote an outlet shortened inside the marks is `altered` with
# "unambiguous" named; Peskov's quote in outlet A and outlet C's paraphrase of it (no marks) share
# a cluster as `paraphrase`; a quote table gives the same result as the articles; and --merge of
# two halves equals one run, byte for byte.
source "$(dirname "$0")/lib/common.sh"
seeds="$root/corpus/seeds"

outputs=(speakers.csv clusters.csv quotes.csv outlets.csv report.html)

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
assert header[0] == 'speaker' and header[-3:] == ['direct', 'reported', 'total'], header
n = (len(header) - 4) // 2
sources, reported_cols = header[1:1 + n], header[1 + n:1 + 2 * n]
assert sorted(sources) == sorted(set(outlet.values())), (sources, outlet)
assert reported_cols == [s + ' reported' for s in sources], reported_cols
problems = []
for s in five:
    row = body.get(s, [s] + ['0'] * (len(header) - 1))
    got = {src: int(v) for src, v in zip(sources, row[1:1 + n]) if int(v)}
    if got != expected[s]:
        problems.append(f'{s}: expected {expected[s]}, got {got}')
for s, row in body.items():
    d, r = [int(v) for v in row[1:1 + n]], [int(v) for v in row[1 + n:1 + 2 * n]]
    assert [sum(d), sum(r), sum(d) + sum(r)] == [int(v) for v in row[-3:]], f'{s}: totals do not add up'
clusters = rows(f'{out}/clusters.csv')
# Reported counts: extract's reported rows (clusters.csv lists every row once, by canonical speaker).
counted = {}
for r in clusters:
    if r['kind'] == 'reported':
        counted[(r['speaker'], r['source'])] = counted.get((r['speaker'], r['source']), 0) + 1
for s, row in body.items():
    for src, v in zip(sources, row[1 + n:1 + 2 * n]):
        assert int(v) == counted.get((s, src), 0), f'{s} in {src}: {v} reported, clusters.csv has {counted.get((s, src), 0)}'
c = 'unknown outlet C, rewritten'
assert sum(int(row[1 + n + sources.index(c)]) for row in body.values()) > 0, 'outlet C counts no reported speech'
# Outlet C (no quotation marks) shows its four sources; outlet B shows Peskov (issue #13).
for who in ['Dmitry Peskov', 'Tatiana Stanovaya', 'Thomas Graham', 'Marco Rubio']:
    assert int(body[who][1 + sources.index(c)]) + int(body[who][1 + n + sources.index(c)]) >= 1, \
        f'outlet C does not show {who}'
b = 'unknown outlet B, rewritten'
assert int(body['Dmitry Peskov'][1 + sources.index(b)]) + \
    int(body['Dmitry Peskov'][1 + n + sources.index(b)]) >= 1, 'outlet B does not show Peskov'
# Reported at the end, so that the other checks still run when attribution is off.
with open(sys.argv[3], 'w', encoding='utf-8') as f:
    f.write(''.join(p + '\n' for p in problems))

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
peskov_quote = members('Dmitry Peskov', 'some were called unacceptable')
peskov_c = [r for r in members('Dmitry Peskov', 'accepted proposals') if r['source'] == c]
assert len(peskov_quote) == 1 and peskov_quote[0]['source'] == 'unknown outlet A', peskov_quote
assert len(peskov_c) == 1 and peskov_c[0]['kind'] == 'reported', peskov_c
assert peskov_c[0]['cluster'] == peskov_quote[0]['cluster'], (peskov_c, peskov_quote)
assert peskov_c[0]['relation'] == 'paraphrase', peskov_c
assert peskov_c[0]['compared_with'] == peskov_quote[0]['doc'] + '#' + peskov_quote[0]['quote_id'], peskov_c
assert 'accepted' in peskov_c[0]['diff'] and 'unacceptable' in peskov_c[0]['diff'], peskov_c
# A paraphrase joins its own speaker's quote only; the rest of reported speech stays unique.
for r in clusters:
    if r['relation'] == 'paraphrase':
        anchor = [a for a in clusters if a['doc'] + '#' + a['quote_id'] == r['compared_with']]
        assert anchor and anchor[0]['speaker'] == r['speaker'] and anchor[0]['cluster'] == r['cluster'], r
        assert (r['kind'] == 'reported') != (anchor[0]['kind'] == 'reported'), r
print('seeds: verbatim, altered, excerpt and paraphrase clusters found')
PY

# --direct-only: the reported columns are zeros and nothing is a paraphrase.
"$saidby" compare "$seeds" -o "$tmp/direct" -q --direct-only || fail "compare --direct-only: exit $?"
python3 - "$tmp/direct" <<'PY' || fail "--direct-only"
import csv, sys
table = list(csv.reader(open(f'{sys.argv[1]}/speakers.csv', newline='', encoding='utf-8')))
n = (len(table[0]) - 4) // 2
assert n == 5 and all(int(v) == 0 for row in table[1:] for v in row[1 + n:1 + 2 * n] + [row[-2]])
assert 'paraphrase' not in open(f'{sys.argv[1]}/clusters.csv', encoding='utf-8').read()
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

# An outlet whose articles hold no quote at all still has its columns of zeros, and keeps them
# through --merge (outlets.csv).
mkdir -p "$tmp/quiet"
printf 'The council met on Tuesday and adjourned without a vote.\n' > "$tmp/quiet/q1.txt"
printf 'doc,source\nq1,Quiet Gazette\n' > "$tmp/quiet/sources.csv"
"$saidby" compare "$seeds" "$tmp/quiet" -o "$tmp/with_quiet" -q || fail "compare with a quiet outlet: exit $?"
"$saidby" compare "$tmp/quiet" -o "$tmp/quiet_out" -q || fail "compare of a quiet outlet alone: exit $?"
head -1 "$tmp/with_quiet/speakers.csv" | grep -q ',Quiet Gazette,.*,Quiet Gazette reported,' ||
  fail "no column for an outlet without quotes: $(head -1 "$tmp/with_quiet/speakers.csv")"
"$saidby" compare --merge "$tmp/all" "$tmp/quiet_out" -o "$tmp/merged_quiet" -q || fail "merge: exit $?"
for f in "${outputs[@]}"; do
  cmp -s "$tmp/with_quiet/$f" "$tmp/merged_quiet/$f" || fail "merged $f loses the quiet outlet"
done

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
grep -q '^Usage: saidby compare' "$tmp/err3.txt" || fail "compare usage missing: $(cat "$tmp/err3.txt")"
if [ -s "$tmp/count_problems.txt" ]; then
  fail "speaker counts differ from gold (sources.csv outlets, non-scare rows):
$(sed 's/^/  /' "$tmp/count_problems.txt")"
fi
echo "compare seeds: ok"
