#!/usr/bin/env bash
# Builds the Linux package with the Fyne packager: dist/学生会改革自评填报.tar.xz,
# holding usr/local/bin/sureform, the .desktop entry, the icon and a Makefile
# (`sudo make install`, or `make user-install` for ~/.local). Needs the C
# toolchain and the X11/OpenGL headers listed in the README.
#
#   scripts/build-linux.sh
source "$(dirname "$0")/packaging.sh"

start=$(date +%s)
build_packager
# -release: -trimpath, -ldflags "-s -w", build tag "release".
# -tags no_emoji: see packaging.sh.
"$FYNE" package -os linux -release -tags no_emoji

mkdir -p "$DIST"
out="$DIST/$APP_NAME.tar.xz"
mv -f "$ROOT/$APP_NAME.tar.xz" "$out"
echo "build-linux: $out ($(human_size "$out"), 版本 $APP_VERSION build $APP_BUILD, $(( $(date +%s) - start )) s)"
