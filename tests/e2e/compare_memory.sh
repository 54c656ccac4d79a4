#!/usr/bin/env bash
# End to end, always run: the two-size memory test of compare (tests/bench/compare_memory.sh) on
# the seed quotes repeated to 2 and 8 MB; bench.compare_memory runs it on polnear-train at 25 and
# 100 MB.
source "$(dirname "$0")/lib/common.sh"
bash "$root/tests/bench/compare_memory.sh" "$saidby" "$root" seeds 8
