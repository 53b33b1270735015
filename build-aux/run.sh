#!/bin/sh
# Sets up, builds and opens Samarbejde from the source tree. Where you have no data of
# your own yet, it opens the demo: a made-up cluster, kept in a file of its own.
# Extra arguments go to the app, e.g. --database PATH.
set -eu

cd "$(dirname "$0")/.."
sh build-aux/setup.sh

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export SAMARBEJDE_LOCALEDIR="$PWD/build/po"

if [ $# -eq 0 ]; then
  # --summary opens the database without changing anything in it.
  summary=$(LANGUAGE=C LC_ALL=C.UTF-8 ./build/src/samarbejde --summary 2>/dev/null || true)
  case "$summary" in
    *"Rounds: 0"*"Respondents: 0"*) set -- --demo ;;
  esac
fi

exec ./build/src/samarbejde "$@"
