package forms

// guidance checks the 团委 staff responsible for the union. The form:
// 明确1名校团委专职副书记指导校级学生会组织；聘任校团委专职副书记或干部担任
// 校级学生会组织秘书长. A deputy secretary who is not 专职 is an error; a
// secretary-general who is not 专职 may still be a 校团委干部, so that is a
// 提示 to confirm.
func (c *checker) guidance() {
	g := &c.f.Guidance
	c.guide(&g.DeputySecretary, "guidance.deputy_secretary", "分管学生会组织的校团委副书记", RuleGuidanceDeputy,
		"须明确1名校团委专职副书记指导校级学生会组织")
	c.guide(&g.SecretaryGeneral, "guidance.secretary_general", "学生会组织秘书长", RuleGuidanceSecretary,
		"表格要求秘书长“聘任校团委专职副书记或干部担任”，请确认其为校团委干部")
}

func (c *checker) guide(p *Guide, path, role, rule, requirement string) {
	name := trimSpace(p.Name)
	switch {
	case p.FullTime != nil && !*p.FullTime:
		who := role
		if name != "" {
			who += name
		}
		c.addf(rule, path+".full_time", "%s不是专职团干部；%s", who, requirement)
	case name == "":
		c.addf(RuleGuidanceUnknown, path+".name", "未填%s姓名，无法核对：%s", role, requirement)
	case p.FullTime == nil:
		c.addf(RuleGuidanceUnknown, path+".full_time", "未填%s%s是否为专职团干部，无法核对：%s", role, name, requirement)
	}
}

// satisfaction checks the two survey questions of the 2020 edition's items
// 16 and 17 (and any survey counts a filing carries).
func (c *checker) satisfaction() {
	s := &c.f.Satisfaction
	c.survey(&s.Union, "satisfaction.union", "满意度调查问卷第7题（对学生会组织整体工作的满意度）", c.d.SatisfactionUnion, FactSatisfactionUnion)
	c.survey(&s.Staff, "satisfaction.staff", "满意度调查问卷第14题（对学生会组织工作人员的满意度）", c.d.SatisfactionStaff, FactSatisfactionStaff)
}

func (c *checker) survey(q *SurveyQuestion, path, what string, r *Ratio, fact string) {
	items := c.facts[fact]
	if len(items) == 0 {
		// An edition without the satisfaction item never reports on it.
		return
	}
	switch {
	case q.Sample == nil || (q.Satisfied == nil && q.BasicallySatisfied == nil):
		msg := what + "未填样本数和“满意”“基本满意”人数，无法核对满意率是否达到60%"
		for _, id := range items {
			if a := c.f.Answers[id]; a.Met != nil && *a.Met {
				msg += "；" + c.label(id) + "已答“" + c.answerWord(id, true) + "”，但没有数据支持"
			}
		}
		field := ".sample"
		if q.Sample != nil {
			field = ".satisfied"
		}
		c.addItems(RuleSatisfactionMissing, path+field, msg, items)
	case *q.Sample <= 0:
		c.addItems(RuleSatisfactionCounts, path+".sample", what+"的样本数应大于0", items)
	case (q.Satisfied != nil && *q.Satisfied < 0) || (q.BasicallySatisfied != nil && *q.BasicallySatisfied < 0):
		c.addItems(RuleSatisfactionCounts, path+".satisfied", what+"的人数不能为负数", items)
	case r.Num > r.Den:
		c.addItems(RuleSatisfactionCounts, path+".sample", what+"的“满意”“基本满意”合计"+itoa(r.Num)+"人，多于样本数"+itoa(r.Den)+"人", items)
	default:
		if pct := c.lim.SatisfactionPercent; !r.AtLeast(pct) {
			c.addItems(RuleSatisfactionRate, path+".satisfied", what+"：满意和基本满意"+itoa(r.Num)+"人，占样本"+itoa(r.Den)+"人的"+percentBelow(*r, pct)+"，低于"+itoa(pct)+"%", items)
		}
		if q.StatedPercent != nil && !PercentMatches(*q.StatedPercent, *r) {
			c.addItems(RuleStatedPercent, path+".stated_percent", what+"的满意率写为"+FormatPercent(*q.StatedPercent)+
				"，但按人数计算为"+itoa(r.Num)+"/"+itoa(r.Den)+" = "+r.String(), items)
		}
	}
}
