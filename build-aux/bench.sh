#!/bin/sh
# Sets up, builds and runs the benchmarks, each printing its figures against a reference
# measured in the same run (GNOME Text Editor where installed, a minimal libadwaita
# window, the sqlite3 shell). They judge nothing; the README quotes the latest figures.
#   sh build-aux/bench.sh            all of them
#   sh build-aux/bench.sh startup    one (startup, import-export, results, charts, collect,
#                                    window)
set -eu

cd "$(dirname "$0")/.."
sh build-aux/setup.sh >/dev/null

xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" dbus-run-session -- \
  meson test -C build --benchmark --verbose --timeout-multiplier 2 "$@"
