#!/usr/bin/env bash
# Builds the Windows package: one 64-bit GUI executable (no console window)
# with the icon, version information and manifest embedded, written to
# dist/学生会改革自评填报.exe. Runs on Linux, cross-compiling with mingw-w64:
#
#   sudo apt-get install gcc-mingw-w64-x86-64
#   scripts/build-windows.sh
#
# The executable runs on 64-bit Windows 10 or later (Go's requirement).
source "$(dirname "$0")/packaging.sh"

CC_WINDOWS="${CC_WINDOWS:-x86_64-w64-mingw32-gcc}"
if ! command -v "$CC_WINDOWS" >/dev/null; then
  echo "build-windows: 找不到 C 交叉编译器 $CC_WINDOWS；请先安装：sudo apt-get install gcc-mingw-w64-x86-64" >&2
  exit 1
fi

start=$(date +%s)
build_packager
# An .ico holds images of at most 256×256 and the packager puts the one
# PNG it is given into it unscaled, so give it the icon drawn at 256.
icon="$(render_icon -size 256)"

# The application manifest. Without one the packager writes a bare one whose
# assembly name is the display name; Windows' side-by-side loader refuses to
# start a program whose manifest identity it cannot parse, so name the
# assembly with the app ID (the Organization.Division.Name form Microsoft
# documents) rather than with Chinese text, declare Windows 10/11 support,
# and run as the invoking user (never ask for elevation). The packager
# embeds "<exe>.manifest" when it exists.
cat >"$ROOT/sureform.exe.manifest" <<MANIFEST
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="$APP_ID" version="$APP_VERSION.$APP_BUILD" processorArchitecture="*"/>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
    </application>
  </compatibility>
</assembly>
MANIFEST

# -release: -trimpath, -ldflags "-s -w", build tag "release"; the packager
# adds -H=windowsgui itself and links the resources (fyne.syso).
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$CC_WINDOWS" \
  "$FYNE" package -os windows -release -tags no_emoji -icon "$icon"

mkdir -p "$DIST"
out="$DIST/$APP_NAME.exe"
mv -f "$ROOT/$APP_NAME.exe" "$out"
echo "build-windows: $out ($(human_size "$out"), 版本 $APP_VERSION build $APP_BUILD, $(( $(date +%s) - start )) s)"
