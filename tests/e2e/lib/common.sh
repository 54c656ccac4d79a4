# Sourced by every tests/e2e/*.sh: the arguments ctest passes (the saidby binary, then the source
# tree), a scratch folder removed on exit, and fail() for a check that does not hold.
set -euo pipefail
saidby=$1
root=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
