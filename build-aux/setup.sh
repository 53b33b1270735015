#!/bin/sh
# Installs what Samarbejde needs on Debian 12 (apt-get; sudo when not root), then configures
# and builds it in ./build. Sourced by run.sh and test.sh; safe to run again.
set -eu

cd "$(dirname "$0")/.."

# One package a line in build-aux/packages.txt, shared with CI.
packages=$(cat build-aux/packages.txt)

missing=""
for package in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $package" ;;
  esac
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update
  # shellcheck disable=SC2086 # one word a package
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $missing
fi

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build -Dwerror=true >/dev/null
else
  meson setup build -Dwerror=true
fi
meson compile -C build
