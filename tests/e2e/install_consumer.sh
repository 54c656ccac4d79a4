#!/usr/bin/env bash
# End to end: `cmake --install` into a temporary prefix gives a working tool and library. The
# installed saidby reports the project version and finds its installed rules; its man page
# (help2man, from the CLI's own help) opens with man and lists the flags; a tiny project
# (tests/consumer) finds the package with find_package(saidby), links saidby::engine and
# extracts a quote with the installed rules. tests/CMakeLists.txt passes the build folder and,
# for a sanitizer build, the flags the consumer must share (CXXFLAGS, LDFLAGS).
source "$(dirname "$0")/lib/common.sh"
build=${SAIDBY_BUILD_DIR:?SAIDBY_BUILD_DIR: the build folder to install}
prefix="$tmp/prefix"

cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" 2>&1 \
  || fail "cmake --install failed: $(tail -5 "$tmp/install.log")"

version=$(sed -n 's/^project(saidby VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ -n "$version" ] || fail "no project version in CMakeLists.txt"
out=$("$prefix/bin/saidby" --version) || fail "saidby --version failed"
[ "$out" = "saidby $version" ] || fail "--version: '$out', expected 'saidby $version'"

printf '“We will hold the line,” said Anna Keller, the harbour master.\n' > "$tmp/a.txt"
"$prefix/bin/saidby" extract "$tmp/a.txt" > "$tmp/out.csv" || fail "installed saidby extract failed"
grep -q ',a,1,.*,full,Anna Keller,' "$tmp/out.csv" || fail "installed extract: $(cat "$tmp/out.csv")"

manpage="$prefix/share/man/man1/saidby.1"
[ -f "$manpage" ] || fail "no man page at $manpage (help2man missing at build time?)"
command -v man > /dev/null || fail "man not found (Debian man-db; tools/test installs it)"
MANPATH="$prefix/share/man" MANWIDTH=100 LC_ALL=C.UTF-8 man -P cat saidby > "$tmp/man.txt" 2> "$tmp/man.err" \
  || fail "man saidby failed: $(cat "$tmp/man.err")"
for want in "saidby $version" "extract" "compare" "--max-doc-bytes" "--quiet" "--offsets" "--gold"; do
  grep -q -F -- "$want" "$tmp/man.txt" || fail "man page lacks '$want': $(head -20 "$tmp/man.txt")"
done
man -l -P cat "$manpage" > /dev/null 2>&1 || fail "man -l $manpage failed"

cmake -S "$root/tests/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$tmp/configure.log" 2>&1 \
  || fail "consumer configure failed: $(tail -20 "$tmp/configure.log")"
cmake --build "$tmp/consumer" > "$tmp/build.log" 2>&1 \
  || fail "consumer build failed: $(tail -20 "$tmp/build.log")"
text='The plan is dead. “We will not sign this,” said Anna Keller on Monday.'
"$tmp/consumer/consumer" "$text" > "$tmp/consumer.txt" || fail "consumer failed"
printf 'Anna Keller\tWe will not sign this,\t%s\t%s\nsaidby %s\n' \
  "$(printf '%s' 'The plan is dead. “' | wc -c)" \
  "$(printf '%s' 'The plan is dead. “We will not sign this,' | wc -c)" "$version" > "$tmp/want.txt"
diff "$tmp/want.txt" "$tmp/consumer.txt" > "$tmp/diff.txt" || fail "consumer output: $(cat "$tmp/diff.txt")"
echo "install consumer: ok"
