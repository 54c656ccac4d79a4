#!/usr/bin/env bash
# End to end: the hand-labelled precision of compare's `altered` and `conflict` rows on
# corpus/polnear-train (labels and procedure: corpus/polnear-train/relations_sample.csv and
# NOTES.md). Prints both precisions over the rows this build states; fails when labels cover
# less than 90% of them (relabel: NOTES.md) or when a precision falls below the one measured
# when the labels were made (altered 0.42, conflict 0.13; the targets of issue 14 are 0.9 and 0.8).
source "$(dirname "$0")/lib/common.sh"

"$saidby" compare "$root/corpus/polnear-train" -o "$tmp/out" -q || fail "compare: exit $?"
python3 "$root/tools/sample_relations" --precision "$root/corpus/polnear-train/relations_sample.csv" \
  "$tmp/out/clusters.csv" | tee "$tmp/precision.txt"
python3 - "$tmp/precision.txt" <<'PY' || fail "precision"
import re, sys
floor = {'altered': 0.42, 'conflict': 0.13}
for line in open(sys.argv[1]):
    m = re.match(r'(\w+): (\d+) of (\d+) labelled pairs right.*\((\d+) \w+ rows in .*, (\d+) not', line)
    relation, right, labelled, rows, unlabelled = m.group(1), *map(int, m.groups()[1:])
    assert labelled >= 0.9 * rows, f'{relation}: only {labelled} of {rows} rows labelled'
    assert right / labelled >= floor[relation], f'{relation}: precision {right / labelled:.2f}'
PY
echo ok
