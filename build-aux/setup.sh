#!/bin/sh
# Installs what Samarbejde needs on Debian 12 (apt-get; sudo when not root), then configures
# and builds it in ./build. Sourced by run.sh and test.sh; safe to run again.
set -eu

cd "$(dirname "$0")/.."

packages="build-essential pkg-config meson ninja-build gettext libglib2.0-bin libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev sqlite3 desktop-file-utils appstream fonts-dejavu-core
  xvfb xauth dbus-daemon"

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
