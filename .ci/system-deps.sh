#!/usr/bin/env bash
# The system libraries Qt (PySide6) needs on Debian/Ubuntu, plus the tools the docs use
# (Xvfb for screenshots, poppler-utils for rendering PDFs to PNG), and the PostgreSQL server
# the hub tests start themselves (initdb, pg_ctl).
# Run as root (or with sudo). Safe to run again: apt skips what is installed.
set -euo pipefail
packages=(
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
  libxcb-image0 libxcb-xinerama0 libxcb-randr0 libxrender1 libxi6
  xvfb poppler-utils
  postgresql
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Install these system libraries with your package manager: ${missing[*]}" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
