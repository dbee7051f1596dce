#!/usr/bin/env bash
# Builds the macOS package on a Mac (Xcode command line tools and Go
# installed): one universal 学生会改革自评填报.app that runs natively on Apple
# silicon and on Intel Macs, zipped as dist/学生会改革自评填报-macOS.zip.
#
#   xcode-select --install   # once
#   scripts/build-macos.sh
#
# The Fyne packager builds one architecture per run, so this packages the
# app twice (GOARCH=arm64, then amd64), joins the two executables with lipo
# into the first bundle, and signs the result ad hoc: Apple silicon refuses
# to run unsigned code, and a bundle whose executable changed after signing
# is reported as damaged. It is not notarised; see the README for what
# Gatekeeper shows and how to open it.
source "$(dirname "$0")/packaging.sh"

if [ "$(uname -s)" != Darwin ]; then
  echo "build-macos: 只能在 macOS 上运行（需要 Xcode 命令行工具）" >&2
  exit 1
fi

start=$(date +%s)
build_packager
# The macOS packager pads and rounds the icon itself, so give it the square,
# full-bleed drawing rather than assets/icon.png (which is already rounded).
icon="$(render_icon -bleed)"

app="$APP_NAME.app"
exe="Contents/MacOS/sureform"
for arch in arm64 amd64; do
  rm -rf "$ROOT/$app"
  CGO_ENABLED=1 GOARCH="$arch" "$FYNE" package -os darwin -release -tags no_emoji -icon "$icon"
  rm -rf "$WORK/$arch.app"
  mv "$ROOT/$app" "$WORK/$arch.app"
done

lipo -create -output "$WORK/sureform" "$WORK/arm64.app/$exe" "$WORK/amd64.app/$exe"
mv -f "$WORK/sureform" "$WORK/arm64.app/$exe"
lipo -info "$WORK/arm64.app/$exe"
# The packager's Info.plist claims macOS 10.11 and an empty category; Go 1.26
# programs need macOS 12, and saying so lets Finder refuse older systems
# with a clear message instead of the app crashing at launch.
plist="$WORK/arm64.app/Contents/Info.plist"
plutil -replace LSMinimumSystemVersion -string 12.0 "$plist"
plutil -replace LSApplicationCategoryType -string public.app-category.productivity "$plist"
plutil -lint "$plist"
codesign --force --deep --sign - "$WORK/arm64.app"
codesign --verify --verbose "$WORK/arm64.app"

mkdir -p "$DIST"
rm -rf "$DIST/$app"
mv "$WORK/arm64.app" "$DIST/$app"
out="$DIST/$APP_NAME-macOS.zip"
rm -f "$out"
# ditto keeps the bundle's attributes and signature intact, unlike zip.
(cd "$DIST" && ditto -c -k --sequesterRsrc --keepParent "$app" "$out")
echo "build-macos: $out ($(human_size "$out"), 版本 $APP_VERSION build $APP_BUILD, $(( $(date +%s) - start )) s)"
