package wizard

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"sureform/forms"
)

// recoveryName is the recovery file in the app's storage folder.
const recoveryName = "recovery.json"

// recoveryFile is unsaved work written by the autosave: the filing and the
// project file it belongs to.
type recoveryFile struct {
	Path    string          `json:"path"`
	SavedAt time.Time       `json:"saved_at"`
	Filing  json.RawMessage `json:"filing"`
}

func (w *Window) recoveryPath() string {
	dir := w.opts.RecoveryDir
	if dir == "" {
		dir = w.app.Storage().RootURI().Path()
	}
	return filepath.Join(dir, recoveryName)
}

// startAutosave writes the recovery file every interval while there are
// unsaved changes.
func (w *Window) startAutosave(interval time.Duration) {
	w.stopAutosave = make(chan struct{})
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fyne.Do(func() {
					if err := w.Autosave(); err != nil {
						fyne.LogError("autosave", err)
					}
				})
			case <-w.stopAutosave:
				return
			}
		}
	}()
}

// Autosave writes the recovery file if there are changes since the last
// one.
func (w *Window) Autosave() error {
	if w.doc == nil || !w.doc.dirty || w.doc.edits == w.autosaved && fileExists(w.recoveryPath()) {
		return nil
	}
	data, err := forms.Encode(w.doc.filing)
	if err != nil {
		return err
	}
	rec, err := json.Marshal(recoveryFile{Path: w.doc.path, SavedAt: w.opts.Now(), Filing: data})
	if err != nil {
		return fmt.Errorf("encoding recovery file: %w", err)
	}
	path := w.recoveryPath()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("creating recovery folder: %w", err)
	}
	if err := forms.WriteFileAtomic(path, rec); err != nil {
		return err
	}
	w.autosaved = w.doc.edits
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// removeRecovery deletes the recovery file once the work is saved or
// deliberately discarded.
func (w *Window) removeRecovery() {
	if err := os.Remove(w.recoveryPath()); err != nil && !os.IsNotExist(err) {
		fyne.LogError("removing recovery file", err)
	}
	w.autosaved = 0
}

// readRecovery reads the recovery file; ok is false when there is none.
func (w *Window) readRecovery() (rec recoveryFile, f *forms.Filing, ok bool, err error) {
	data, err := os.ReadFile(w.recoveryPath())
	if os.IsNotExist(err) {
		return rec, nil, false, nil
	}
	if err != nil {
		return rec, nil, false, fmt.Errorf("无法读取恢复文件 %s：%w", w.recoveryPath(), err)
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return rec, nil, false, fmt.Errorf("恢复文件 %s 已损坏，无法恢复", w.recoveryPath())
	}
	f, err = forms.Decode(rec.Filing)
	if err != nil {
		return rec, nil, false, fmt.Errorf("恢复文件 %s：%w", w.recoveryPath(), err)
	}
	return rec, f, true, nil
}

// OfferRecovery asks, when unsaved work was left by a crash, whether to
// restore it.
func (w *Window) OfferRecovery() {
	rec, f, ok, err := w.readRecovery()
	if err != nil {
		w.showError(err)
		return
	}
	if !ok {
		return
	}
	ed, err := w.editions.Get(f.Edition)
	if err != nil {
		w.showError(err)
		return
	}
	where := "一份未保存过的填报"
	if rec.Path != "" {
		where = "文件 " + rec.Path
	}
	msg := fmt.Sprintf("上次退出时，%s（%s）有未保存的修改，最后自动保存于 %s。\n是否恢复这些修改？",
		where, f.School, rec.SavedAt.Local().Format("2006-01-02 15:04"))
	d := dialog.NewCustomConfirm("恢复未保存的工作", "恢复", "丢弃", note(msg), func(restore bool) {
		if !restore {
			w.removeRecovery()
			return
		}
		w.restore(rec, f, ed)
	}, w.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

func (w *Window) restore(rec recoveryFile, f *forms.Filing, ed *forms.Edition) {
	w.setDocument(&document{filing: f, edition: ed, path: rec.Path, dirty: true, label: "恢复的填报"}, stepBasic)
}
