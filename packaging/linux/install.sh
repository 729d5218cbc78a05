#!/usr/bin/env bash
# Install or update Inspector for the current user, from the app folder this script is in.
#
#     ./install.sh               install, or update over an older version
#     ./install.sh --uninstall   remove the program (the data stays)
#
# The program goes to ~/.local/opt/inspector/ (replaced whole on update), the command to
# ~/.local/bin/inspector, the menu entry and icon to ~/.local/share/applications and
# ~/.local/share/icons. The data (~/.local/share/Inspector/: database, backups, photos, logs)
# is never touched, by an update or by --uninstall.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
share="${XDG_DATA_HOME:-$HOME/.local/share}"
target="$HOME/.local/opt/inspector"
link="$HOME/.local/bin/inspector"
desktop="$share/applications/inspector.desktop"
sizes=(16 24 32 48 64 128 256)

remove_program() {
  rm -rf "$target"
  rm -f "$link" "$desktop"
  for size in "${sizes[@]}"; do
    rm -f "$share/icons/hicolor/${size}x${size}/apps/inspector.png"
  done
}

if [ "${1:-}" = "--uninstall" ]; then
  remove_program
  echo "Inspector removed. Your data is still in $share/Inspector/."
  exit 0
fi

[ -x "$here/inspector" ] || { echo "install.sh: run it from the Inspector app folder" >&2; exit 1; }
if [ "$here" != "$target" ]; then
  staging="$target.new"
  rm -rf "$staging"
  mkdir -p "$(dirname "$target")"
  cp -a "$here" "$staging"
  rm -rf "$target"
  mv "$staging" "$target"
fi
mkdir -p "$(dirname "$link")" "$(dirname "$desktop")"
ln -sfn "$target/inspector" "$link"
for size in "${sizes[@]}"; do
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$target/_internal/resources/icons/inspector-$size.png" \
    "$share/icons/hicolor/${size}x${size}/apps/inspector.png"
done
# The menu does not read ~/.local/bin: give it the program's full path.
sed "s|^Exec=inspector|Exec=$target/inspector|" "$target/inspector.desktop" >"$desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
echo "Inspector $("$target/inspector" --version | cut -d' ' -f2) installed in $target"
echo "Start it from the applications menu, or with: $link"
