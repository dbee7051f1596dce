package forms

import "fmt"

// college checks the college-level unions (二级学生会组织): their sizes,
// the 是/否 matrix against those sizes, and the stated per-item counts
// against the matrix's column sums.
func (c *checker) college() {
	f := c.f
	sec := c.ed.CollegeSection()
	if sec == nil && len(f.CollegeUnions) == 0 {
		return
	}
	n := len(f.CollegeUnions)
	switch {
	case f.CollegeUnionCount != nil && n > 0 && *f.CollegeUnionCount != n:
		c.addf(RuleCollegeCount, "college_union_count", "表头填写二级学生会组织%d个，“具体情况”中列出%d个，两者应一致", *f.CollegeUnionCount, n)
	case sec != nil && f.CollegeUnionCount == nil && n == 0:
		c.add(RuleCollegeItemCountMissing, "college_union_count", "未填二级学生会组织数量，也未列出二级学生会组织")
	}
	for i := range f.CollegeUnions {
		c.collegeUnion(i, sec)
	}
	if sec == nil {
		return
	}
	for _, it := range sec.Answerable() {
		path := "college_item_counts[" + it.ID + "]"
		stated, ok := f.CollegeItemCounts[it.ID]
		if !ok {
			if n > 0 || (f.CollegeUnionCount != nil && *f.CollegeUnionCount > 0) {
				c.addItems(RuleCollegeItemCountMissing, path, c.label(it.ID)+"未填符合标准的组织数量", []string{it.ID})
			}
			continue
		}
		total := n
		if f.CollegeUnionCount != nil && n == 0 {
			total = *f.CollegeUnionCount
		}
		switch {
		case stated < 0 || (total > 0 && stated > total) || (total == 0 && f.CollegeUnionCount != nil && stated > 0):
			c.addItems(RuleCollegeItemCount, path, fmt.Sprintf("%s填写符合标准的组织%d个，但二级学生会组织共%d个", c.label(it.ID), stated, total), []string{it.ID})
		case n > 0:
			if sum := c.d.CollegeCounts[it.ID]; sum != stated {
				c.addItems(RuleCollegeItemCount, path, fmt.Sprintf("%s填写符合标准的组织%d个，但“具体情况”中该项填“是”的有%d个", c.label(it.ID), stated, sum), []string{it.ID})
			}
		}
	}
}

func (c *checker) collegeUnion(i int, sec *Section) {
	defer c.collegeGaps(i, len(c.out))
	c.collegeData(i, sec)
	u := &c.f.CollegeUnions[i]
	base := fmt.Sprintf("college_unions[%d]", i)
	name := u.Name
	if name == "" {
		name = fmt.Sprintf("第%d个二级学生会组织", i+1)
	}
	type size struct {
		field, what string
		v           *int
		limit       int
		rule, fact  string
	}
	sizes := []size{
		{"staff", "工作人员", u.Staff, c.lim.CollegeStaff, RuleCollegeStaff, FactCollegeStaffLimit},
		{"presidium", "主席团成员", u.Presidium, c.lim.CollegePresidium, RuleCollegePresidium, FactCollegePresidiumLimit},
	}
	for _, s := range sizes {
		items := c.facts[s.fact]
		if s.v == nil {
			msg := fmt.Sprintf("二级学生会组织“%s”未填%s人数，无法核对是否不超过%d人", name, s.what, s.limit)
			for _, id := range items {
				if cell, ok := u.Items[id]; ok && cell {
					msg += "；“具体情况”中" + c.label(id) + "填了“是”，但没有人数支持"
				}
			}
			c.addItems(RuleCollegeSizeMissing, base+"."+s.field, msg, items)
			continue
		}
		within := *s.v <= s.limit
		if !within {
			c.addItems(s.rule, base+"."+s.field, fmt.Sprintf("二级学生会组织“%s”%s%d人，超过%d人", name, s.what, *s.v, s.limit), items)
		}
		for _, id := range items {
			if cell, ok := u.Items[id]; ok && cell != within {
				c.addItems(RuleCollegeMatrixContradiction, base+".items["+id+"]",
					fmt.Sprintf("“具体情况”中“%s”的%s填“%s”，但该组织%s%d人，%s%d人", name, c.label(id), yesNo(cell), s.what, *s.v, limitWord(within), s.limit), []string{id})
			}
		}
	}
	if sec == nil {
		return
	}
	var missing []string
	for _, it := range sec.Answerable() {
		if _, ok := u.Items[it.ID]; !ok {
			missing = append(missing, it.ID)
		}
	}
	switch {
	case len(missing) == 0:
	case len(missing) == len(sec.Answerable()):
		c.addItems(RuleCollegeMatrixMissing, base+".items", fmt.Sprintf("“具体情况”中“%s”一项是/否都没有填", name), missing)
	default:
		for _, id := range missing {
			c.addItems(RuleCollegeMatrixMissing, base+".items["+id+"]", fmt.Sprintf("“具体情况”中“%s”的%s未填是/否", name, c.label(id)), []string{id})
		}
	}
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func limitWord(within bool) string {
	if within {
		return "不超过"
	}
	return "超过"
}
