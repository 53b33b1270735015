#!/bin/sh
# Sets up, builds and runs the whole test suite: unit, data and (under Xvfb) widget tests,
# then a short run of each fuzzer over the file readers.
set -eu

cd "$(dirname "$0")/.."
sh build-aux/setup.sh

status=0
xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" dbus-run-session -- \
  meson test -C build --print-errorlogs --num-processes 2 || status=$?

# One closing line for whoever reads the log: N passed, N failed, N skipped.
summary=$(python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
results = [json.loads(line)["result"] for line in open(sys.argv[1]) if line.strip()]
passed = sum(r in ("OK", "EXPECTEDFAIL") for r in results)
skipped = sum(r == "SKIP" for r in results)
failed = len(results) - passed - skipped
print(f"{passed} passed, {failed} failed, {skipped} skipped")
# Every test must run here: a skipped widget test means Xvfb did not work.
sys.exit(1 if failed or skipped or not results else 0)
PY
) || status=1

if [ $status -eq 0 ]; then
  sh build-aux/fuzz.sh "${FUZZ_SECONDS:-20}" || status=1
fi

echo "$summary"
exit $status
