#!/usr/bin/env bash
# End to end, issue 16 (inputs and offsets): a .jsonl path, HTML with entities, UTF-16 and
# Latin-1 files, an upper-case .TXT, a folder with nothing readable; the mention and cue
# offsets, in bytes and in characters, checked against the text by Python's own slicing.
source "$(dirname "$0")/lib/common.sh"
py=/usr/bin/python3
# run NAME ARGS...: saidby ARGS, stdout to $tmp/NAME.out, stderr to $tmp/NAME.err, exit in $status.
run() {
  local name=$1
  shift
  set +e
  timeout 60 "$saidby" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
  status=$?
  set -e
}

mkdir -p "$tmp/in/sub" "$tmp/empty/notes"
# A folder of every kind: an upper-case .TXT, HTML with entities, UTF-16 with its byte order
# mark, Latin-1, JSON Lines (.ndjson), and files that are no article (counted, named once).
printf '\xe2\x80\x9cThe port will reopen on Monday,\xe2\x80\x9d said Zo\xc3\xab Martin, the harbour master.\n' > "$tmp/in/UPPER.TXT"
cat > "$tmp/in/page.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Strike</title><script>var q = "&ldquo;not a quote&rdquo; said Nobody";</script></head>
<body><nav><a href="/">Home</a></nav><header>The Daily Harbour</header>
<article><h1>Dock&nbsp;strike ends</h1>
<p>&ldquo;We have a deal that our members can live with,&rdquo; said Anna Keller, the union&rsquo;s
   leader, on Tuesday.</p>
<p>Talks had run for three weeks.</p></article>
<footer>&copy; 2026 &ldquo;Footer&rdquo; said Nobody</footer></body></html>
HTML
$py - "$tmp/in/sub/wide.txt" "$tmp/in/latin.txt" <<'PY'
import sys
text16 = "\u201cWe will not sign this agreement,\u201d said Bo Berg, who leads the dockers in G\u00f6teborg.\n"
open(sys.argv[1], 'wb').write(text16.encode('utf-16'))  # with its byte order mark
latin = 'Caf\u00e9 owner Jos\u00e9 \u00c1lvarez said: "We will stay open all winter, whatever the council decides."\n'
open(sys.argv[2], 'wb').write(latin.encode('latin-1'))
PY
printf '%s\n' '{"id":"j1","source":"Wire","text":"\u201cPrices will fall,\u201d said Dmitry Peskov."}' \
  '{"id":"j2","source":"Wire","text":"\u201cNot yet,\u201d Keller told reporters."}' > "$tmp/in/feed.ndjson"
printf '# notes\n' > "$tmp/in/readme.md"
printf 'x' > "$tmp/in/logo.png"

run folder extract "$tmp/in"
[ "$status" -eq 0 ] || fail "folder: exit $status: $(cat "$tmp/folder.err")"
grep -q "2 files in the folders given skipped: not .txt, .html, .htm, .jsonl or .ndjson (one is $tmp/in/logo.png)" "$tmp/folder.err" \
  || fail "folder: skipped files not reported once: $(cat "$tmp/folder.err")"
[ "$(grep -v '^saidby: info:' "$tmp/folder.err" | grep -c 'skipped')" -eq 1 ] || fail "folder: skipped files reported more than once"
grep -q "$tmp/in/latin.txt: invalid UTF-8 at byte 3: read as ISO-8859-1 (ICU's guess" "$tmp/folder.err" \
  || fail "folder: Latin-1 guess not named: $(cat "$tmp/folder.err")"
head -n 1 "$tmp/folder.out" | tr -d '\r' | grep -qx 'source,doc,quote_id,start,end,kind,speaker,mention,cue,rule,confidence,quote,pass,mention_start,mention_end,cue_start,cue_end' \
  || fail "folder: header: $(head -n 1 "$tmp/folder.out")"
$py - "$tmp/folder.out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
got = {(r['doc'], r['speaker'], r['quote']) for r in rows if r['kind'] != 'reported'}
want = {
    ('UPPER', 'Zoë Martin', 'The port will reopen on Monday,'),
    ('page', 'Anna Keller', 'We have a deal that our members can live with,'),
    ('sub/wide', 'Bo Berg', 'We will not sign this agreement,'),
    ('latin', 'José Álvarez', 'We will stay open all winter, whatever the council decides.'),
    ('j1', 'Dmitry Peskov', 'Prices will fall,'),
    ('j2', 'Keller', 'Not yet,'),
}
assert want <= got, (want - got, got)
assert not any('Nobody' in r['speaker'] or 'not a quote' in r['quote'] or 'Footer' in r['quote'] for r in rows), rows
# Rows in path order: feed.ndjson, latin, page, sub/wide, UPPER (byte order: upper case first).
order = [r['doc'] for r in rows]
assert order.index('UPPER') < order.index('j1') < order.index('latin') < order.index('page') < order.index('sub/wide'), order
PY

# The same files named one by one: a .jsonl path is read as JSON Lines, like stdin, and its
# bad line is reported by file and line.
cp "$tmp/in/feed.ndjson" "$tmp/feed.jsonl"
printf 'not json\n' >> "$tmp/feed.jsonl"
run jsonl extract --format jsonl "$tmp/feed.jsonl"
[ "$status" -eq 1 ] || fail "jsonl path: exit $status, expected 1 (one bad line): $(cat "$tmp/jsonl.err")"
grep -q "$tmp/feed.jsonl:3: not valid JSON" "$tmp/jsonl.err" || fail "jsonl path: bad line not named: $(cat "$tmp/jsonl.err")"
$py - "$tmp/jsonl.out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert [(r['doc'], r['source'], r['speaker']) for r in rows] == [('j1', 'Wire', 'Dmitry Peskov'), ('j2', 'Wire', 'Keller')], rows
PY

# HTML offsets index the text extracted, which --with-text carries; chars and bytes agree with
# Python's slicing of that text (str) and of its UTF-8 (bytes), for the quote, mention and cue.
for unit in bytes chars; do
  run "html_$unit" extract --format jsonl --with-text --offsets "$unit" "$tmp/in/page.html" "$tmp/in/UPPER.TXT" "$tmp/in/sub/wide.txt" "$tmp/in/latin.txt"
  [ "$status" -eq 0 ] || fail "with-text $unit: exit $status: $(cat "$tmp/html_$unit.err")"
  $py - "$tmp/html_$unit.out" "$unit" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
unit = sys.argv[2]
assert len({r['doc'] for r in rows}) == 4, rows
page = [r for r in rows if r['doc'] == 'page'][0]
assert page['text'].startswith('Dock\u00a0strike ends\n\n\u201cWe have a deal'), page['text'][:60]
assert 'Home' not in page['text'] and 'Daily Harbour' not in page['text'] and '2026' not in page['text']
cut = (lambda t, a, b: t[a:b]) if unit == 'chars' else (lambda t, a, b: t.encode('utf-8')[a:b].decode('utf-8'))
checked = 0
for r in rows:
    assert cut(r['text'], r['start'], r['end']) == r['quote'], r
    for f in ('mention', 'cue'):
        if r[f]:
            assert cut(r['text'], r[f + '_start'], r[f + '_end']) == r[f], (f, r)
            checked += 1
        else:
            assert r[f + '_start'] is None and r[f + '_end'] is None, r
assert checked >= 8, checked
PY
done

# Character offsets against the files themselves, decoded as Python decodes them: the UTF-16
# file (byte order mark dropped), Latin-1, and UTF-8 with a two-byte letter before the mention.
run chars extract --offsets chars "$tmp/in/UPPER.TXT" "$tmp/in/sub/wide.txt" "$tmp/in/latin.txt"
[ "$status" -eq 0 ] || fail "chars: exit $status: $(cat "$tmp/chars.err")"
$py - "$tmp/chars.out" "$tmp/in" <<'PY'
import csv, sys, os
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
files = {'UPPER': ('UPPER.TXT', 'utf-8'), 'wide': ('sub/wide.txt', 'utf-16'), 'latin': ('latin.txt', 'latin-1')}
seen = set()
for r in rows:
    name, encoding = files[r['doc']]
    text = open(os.path.join(sys.argv[2], name), encoding=encoding, newline='').read()
    assert text[int(r['start']):int(r['end'])] == r['quote'], r
    assert text[int(r['mention_start']):int(r['mention_end'])] == r['mention'], r
    if r['cue']:
        assert text[int(r['cue_start']):int(r['cue_end'])] == r['cue'], r
    seen.add(r['doc'])
assert seen == set(files), seen
upper = [r for r in rows if r['doc'] == 'UPPER'][0]
assert (upper['mention'], upper['cue'], upper['mention_start']) == ('Zoë Martin', 'said', '39'), upper
# "“" is 3 bytes but one character: the quote starts at character 1.
assert upper['start'] == '1', upper
PY

# Byte offsets (the default) of the mention and cue, on UTF-8 input: the file's own bytes. A
# quote without a cue or speaker has empty fields.
printf '\xe2\x80\x9cYes,\xe2\x80\x9d said Anna Keller.\n\nNobody knew what \xe2\x80\x9cthe plan\xe2\x80\x9d meant.\n\n\xe2\x80\x9cWe will see.\xe2\x80\x9d\n' > "$tmp/bytes.txt"
run bytes extract --keep-scare "$tmp/bytes.txt"
[ "$status" -eq 0 ] || fail "bytes: exit $status: $(cat "$tmp/bytes.err")"
$py - "$tmp/bytes.out" "$tmp/bytes.txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
data = open(sys.argv[2], 'rb').read()
first = rows[0]
assert (first['mention'], first['cue']) == ('Anna Keller', 'said'), first
for r in rows:
    assert data[int(r['start']):int(r['end'])].decode() == r['quote'], r
    for f in ('mention', 'cue'):
        if r[f]:
            assert data[int(r[f + '_start']):int(r[f + '_end'])].decode() == r[f], (f, r)
        else:
            assert r[f + '_start'] == '' and r[f + '_end'] == '', r
assert any(not r['mention'] for r in rows), rows  # the scare quote or the unattributed one
PY

# --encoding overrides the guess; an unknown name, or --with-text without JSON Lines, is a
# usage error.
run enc extract --encoding windows-1252 "$tmp/in/latin.txt"
[ "$status" -eq 0 ] || fail "--encoding: exit $status: $(cat "$tmp/enc.err")"
if grep -q "ICU's guess" "$tmp/enc.err"; then fail "--encoding: still guessed"; fi
grep -q 'José Álvarez' "$tmp/enc.out" || fail "--encoding: $(cat "$tmp/enc.out")"
run enc_bad extract --encoding no-such-charset "$tmp/in/latin.txt"
[ "$status" -eq 2 ] && grep -q -- '--encoding no-such-charset: no such encoding' "$tmp/enc_bad.err" || fail "bad --encoding: exit $status: $(cat "$tmp/enc_bad.err")"
run text_csv extract --with-text "$tmp/in/latin.txt"
[ "$status" -eq 2 ] && grep -q -- '--with-text needs --format jsonl' "$tmp/text_csv.err" || fail "--with-text with CSV: exit $status"

# A folder with nothing readable: exit 2 with a message (and the files it skipped), no rows.
printf '# draft\n' > "$tmp/empty/notes/a.md"
printf '%%PDF-1.4' > "$tmp/empty/b.pdf"
run empty extract "$tmp/empty" -o "$tmp/empty.csv"
[ "$status" -eq 2 ] || fail "empty input: exit $status, expected 2"
grep -q 'nothing to read: no article among the paths given' "$tmp/empty.err" || fail "empty input: $(cat "$tmp/empty.err")"
grep -q '2 files in the folders given skipped' "$tmp/empty.err" || fail "empty input: skipped files not said"
[ ! -e "$tmp/empty.csv" ] || fail "empty input: an output file was made"
echo "inputs and offsets: ok"
