package forms

import "strings"

// filing checks the header of the form: the organisation's name and type
// and the header fields the edition asks for.
func (c *checker) filing() {
	f, ed := c.f, c.ed
	if trimSpace(f.School) == "" {
		c.add(RuleFilingSchool, "school", "未填学校名称，表头“组织名称”将是空的")
	}
	allowed := false
	for _, o := range ed.OrgTypes {
		if f.OrgType == o {
			allowed = true
		}
	}
	if !allowed {
		c.addf(RuleFilingOrgType, "org_type", "组织类型“%s”不在%s可选的类型（%s）之中", f.OrgType, ed.Name, strings.Join(ed.OrgTypes, "、"))
	}
	if f.FilingDate.IsZero() {
		c.add(RuleFilingHeader, "filing_date", "未填填报日期，无法判断学生代表大会是否按期召开、哪些成员是一年级新生")
	}
	if ed.HasHeader(HeaderProvincialReview) && f.ProvincialReview == nil {
		c.add(RuleFilingHeader, "provincial_review", "表头“是否已由省级团委、学联核查（复评）”未选是或否")
	}
	url := trimSpace(f.PublicURL)
	wantsURL := ed.HasHeader(HeaderPublicURL)
	for _, r := range ed.OptionalRows {
		if r == HeaderPublicURL {
			wantsURL = true
		}
	}
	switch {
	case wantsURL && url == "":
		c.add(RuleFilingHeader, "public_url", "未填自评公开链接（学校公开自评结果的网址）")
	case url != "" && !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://"):
		c.addf(RuleFilingHeader, "public_url", "自评公开链接“%s”不是网址，应以 http:// 或 https:// 开头", url)
	}
}
