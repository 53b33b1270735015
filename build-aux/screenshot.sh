#!/bin/sh
# Takes a screenshot of the real window under Xvfb, for the README and for a person to
# look at. Needs imagemagick, and xdotool for KEYS.
#
#   build-aux/screenshot.sh BUILDDIR OUTPUT.png [APP-ARGUMENTS] [KEYS...]
#
# APP-ARGUMENTS defaults to --demo (one word, e.g. "--demo" or "--database=/tmp/x.db");
# KEYS are pressed before the shot, e.g. alt+2 for the Support section.
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

cat > "$tmp/shot.sh" <<SH
"$builddir/src/samarbejde" $args &
pid=\$!
sleep 3
for key in $*; do xdotool key "\$key"; sleep 1; done
import -window root "$tmp/root.png"
kill \$pid
SH
xvfb-run -a -s "-screen 0 1280x860x24 -noreset" sh "$tmp/shot.sh"
convert "$tmp/root.png" -crop 1100x760+0+0 +repage "$output"
echo "Wrote $output"
