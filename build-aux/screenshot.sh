#!/bin/sh
# Takes a screenshot of the real window under Xvfb, for the README and for a person to
# look at. Needs imagemagick, and xdotool for KEYS.
#
#   build-aux/screenshot.sh BUILDDIR OUTPUT.png [APP-ARGUMENTS] [STEPS...]
#
# APP-ARGUMENTS defaults to --demo (one word, e.g. "--demo" or "--database=/tmp/x.db");
# each STEP is an xdotool command run before the shot: a plain key name is pressed
# ("alt+3" for the Results section), anything else runs as it is ("mousemove 600 240 click 1",
# "type Klinik 1").
# LANGUAGE=da gives Danish; SAMARBEJDE_STYLE=dark or high-contrast the other styles.
set -eu
builddir=$(cd "$1" && pwd)
output=$2
shift 2
args=${1:---demo}
[ $# -gt 0 ] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export XDG_DATA_HOME="$tmp/data"
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSETTINGS_BACKEND=memory
export SAMARBEJDE_LOCALEDIR="$builddir/po"
export GTK_A11Y=none
export LANG=C.UTF-8
case "${SAMARBEJDE_STYLE:-}" in
  dark) export ADW_DEBUG_COLOR_SCHEME=prefer-dark ;;
  high-contrast) export ADW_DEBUG_HIGH_CONTRAST=1 ;;
esac

steps=""
for step in "$@"; do
  case "$step" in
    *" "*) steps="$steps
xdotool $step; sleep 1" ;;
    *) steps="$steps
xdotool key $step; sleep 1" ;;
  esac
done

cat > "$tmp/shot.sh" <<SH
"$builddir/src/samarbejde" $args &
pid=\$!
sleep 3
$steps
import -window root "$tmp/root.png"
kill \$pid
SH
xvfb-run -a -s "-screen 0 1280x860x24 -noreset" sh "$tmp/shot.sh"
convert "$tmp/root.png" -crop 1100x760+0+0 +repage "$output"
echo "Wrote $output"
