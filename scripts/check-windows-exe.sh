#!/usr/bin/env bash
# Runs the packaged Windows program under Wine and checks it does what the
# Linux build does:
#
#   1. --version prints the version of FyneApp.toml;
#   2. validate gives every example the Linux build's report and exit status;
#   3. export --xlsx --pdf writes, for every example, a workbook and a PDF
#      byte-identical to the Linux build's (SOURCE_DATE_EPOCH fixes the date
#      stamped into them), into a folder whose name has Chinese characters
#      and spaces, over files that exist already (the atomic rename on
#      Windows), and again over its own output;
#   4. the desktop program, started on a virtual X display (Xvfb) with an
#      example filing as its argument, opens a window titled with the
#      school's name, and a screenshot of it is not blank.
#
#   scripts/check-windows-exe.sh dist/学生会改革自评填报.exe [screenshot.png]
#
# Needs wine64, gcc-mingw-w64-x86-64 (for the ProcessPrng shim, see
# scripts/wine/processprng.c), xvfb, xdotool and imagemagick; .ci/run
# installs them. Exits non-zero, saying what differs, when the program
# cannot start, cannot export, or its output differs from the Linux build's.
# Set WINE_CHECK_KEEP=1 to keep the work folder (outputs, logs, Wine prefix).
set -euo pipefail

exe="$(realpath "${1:?用法：scripts/check-windows-exe.sh 程序.exe [截图.png]}")"
shot="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# Every date the exports stamp into a document comes from here, so that the
# two builds' files can be compared byte for byte.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1764633600}" # 2025-12-02 00:00 UTC
# Wine converts the command line from the locale's character set: a UTF-8
# locale passes Chinese file names through unchanged.
export LC_ALL=C.UTF-8
export WINEDEBUG=-all
# No Mono or Gecko (Wine would offer to download them): the program needs
# neither .NET nor an HTML engine.
export WINEDLLOVERRIDES="mscoree,mshtml="

work="$(mktemp -d "${TMPDIR:-/tmp}/sureform-wine.XXXXXX")"
export WINEPREFIX="$work/wine"
xvfb=""
gui=""
cleanup() {
  [ -n "$gui" ] && kill "$gui" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "${WINE_CHECK_KEEP:-}" = 1 ]; then
    echo "check-windows-exe: 工作目录保留在 $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

fail() {
  echo "check-windows-exe: $*" >&2
  exit 1
}

# step NAME starts a timed step; each prints how long the previous one took.
step_name=""
step_start=0
step() {
  local now
  now=$(date +%s)
  [ -n "$step_name" ] && echo "check-windows-exe: [$step_name] $((now - step_start)) s"
  step_name="$1"
  step_start=$now
}

# winpath PATH prints the Windows path of an absolute Unix path: Wine's
# drive Z: is the Unix root.
winpath() {
  local p="${1//\//\\}"
  printf 'Z:%s' "$p"
}

# runwin ARGS... runs the program under Wine with a time limit (a Windows
# program that hangs must fail the check, not the CI's clock).
runwin() {
  timeout 120 wine "$exe" "$@"
}

step "Wine 环境"
command -v wine >/dev/null || fail "找不到 wine；请先安装：apt-get install wine64"
# The virtual display comes first: Wine ties its desktop to the X display
# that is set when its first program starts, and a Wine started without one
# cannot open windows later.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { cat "$work/xvfb.log" >&2; fail "Xvfb 没有启动"; }
export DISPLAY=":$(cat "$work/display")"
# A first start of Wine on a loaded machine has been seen to fail once
# ("could not load kernel32.dll") and succeed on the next try with a fresh
# prefix; a second failure is a real one.
booted=""
for attempt in 1 2; do
  if wineboot --init >"$work/wineboot.log" 2>&1 && wineserver -w; then
    booted=1
    break
  fi
  echo "check-windows-exe: Wine 环境初始化失败（第 $attempt 次）：$(tail -n 1 "$work/wineboot.log")"
  wineserver -k 2>/dev/null || true
  rm -rf "$WINEPREFIX"
  sleep 2
done
[ -n "$booted" ] || { cat "$work/wineboot.log" >&2; fail "Wine 环境初始化失败"; }
system32="$WINEPREFIX/drive_c/windows/system32"
[ -d "$system32" ] || fail "Wine 环境中没有 $system32"
# Go (1.24 and later) takes its random numbers from ProcessPrng in
# bcryptprimitives.dll, which Wine 8 lacks; the shim provides it.
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$system32/bcryptprimitives.dll" \
  scripts/wine/processprng.c -ladvapi32

step "Linux 版"
linux="$work/sureform"
# Built as go test builds (no -trimpath), so that it comes from the build
# cache after the tests; the exports do not depend on the build flags.
go build -tags no_emoji -o "$linux" .
mkdir -p "$work/home"

# linux_nofonts ARGS... runs the Linux build as the Windows program runs
# under Wine: without installed fonts. The PDF is set in an installed Song
# face when the computer has one (Debian's AR PL SungtiL GB, say) and in the
# bundled face otherwise; the Wine prefix has no Chinese fonts, so the Linux
# build must see none either for the files to be comparable. It runs in a
# mount namespace with empty font folders (unshare: as root, or in a user
# namespace otherwise) and a home folder without fonts.
linux_nofonts() {
  local userns=""
  [ "$(id -u)" = 0 ] || userns="-r"
  HOME="$work/home" unshare $userns -m sh -c '
    for d in /usr/share/fonts /usr/local/share/fonts; do
      if [ -d "$d" ]; then mount -t tmpfs none "$d" || exit 97; fi
    done
    exec "$@"' sh "$linux" "$@"
}
if ! linux_nofonts --version >/dev/null; then
  fail "不能在没有字体目录的挂载命名空间中运行 Linux 版（unshare -m 需要 root 或用户命名空间），无法与 Windows 程序比较"
fi

step "--version"
want_version="$("$linux" --version)"
got_version="$(runwin --version 2>"$work/version.err" | tr -d '\r')" ||
  { cat "$work/version.err" >&2; fail "Windows 程序不能启动（--version 失败）"; }
[ "$got_version" = "$want_version" ] ||
  fail "--version 输出“$got_version”，Linux 版为“$want_version”"
echo "check-windows-exe: $got_version"

# The examples are copied into a folder whose name has Chinese characters
# and spaces, and both programs work there with relative names, so that the
# reports, which name the file, are comparable.
out="$work/导出 结果 2025"
mkdir -p "$out/linux" "$out/windows"
examples=()
for f in assets/examples/*.json; do
  name="$(basename "$f" .json)"
  cp "$f" "$out/$name 填报.json"
  examples+=("$name")
done
[ ${#examples[@]} -gt 0 ] || fail "assets/examples/ 中没有示例"

step "validate"
for name in "${examples[@]}"; do
  set +e
  (cd "$out" && "$linux" validate "$name 填报.json" >"linux/$name.validate.txt" 2>&1)
  want=$?
  (cd "$out" && runwin validate "$name 填报.json" 2>&1 | tr -d '\r' >"windows/$name.validate.txt"; exit "${PIPESTATUS[0]}")
  got=$?
  set -e
  [ "$got" = "$want" ] || fail "validate $name：退出状态 $got，Linux 版为 $want；输出：$(cat "$out/windows/$name.validate.txt")"
  cmp -s "$out/linux/$name.validate.txt" "$out/windows/$name.validate.txt" ||
    fail "validate $name 的输出与 Linux 版不同：$(diff "$out/linux/$name.validate.txt" "$out/windows/$name.validate.txt" | head -20)"
  echo "check-windows-exe: validate $name：与 Linux 版相同（退出状态 $got）"
done

# compare_exports NAME checks the Windows program's workbook and PDF for
# example NAME against the Linux build's.
compare_exports() {
  local name="$1" ext
  for ext in xlsx pdf; do
    [ -s "$out/windows/$name.$ext" ] || fail "export $name：没有写出 $name.$ext"
    cmp "$out/linux/$name.$ext" "$out/windows/$name.$ext" >&2 ||
      fail "export $name：$ext 与 Linux 版不同（$(stat -c %s "$out/linux/$name.$ext") 与 $(stat -c %s "$out/windows/$name.$ext") 字节）"
  done
}

step "export"
for name in "${examples[@]}"; do
  linux_nofonts export "$out/$name 填报.json" --xlsx "$out/linux/$name.xlsx" --pdf "$out/linux/$name.pdf" >"$work/export.log" 2>&1 ||
    { cat "$work/export.log" >&2; fail "Linux 版 export $name 失败"; }
  # Files that are there already: the export replaces them.
  echo "旧文件" >"$out/windows/$name.xlsx"
  echo "旧文件" >"$out/windows/$name.pdf"
  runwin export "$(winpath "$out/$name 填报.json")" \
    --xlsx "$(winpath "$out/windows/$name.xlsx")" --pdf "$(winpath "$out/windows/$name.pdf")" \
    >"$work/export.log" 2>&1 || { cat "$work/export.log" >&2; fail "export $name 失败"; }
  compare_exports "$name"
  echo "check-windows-exe: export $name：xlsx $(stat -c %s "$out/windows/$name.xlsx") 字节、pdf $(stat -c %s "$out/windows/$name.pdf") 字节，与 Linux 版相同"
done

step "export 覆盖"
name="${examples[0]}"
(cd "$out" && runwin export "$name 填报.json" --xlsx "windows\\$name.xlsx" --pdf "windows\\$name.pdf") \
  >"$work/export.log" 2>&1 || { cat "$work/export.log" >&2; fail "再次导出 $name（覆盖自己的输出）失败"; }
compare_exports "$name"
leftover="$(cd "$out/windows" && ls -A | grep -v '\.validate\.txt$\|\.xlsx$\|\.pdf$' || true)"
[ -z "$leftover" ] || fail "导出后在 $out/windows 留下了别的文件：$leftover"
echo "check-windows-exe: 相对路径、覆盖已有文件：与 Linux 版相同"

step "图形界面"
filing="$out/${examples[0]} 填报.json"
school="$(sed -n 's/^[[:space:]]*"school":[[:space:]]*"\([^"]*\)".*/\1/p' "$filing" | head -n 1)"
[ -n "$school" ] || fail "$filing 中没有学校名称"
# The window of an open filing is titled with the school's name or the
# file's name (the app's choice); either shows the filing was opened, where
# the welcome window has only the program's name. xdotool takes a regular
# expression: the file name's dots are escaped.
file_title="$(basename "$filing" | sed 's/[].[*^$\\]/\\&/g')"
wine "$exe" "$(winpath "$filing")" >"$work/gui.log" 2>&1 &
gui=$!
window=""
for _ in $(seq 120); do
  kill -0 "$gui" 2>/dev/null || { cat "$work/gui.log" >&2; fail "图形界面启动后退出了"; }
  window="$(xdotool search --onlyvisible --name "$school|$file_title" 2>/dev/null | head -n 1 || true)"
  [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$window" ] || { cat "$work/gui.log" >&2; fail "60 秒内没有出现标题含“$school”或“$(basename "$filing")”的窗口"; }
sleep 3 # let it draw, and catch a crash right after the window opens
kill -0 "$gui" 2>/dev/null || { cat "$work/gui.log" >&2; fail "窗口出现后程序退出了"; }
png="${shot:-$work/window.png}"
import -window "$window" "$png"
# A drawn window has text, lines and icons in many shades; a blank one (a
# window that never drew, or drew only its background) has one or two.
colours="$(convert "$png" -format %k info:)"
[ "$colours" -ge 64 ] || fail "窗口截图 $png 只有 $colours 种颜色，界面没有画出来"
echo "check-windows-exe: 窗口“$(xdotool getwindowname "$window")”已打开（$(identify -format '%wx%h' "$png")，$colours 种颜色），截图 $png"
step ""
