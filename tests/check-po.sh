#!/bin/sh
# Checks that po/da.po is valid, complete (no untranslated or fuzzy message) and in step
# with the source: every translatable string in the code, templates and data files has a
# Danish translation.
set -eu
srcdir=$1
builddir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for po in "$srcdir"/po/*.po; do
  msgfmt --check --output-file=/dev/null "$po"
  stats=$(LC_ALL=C msgfmt --statistics --output-file=/dev/null "$po" 2>&1)
  echo "$(basename "$po"): $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) echo "FAIL: $po is not complete" >&2; exit 1 ;;
  esac
done

# The same extraction the build's pot target runs (glib preset, our ITS rules).
cd "$srcdir"
GETTEXTDATADIRS="$srcdir/data" xgettext --package-name=samarbejde --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from=po/POTFILES.in --output="$tmp/current.pot"

for po in "$srcdir"/po/*.po; do
  if ! msgcmp "$po" "$tmp/current.pot" 2>"$tmp/msgcmp.log"; then
    cat "$tmp/msgcmp.log" >&2
    echo "FAIL: $(basename "$po") lacks translations of strings in the source" >&2
    exit 1
  fi
done

# Every source file with translatable strings is listed in POTFILES.in.
missing=$(grep -rlE '(^|[^a-zA-Z_])(_|N_|ngettext)\(|translatable="yes"' src ui data \
            --include='*.c' --include='*.ui' --include='*.xml' --include='*.in' \
          | sort | comm -23 - "$srcdir/po/POTFILES.in" || true)
if [ -n "$missing" ]; then
  echo "FAIL: not in po/POTFILES.in:" >&2
  echo "$missing" >&2
  exit 1
fi
echo "translations complete"
