#!/usr/bin/env bash
# Benchmark-labelled test (tools/test leaves it out): a 1 GB JSON Lines batch, generated on
# the fly from the corpus articles and streamed into `saidby extract -`, must run in under
# 64 MB peak RSS: memory is bounded by the documents in flight, not by the batch.
# Usage: memory_bound.sh SAIDBY ROOT [MB]   (MB of input, default 1000)
set -euo pipefail
saidby=$1
root=$2
mb=${3:-1000}
limit_kb=$((64 * 1024))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The generator streams; nothing the size of the batch is ever stored.
python3 - "$root/corpus" "$mb" <<'PY' \
  | /usr/bin/time -v -o "$tmp/time.txt" "$saidby" extract -q --format jsonl - \
  | wc -c > "$tmp/out_bytes"
import itertools, json, os, sys
corpus, mb = sys.argv[1], float(sys.argv[2])
texts = []
for c in sorted(os.listdir(corpus)):
    d = os.path.join(corpus, c)
    if os.path.isdir(d):
        for f in sorted(os.listdir(d)):
            if f.endswith('.txt'):
                texts.append((f[:-4], open(os.path.join(d, f), encoding='utf-8').read()))
limit, n, out = int(mb * 1e6), 0, sys.stdout
for i in itertools.count():
    doc, text = texts[i % len(texts)]
    line = json.dumps({'id': f'{doc}~{i}', 'source': 'bench', 'text': text}, ensure_ascii=False) + '\n'
    out.write(line)
    n += len(line.encode('utf-8'))
    if n >= limit:
        break
PY
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time.txt")
status=$(sed -n 's/.*Exit status: //p' "$tmp/time.txt")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time.txt")
echo "memory bound: ${mb} MB streamed in $wall, peak RSS $((rss_kb / 1024)) MB, exit $status, $(cat "$tmp/out_bytes") output bytes"
[ "$status" -eq 0 ] || { echo "FAIL: saidby exited $status" >&2; exit 1; }
[ "$(cat "$tmp/out_bytes")" -gt 0 ] || { echo "FAIL: no output" >&2; exit 1; }
[ "$rss_kb" -lt "$limit_kb" ] || { echo "FAIL: peak RSS ${rss_kb} kB is not under ${limit_kb} kB" >&2; exit 1; }
