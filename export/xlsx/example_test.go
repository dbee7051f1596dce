package xlsx_test

import (
	"log"
	"time"

	"sureform/assets"
	"sureform/export/xlsx"
	"sureform/forms"
)

// Export an example filing to a workbook with fixed document times.
func ExampleWriteFile() {
	data, err := assets.Examples.ReadFile("examples/yangquan-2021.json")
	if err != nil {
		log.Fatal(err)
	}
	f, err := forms.Decode(data)
	if err != nil {
		log.Fatal(err)
	}
	eds, err := forms.BuiltinEditions()
	if err != nil {
		log.Fatal(err)
	}
	ed, err := eds.Get(f.Edition)
	if err != nil {
		log.Fatal(err)
	}
	opts := xlsx.Options{Time: time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC)}
	if err := xlsx.WriteFile("阳泉职业技术学院-备案表.xlsx", f, ed, opts); err != nil {
		log.Fatal(err) // the error says in Chinese what failed
	}
}
