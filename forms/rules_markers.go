package forms

// Texts the validator adds to the findings on marked items.
const (
	// CoreNote heads the message of a 未达标项 on a core item (★).
	CoreNote = "【★核心指标】"
	// ObservedNote ends the message of a finding on an observed item (▲),
	// which is never an error.
	ObservedNote = "（▲观测指标，暂不作硬性要求）"
)

// markers applies the edition's ★ and ▲ to the findings: a finding whose
// items are all observed items (▲, 暂不作硬性要求) is never an error but a
// 提示; a 未达标项 on a core item (★) is marked Core and says so first.
func (c *checker) markers() {
	marker := map[string]string{}
	for _, s := range c.ed.Sections {
		for _, it := range s.Items {
			for _, r := range append([]Item{it}, it.Parts...) {
				m := r.Marker
				if m == "" {
					m = it.Marker // a part takes its group's marker
				}
				marker[r.ID] = m
			}
		}
	}
	for i := range c.out {
		fd := &c.out[i]
		if len(fd.Items) == 0 {
			continue
		}
		observed, core := true, false
		for _, id := range fd.Items {
			observed = observed && marker[id] == MarkerObserved
			core = core || marker[id] == MarkerCore
		}
		switch {
		case observed:
			if fd.Severity == SeverityError {
				fd.Severity = SeverityWarning
			}
			fd.Message += ObservedNote
		case core && fd.Severity == SeverityUnmet:
			fd.Core = true
			fd.Message = CoreNote + fd.Message
		}
	}
}
