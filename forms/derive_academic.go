package forms

// AcademicStatus is what a member's grade, rank and course record say
// about the academic requirement.
type AcademicStatus int

// Academic statuses.
const (
	// AcademicExempt: a first-year undergraduate, who has no rank yet.
	AcademicExempt AcademicStatus = iota
	// AcademicMet: within the top 30 % and no failed course (graduate
	// students: no failed course).
	AcademicMet
	// AcademicNotMet: outside the top 30 %, or a failed course.
	AcademicNotMet
	// AcademicUnknown: the data cannot decide (grade, rank, major size or
	// course record missing or unreadable).
	AcademicUnknown
)

// IsGraduate reports whether a member is a graduate student: by level, or
// for a member without a level, by the filing's organisation type.
func (f *Filing) IsGraduate(m *Member) bool {
	return m.Level == LevelGraduate || (m.Level == "" && f.OrgType == OrgGraduateUnion)
}

// RankWithinLimit reports whether rank of total is within the top 30 %,
// computed exactly: rank × 100 ≤ 30 × total (12 of 41 is, 13 of 41 is not).
func RankWithinLimit(rank, total int) bool { return rankWithin(rank, total, RankPercentLimit) }

func rankWithin(rank, total, pct int) bool { return rank*100 <= pct*total }

// RankCutoff is the last rank within the top 30 % of a major of total
// students.
func RankCutoff(total int) int { return rankCutoff(total, RankPercentLimit) }

func rankCutoff(total, pct int) int { return pct * total / 100 }

// Academic decides the academic requirement for one member under the
// default limits.
func (f *Filing) Academic(m *Member) AcademicStatus { return f.academic(m, RankPercentLimit) }

// academic decides the academic requirement for one member: 除一年级新生
// 外，学习成绩综合排名在本专业前30%以内（rankPercent）且无课业不及格；研究生
// 无课业不及格.
func (f *Filing) academic(m *Member, rankPercent int) AcademicStatus {
	if f.IsGraduate(m) {
		switch {
		case m.Failed == nil:
			return AcademicUnknown
		case *m.Failed:
			return AcademicNotMet
		}
		return AcademicMet
	}
	if m.IsFirstYear() {
		return AcademicExempt
	}
	st := undergraduateRecord(m, rankPercent)
	if (m.Grade < 1 || m.Grade > 8) && st != AcademicMet {
		return AcademicUnknown
	}
	return st
}

func undergraduateRecord(m *Member, rankPercent int) AcademicStatus {
	if m.Failed != nil && *m.Failed {
		return AcademicNotMet
	}
	rank := AcademicUnknown
	switch {
	case m.Rank != nil && m.RankTotal != nil:
		r, t := *m.Rank, *m.RankTotal
		if r >= 1 && t >= 1 && r <= t {
			rank = AcademicMet
			if !rankWithin(r, t, rankPercent) {
				rank = AcademicNotMet
			}
		}
	case m.RankPercent != nil:
		rank = AcademicMet
		if *m.RankPercent > float64(rankPercent) {
			rank = AcademicNotMet
		}
	}
	if rank == AcademicNotMet {
		return AcademicNotMet
	}
	if rank == AcademicUnknown || m.Failed == nil {
		return AcademicUnknown
	}
	return AcademicMet
}

// decideAcademicRecord: 除一年级新生外，工作人员学习成绩综合排名在本专业前30%
// 以内，且无课业不及格.
func decideAcademicRecord(in *factInput) (*bool, string) {
	pct := in.lim.RankPercent
	return decideMembers(in.f, func(m *Member) (bool, bool) {
		switch in.f.academic(m, pct) {
		case AcademicNotMet:
			return false, true
		case AcademicUnknown:
			return false, false
		}
		return true, true
	}, "成绩排名或课业情况", "不符合前"+itoa(pct)+"%且无不及格的要求")
}
