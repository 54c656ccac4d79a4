#!/usr/bin/env bash
# End to end, hostile rule folders (issue 18): [define] macros that double on every line, more
# than 128 distinct literal words, and a rule whose RE2 program is over the budget.
source "$(dirname "$0")/lib/common.sh"
[ -n "$root" ] || fail "usage: hostile_rules.sh SAIDBY PROJECT_DIR"

# run_capped WHAT OUT ERR ARGS...: saidby ARGS under a timeout and, unless it is built with
# ASan (whose shadow memory needs terabytes of address space), 4 GB of address space; sets
# `status` and fails on a hang or a crash.
run_capped() {
  local what=$1 out=$2 err=$3 cap=4000000
  shift 3
  if grep -q __asan_init "$saidby"; then cap=unlimited; fi
  set +e
  (ulimit -v "$cap" && exec timeout 120 "$saidby" "$@") > "$out" 2> "$err"
  status=$?
  set -e
  [ "$status" -ne 124 ] || fail "$what: hung (timeout)"
  [ "$status" -lt 128 ] || fail "$what: killed by signal $((status - 128)): $(head -3 "$err")"
}

printf '\xe2\x80\x9cYes,\xe2\x80\x9d said Anna Keller.\n' > "$tmp/a.txt"

# 1. Macros that double on every line (M30 would be 5 * 2^30 symbols): refused where they pass
#    the limit, with their size, exit 2, in rules check and extract alike; nothing expanded.
cp -r "$root/rules/en" "$tmp/doubling"
{
  printf '\n[define]\nM0 = NAME\n'
  for i in $(seq 1 30); do echo "M$i = M$((i - 1)) M$((i - 1))"; done
  printf '\n[doubled]\npriority = 1\npattern = QUOTE CUE SPEAKER(M30)\n'
  printf 'example = \xe2\x80\x9cYes,\xe2\x80\x9d said Keller.\n'
} >> "$tmp/doubling/patterns.txt"
line=$(grep -n '^M15 = ' "$tmp/doubling/patterns.txt" | cut -d: -f1)
want="$tmp/doubling/patterns.txt:$line:11: macro expands to 163836 symbols (limit 100000)"
run_capped "doubling macros: rules check" "$tmp/out1" "$tmp/err1" rules check "$tmp/doubling"
[ "$status" -eq 2 ] || fail "doubling macros: rules check exit $status, expected 2: $(head -3 "$tmp/err1")"
grep -qF "$want" "$tmp/err1" || fail "doubling macros: rules check: $(head -3 "$tmp/err1")"
run_capped "doubling macros: extract" "$tmp/out1" "$tmp/err1" extract --rules "$tmp/doubling" "$tmp/a.txt"
[ "$status" -eq 2 ] || fail "doubling macros: extract exit $status, expected 2: $(head -3 "$tmp/err1")"
grep -qF "$want" "$tmp/err1" || fail "doubling macros: extract: $(head -3 "$tmp/err1")"

# 2. 200 more literal words (sorting before the shipped ones) in a rule that never fires: the
#    shipped rules extract the same rows from the dev corpus, and the new literals are literals.
cp -r "$root/rules/en" "$tmp/literals"
{
  printf '\n[define]\nMANY = "zzz"'
  for i in $(seq -w 0 199); do printf ' | "aaa%s"' "$i"; done
  printf '\n\n[many-literals]\npriority = 1000\npattern = QUOTE MANY SPEAKER(NAME)\n'
  printf 'example = \xe2\x80\x9cYes,\xe2\x80\x9d zzz Keller.\n'
} >> "$tmp/literals/patterns.txt"
run_capped "literals: rules check" "$tmp/out2" "$tmp/err2" rules check "$tmp/literals"
[ "$status" -eq 0 ] || fail "literals: rules check exit $status: $(head -3 "$tmp/err2")"
"$saidby" extract -q "$root/corpus/polnear-dev" > "$tmp/shipped.csv"
"$saidby" extract -q --rules "$tmp/literals" "$root/corpus/polnear-dev" > "$tmp/literals.csv"
cmp -s "$tmp/shipped.csv" "$tmp/literals.csv" ||
  fail "literals: the dev corpus rows changed: $(diff "$tmp/shipped.csv" "$tmp/literals.csv" | head -4)"
printf '\xe2\x80\x9cYes,\xe2\x80\x9d zzz Keller.\n\n\xe2\x80\x9cNo,\xe2\x80\x9d bbb Keller.\n' > "$tmp/zzz.txt"
"$saidby" extract -q --rules "$tmp/literals" "$tmp/zzz.txt" > "$tmp/zzz.csv"
[ "$(grep -c 'many-literals' "$tmp/zzz.csv")" -eq 1 ] ||
  fail "literals: \"zzz\" is not a literal of its own: $(cat "$tmp/zzz.csv")"

# 3. RE2 program sizes: rules check lists each rule's, and warns (exit 0) over the budget.
run_capped "program size: shipped" "$tmp/out3" "$tmp/err3" rules check "$root/rules/en"
[ "$status" -eq 0 ] && [ ! -s "$tmp/err3" ] || fail "program size: shipped rules: exit $status: $(cat "$tmp/err3")"
grep -q '^RE2 program size of each rule (budget 10000):$' "$tmp/out3" || fail "program size: no heading: $(cat "$tmp/out3")"
rules=$(grep -c '^\[' "$root/rules/en/patterns.txt")
defines=$(grep -c '^\[define\]' "$root/rules/en/patterns.txt")
[ "$(grep -cE '^  [a-z0-9._-]+ [0-9]+$' "$tmp/out3")" -eq $((rules - defines)) ] ||
  fail "program size: not one line per rule: $(cat "$tmp/out3")"
cp -r "$root/rules/en" "$tmp/big"
{
  printf '\n[big]\npriority = 1\npattern = QUOTE CUE SPEAKER(NAME (WORD{0,30} NAME){0,30} | '
  printf 'TITLE (WORD{0,30} TITLE){0,30} | DET (WORD{0,30} DET){0,30} | PRONOUN (WORD{0,30} PRONOUN){0,30})\n'
  printf 'example = \xe2\x80\x9cYes,\xe2\x80\x9d said Keller.\n'
} >> "$tmp/big/patterns.txt"
line=$(grep -n '^\[big\]' "$tmp/big/patterns.txt" | cut -d: -f1)
run_capped "program size: big" "$tmp/out3" "$tmp/err3" rules check "$tmp/big"
[ "$status" -eq 0 ] || fail "program size: big rule: exit $status: $(cat "$tmp/err3")"
grep -qE "^saidby: warning: $tmp/big/patterns.txt:$line:1: rule 'big' compiles to [0-9]+ RE2 instructions \(budget 10000\)" "$tmp/err3" ||
  fail "program size: no warning: $(cat "$tmp/err3")"
grep -qE '^  big [0-9]+$' "$tmp/out3" || fail "program size: big rule not listed"
echo "hostile rules: ok"
