#!/usr/bin/env bash
# End to end, in a real browser: report.html of `saidby compare corpus/seeds` opened in headless
# Chromium (Debian package `chromium`, installed by tools/test). The rendered DOM must hold the
# heat map (one cell per speaker and source), the clusters with their marked words, and the line
# the page's inline script writes; the page must load nothing from outside. A screenshot is kept
# as compare-report.png next to the saidby binary (the build folder) for people to look at, and
# compare-report-train.png for polnear-train (checked below for size, filter, search and sort).
source "$(dirname "$0")/lib/common.sh"

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "chromium not found: run tools/test (as root) to install it"

"$saidby" compare "$root/corpus/seeds" -o "$tmp/out" -q || fail "compare: exit $?"
report="$tmp/out/report.html"
if grep -Eq '(src|href)="|url\(|https?://' "$report"; then fail "report.html refers to outside files"; fi

# A private profile per run, so parallel test runs do not fight over Chromium's profile lock.
chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$tmp/profile" --hide-scrollbars "$@" 2> "$tmp/chromium.log"
}
chrome --dump-dom "file://$report" > "$tmp/dom.html" || fail "chromium failed: $(tail -5 "$tmp/chromium.log")"
chrome --window-size=1280,2400 --screenshot="$tmp/shot.png" "file://$report" ||
  fail "screenshot failed: $(tail -5 "$tmp/chromium.log")"
[ -s "$tmp/shot.png" ] || fail "no screenshot"
cp "$tmp/shot.png" "$(dirname "$saidby")/compare-report.png"

PYTHONPATH="$(dirname "$0")/lib" python3 - "$tmp/dom.html" "$tmp/out/speakers.csv" <<'PY'
import csv, sys
from dom import Dom

dom = Dom(open(sys.argv[1], encoding='utf-8').read())
find = dom.find

with open(sys.argv[2], newline='', encoding='utf-8') as f:
    speakers = list(csv.reader(f))
tables = [e for e in find('table') if e['attrs'].get('id') == 'heatmap']
assert len(tables) == 1, 'no heat map table'
cells = find('td', 'heat', tables[0])
# speakers.csv: speaker, one column per source, the same with " reported", direct, reported, total.
n = (len(speakers[0]) - 4) // 2
direct = [int(v) for row in speakers[1:] for v in row[1:1 + n]]
reported = [int(v) for row in speakers[1:] for v in row[1 + n:1 + 2 * n]]
assert [int(c['attrs']['data-count']) for c in cells] == direct, 'heat map cells differ from speakers.csv'
assert [int(c['attrs']['data-reported']) for c in cells] == reported, 'reported counts differ'
assert [c['text'] for c in cells] == [f'{d} (+{r})' if r else str(d) for d, r in zip(direct, reported)]
assert any(reported), 'no reported speech in the heat map'
assert all('background' in c['attrs'].get('style', '') for c in cells)
heads = [e['text'] for e in find('th', 'src', tables[0])]
assert heads == speakers[0][1:1 + n], (heads, speakers[0])

clusters = find('section', 'cluster')
assert clusters, 'no shared clusters rendered'
shown = [e for e in dom.elements if e['attrs'].get('id') == 'shown']
# Written by the page's inline script: proof that it ran in the browser.
assert shown and shown[0]['text'] == f'{len(clusters)} of {len(clusters)} shared clusters shown', shown
stanovaya = [c for c in clusters if 'Stanovaya' in c['text']]
assert stanovaya, 'no Stanovaya cluster'
dropped = [d['text'] for d in find('del', 'dropped', stanovaya[0])]
assert dropped == ['unambiguous'], dropped
marked = [m['text'] for m in find('mark', 'changed', stanovaya[0]) + find('ins', 'added', stanovaya[0])]
assert marked == ['unambiguous'], marked   # the fuller version, marked against the short one
peskov = [c for c in clusters if 'paraphrase' in c['attrs'].get('data-relations', '').split()
          and 'Peskov' in c['text']]
assert peskov, 'no Peskov paraphrase cluster'
versions = find('div', 'version', peskov[0])
assert any(v['attrs'].get('data-relation') == 'paraphrase' and 'reported speech' in v['text']
           for v in versions), 'the paraphrase is not shown beside the quote'
verbatim = [c for c in clusters if c['attrs'].get('data-relations') == 'verbatim']
assert verbatim and all(len(find('div', 'version', c)) >= 2 for c in verbatim)
assert not find('del', None, verbatim[0]) and not find('mark', None, verbatim[0])
bars = find('g', 'bar')
assert any('Peskov' in b['attrs']['data-speaker'] for b in bars), 'no chart bar for Peskov'
print(f'report: {len(cells)} heat-map cells, {len(clusters)} clusters, marked words ok')
PY

# At scale: polnear-train (842 articles). The page stays small (rows rendered are capped; the
# CSVs hold everything) and its controls work: a view in the address sets the relation boxes, the
# quote search, the speaker filter and the sort through their own events, and the DOM Chromium
# leaves must show exactly the clusters, quotes and speakers those filters select.
"$saidby" compare "$root/corpus/polnear-train" -o "$tmp/train" -q || fail "compare train: exit $?"
size=$(stat -c %s "$tmp/train/report.html")
echo "polnear-train report.html: $size bytes"
[ "$size" -lt 1500000 ] || fail "report.html is $size bytes, not under 1.5 MB"
view='#q=clinton&only=altered,conflict&speaker=clinton&sort=Politico'
chrome --dump-dom "file://$tmp/train/report.html$view" > "$tmp/train_dom.html" ||
  fail "chromium failed on polnear-train: $(tail -5 "$tmp/chromium.log")"
chrome --window-size=1280,2400 --screenshot="$tmp/train.png" "file://$tmp/train/report.html" ||
  fail "screenshot failed: $(tail -5 "$tmp/chromium.log")"
cp "$tmp/train.png" "$(dirname "$saidby")/compare-report-train.png"
PYTHONPATH="$(dirname "$0")/lib" python3 - "$tmp/train/report.html" "$tmp/train_dom.html" \
  "$tmp/train/clusters.csv" <<'PY'
import csv, sys
from dom import Dom, hidden

page = Dom(open(sys.argv[1], encoding='utf-8').read())   # as saidby wrote it
dom = Dom(open(sys.argv[2], encoding='utf-8').read())    # after the script ran the view
q = 'clinton'
with open(sys.argv[3], newline='', encoding='utf-8') as f:
    shared = {r['cluster'] for r in csv.DictReader(f) if r['relation'] not in ('unique',)}

sections = page.find('section', 'cluster')
assert 0 < len(sections) <= len(shared), (len(sections), len(shared))
want = [s['attrs']['id'] for s in sections
        if {'altered', 'conflict'} & set(s['attrs']['data-relations'].split())
        and q in s['text'].lower()]
got = [s['attrs']['id'] for s in dom.find('section', 'cluster') if not hidden(s)]
assert 0 < len(want) < len(sections), 'the filter and search select nothing or everything'
assert got == want, (got[:5], want[:5])
assert dom.by_id('shown')['text'] == f'{len(want)} of {len(sections)} shared clusters shown'

rows = page.find('tr', within=page.find('tbody', within=page.by_id('unique'))[0])
want_rows = sum(q in r['text'].lower() for r in rows)
got_rows = [r for r in dom.find('tr', within=dom.find('tbody', within=dom.by_id('unique'))[0])
            if not hidden(r)]
assert 0 < want_rows < len(rows) and len(got_rows) == want_rows, (want_rows, len(got_rows))
assert all(q in r['text'].lower() for r in got_rows)

heat = dom.by_id('heatmap')
heads = [h['text'] for h in dom.find('th', within=dom.find('thead', within=heat)[0])]
col = heads.index('Politico')
body = dom.find('tbody', within=heat)[0]
trs = dom.find('tr', within=body)
def count(tr):
    cell = dom.find('td', 'heat', tr)[col - 1]['attrs']
    return int(cell['data-count']) + int(cell['data-reported'])
counts = [count(tr) for tr in trs]
assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1], 'not sorted by Politico'
visible = [dom.find('th', 'speaker', tr)[0]['text'] for tr in trs if not hidden(tr)]
speakers = [dom.find('th', 'speaker', tr)[0]['text'] for tr in trs]
assert visible == [s for s in speakers if q in s.lower()] and visible, visible
assert dom.by_id('speakers-shown')['text'] == f'{len(visible)} of {len(trs)} speakers shown'
print(f'polnear-train: {len(want)} of {len(sections)} clusters, {want_rows} of {len(rows)} quotes, '
      f'{len(visible)} of {len(trs)} speakers after the view; sorted by Politico')
PY
echo "compare report in browser: ok"
