#!/usr/bin/env bash
# One entry point for people and CI. Every command sets up what it needs first, so on a fresh
# Debian machine with Python 3.11 a single command is enough:
#
#   ./dev.sh serve    set up, then serve the site with live reload on http://127.0.0.1:8000/
#   ./dev.sh build    set up, then build the site (with its search index) into site/
#   ./dev.sh test     set up (including Debian's Chromium for browser tests), then lint and run every test
#   ./dev.sh test --fast   the edit loop's tier: lint and the tests that build no site and start no browser
#   ./dev.sh bench    set up, then measure speed and size (figures go in PERFORMANCE.md)
#   ./dev.sh relevance     set up, then run the search's relevance set in Chromium (recall@5, ranks, timings)
#   ./dev.sh setup    only set up (.venv and node_modules with pinned dependencies)
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
export NO_MKDOCS_2_WARNING=1  # Material prints an end-of-life banner on every run otherwise
# Python keeps the bytecode of what it imports (in __pycache__, ignored by git) for every later process. Where
# the environment says not to (PYTHONDONTWRITEBYTECODE, set on our CI machines), each of the suite's Python
# processes (site builds, command-line runs, pytest's workers) compiled MkDocs, Jinja and the core from source
# again: about 25 CPU-s of the whole suite's run.
unset PYTHONDONTWRITEBYTECODE
PY=${PYTHON:-python3}

need_python() {
  if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "dev.sh: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1 || echo none))." >&2
    echo "        On Debian: apt-get install python3 python3-venv" >&2
    exit 2
  fi
}

setup_python() {
  need_python
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.requirements.sha256"
  local want
  want=$(cat requirements.txt requirements-dev.txt pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    # --no-compile: Python compiles a module when it is first imported; compiling every installed file up
    # front was a third of a fresh setup (33 s → 25 s on the 2-core machine)
    "$VENV/bin/python" -m pip install --quiet --no-compile -r requirements-dev.txt
    echo "$want" > "$stamp"
  fi
}

apt_install() {
  # A Debian package the setup needs ($1), installed as root or through sudo.
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "dev.sh: $1 is missing; install it as root: apt-get install $1" >&2
      exit 2
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null
}

setup_node() {
  # The web editor at /admin/ (Sveltia CMS) is served by the site itself: npm installs the exact versions
  # package-lock.json pins into node_modules/ (no install scripts run), once per change of the lock file.
  command -v npm >/dev/null 2>&1 || apt_install npm
  local stamp=node_modules/.package-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}

setup_both() {
  # npm's install beside pip's: pip keeps one core busy and npm takes the other (a fresh setup: 21 s → 17 s)
  setup_node &
  local node=$!
  setup_python
  wait "$node"
}

setup_browser() {
  # Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
  [ -x /usr/bin/chromium ] || apt_install chromium
}

case "${1:-help}" in
  setup)
    setup_both ;;
  serve)
    setup_both
    shift
    # --dirty: rebuild only the pages an edit changes (navigation holds sections only, so it stays right)
    exec "$VENV/bin/mkdocs" serve --dirty "$@" ;;
  build)
    setup_both
    # As publish.yml builds: mpchub index runs the build, indexes its pages as they are written and writes the
    # index once the build has exited, so that the two never hold their memory at the same time.
    exec "$VENV/bin/python" -m mpchub index site --build "$VENV/bin/mkdocs" build --strict ;;
  test)
    setup_both
    shift
    tier=()
    if [ "${1:-}" = "--fast" ]; then
      shift
      tier=(-m "not site and not browser")  # the markers conftest.py sets from the fixtures a test uses
    else
      setup_browser
    fi
    "$VENV/bin/ruff" check scripts tests
    "$VENV/bin/ruff" format --check scripts tests
    # pytest-xdist: one worker more than cores, because many browser tests wait on Chromium and the served
    # site; worksteal hands the long browser tests to idle workers at the end. The test sites are built once
    # per run, by the first worker that needs each (tests/sites.py: build_shared).
    exec "$VENV/bin/python" -m pytest -n "$(( $(nproc) + 1 ))" --dist worksteal "${tier[@]}" "$@" ;;
  bench)
    setup_both
    setup_browser  # --site, --weak and --mailto measure in Chromium
    shift
    exec "$VENV/bin/python" -m mpchub_tools.bench "$@" ;;
  relevance)
    setup_both
    setup_browser
    shift
    exec "$VENV/bin/python" -m mpchub_tools.relevance_command "$@" ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2 ;;
esac
