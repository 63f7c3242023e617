#!/bin/sh
# The layers of docs/design.md, checked on the source tree given as $1:
#  - no SQLite name (sqlite3*, SQLITE_*) outside src/core/storage: the rest
#    of the model speaks to the storage seam (redress-statement.h);
#    tools/convert-sqlite-calls.py converts what a merge brings in;
#  - no GTK or libadwaita in src/core (an include, a type, a call).
top=${1:?usage: check-layers.sh SOURCE_ROOT}
status=0

found=$(cd "$top" && grep -rnE 'sqlite3|SQLITE_' src)
found=$(printf '%s\n' "$found" | grep -v '^src/core/storage/' | grep -v '^$')
if [ -n "$found" ]; then
  echo "FAIL: SQLite outside src/core/storage (run tools/convert-sqlite-calls.py):"
  printf '%s\n' "$found"
  status=1
fi

found=$(cd "$top" && grep -rnE '#[[:space:]]*include[[:space:]]*<(gtk|gdk|adwaita)|\b(gtk|gdk|adw)_[a-z]|\b(Gtk|Gdk|Adw)[A-Z]|\b(GTK|GDK|ADW)_[A-Z]' src/core)
if [ -n "$found" ]; then
  echo "FAIL: GTK or libadwaita in src/core:"
  printf '%s\n' "$found"
  status=1
fi

[ $status -eq 0 ] && echo "layers: no SQLite outside storage, no GTK in core"
exit $status
