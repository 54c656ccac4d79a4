#!/usr/bin/env bash
# End to end: the help is generated from the option table (CLI11), so it lists every flag; the
# README's command summary must name each one too (by its long form, or its short form: `-o`),
# so that the README cannot fall behind a new flag. Each command's help lists --max-doc-bytes
# and --quiet where the command reads articles in batches.
source "$(dirname "$0")/lib/common.sh"

"$saidby" --help-all > "$tmp/help.txt" || fail "--help-all failed"
grep -oE '^ +(-[a-zA-Z],)?--[a-z][a-z0-9-]*' "$tmp/help.txt" | tr -d ' ' | sort -u > "$tmp/flags.txt"
[ "$(wc -l < "$tmp/flags.txt")" -gt 20 ] || fail "too few flags in --help-all: $(cat "$tmp/flags.txt")"
while IFS= read -r spec; do
  long=${spec#*,}
  short=${spec%%,*}
  grep -q -E -- "${long}([^a-z-]|$)" "$root/README.md" && continue
  [ "$short" != "$spec" ] && grep -q -E -- "\[${short} " "$root/README.md" && continue
  fail "README.md does not name $spec (saidby --help-all lists it)"
done < "$tmp/flags.txt"

for cmd in extract compare eval diff; do
  "$saidby" "$cmd" --help > "$tmp/$cmd.txt" || fail "$cmd --help failed"
  grep -q -- '--max-doc-bytes' "$tmp/$cmd.txt" || fail "$cmd --help lacks --max-doc-bytes"
  grep -q -- '-q,--quiet' "$tmp/$cmd.txt" || fail "$cmd --help lacks --quiet"
done
echo "help and README: ok"
