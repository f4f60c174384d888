package site_test

import (
	"testing"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/site"
)

var updateSite = map[string]string{
	"cities/walbrzych.md":      city("Wałbrzych", "dolnośląskie"),
	"cities/wloclawek.md":      city("Włocławek", "kujawsko-pomorskie"),
	"documents/a-program.md":   "---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [walbrzych]\ntopics: [NGO]\n---\n",
	"documents/b-strategia.md": "---\ntitle: B strategia\ntype: strategia\nstatus: adopted\nadopted: {date: 2019-01-10}\ncities: [walbrzych]\n---\n",
	"meetings/sesja.md":        "---\ntitle: Sesja\ndate: 2021-05-01\ncities: [walbrzych]\ndocuments: [a-program]\n---\n",
	"partnerships/lgd.md":      "---\ntitle: LGD\ncities: [walbrzych]\n---\n",
	"documents/plan.pdf":       "%PDF-1.4\n",
}

func parse(t *testing.T, path, text string) *content.File {
	t.Helper()
	f, err := content.Parse(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// An edit of the front matter is taken in place: the entry keeps its
// identity, the lists it is on are in order again and the entries it now
// refers to list it.
func TestUpdateTakesAnEditInPlace(t *testing.T) {
	s := newSite(t, updateSite, site.Options{})
	doc := s.Documents[0]
	if doc.Slug != "a-program" {
		t.Fatalf("the newest document is %s, want a-program", doc.Slug)
	}
	ok := s.Update([]*content.File{parse(t, "documents/a-program.md",
		"---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2018-01-10}\ncities: [wloclawek]\ntopics: [NGO]\n---\n")})
	if !ok {
		t.Fatal("Update refused a new adoption date and city")
	}
	if got, want := titles(s.Documents), "B strategia, A program"; got != want {
		t.Errorf("documents in order %q, want %q: the older one last", got, want)
	}
	if doc.Adopted.Date.ISO() != "2018-01-10" {
		t.Errorf("the entry that was updated has the adoption date %s", doc.Adopted.Date.ISO())
	}
	for _, c := range s.Cities {
		var want string
		switch c.Slug {
		case "walbrzych":
			want = "B strategia"
		case "wloclawek":
			want = "A program"
		}
		if got := titles(c.Documents); got != want {
			t.Errorf("%s lists the documents %q, want %q", c.Slug, got, want)
		}
	}
	if m := s.Meetings[0]; len(m.Documents) != 1 || m.Documents[0] != doc {
		t.Errorf("the meeting no longer refers to the same document")
	}
}

// What Update does not patch, it leaves alone, changing nothing.
func TestUpdateRefusesWhatItDoesNotPatch(t *testing.T) {
	tests := []struct {
		name, path, text string
	}{
		{"a new title", "documents/a-program.md", "---\ntitle: Inny program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [walbrzych]\ntopics: [NGO]\n---\n"},
		{"new topics", "documents/a-program.md", "---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [walbrzych]\ntopics: [NGO, seniorzy]\n---\n"},
		{"a problem", "documents/a-program.md", "---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [brak]\ntopics: [NGO]\n---\n"},
		{"a draft", "documents/a-program.md", "---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [walbrzych]\ntopics: [NGO]\ndraft: true\n---\n"},
		{"a new file", "documents/c-plan.md", "---\ntitle: C plan\ntype: plan\nstatus: draft\ncities: [walbrzych]\n---\n"},
		{"a city's region", "cities/walbrzych.md", city("Wałbrzych", "śląskie")},
		{"a partnership's cities", "partnerships/lgd.md", "---\ntitle: LGD\ncities: [walbrzych, wloclawek]\n---\n"},
		{"a new attachment", "documents/a-program.md", "---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [walbrzych]\ntopics: [NGO]\nattachments: [{file: plan.pdf, title: Plan}]\n---\n"},
		{"new aliases", "documents/a-program.md", "---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [walbrzych]\ntopics: [NGO]\naliases: [/stary/]\n---\n"},
		{"a reference to itself", "meetings/sesja.md", "---\ntitle: Sesja\ndate: 2021-05-01\ncities: [walbrzych]\ndocuments: [a-program]\norganisers: [walbrzych]\npartnership: sesja\n---\n"},
	}
	for _, tt := range tests {
		s := newSite(t, updateSite, site.Options{})
		before := titles(s.Documents) + "|" + titles(s.Cities[0].Documents)
		if s.Update([]*content.File{parse(t, tt.path, tt.text)}) {
			t.Errorf("%s: Update took it", tt.name)
		}
		if after := titles(s.Documents) + "|" + titles(s.Cities[0].Documents); after != before {
			t.Errorf("%s: Update changed the site (%q → %q) and refused", tt.name, before, after)
		}
		if s.Documents[0].Title != "A program" || len(s.Documents[0].Cities) != 1 || s.Documents[0].Cities[0].Slug != "walbrzych" {
			t.Errorf("%s: Update changed the document and refused", tt.name)
		}
	}
}

// TestSettleDropsWhatOnlyUpdateNeeds checks a settled site, as a build
// makes it: the bodies read again are gone, the others stay, and Update
// refuses even the edit it would otherwise take in place.
func TestSettleDropsWhatOnlyUpdateNeeds(t *testing.T) {
	s := newSite(t, updateSite, site.Options{})
	doc := s.Documents[0]
	other := s.Documents[1]
	s.Settle(func(path string) bool { return path == doc.Path })
	if doc.Body != nil {
		t.Errorf("the body read again is kept: %q", doc.Body)
	}
	if other.Body == nil {
		t.Errorf("the body not read again (%s) was dropped", other.Path)
	}
	if s.Update([]*content.File{parse(t, "documents/a-program.md",
		"---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2018-01-10}\ncities: [wloclawek]\ntopics: [NGO]\n---\n")}) {
		t.Error("Update took an edit into a settled site")
	}
}
