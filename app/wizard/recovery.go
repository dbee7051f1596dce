package wizard

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sureform/forms"
)

// Recovery files live in the app's storage folder, one per window: every
// window (in this process or another) writes its own, so that two windows
// with unsaved work never overwrite each other's, and the next start
// offers every one of them.
const (
	recoveryPrefix = "recovery-"
	recoverySuffix = ".json"
	// legacyRecoveryName is the single recovery file of earlier versions.
	legacyRecoveryName = "recovery.json"
)

// recoveryFile is unsaved work written by the autosave: the filing, the
// project file it belongs to and the process that wrote it.
type recoveryFile struct {
	Path    string          `json:"path"`
	SavedAt time.Time       `json:"saved_at"`
	PID     int             `json:"pid,omitempty"`
	Filing  json.RawMessage `json:"filing"`
}

// recovered is a recovery file found at start: where it is and what it
// holds.
type recovered struct {
	file    string
	rec     recoveryFile
	filing  *forms.Filing
	edition *forms.Edition
}

// newRecoveryID names a window's recovery file.
func newRecoveryID() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return fmt.Sprintf("%d-%d", os.Getpid(), time.Now().UnixNano())
	}
	return hex.EncodeToString(b)
}

func (w *Window) recoveryDir() string {
	if w.opts.RecoveryDir != "" {
		return w.opts.RecoveryDir
	}
	return w.app.Storage().RootURI().Path()
}

// recoveryPath is this window's recovery file.
func (w *Window) recoveryPath() string {
	return filepath.Join(w.recoveryDir(), recoveryPrefix+w.recoveryID+recoverySuffix)
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

// Autosave writes the window's recovery file if there are changes since
// the last one.
func (w *Window) Autosave() error {
	if w.doc == nil || !w.doc.dirty || w.doc.edits == w.autosaved && fileExists(w.recoveryPath()) {
		return nil
	}
	data, err := forms.Encode(w.doc.filing)
	if err != nil {
		return err
	}
	rec, err := json.Marshal(recoveryFile{Path: w.doc.path, SavedAt: w.opts.Now(), PID: os.Getpid(), Filing: data})
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

// removeRecovery deletes the window's recovery file once the work is saved
// or deliberately discarded.
func (w *Window) removeRecovery() {
	if err := os.Remove(w.recoveryPath()); err != nil && !os.IsNotExist(err) {
		fyne.LogError("removing recovery file", err)
	}
	w.autosaved = 0
}

// findRecovered reads the recovery files that other windows left: not this
// window's, and not those of a sureform still running. Files that cannot
// be read are reported in errs and left in place.
func (w *Window) findRecovered() (found []recovered, errs []error) {
	dir := w.recoveryDir()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil // no storage folder yet: nothing to recover
	}
	own := filepath.Base(w.recoveryPath())
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || name == own || name != legacyRecoveryName &&
			!(strings.HasPrefix(name, recoveryPrefix) && strings.HasSuffix(name, recoverySuffix)) {
			continue
		}
		r, err := w.readRecovery(filepath.Join(dir, name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if r.rec.PID != 0 && r.rec.PID != os.Getpid() && processRunning(r.rec.PID) {
			continue // another sureform is still working on it
		}
		found = append(found, r)
	}
	sort.Slice(found, func(i, j int) bool { return found[i].rec.SavedAt.After(found[j].rec.SavedAt) })
	return found, errs
}

// readRecovery reads one recovery file.
func (w *Window) readRecovery(file string) (recovered, error) {
	r := recovered{file: file}
	data, err := os.ReadFile(file)
	if err != nil {
		return r, fmt.Errorf("无法读取恢复文件 %s：%w", file, err)
	}
	if err := json.Unmarshal(data, &r.rec); err != nil {
		return r, fmt.Errorf("恢复文件 %s 已损坏，无法恢复", file)
	}
	if r.filing, err = forms.Decode(r.rec.Filing); err != nil {
		return r, fmt.Errorf("恢复文件 %s：%w", file, err)
	}
	if r.edition, err = w.editions.Get(r.filing.Edition); err != nil {
		return r, fmt.Errorf("恢复文件 %s：%w", file, err)
	}
	return r, nil
}

// describe says, in a line, what a recovery file holds.
func (r recovered) describe() string {
	where := "未保存过的填报"
	if r.rec.Path != "" {
		where = "文件 " + r.rec.Path
	}
	school := r.filing.School
	if school == "" {
		school = "未填学校名称"
	}
	return fmt.Sprintf("%s（%s，%d 人），最后自动保存于 %s", where, school, len(r.filing.Members),
		r.rec.SavedAt.Local().Format("2006-01-02 15:04"))
}

// OfferRecovery lists the unsaved work that earlier runs (or other
// windows) left behind, each to restore or discard; work neither restored
// nor discarded is offered again on the next start.
func (w *Window) OfferRecovery() {
	found, errs := w.findRecovered()
	for _, err := range errs {
		w.showError(err)
	}
	if len(found) == 0 {
		return
	}
	for _, r := range found {
		w.showCharacters(r.describe())
	}
	var d dialog.Dialog
	list := container.NewVBox()
	intro := "上次退出时，下面这份填报有未保存的修改。是否恢复？"
	if len(found) > 1 {
		intro = fmt.Sprintf("上次退出时，有 %d 份填报有未保存的修改。请选择要恢复的一份（其余的下次启动时仍会列出，也可以在“文件 → 恢复未保存的工作…”中找到）：", len(found))
	}
	list.Add(note(intro))
	for _, r := range found {
		r := r
		restore := widget.NewButton("恢复", nil)
		restore.Importance = widget.HighImportance
		discard := widget.NewButton("丢弃", nil)
		row := container.NewBorder(nil, nil, nil, container.NewHBox(discard, restore), note(r.describe()))
		restore.OnTapped = func() {
			d.Hide()
			w.confirmDiscard(func() { w.restore(r) })
		}
		discard.OnTapped = func() {
			if err := os.Remove(r.file); err != nil && !os.IsNotExist(err) {
				w.showError(fmt.Errorf("无法删除恢复文件 %s：%w", r.file, err))
				return
			}
			list.Remove(row)
			if len(list.Objects) == 1 {
				d.Hide()
			}
		}
		list.Add(row)
	}
	later := widget.NewButton("以后再说", func() { d.Hide() })
	cd := dialog.NewCustomWithoutButtons("恢复未保存的工作", container.NewVScroll(list), w.win)
	cd.SetButtons([]fyne.CanvasObject{later})
	d = cd
	d.Resize(fyne.NewSize(640, 200+float32(90*min(len(found), 3))))
	w.keys(d, nil, later.OnTapped)
	d.Show()
}

// recoverFromMenu offers the unsaved work left behind, or says there is
// none.
func (w *Window) recoverFromMenu() {
	if found, errs := w.findRecovered(); len(found) == 0 && len(errs) == 0 {
		dialog.ShowInformation("恢复未保存的工作", "没有可以恢复的未保存工作。", w.win)
		return
	}
	w.OfferRecovery()
}

// restore opens recovered work in the window. The work moves to the
// window's own recovery file before the old one is removed, so that it is
// on disk all the time.
func (w *Window) restore(r recovered) {
	w.setDocument(&document{filing: r.filing, edition: r.edition, path: r.rec.Path, dirty: true, label: "恢复的填报"}, stepBasic)
	w.autosaved = 0
	if err := w.Autosave(); err != nil {
		w.showError(fmt.Errorf("恢复的填报暂时无法写入恢复文件（%v），请尽快保存", err))
		return
	}
	if err := os.Remove(r.file); err != nil && !os.IsNotExist(err) {
		fyne.LogError("removing a restored recovery file", err)
	}
}
