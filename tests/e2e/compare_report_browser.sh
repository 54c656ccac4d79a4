#!/usr/bin/env bash
# End to end, in a real browser: report.html of `saidby compare corpus/seeds` opened in headless
# Chromium (Debian package `chromium`, installed by tools/test). The rendered DOM must hold the
# heat map (one cell per speaker and source), the clusters with their marked words, and the line
# the page's inline script writes; the page must load nothing from outside. A screenshot is kept
# as compare-report.png next to the saidby binary (the build folder) for people to look at.
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

python3 - "$tmp/dom.html" "$tmp/out/speakers.csv" <<'PY'
import csv, sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    """Just enough of the DOM: elements with their attributes, ancestry and text."""
    def __init__(self):
        super().__init__()
        self.stack, self.elements = [], []
    def handle_starttag(self, tag, attrs):
        el = {'tag': tag, 'attrs': dict(attrs), 'text': '', 'parents': list(self.stack)}
        self.elements.append(el)
        if tag not in ('meta', 'input', 'br'):
            self.stack.append(el)
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()['tag'] == tag:
                break
    def handle_data(self, data):
        for el in self.stack:
            el['text'] += data

dom = Dom()
dom.feed(open(sys.argv[1], encoding='utf-8').read())
def find(tag, cls=None, within=None):
    return [e for e in dom.elements if e['tag'] == tag
            and (cls is None or cls in e['attrs'].get('class', '').split())
            and (within is None or any(p is within for p in e['parents']))]

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
print(f'report: {len(cells)} heat-map cells, {len(clusters)} clusters, marked words ok')
PY
echo "compare report in browser: ok"
