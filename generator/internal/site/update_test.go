package site_test

import (
	"fmt"
	"strings"
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

// An edit of the front matter makes a new model: in it, the lists the
// entry is on are in order again and the entries it now refers to list
// it; the model it was made from, which pages may still be rendered from,
// is as it was.
func TestUpdateMakesANewModelAndLeavesTheOld(t *testing.T) {
	old := newSite(t, updateSite, site.Options{})
	doc := old.Documents[0]
	if doc.Slug != "a-program" {
		t.Fatalf("the newest document is %s, want a-program", doc.Slug)
	}
	before := snapshot(old)
	s, ok := old.Update([]*content.File{parse(t, "documents/a-program.md",
		"---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2018-01-10}\ncities: [wloclawek]\ntopics: [NGO]\n---\n")})
	if !ok {
		t.Fatal("Update refused a new adoption date and city")
	}
	if got, want := titles(s.Documents), "B strategia, A program"; got != want {
		t.Errorf("documents in order %q, want %q: the older one last", got, want)
	}
	updated := s.Documents[1]
	if updated.Adopted.Date.ISO() != "2018-01-10" {
		t.Errorf("the entry that was updated has the adoption date %s", updated.Adopted.Date.ISO())
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
	if m := s.Meetings[0]; len(m.Documents) != 1 || m.Documents[0] != updated {
		t.Errorf("the new model's meeting does not refer to the new model's document")
	}
	if after := snapshot(old); after != before {
		t.Errorf("the old model changed:\nbefore %s\nafter  %s", before, after)
	}
	if doc.Adopted.Date.ISO() != "2020-01-10" || doc == updated {
		t.Errorf("the old model's document was changed in place")
	}
	for _, e := range s.Entities() {
		for _, o := range old.Entities() {
			if e == o {
				t.Errorf("%s is the same entry in both models: a change of one would show in the other", e.E().Path)
			}
		}
	}
}

// snapshot prints what pages show of a model's lists and references.
func snapshot(s *site.Site) string {
	var b strings.Builder
	fmt.Fprintf(&b, "documents %s; meetings %s;", titles(s.Documents), titles(s.Meetings))
	for _, c := range s.Cities {
		fmt.Fprintf(&b, " %s: %s / %s;", c.Slug, titles(c.Documents), titles(c.Meetings))
	}
	for _, d := range s.Documents {
		fmt.Fprintf(&b, " %s %s %s cities %s meetings %s;", d.Slug, d.State, d.Adopted.Date.ISO(), titles(d.Cities), titles(d.Meetings))
	}
	for _, m := range s.Meetings {
		fmt.Fprintf(&b, " %s documents %s;", m.Slug, titles(m.Documents))
	}
	return b.String()
}

// A change of bodies makes a new model too, in which the summary taken
// from the first paragraph follows the body; the old model keeps its own.
func TestWithBodiesMakesANewModelAndLeavesTheOld(t *testing.T) {
	old := newSite(t, updateSite, site.Options{})
	doc := old.Documents[0]
	body, summary := string(doc.Body), doc.Summary
	s, changed, ok := old.WithBodies([]*content.File{parse(t, doc.Path,
		"---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2020-01-10}\ncities: [walbrzych]\ntopics: [NGO]\n---\n\nNowy pierwszy akapit.\n")})
	if !ok || !changed {
		t.Fatalf("WithBodies: ok %v, summary changed %v; want both", ok, changed)
	}
	if got := s.EntityAt(doc.Path).E().Summary; got != "Nowy pierwszy akapit." {
		t.Errorf("the new model's summary is %q", got)
	}
	if string(doc.Body) != body || doc.Summary != summary {
		t.Errorf("the old model's document changed: body %q, summary %q", doc.Body, doc.Summary)
	}
	if _, _, ok := old.WithBodies([]*content.File{parse(t, "documents/brak.md", "---\ntitle: X\n---\n")}); ok {
		t.Error("WithBodies took the body of a file that is no entry's")
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
		if _, ok := s.Update([]*content.File{parse(t, tt.path, tt.text)}); ok {
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

// TestConsumeDropsWhatOnlyUpdateNeeds checks a model made to be rendered
// once, as a build makes it: the bodies read again are gone, the others
// stay, and Update and WithBodies refuse even the edits they would
// otherwise take.
func TestConsumeDropsWhatOnlyUpdateNeeds(t *testing.T) {
	readAgain := func(path string) bool { return path == "documents/a-program.md" }
	s := newSite(t, updateSite, site.Options{Consume: true, ReadAgain: readAgain})
	doc, other := s.Documents[0], s.Documents[1]
	if doc.Path != "documents/a-program.md" || doc.Body != nil {
		t.Errorf("the body read again (%s) is kept: %q", doc.Path, doc.Body)
	}
	if other.Body == nil {
		t.Errorf("the body not read again (%s) was dropped", other.Path)
	}
	if _, ok := s.Update([]*content.File{parse(t, "documents/a-program.md",
		"---\ntitle: A program\ntype: program\nstatus: adopted\nadopted: {date: 2018-01-10}\ncities: [wloclawek]\ntopics: [NGO]\n---\n")}); ok {
		t.Error("Update took an edit into a model made to be rendered once")
	}
	if _, _, ok := s.WithBodies([]*content.File{parse(t, other.Path, "---\ntitle: B strategia\n---\nNowy.\n")}); ok {
		t.Error("WithBodies took an edit into a model made to be rendered once")
	}
}
