package site_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// problems builds the base site with change applied, like build, and
// returns the problems themselves rather than their printed lines. A JPG
// cannot be read, so that a failing ImageSize can be checked too.
func problems(t *testing.T, change map[string]string) problem.List {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range base {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	for p, s := range change {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	tree, errs := content.Load(context.Background(), fsys)
	if len(errs) > 0 {
		t.Fatalf("load: %v", errs.Err())
	}
	size := func(from, p string) (int, int, error) {
		if strings.HasSuffix(p, ".jpg") {
			return 0, 0, errors.New("unexpected EOF")
		}
		return 640, 480, nil
	}
	now := time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)
	_, errs = site.New(tree, site.Options{Now: now, ImageSize: size})
	return errs
}

// accessibility is the root _index.md with a complete accessibility:
// block of the given status, less the key drop names.
func accessibility(status, drop string) string {
	s := "---\ntitle: Strona\naccessibility:\n"
	for _, kv := range [][2]string{
		{"status", status}, {"publisher", "Urząd"}, {"published", "2020-01-01"}, {"updated", "2020-01-01"},
		{"prepared", "2020-01-01"}, {"contact", "{person: A, email: a@b.pl, phone: \"1\"}"},
		{"architecture", "tekst"}, {"communication", "tekst"},
	} {
		if kv[0] != drop {
			s += "  " + kv[0] + ": " + kv[1] + "\n"
		}
	}
	return s + "---\n"
}

// TestProblemsNameTheirFieldAndHint checks that a mistake in front matter
// comes with the key it is about, as the editor wrote it, and the fix
// apart from what is wrong, so that a form can show the hint beside the
// field; and that a mistake of a file as a whole names no field.
func TestProblemsNameTheirFieldAndHint(t *testing.T) {
	const (
		doc     = "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\n"
		meeting = "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\n"
	)
	tests := []struct {
		name   string
		change map[string]string
		want   problem.Problem
	}{
		// Dates and periods: the bad value, then how to write it.
		{"a date that is not one",
			map[string]string{"meetings/w.md": "---\ntitle: W\ndate: jutro; rano\ncities: [wloclawek]\n---\n"},
			problem.Problem{Path: "meetings/w.md", Line: 3, Field: "date",
				Msg: `date: "jutro; rano" is not a date`, Hint: "write it as YYYY-MM-DD (2021-01-17) or a full time (2021-01-17T10:00:00+01:00)"}},
		{"a period that is not one",
			map[string]string{"documents/lsr.md": doc + "period: od zaraz\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 6, Field: "period",
				Msg: `period: "od zaraz" is not a period`, Hint: "write the years as 2016-2020 or {from: 2016, to: 2020}"}},
		// Required keys.
		{"document type missing",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\nstatus: draft\ncities: [wloclawek]\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 1, Field: "type",
				Msg: "type is required", Hint: "add type: with one of strategia, program, polityka, plan, raport, uchwala, inny"}},
		{"document status missing",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\ncities: [wloclawek]\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 1, Field: "status",
				Msg: "status is required", Hint: "add status: with one of draft, consultation, adopted, expired"}},
		{"document cities missing",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 1, Field: "cities",
				Msg: "cities is required", Hint: "list the cities the document belongs to, e.g. cities: [walbrzych]"}},
		{"partnership cities missing",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\n---\n"},
			problem.Problem{Path: "partnerships/lgd.md", Line: 1, Field: "cities",
				Msg: "cities is required", Hint: "list every city taking part, e.g. cities: [wloclawek]"}},
		{"partnership cities empty",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: []\n---\n"},
			problem.Problem{Path: "partnerships/lgd.md", Line: 3, Field: "cities",
				Msg: "cities is empty", Hint: "list at least one city taking part"}},
		{"document adopted without adopted",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: adopted\ncities: [wloclawek]\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 4, Field: "adopted",
				Msg: "status is adopted but adopted is missing", Hint: "add adopted: {date: YYYY-MM-DD, by: …, resolution: …}"}},
		{"document adopted without a date",
			map[string]string{"documents/lsr.md": doc + "adopted:\n  by: Rada Miasta\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 6, Field: "adopted.date",
				Msg: "adopted.date is required", Hint: "add date: with the day of the resolution (YYYY-MM-DD)"}},
		{"document consultation without consultation",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: consultation\ncities: [wloclawek]\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 4, Field: "consultation",
				Msg: "status is consultation but consultation is missing", Hint: "add consultation: {from: YYYY-MM-DD, to: YYYY-MM-DD, url: …}"}},
		{"meeting date missing",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ncities: [wloclawek]\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 1, Field: "date",
				Msg: "date is required", Hint: "add date: with the day the meeting starts (YYYY-MM-DD)"}},
		{"meeting without any city",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 1, Field: "cities",
				Msg: "cities is required when neither place.city nor partnership says where the meeting belongs", Hint: "add cities: [slug]"}},

		// Values.
		{"bad enum",
			map[string]string{"cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\ntype: powiatt\n---\n"},
			problem.Problem{Path: "cities/wloclawek.md", Line: 4, Field: "type",
				Msg: `type: "powiatt" is not a city type`, Hint: `use one of gmina-miejska, gmina-wiejska, gmina-miejsko-wiejska, miasto-na-prawach-powiatu, powiat, wojewodztwo (did you mean "powiat"?)`}},
		{"status in Polish",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: przyjęty\ncities: [wloclawek]\nadopted: {date: 2016-05-20}\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 4, Field: "status",
				Msg: `status: "przyjęty" is the Polish name`, Hint: "statuses are written in English: status: adopted"}},
		{"topic without letters",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\ntopics: [seniorzy, \"–\"]\n---\n"},
			problem.Problem{Path: "pages/o-serwisie.md", Line: 3, Field: "topics[2]",
				Msg: `topics[2]: "–" has no letters or digits`, Hint: "write a word"}},
		{"alias with a full address",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\naliases: [/stara/, \"https://gmina.pl/o/\"]\n---\n"},
			problem.Problem{Path: "pages/o-serwisie.md", Line: 3, Field: "aliases[2]",
				Msg: `aliases[2]: "https://gmina.pl/o/" is a full address`, Hint: "write only the path on this site, like /stara/strona/"}},
		{"alias over a page the site makes",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\naliases: [/miasta/]\n---\n"},
			problem.Problem{Path: "pages/o-serwisie.md", Line: 3, Field: "aliases[1]",
				Msg: `aliases[1]: "/miasta/" is already the list of cities`, Hint: "remove the alias or change it to an address nothing else uses"}},

		// Dates in order.
		{"consultation ends before it starts",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: consultation\ncities: [wloclawek]\nconsultation:\n  from: 2021-05-10\n  to: 2021-05-01\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 8, Field: "consultation.to",
				Msg: "consultation.to (2021-05-01) is before consultation.from (2021-05-10)", Hint: "swap the dates"}},
		{"meeting ends before it starts",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\nend: 2021-01-16\ncities: [wloclawek]\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 4, Field: "end",
				Msg: "end (2021-01-16) is before date (2021-01-17)", Hint: "the meeting must end after it starts"}},

		// References.
		{"unknown reference with a likely slug",
			map[string]string{"cities/brzozie.md": "---\ntitle: Brzozie\nregion: kujawsko-pomorskie\nparent: powiat-brodnick\n---\n"},
			problem.Problem{Path: "cities/brzozie.md", Line: 4, Field: "parent",
				Msg: `parent: no city has the slug "powiat-brodnick"`, Hint: `did you mean "powiat-brodnicki"?`}},
		{"unknown reference with a distant slug",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nprogrammes: [urbact]\n---\n"},
			problem.Problem{Path: "partnerships/lgd.md", Line: 4, Field: "programmes[1]",
				Msg: `programmes[1]: no programme has the slug "urbact"`, Hint: `add content/programmes/urbact.md or fix the slug (did you mean "rlks"?)`}},
		{"reference empty",
			map[string]string{"organisations/pck.md": "---\ntitle: PCK\ncity: \"\"\n---\n"},
			problem.Problem{Path: "organisations/pck.md", Line: 3, Field: "city",
				Msg: "city is empty", Hint: "write the slug (file name without .md) of the city"}},
		{"reference listed twice",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek, wloclawek]\n---\n"},
			problem.Problem{Path: "partnerships/lgd.md", Line: 3, Field: "cities[2]",
				Msg: `cities[2]: "wloclawek" is already listed as item 1`, Hint: "remove the repeat"}},
		{"reference to itself",
			map[string]string{"cities/brzozie.md": "---\ntitle: Brzozie\nregion: kujawsko-pomorskie\nparent: brzozie\n---\n"},
			problem.Problem{Path: "cities/brzozie.md", Line: 4, Field: "parent",
				Msg: `parent: "brzozie" is this entry itself`, Hint: "refer to another one"}},
		{"reference through the wrong folder",
			map[string]string{"meetings/warsztaty.md": meeting + "organisers: [documents/lsr]\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 5, Field: "organisers[1]",
				Msg: `organisers[1]: "documents/lsr" names the folder "documents", but this key refers to a organisation or city`, Hint: "write the slug (file name without .md) of the organisation or city"}},
		{"reference to two kinds",
			map[string]string{"organisations/wloclawek.md": "---\ntitle: Urząd\n---\n",
				"meetings/warsztaty.md": meeting + "organisers: [wloclawek]\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 5, Field: "organisers[1]",
				Msg: `organisers[1]: "wloclawek" is both a organisation and a city`, Hint: "write organisations/wloclawek or cities/wloclawek"}},
		{"reference to a draft",
			map[string]string{"documents/lsr.md": doc + "draft: true\n---\n", "meetings/warsztaty.md": meeting + "documents: [lsr]\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 5, Field: "documents[1]",
				Msg: `documents[1]: "lsr" (documents/lsr.md) is a draft (draft: true)`, Hint: "publish it, or build with -drafts"}},
		{"reference to a future entry",
			map[string]string{"documents/lsr.md": doc + "publish: 2030-01-01\n---\n", "meetings/warsztaty.md": meeting + "documents: [lsr]\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 5, Field: "documents[1]",
				Msg: `documents[1]: "lsr" (documents/lsr.md) is not published until 2030-01-01`, Hint: "wait, or build with -future"}},
		{"leader not among cities",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nleader: brzozie\n---\n"},
			problem.Problem{Path: "partnerships/lgd.md", Line: 4, Field: "leader",
				Msg: `leader: "brzozie" is not one of this partnership's cities`, Hint: "add it to cities or choose a city that is there"}},
		{"leader not among members",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nleader: pck\n---\n"},
			problem.Problem{Path: "partnerships/lgd.md", Line: 4, Field: "leader",
				Msg: `leader: "pck" is not one of this partnership's members`, Hint: "add it to members or choose a member"}},

		// Attachments and images.
		{"attachment not found",
			map[string]string{"documents/lsr.md": doc + "attachments:\n  - file: pliki/lsr.pdf\n    title: Strategia\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 7, Field: "attachments[1].file",
				Msg: `attachments[1].file: file "pliki/lsr.pdf" not found beside the entry (documents/pliki/lsr.pdf) or in static/ (static/pliki/lsr.pdf)`, Hint: "add the file or fix the path"}},
		{"attachment absolute",
			map[string]string{"documents/lsr.md": doc + "attachments:\n  - file: /etc/lsr.pdf\n    title: Strategia\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 7, Field: "attachments[1].file",
				Msg: `attachments[1].file: "/etc/lsr.pdf" must be a path relative to the entry's folder or to static/`, Hint: "write it like pliki/strategia.pdf"}},
		{"attachment leaving the site",
			map[string]string{"documents/lsr.md": doc + "attachments:\n  - file: ../../lsr.pdf\n    title: Strategia\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 7, Field: "attachments[1].file",
				Msg: `attachments[1].file: "../../lsr.pdf" leads outside the site`, Hint: "keep files beside the entry or under static/"}},
		{"attachment of an unknown type",
			map[string]string{"documents/lsr.md": doc + "attachments:\n  - file: lsr.exe\n    title: Strategia\n---\n"},
			problem.Problem{Path: "documents/lsr.md", Line: 7, Field: "attachments[1].file",
				Msg: `attachments[1].file: "lsr.exe" has no known file type (.exe)`, Hint: "use a file ending in .pdf, .docx, .odt, .xlsx, .ods, .csv, .zip …"}},
		{"attachment language",
			map[string]string{"documents/lsr.md": doc + "attachments:\n  - file: lsr.pdf\n    title: Strategy\n    lang: angielski\n---\n", "documents/lsr.pdf": "%PDF"},
			problem.Problem{Path: "documents/lsr.md", Line: 9, Field: "attachments[1].lang",
				Msg: `attachments[1].lang: "angielski" is not a language code`, Hint: "use one like en, de or uk"}},
		{"minutes not found",
			map[string]string{"meetings/warsztaty.md": meeting + "minutes:\n  file: protokol.pdf\n  title: Protokół\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 6, Field: "minutes.file",
				Msg: `minutes.file: file "protokol.pdf" not found beside the entry (meetings/protokol.pdf) or in static/ (static/protokol.pdf)`, Hint: "add the file or fix the path"}},
		{"image without alt",
			map[string]string{"meetings/warsztaty.md": meeting + "images:\n  - file: foto.svg\n---\n", "meetings/foto.svg": "<svg/>"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 6, Field: "images[1].alt",
				Msg: "images[1].alt is required", Hint: "describe what the image shows for people who cannot see it (or mark a purely decorative image with decorative: true)"}},
		{"decorative image with alt",
			map[string]string{"meetings/warsztaty.md": meeting + "images:\n  - file: foto.svg\n    alt: Sala\n    decorative: true\n---\n", "meetings/foto.svg": "<svg/>"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 7, Field: "images[1].alt",
				Msg: "images[1]: an image marked decorative: true has no alt text", Hint: "remove alt, or remove decorative if the image carries information"}},
		{"image not an image",
			map[string]string{"meetings/warsztaty.md": meeting + "images:\n  - file: foto.pdf\n    alt: Sala\n---\n"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 6, Field: "images[1].file",
				Msg: `images[1].file: "foto.pdf" is not an image ratusz can publish`, Hint: "use .jpg, .png, .webp, .gif or .svg"}},
		{"image size unreadable",
			map[string]string{"meetings/warsztaty.md": meeting + "images:\n  - file: foto.jpg\n    alt: Sala\n---\n", "meetings/foto.jpg": "JPEG"},
			problem.Problem{Path: "meetings/warsztaty.md", Line: 6, Field: "images[1].file",
				Msg: `images[1].file: cannot read the size of "foto.jpg": unexpected EOF`, Hint: "save it again as a JPG, PNG, WebP, GIF or SVG with a width and height"}},

		// The root _index.md.
		{"site language unknown",
			map[string]string{"_index.md": "---\ntitle: Strona\nlang: de\n---\n"},
			problem.Problem{Path: "_index.md", Line: 3, Field: "lang",
				Msg: `lang: unsupported language "de"`, Hint: `use "pl" or "en"`}},
		{"site time zone unknown",
			map[string]string{"_index.md": "---\ntitle: Strona\ntimezone: Europe/Warszawa\n---\n"},
			problem.Problem{Path: "_index.md", Line: 3, Field: "timezone",
				Msg: `timezone: "Europe/Warszawa" is not a time zone`, Hint: "use a name like Europe/Warsaw"}},
		{"accessibility statement date missing",
			map[string]string{"_index.md": accessibility("zgodna", "published")},
			problem.Problem{Path: "_index.md", Line: 3, Field: "accessibility.published",
				Msg: "accessibility.published is required", Hint: "add published: YYYY-MM-DD"}},
		{"accessibility statement status missing",
			map[string]string{"_index.md": accessibility("zgodna", "status")},
			problem.Problem{Path: "_index.md", Line: 3, Field: "accessibility.status",
				Msg: "accessibility.status is required", Hint: "add status: with one of zgodna, czesciowo-zgodna, niezgodna"}},
		{"accessibility statement contact missing",
			map[string]string{"_index.md": accessibility("zgodna", "contact")},
			problem.Problem{Path: "_index.md", Line: 3, Field: "accessibility.contact",
				Msg: "accessibility.contact is required", Hint: "add contact: {person: …, email: …, phone: …}"}},
		{"accessibility statement architecture missing",
			map[string]string{"_index.md": accessibility("zgodna", "architecture")},
			problem.Problem{Path: "_index.md", Line: 3, Field: "accessibility.architecture",
				Msg: "accessibility.architecture is required", Hint: "describe how the public body's buildings can be reached (entrances, lifts, parking, a sign-language interpreter on site)"}},
		{"accessibility statement communication missing",
			map[string]string{"_index.md": accessibility("zgodna", "communication")},
			problem.Problem{Path: "_index.md", Line: 3, Field: "accessibility.communication",
				Msg: "accessibility.communication is required", Hint: "describe how deaf people can contact the body (e-mail, SMS, video calls with a Polish Sign Language interpreter)"}},
		{"accessibility statement partly compliant without saying what is not",
			map[string]string{"_index.md": accessibility("niezgodna", "")},
			problem.Problem{Path: "_index.md", Line: 4, Field: "accessibility.noncompliance",
				Msg: "accessibility.status is niezgodna, so accessibility.noncompliance is required", Hint: "list what is not accessible and why"}},

		// Files as a whole: no field.
		{"two files with one address",
			map[string]string{"cities/Włocławek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"},
			problem.Problem{Path: "cities/wloclawek.md", Line: 1,
				Msg: `has the same address "/miasta/wloclawek/" as cities/Włocławek.md`, Hint: "rename one of the files (file names that differ only in case or Polish letters make the same address)"}},
		{"file name without letters",
			map[string]string{"pages/---.md": "---\ntitle: X\n---\n"},
			problem.Problem{Path: "pages/---.md", Line: 1,
				Msg: `file name "---.md" has no letters or digits to make an address from`, Hint: "rename the file"}},
		{"page over a page the site makes",
			map[string]string{"pages/miasta.md": "---\ntitle: Miasta\n---\n"},
			problem.Problem{Path: "pages/miasta.md", Line: 1,
				Msg: "the address /miasta/ of this file is already the list of cities", Hint: "rename the file"}},
		{"index in a nested folder",
			map[string]string{"documents/2018/_index.md": "---\ntitle: X\n---\n"},
			problem.Problem{Path: "documents/2018/_index.md", Line: 1,
				Msg: "_index.md only belongs at the top of a kind's folder (cities/, programmes/, organisations/, partnerships/, documents/, meetings/) or of the content folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problems(t, tt.change)
			if len(got) != 1 {
				t.Fatalf("got %d problems, want 1:\n%v", len(got), got.Err())
			}
			if *got[0] != tt.want {
				t.Errorf("got  %#v\nwant %#v", *got[0], tt.want)
			}
		})
	}
}
