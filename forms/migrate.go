package forms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// migrate brings the JSON of a project file from schema version v up to
// CurrentSchema, one version at a time.
func migrate(data []byte, v int) ([]byte, error) {
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, jsonError(data, err)
	}
	for ; v < CurrentSchema; v++ {
		step, ok := migrations[v]
		if !ok {
			return nil, &FileError{Msg: fmt.Sprintf("无法从格式版本 %d 升级", v)}
		}
		if err := step(doc); err != nil {
			return nil, &FileError{Err: err, Msg: fmt.Sprintf("从格式版本 %d 升级失败：%v", v, err)}
		}
		doc["schema_version"] = v + 1
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("升级后编码：%w", err)
	}
	return out, nil
}

// migrations maps a schema version to the step that turns it into the next.
var migrations = map[int]func(map[string]any) error{
	1: migrateV1,
	2: migrateV2,
}

// migrateV2 converts version 2 to version 3, which adds the college unions'
// own data. A version 2 union has none of it, so the union stays as it is:
// entered by hand, not part of a workbook round trip.
func migrateV2(doc map[string]any) error {
	unions, ok := doc["college_unions"].([]any)
	if !ok {
		return nil
	}
	for i, u := range unions {
		if _, ok := u.(map[string]any); !ok {
			return fmt.Errorf("第 %d 个二级学生会组织的格式不对", i+1)
		}
	}
	return nil
}

// migrateV1 converts version 1, which kept answers as the form's words
// ({"answer": "达标"}) and ranks as text ("3/45"), to version 2.
func migrateV1(doc map[string]any) error {
	if answers, ok := doc["answers"].(map[string]any); ok {
		for id, a := range answers {
			am, ok := a.(map[string]any)
			if !ok {
				return fmt.Errorf("条目 %s 的答案格式不对", id)
			}
			word, _ := am["answer"].(string)
			delete(am, "answer")
			switch strings.TrimSpace(word) {
			case "达标", "是":
				am["met"] = true
			case "未达标", "否":
				am["met"] = false
			case "":
				am["met"] = nil
			default:
				return fmt.Errorf("条目 %s 的答案 %q 无法识别", id, word)
			}
		}
	}
	members, _ := doc["members"].([]any)
	for i, m := range members {
		mm, ok := m.(map[string]any)
		if !ok {
			return fmt.Errorf("名单第 %d 人的格式不对", i+1)
		}
		text, _ := mm["rank"].(string)
		delete(mm, "rank")
		mm["rank"], mm["rank_total"] = nil, nil
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		rank, total, _ := strings.Cut(text, "/")
		if n, err := strconv.Atoi(strings.TrimSpace(rank)); err == nil {
			mm["rank"] = n
		} else {
			return fmt.Errorf("名单第 %d 人的排名 %q 无法识别", i+1, text)
		}
		if n, err := strconv.Atoi(strings.TrimSpace(total)); err == nil {
			mm["rank_total"] = n
		}
	}
	return nil
}
