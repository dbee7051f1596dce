package wizard

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// openWithSystem opens a file or folder with the program the system
// associates with it, and returns when the system has answered: an error
// when no program opens it. Fyne's OpenURL only starts the opener on Linux
// and so never learns that it failed.
func openWithSystem(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		// rundll32 shows the system's own 打开方式 question when no program is
		// associated; its exit status says nothing more
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		if len(out) > 0 {
			return fmt.Errorf("%w: %s", err, out)
		}
		return err
	}
	return nil
}

// openExported opens a file the program wrote (or its folder, folder true)
// with the system's program for it, off the UI thread; when the file is
// gone or nothing opens it, a dialog says so and where the file is.
func (w *Window) openExported(path string, folder bool) {
	what := "文件"
	if folder {
		what = "文件夹"
	}
	name := filepath.Base(path)
	if _, err := os.Stat(path); err != nil {
		msg := fmt.Sprintf("无法打开%s“%s”：", what, name)
		if errors.Is(err, fs.ErrNotExist) {
			msg += "它已不存在（可能已被移动、改名或删除），请重新导出。"
		} else {
			msg += "无法读取它（" + err.Error() + "）。"
		}
		w.showOpenProblem(msg + "\n位置：" + path)
		return
	}
	w.background(func() {
		err := w.openSystem(path)
		if err == nil {
			return
		}
		fyne.LogError("opening "+path, err)
		msg := fmt.Sprintf("无法打开%s“%s”：系统中没有能打开它的程序，或打开它的程序没有启动。", what, name)
		if !folder {
			msg += "\n请在文件管理器中找到它，用 WPS、Excel 或 PDF 阅读器打开。"
		}
		fyne.Do(func() { w.showOpenProblem(msg + "\n位置：" + path) })
	})
}

// showOpenProblem says in a dialog why an exported file did not open.
func (w *Window) showOpenProblem(msg string) {
	w.showCharacters(msg) // it quotes a path
	d := dialog.NewInformation("无法打开", msg, w.win)
	w.keys(d, d.Hide, d.Hide)
	d.Show()
}
