#!/usr/bin/env bash
# Fails when a catalogue of po/LINGUAS that must be complete (fr, es; or the
# languages given as arguments after the source folder) has an untranslated or
# a fuzzy entry.  It compares each catalogue with a template extracted now
# from the sources of po/POTFILES.in, so a string added to the code and not
# yet merged into the catalogue counts as untranslated.  A required language
# whose .po does not exist yet is skipped with a note.
#
#   .ci/check-po-complete.sh [SRCDIR [LANG…]]
#
# Prints every missing entry (msgid and where it comes from); see po/README.md.
set -euo pipefail
src="${1:-$(dirname "$0")/..}"
shift || true
cd "$src"
langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(fr es)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same keywords as i18n.gettext(preset: 'glib').
xgettext --package-name=redress --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in -o "$tmp/redress.pot" 2>"$tmp/xgettext.log" || {
    cat "$tmp/xgettext.log" >&2; exit 1; }

rc=0
for lang in "${langs[@]}"; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "# $lang: no $po yet, skipped"
    continue
  fi
  msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/$lang.po" "$po" "$tmp/redress.pot"
  msgattrib --untranslated --no-obsolete --no-wrap -o "$tmp/$lang.untranslated" "$tmp/$lang.po"
  msgattrib --only-fuzzy --no-obsolete --no-wrap -o "$tmp/$lang.fuzzy" "$tmp/$lang.po"
  # msgattrib writes no file when nothing matches; a file it writes starts
  # with the header entry.
  untranslated=0
  fuzzy=0
  touch "$tmp/$lang.untranslated" "$tmp/$lang.fuzzy"
  n=$(grep -c '^msgid ' "$tmp/$lang.untranslated" || true)
  [ "$n" -gt 0 ] && untranslated=$((n - 1))
  n=$(grep -c '^msgid ' "$tmp/$lang.fuzzy" || true)
  [ "$n" -gt 0 ] && fuzzy=$((n - 1))
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || { echo "$stats"; rc=1; }
  echo "# $lang: $stats"
  if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
    echo "$po: $untranslated untranslated (including strings not merged from the sources yet), $fuzzy fuzzy:"
    grep -h -E '^(#:|msgctxt|msgid)' "$tmp/$lang.untranslated" "$tmp/$lang.fuzzy" | grep -v '^msgid ""$' | head -200
    rc=1
  fi
done
exit $rc
