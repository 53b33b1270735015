#!/bin/sh
# Builds the libFuzzer targets with clang, ASan and UBSan (the CSV and cluster-file readers and
# the decoding of forms, notes, votes and answers posted from phones), and runs each for a short while
# on a scratch copy of its seed corpus. A crash fails the run and leaves its input in
# build-fuzz/crashes/ (then add it to the target's unit test as a regression case).
#   sh build-aux/fuzz.sh [SECONDS-PER-TARGET]
# FUZZ_BUILDDIR names another build folder than build-fuzz.
set -eu

cd "$(dirname "$0")/.."
seconds=${1:-20}
b=${FUZZ_BUILDDIR:-build-fuzz}

for package in clang-14 libclang-rt-14-dev; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y clang-14 libclang-rt-14-dev
    break
  fi
done

if [ ! -f "$b/build.ninja" ]; then
  CC=clang-14 meson setup "$b" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized >/dev/null
fi
ninja -C "$b" tests/fuzz/fuzz-csv tests/fuzz/fuzz-cluster-file tests/fuzz/fuzz-collect-form tests/fuzz/fuzz-collect-note \
  tests/fuzz/fuzz-collect-room >/dev/null

mkdir -p "$b/crashes"
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in csv cluster-file collect-form collect-note collect-room; do
  scratch=$b/corpus-$target
  rm -rf "$scratch"
  mkdir -p "$scratch"
  cp tests/fuzz/corpus-$target/* "$scratch/"
  echo "Fuzzing $target for $seconds s"
  "./$b/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$b/crashes/$target-" "$scratch" 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss|==|SUMMARY|Done)" || true
  if ls "$b/crashes/$target-"* >/dev/null 2>&1; then
    echo "FAIL: the $target fuzzer found a crash: $(ls "$b/crashes/$target-"*)" >&2
    exit 1
  fi
done
echo "fuzzing found nothing"
