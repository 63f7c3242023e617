#!/usr/bin/env bash
# Installs with apt what building and testing Redress needs on Debian 12, and
# nothing when it is all there.  SQLCipher 4 comes from bookworm-backports.
set -euo pipefail

PKGS=(build-essential meson ninja-build pkg-config
      libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libgtk-4-bin libssl-dev
      gettext appstream desktop-file-utils
      xvfb xauth dbus-daemon at-spi2-core python3 python3-pyatspi imagemagick xdotool
      libical-dev libgmime-3.0-dev libpoppler-glib-dev libarchive-dev libxml2-dev
      poppler-utils unzip flatpak-builder bc fonts-noto-core fonts-noto-cjk
      libjson-glib-dev iso-codes yelp-tools libportal-dev
      libsodium-dev
      clang-14 libclang-rt-14-dev valgrind libfiu-dev fiu-utils faketime stress-ng)
BACKPORTS=(libsqlcipher-dev sqlcipher)

missing=()
for p in "${PKGS[@]}" "${BACKPORTS[@]}"; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# SQLCipher must be 4.x (bookworm main only has 3.4.1, without FTS5).
if ! pkg-config --atleast-version=3.44 sqlcipher 2>/dev/null; then
  missing+=("${BACKPORTS[@]}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo 'deb http://deb.debian.org/debian bookworm-backports main' |
    $SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends -t bookworm-backports "${BACKPORTS[@]}" >/dev/null
