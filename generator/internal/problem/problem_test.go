package problem

import "testing"

func TestProblemPrintsItsPlaceMessageAndHint(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "content/dokumenty/a.md", Line: 7, Field: "status", Msg: `status: "przyjety" is not a status`, Hint: "use one of draft, consultation, adopted"},
			`content/dokumenty/a.md:7: status: "przyjety" is not a status; use one of draft, consultation, adopted`},
		{Problem{Path: "content/a.md", Line: 1, Msg: "file is UTF-16"}, "content/a.md:1: file is UTF-16"},
		{Problem{Path: "content", Msg: "load cancelled"}, "content: load cancelled"},
		{Problem{Path: "layouts/page.html", Line: 3, Msg: "index out of range", Page: "content/pages/a.md"},
			"layouts/page.html:3: rendering content/pages/a.md: index out of range"},
		{Problem{Path: "layouts/page.html", Line: 3, Msg: "index out of range", Hint: "check the index", Page: "content/pages/a.md", Others: 1},
			"layouts/page.html:3: rendering content/pages/a.md (and 1 other page): index out of range; check the index"},
		{Problem{Path: "layouts/page.html", Line: 3, Msg: "x", Page: "content/pages/a.md", Others: 4},
			"layouts/page.html:3: rendering content/pages/a.md (and 4 other pages): x"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestSortOrdersByPlaceAndDropsRepeats(t *testing.T) {
	var l List
	l.Addf("content/b.md", 2, "second")
	l.Add(&Problem{Path: "content/a.md", Line: 9, Field: "date", Msg: "date is missing", Hint: "add date: YYYY-MM-DD"})
	l.Addf("content/b.md", 2, "second")
	l.Addf("content/a.md", 10, "later line")
	got := l.Sort()
	want := []string{
		"content/a.md:9: date is missing; add date: YYYY-MM-DD",
		"content/a.md:10: later line",
		"content/b.md:2: second",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i].Error() != want[i] {
			t.Errorf("problem %d: got %s, want %s", i, got[i], want[i])
		}
	}
	if len(l) != 4 {
		t.Errorf("Sort changed the list it sorts: %d problems, want 4", len(l))
	}
	if err := (List{}).Err(); err != nil {
		t.Errorf("an empty list's Err: %v, want nil", err)
	}
}
