#!/bin/sh
# Each executable given must link libsqlcipher and must not link libsqlite3.
status=0
for exe in "$@"; do
  libs=$(ldd "$exe") || { echo "not ok: ldd $exe failed"; exit 1; }
  if ! echo "$libs" | grep -q 'libsqlcipher\.so'; then
    echo "FAIL: $exe does not link libsqlcipher"; status=1
  fi
  if echo "$libs" | grep -q 'libsqlite3\.so'; then
    echo "FAIL: $exe links libsqlite3 as well"; status=1
  fi
  [ $status -eq 0 ] && echo "$(basename "$exe"): libsqlcipher only"
done
exit $status
