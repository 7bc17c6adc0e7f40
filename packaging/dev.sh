#!/usr/bin/env bash
# The two commands of the README, for a fresh machine that has only python3:
#   bash packaging/dev.sh demo   set up, then run the till against a local demo server with demo data
#   bash packaging/dev.sh test   set up, then run the linter and the whole test suite (headless)
# Both create (or reuse) a virtual environment in .venv and install the project into it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${POS_VENV:-.venv}"

setup() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    if ! python3 -m venv "$VENV"; then
      echo "dev.sh: 'python3 -m venv' failed. On Debian or Ubuntu: apt-get install python3-venv" >&2
      exit 1
    fi
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".${extras}"
  # The screen's translations: compiled from the Qt Linguist sources (the .qm files are not kept in git).
  for ts in resources/translations/*.ts; do
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  done
}

case "${1:-}" in
  demo)
    shift
    setup "[till,server]"  # the demo runs its own central server
    exec "$VENV/bin/pos-app" --demo "$@"
    ;;
  test)
    shift
    setup "[till,server,test]"
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    "$VENV/bin/ruff" check pos_app sync tests packaging
    "$VENV/bin/lint-imports"  # the house's layers (.importlinter)
    "$VENV/bin/mypy"  # the types ([tool.mypy] in pyproject.toml: strict on rules, protocol, domain, store)
    # The tests' files (tills' and servers' SQLite files, builds) in memory where the machine has
    # a tmpfs: the same SQLite, but a commit's fsync costs ~0.04 ms there, ~1 ms on this disk.
    # POS_TEST_TMP chooses another place; a folder of this run's own, removed after it.
    TEST_TMP="${POS_TEST_TMP:-/dev/shm}"
    [ -d "$TEST_TMP" ] && [ -w "$TEST_TMP" ] || TEST_TMP="${TMPDIR:-/tmp}"
    BASETEMP="$(mktemp -d "$TEST_TMP/pos-tests.XXXXXX")"
    trap 'rm -rf "$BASETEMP"' EXIT
    # One worker per core (POS_TEST_WORKERS; 0 runs in this process); worksteal keeps both busy
    # while one of them is in a long test (the fault schedules, the packaging build).
    "$VENV/bin/pytest" -n "${POS_TEST_WORKERS:-2}" --dist worksteal --basetemp "$BASETEMP" "$@"
    ;;
  *)
    echo "usage: bash packaging/dev.sh demo [pos-app options] | test [pytest options]" >&2
    exit 2
    ;;
esac
