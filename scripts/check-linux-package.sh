#!/usr/bin/env bash
# Checks the Linux package: unpacks it, starts the app inside it on a virtual
# X display (Xvfb), waits for its window to appear and checks the process is
# still alive, then closes it. Optionally saves a screenshot.
#
#   scripts/check-linux-package.sh dist/学生会改革自评填报.tar.xz [screenshot.png]
#
# Needs xvfb, xdotool and xz-utils (and imagemagick for the screenshot).
set -euo pipefail

pkg="${1:?用法：scripts/check-linux-package.sh 安装包.tar.xz [截图.png]}"
shot="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
title="$(sed -n 's/^[[:space:]]*Name[[:space:]]*=[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p' "$root/FyneApp.toml" | head -n 1)"
timeout=30

work="$(mktemp -d "${TMPDIR:-/tmp}/sureform-check.XXXXXX")"
xvfb=""
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

tar -xJf "$pkg" -C "$work"
exe="$(find "$work/usr" -path '*/bin/sureform' -type f | head -n 1)"
desktop="$(find "$work/usr" -name '*.desktop' | head -n 1)"
icon="$(find "$work/usr" -path '*/pixmaps/*' -type f | head -n 1)"
for f in "$exe" "$desktop" "$icon" "$work/Makefile"; do
  if [ -z "$f" ] || [ ! -e "$f" ]; then
    echo "check-linux-package: $pkg 缺少程序、桌面文件、图标或 Makefile" >&2
    exit 1
  fi
done
grep -q "^Name=$title\$" "$desktop" || { echo "check-linux-package: $desktop 的 Name 不是 $title" >&2; exit 1; }
echo "check-linux-package: $(basename "$exe"), $(basename "$desktop"), $(basename "$icon"), Makefile"

# Xvfb picks a free display number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "check-linux-package: Xvfb 没有启动" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"

HOME="$work/home" "$exe" >"$work/app.log" 2>&1 &
app=$!
window=""
for _ in $(seq $((timeout * 2))); do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "check-linux-package: 程序启动后退出了：" >&2
    cat "$work/app.log" >&2
    exit 1
  fi
  window="$(xdotool search --onlyvisible --name "$title" 2>/dev/null | head -n 1 || true)"
  [ -n "$window" ] && break
  sleep 0.5
done
if [ -z "$window" ]; then
  echo "check-linux-package: ${timeout} 秒内没有出现标题含“$title”的窗口；程序输出：" >&2
  cat "$work/app.log" >&2
  exit 1
fi
sleep 3 # let it draw, and catch a crash right after the window opens
if ! kill -0 "$app" 2>/dev/null; then
  echo "check-linux-package: 窗口出现后程序退出了：" >&2
  cat "$work/app.log" >&2
  exit 1
fi
echo "check-linux-package: 窗口“$(xdotool getwindowname "$window")”已打开（$(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')），程序运行正常"
if [ -n "$shot" ]; then
  import -window root "$shot"
  echo "check-linux-package: 截图 $shot"
fi
