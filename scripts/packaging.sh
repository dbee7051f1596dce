# Shared by scripts/build-*.sh (sourced, not run): builds the Fyne packager
# pinned in go.mod and guards the work tree while it runs.
#
# The packager (fyne.io/tools v1.7.0, `tool` directive in go.mod) writes
# into the source directory while it works: fyne_metadata_init.go, and on
# Windows fyne.syso and FyneApp.ico; the executable itself; and afterwards
# it rewrites FyneApp.toml with Build incremented. The version and build
# number are ours to set in FyneApp.toml, not the packager's, so every build
# script restores FyneApp.toml and removes the temporary files on exit,
# whether the build succeeded or not.
#
# Every build passes -tags no_emoji: it leaves out Fyne's 4 MB colour-emoji
# font, which Fyne otherwise parses once per text style and keeps (about
# 8 MB of the app's memory, measured); the forms and the interface have no
# emoji.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/dist"
cd "$ROOT"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sureform-package.XXXXXX")"
cp FyneApp.toml "$WORK/FyneApp.toml"

cleanup() {
  cp "$WORK/FyneApp.toml" "$ROOT/FyneApp.toml"
  rm -f "$ROOT/fyne_metadata_init.go" "$ROOT/fyne.syso" "$ROOT/FyneApp.ico" \
    "$ROOT/sureform" "$ROOT/sureform.exe" "$ROOT/sureform.exe.manifest" \
    "$ROOT/$APP_NAME.exe" "$ROOT/$APP_NAME.tar.xz"
  rm -rf "$ROOT/tmp-pkg" "$ROOT/$APP_NAME.app" "$WORK"
}

# app_field NAME prints a field of [Details] in FyneApp.toml.
app_field() {
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*\$/\1/p" FyneApp.toml | head -n 1
}
APP_NAME="$(app_field Name)"
APP_ID="$(app_field ID)"
APP_VERSION="$(app_field Version)"
APP_BUILD="$(app_field Build)"
trap cleanup EXIT

# build_packager builds the pinned packager for this machine into $WORK/fyne.
# It is built on its own, before any cross-compiling variables are set, so
# that GOOS, GOARCH and CC meant for the app do not leak into the tool.
build_packager() {
  env -u GOOS -u GOARCH -u CC -u CGO_ENABLED go build -o "$WORK/fyne" fyne.io/tools/cmd/fyne
  FYNE="$WORK/fyne"
}

# render_icon ARGS... renders the icon with scripts/drawicon into $WORK and
# prints the file's path (for -icon variants that assets/icon.png is not).
render_icon() {
  local out="$WORK/icon-$RANDOM.png"
  env -u GOOS -u GOARCH -u CC go run ./scripts/drawicon -o "$out" "$@"
  echo "$out"
}

# human_size FILE prints FILE's size in MB.
human_size() {
  awk -v b="$(stat -c %s "$1" 2>/dev/null || stat -f %z "$1")" 'BEGIN { printf "%.1f MB", b / 1048576 }'
}
