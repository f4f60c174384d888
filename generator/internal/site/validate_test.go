package site_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// base is a small valid site; each case below changes one file of it.
var base = map[string]string{
	"cities/wloclawek.md":        "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\ntype: miasto-na-prawach-powiatu\n---\nMiasto nad Wisłą.\n",
	"cities/powiat-brodnicki.md": "---\ntitle: Powiat brodnicki\nregion: kujawsko-pomorskie\ntype: powiat\n---\n",
	"cities/brzozie.md":          "---\ntitle: Brzozie\nregion: kujawsko-pomorskie\nparent: powiat-brodnicki\n---\n",
	"programmes/rlks.md":         "---\ntitle: Rozwój Lokalny Kierowany przez Społeczność\nshort: RLKS\nperiod: 2014-2020\n---\n",
	"organisations/pck.md":       "---\ntitle: PCK Oddział Rejonowy we Włocławku\ntype: stowarzyszenie\ncity: wloclawek\n---\n",
	"partnerships/lgd.md":        "---\ntitle: LGD Włocławek\ntype: lgd\ncities: [wloclawek]\nmembers: [pck]\nleader: pck\nprogrammes: [rlks]\nfounded: 2015-06\n---\n",
	"documents/lsr.md":           "---\ntitle: Lokalna Strategia Rozwoju\ntype: strategia\nstatus: adopted\ncities: [wloclawek]\npartnership: lgd\nperiod: 2016-2023\nadopted:\n  date: 2016-05-20\n  by: Rada Miasta Włocławek\n---\nTreść.\n",
	"meetings/warsztaty.md":      "---\ntitle: Warsztaty\ndate: 2021-01-17\ntype: warsztaty\nplace:\n  name: Centrum Kultury\n  city: brzozie\n---\n",
	"pages/o-serwisie.md":        "---\ntitle: O serwisie\n---\nTekst.\n",
}

func build(t *testing.T, change map[string]string, static map[string]int64) (*site.Site, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range base {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	for p, s := range change {
		if s == "" {
			delete(fsys, p)
			continue
		}
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	tree, errs := content.Load(context.Background(), fsys)
	if len(errs) > 0 {
		return nil, lines(errs)
	}
	now := time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)
	s, errs := site.New(tree, site.Options{Now: now, Static: static})
	return s, lines(errs)
}

func lines(errs problem.List) []string {
	var out []string
	for _, e := range errs.Sort() {
		out = append(out, e.Error())
	}
	return out
}

func TestBaseSiteIsValid(t *testing.T) {
	s, errs := build(t, nil, nil)
	if len(errs) > 0 {
		t.Fatalf("errors in the base site:\n%s", strings.Join(errs, "\n"))
	}
	if got, want := len(s.Cities), 3; got != want {
		t.Errorf("cities: got %d, want %d", got, want)
	}
}

// Every rule of the content model, with the exact message an editor sees.
func TestValidation(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]string
		want   []string
	}{
		// Fields every kind has.
		{"title missing",
			map[string]string{"cities/wloclawek.md": "---\nregion: kujawsko-pomorskie\n---\n"},
			[]string{"cities/wloclawek.md:1: title is required; add title: the name shown as the page heading"}},
		{"title empty",
			map[string]string{"cities/wloclawek.md": "---\ntitle: \"\"\nregion: kujawsko-pomorskie\n---\n"},
			[]string{"cities/wloclawek.md:2: title is empty; give it a value (the name shown as the page heading)"}},
		{"title a list",
			map[string]string{"cities/wloclawek.md": "---\ntitle: [a, b]\nregion: kujawsko-pomorskie\n---\n"},
			[]string{"cities/wloclawek.md:2: title: expected text, got a list; write it as title: \"…\""}},
		{"unknown key with a close known key",
			map[string]string{"cities/wloclawek.md": "---\ntitel: Włocławek\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"},
			[]string{`cities/wloclawek.md:2: unknown key "titel"; did you mean "title"? (free keys for layouts go under params:)`}},
		{"unknown key with no close key",
			map[string]string{"programmes/rlks.md": "---\ntitle: RLKS\nbudżet: 100\n---\n"},
			[]string{`programmes/rlks.md:3: unknown key "budżet"; known keys here are title, summary, draft, publish, updated, topics, aliases, source, params, record, short, funder, period, website (free keys for layouts go under params:)`}},
		{"unknown key in a nested map",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\nplace:\n  nazwa: X\n  city: brzozie\n---\n"},
			[]string{`meetings/warsztaty.md:5: unknown key "place.nazwa"; known keys here are name, address, city (free keys for layouts go under params:)`}},
		{"params holds free keys",
			map[string]string{"programmes/rlks.md": "---\ntitle: RLKS\nparams:\n  budżet: 100\n  kolor: zielony\n---\n"},
			nil},
		{"draft not a bool",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\ndraft: tak\n---\n"},
			[]string{`pages/o-serwisie.md:3: draft: expected true or false, got "tak"`}},
		{"publish not a date",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\npublish: jutro\n---\n"},
			[]string{`pages/o-serwisie.md:3: publish: "jutro" is not a date; write it as YYYY-MM-DD (2021-01-17) or a full time (2021-01-17T10:00:00+01:00)`}},
		{"updated partial date not allowed",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\nupdated: 2021-03\n---\n"},
			[]string{`pages/o-serwisie.md:3: updated: "2021-03" is not a full date; write it as YYYY-MM-DD (2021-01-17) or a full time (2021-01-17T10:00:00+01:00)`}},
		{"month 13",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\nupdated: 2021-13-45\n---\n"},
			[]string{`pages/o-serwisie.md:3: updated: "2021-13-45" has no month 13; months are 01 to 12`}},
		{"31 April",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\nupdated: 2021-04-31\n---\n"},
			[]string{`pages/o-serwisie.md:3: updated: "2021-04-31" has no day 31; that month has 30 days`}},
		{"29 February in a common year",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\nupdated: 2021-02-29\n---\n"},
			[]string{`pages/o-serwisie.md:3: updated: "2021-02-29" has no day 29; that month has 28 days`}},
		{"topic without letters",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\ntopics: [seniorzy, \"–\"]\n---\n"},
			[]string{`pages/o-serwisie.md:3: topics[2]: "–" has no letters or digits; write a word`}},
		{"topics a map",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\ntopics:\n  a: b\n---\n"},
			[]string{`pages/o-serwisie.md:3: topics: expected a list, got a map of keys; write each item on its own line starting with "- "`}},
		{"alias with a full address",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\naliases: [\"https://gmina.pl/o/\"]\n---\n"},
			[]string{`pages/o-serwisie.md:3: aliases[1]: "https://gmina.pl/o/" is a full address; write only the path on this site, like /stara/strona/`}},
		{"alias leaving the site",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\naliases: [/a/../../etc/]\n---\n"},
			[]string{`pages/o-serwisie.md:3: aliases[1]: "/a/../../etc/" contains ".."; write the path from the site root, like /stara/strona/`}},
		{"source not a web address",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\nsource: www.wloclawek.pl\n---\n"},
			[]string{`pages/o-serwisie.md:3: source: "www.wloclawek.pl" is not a web address; write the full address starting with https://`}},

		// city
		{"city region missing",
			map[string]string{"cities/wloclawek.md": "---\ntitle: Włocławek\n---\n"},
			[]string{"cities/wloclawek.md:1: region is required; add region: the województwo, e.g. kujawsko-pomorskie"}},
		{"city type not in the enum",
			map[string]string{"cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\ntype: gmina-miejsk\n---\n"},
			[]string{`cities/wloclawek.md:4: type: "gmina-miejsk" is not a city type; use one of gmina-miejska, gmina-wiejska, gmina-miejsko-wiejska, miasto-na-prawach-powiatu, powiat, wojewodztwo (did you mean "gmina-miejska"?)`}},
		{"city website not a URL",
			map[string]string{"cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\nwebsite: wloclawek\n---\n"},
			[]string{`cities/wloclawek.md:4: website: "wloclawek" is not a web address; write the full address starting with https://`}},
		{"city parent dangling",
			map[string]string{"cities/brzozie.md": "---\ntitle: Brzozie\nregion: kujawsko-pomorskie\nparent: powiat-brodnick\n---\n"},
			[]string{`cities/brzozie.md:4: parent: no city has the slug "powiat-brodnick"; did you mean "powiat-brodnicki"?`}},
		{"city parent is itself",
			map[string]string{"cities/brzozie.md": "---\ntitle: Brzozie\nregion: kujawsko-pomorskie\nparent: brzozie\n---\n"},
			[]string{`cities/brzozie.md:4: parent: "brzozie" is this entry itself; refer to another one`}},

		// programme
		{"programme period reversed",
			map[string]string{"programmes/rlks.md": "---\ntitle: RLKS\nperiod: 2020-2014\n---\n"},
			[]string{"programmes/rlks.md:3: period: ends (2014) before it starts (2020); swap the years"}},
		{"programme period map reversed",
			map[string]string{"programmes/rlks.md": "---\ntitle: RLKS\nperiod: {from: 2020, to: 2014}\n---\n"},
			[]string{"programmes/rlks.md:3: period: ends (2014) before it starts (2020); swap the years"}},
		{"programme period not years",
			map[string]string{"programmes/rlks.md": "---\ntitle: RLKS\nperiod: od zawsze\n---\n"},
			[]string{`programmes/rlks.md:3: period: "od zawsze" is not a period; write the years as 2016-2020 or {from: 2016, to: 2020}`}},
		{"programme period year not a year",
			map[string]string{"programmes/rlks.md": "---\ntitle: RLKS\nperiod:\n  from: 2014\n  to: dwa\n---\n"},
			[]string{`programmes/rlks.md:5: period.to: "dwa" is not a year; write four digits, like 2016`}},

		// organisation
		{"organisation type not in the enum",
			map[string]string{"organisations/pck.md": "---\ntitle: PCK\ntype: NGO\n---\n"},
			[]string{`organisations/pck.md:3: type: "NGO" is not an organisation type; use one of fundacja, stowarzyszenie, urzad, instytucja, kosciol, inna`}},
		{"organisation city dangling",
			map[string]string{"organisations/pck.md": "---\ntitle: PCK\ncity: wloclawk\n---\n"},
			[]string{`organisations/pck.md:3: city: no city has the slug "wloclawk"; did you mean "wloclawek"?`}},

		// partnership
		{"partnership cities missing",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ntype: lgd\n---\n"},
			[]string{"partnerships/lgd.md:1: cities is required; list every city taking part, e.g. cities: [wloclawek]"}},
		{"partnership cities empty",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: []\n---\n"},
			[]string{"partnerships/lgd.md:3: cities is empty; list at least one city taking part"}},
		{"partnership city listed twice",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek, brzozie, wloclawek]\n---\n"},
			[]string{`partnerships/lgd.md:3: cities[3]: "wloclawek" is already listed as item 1; remove the repeat`}},
		{"partnership type not in the enum",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ntype: LGD\ncities: [wloclawek]\n---\n"},
			[]string{`partnerships/lgd.md:3: type: "LGD" is not a partnership type; use one of lgd, lgw, partnerstwo, projekt, koalicja (did you mean "lgd"?)`}},
		{"partnership leader not a member",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nleader: pck\n---\n"},
			[]string{`partnerships/lgd.md:4: leader: "pck" is not one of this partnership's members; add it to members or choose a member`}},
		{"partnership leader city not among cities",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nleader: brzozie\n---\n"},
			[]string{`partnerships/lgd.md:4: leader: "brzozie" is not one of this partnership's cities; add it to cities or choose a city that is there`}},
		{"partnership leader dangling",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nleader: pkc\n---\n"},
			[]string{`partnerships/lgd.md:4: leader: no city or organisation has the slug "pkc"; did you mean "pck"?`}},
		{"partnership member of the wrong kind",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nmembers: [wloclawek]\n---\n"},
			[]string{`partnerships/lgd.md:4: members[1]: no organisation has the slug "wloclawek"; add content/organisations/wloclawek.md or fix the slug (did you mean "pck"?)`}},
		{"partnership founded partial date",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nfounded: 2015\n---\n"},
			nil},
		{"partnership founded month 00",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nfounded: 2015-00\n---\n"},
			[]string{`partnerships/lgd.md:4: founded: "2015-00" has no month 0; months are 01 to 12`}},
		{"partnership programme dangling",
			map[string]string{"partnerships/lgd.md": "---\ntitle: LGD\ncities: [wloclawek]\nprogrammes: [urbact]\n---\n"},
			[]string{`partnerships/lgd.md:4: programmes[1]: no programme has the slug "urbact"; add content/programmes/urbact.md or fix the slug (did you mean "rlks"?)`}},

		// document
		{"document type, status and cities missing",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\n---\n"},
			[]string{
				"documents/lsr.md:1: cities is required; list the cities the document belongs to, e.g. cities: [walbrzych]",
				"documents/lsr.md:1: status is required; add status: with one of draft, consultation, adopted, expired",
				"documents/lsr.md:1: type is required; add type: with one of strategia, program, polityka, plan, raport, uchwala, inny",
			}},
		{"document type not in the enum",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategy\nstatus: draft\ncities: [wloclawek]\n---\n"},
			[]string{`documents/lsr.md:3: type: "strategy" is not a document type; use one of strategia, program, polityka, plan, raport, uchwala, inny (did you mean "strategia"?)`}},
		{"document cities a map",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities:\n  wloclawek: tak\n---\n"},
			[]string{`documents/lsr.md:5: cities: expected a list, got a map of keys; write each item on its own line starting with "- "`}},
		{"adoption date partial",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: adopted\ncities: [wloclawek]\nadopted: {date: 2018-02}\n---\n"},
			[]string{`documents/lsr.md:6: adopted.date: "2018-02" is not a full date; write it as YYYY-MM-DD (2021-01-17) or a full time (2021-01-17T10:00:00+01:00)`}},
		{"document status not in the enum",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: adoptd\ncities: [wloclawek]\n---\n"},
			[]string{`documents/lsr.md:4: status: "adoptd" is not a document status; use one of draft, consultation, adopted, expired (did you mean "adopted"?)`}},
		{"document adopted without adopted",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: adopted\ncities: [wloclawek]\n---\n"},
			[]string{"documents/lsr.md:4: status is adopted but adopted is missing; add adopted: {date: YYYY-MM-DD, by: …, resolution: …}"}},
		{"document adopted without a date",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: adopted\ncities: [wloclawek]\nadopted:\n  by: Rada Miasta\n---\n"},
			[]string{"documents/lsr.md:6: adopted.date is required; add date: with the day of the resolution (YYYY-MM-DD)"}},
		{"document adopted not a map",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: adopted\ncities: [wloclawek]\nadopted: 2018-02-15\n---\n"},
			[]string{`documents/lsr.md:6: adopted: expected keys (date, by, resolution), got "2018-02-15"`}},
		{"document consultation without consultation",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: consultation\ncities: [wloclawek]\n---\n"},
			[]string{"documents/lsr.md:4: status is consultation but consultation is missing; add consultation: {from: YYYY-MM-DD, to: YYYY-MM-DD, url: …}"}},
		{"document consultation reversed",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: consultation\ncities: [wloclawek]\nconsultation:\n  from: 2021-05-10\n  to: 2021-05-01\n  url: https://wloclawek.pl/konsultacje\n---\n"},
			[]string{"documents/lsr.md:8: consultation.to (2021-05-01) is before consultation.from (2021-05-10); swap the dates"}},
		{"document consultation url not a web address",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: consultation\ncities: [wloclawek]\nconsultation:\n  from: 2021-05-01\n  url: konsultacje@wloclawek.pl\n  to: 2021-05-31\n---\n"},
			[]string{`documents/lsr.md:8: consultation.url: "konsultacje@wloclawek.pl" is not a web address; write the full address starting with https://`}},
		{"document period reversed",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nperiod: 2022-2018\n---\n"},
			[]string{"documents/lsr.md:6: period: ends (2018) before it starts (2022); swap the years"}},
		{"document partnership dangling",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\npartnership: lgd-wloclawek\n---\n"},
			[]string{`documents/lsr.md:6: partnership: no partnership has the slug "lgd-wloclawek"; did you mean "lgd"?`}},
		{"document attachment missing",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nattachments:\n  - file: pliki/lsr.pdf\n    title: Strategia\n---\n"},
			[]string{`documents/lsr.md:7: attachments[1].file: file "pliki/lsr.pdf" not found beside the entry (documents/pliki/lsr.pdf) or in static/ (static/pliki/lsr.pdf); add the file or fix the path`}},
		{"document attachment without a title",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nattachments:\n  - file: lsr.pdf\n---\n", "documents/lsr.pdf": "%PDF-1.4"},
			[]string{"documents/lsr.md:7: attachments[1].title is required; add title: the name of the file shown in the link"}},
		{"document attachment of an unknown type",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nattachments:\n  - file: lsr\n    title: Strategia\n---\n"},
			[]string{`documents/lsr.md:7: attachments[1].file: "lsr" has no known file type (no extension); use a file ending in .pdf, .docx, .odt, .xlsx, .ods, .csv, .zip …`}},
		{"document attachment leaving the site",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nattachments:\n  - file: ../../etc/passwd.pdf\n    title: Strategia\n---\n"},
			[]string{`documents/lsr.md:7: attachments[1].file: "../../etc/passwd.pdf" leads outside the site; keep files beside the entry or under static/`}},
		{"document attachment absolute",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nattachments:\n  - file: /etc/lsr.pdf\n    title: Strategia\n---\n"},
			[]string{`documents/lsr.md:7: attachments[1].file: "/etc/lsr.pdf" must be a path relative to the entry's folder or to static/; write it like pliki/strategia.pdf`}},
		{"document attachment language",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\nattachments:\n  - file: lsr.pdf\n    title: Strategy\n    lang: angielski\n---\n", "documents/lsr.pdf": "%PDF"},
			[]string{`documents/lsr.md:9: attachments[1].lang: "angielski" is not a language code; use one like en, de or uk`}},

		// meeting
		{"meeting date missing",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ncities: [wloclawek]\n---\n"},
			[]string{"meetings/warsztaty.md:1: date is required; add date: with the day the meeting starts (YYYY-MM-DD)"}},
		{"meeting date partial",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2015-06\ncities: [wloclawek]\n---\n"},
			[]string{`meetings/warsztaty.md:3: date: "2015-06" is not a full date; write it as YYYY-MM-DD (2021-01-17) or a full time (2021-01-17T10:00:00+01:00)`}},
		{"meeting ends before it starts",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17T10:00:00+01:00\nend: 2021-01-17T09:00:00+01:00\ncities: [wloclawek]\n---\n"},
			[]string{"meetings/warsztaty.md:4: end (2021-01-17T09:00:00+01:00) is before date (2021-01-17T10:00:00+01:00); the meeting must end after it starts"}},
		{"meeting without any city",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\n---\n"},
			[]string{"meetings/warsztaty.md:1: cities is required when neither place.city nor partnership says where the meeting belongs; add cities: [slug]"}},
		{"meeting city from the partnership",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\npartnership: lgd\n---\n"},
			nil},
		{"meeting type not in the enum",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ntype: warsztat\ncities: [wloclawek]\n---\n"},
			[]string{`meetings/warsztaty.md:4: type: "warsztat" is not a meeting type; use one of warsztaty, konferencja, spotkanie, konsultacje, posiedzenie, seminarium (did you mean "warsztaty"?)`}},
		{"meeting organiser ambiguous kind resolved by folder",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\norganisers: [cities/wloclawek, pck]\n---\n"},
			nil},
		{"meeting organiser folder of the wrong kind",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\norganisers: [documents/lsr]\n---\n"},
			[]string{`meetings/warsztaty.md:5: organisers[1]: "documents/lsr" names the folder "documents", but this key refers to a organisation or city; write the slug (file name without .md) of the organisation or city`}},
		{"meeting document dangling",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\ndocuments: [lsr-2016]\n---\n"},
			[]string{`meetings/warsztaty.md:5: documents[1]: no document has the slug "lsr-2016"; did you mean "lsr"?`}},
		{"meeting image without alt",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\nimages:\n  - file: foto.jpg\n---\n", "meetings/foto.jpg": "JPEG"},
			[]string{"meetings/warsztaty.md:6: images[1].alt is required; describe what the image shows for people who cannot see it (or mark a purely decorative image with decorative: true)"}},
		{"meeting decorative image with alt",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\nimages:\n  - file: foto.jpg\n    alt: Sala\n    decorative: true\n---\n", "meetings/foto.jpg": "JPEG"},
			[]string{"meetings/warsztaty.md:7: images[1]: an image marked decorative: true has no alt text; remove alt, or remove decorative if the image carries information"}},
		{"meeting image missing",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\nimages:\n  - file: foto.jpg\n    alt: Sala\n---\n"},
			[]string{`meetings/warsztaty.md:6: images[1].file: file "foto.jpg" not found beside the entry (meetings/foto.jpg) or in static/ (static/foto.jpg); add the file or fix the path`}},
		{"meeting image not an image",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\nimages:\n  - file: foto.pdf\n    alt: Sala\n---\n"},
			[]string{`meetings/warsztaty.md:6: images[1].file: "foto.pdf" is not an image ratusz can publish; use .jpg, .png, .webp, .gif or .svg`}},
		{"meeting minutes missing",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\nminutes:\n  file: protokol.pdf\n  title: Protokół\n---\n"},
			[]string{`meetings/warsztaty.md:6: minutes.file: file "protokol.pdf" not found beside the entry (meetings/protokol.pdf) or in static/ (static/protokol.pdf); add the file or fix the path`}},

		{"meeting place city dangling",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\nplace:\n  name: Sala\n  city: brzezie\n---\n"},
			[]string{`meetings/warsztaty.md:6: place.city: no city has the slug "brzezie"; did you mean "brzozie"?`}},
		{"meeting place not a map",
			map[string]string{"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\nplace: Centrum Kultury\n---\n"},
			[]string{`meetings/warsztaty.md:5: place: expected keys (name, address, city), got "Centrum Kultury"`}},
		{"consultation date not a date",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: consultation\ncities: [wloclawek]\nconsultation:\n  from: 1 maja 2021\n  to: 2021-05-31\n---\n"},
			[]string{`documents/lsr.md:7: consultation.from: "1 maja 2021" is not a date; write it as YYYY-MM-DD (2021-01-17) or a full time (2021-01-17T10:00:00+01:00)`}},
		{"params not a map",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\nparams: [a, b]\n---\n"},
			[]string{`pages/o-serwisie.md:3: params: expected keys with values, got a list`}},
		{"summary a map",
			map[string]string{"pages/o-serwisie.md": "---\ntitle: O\nsummary:\n  pl: Tekst\n---\n"},
			[]string{`pages/o-serwisie.md:3: summary: expected text, got a map of keys; write it as summary: "…"`}},
		{"true where text goes",
			map[string]string{"programmes/rlks.md": "---\ntitle: RLKS\nshort: true\n---\n"},
			[]string{`programmes/rlks.md:3: short: expected text, got the yes/no value true; put it in quotes if you mean the text`}},
		{"every error of a build at once",
			map[string]string{
				"cities/wloclawek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\ntype: miasto\n---\n",
				"pages/o-serwisie.md": "---\ntitel: O\n---\n",
			},
			[]string{
				`cities/wloclawek.md:4: type: "miasto" is not a city type; use one of gmina-miejska, gmina-wiejska, gmina-miejsko-wiejska, miasto-na-prawach-powiatu, powiat, wojewodztwo`,
				`pages/o-serwisie.md:1: title is required; add title: the name shown as the page heading`,
				`pages/o-serwisie.md:2: unknown key "titel"; did you mean "title"? (free keys for layouts go under params:)`,
			}},

		// files and slugs
		{"two files with one slug",
			map[string]string{"cities/Włocławek.md": "---\ntitle: Włocławek\nregion: kujawsko-pomorskie\n---\n"},
			[]string{`cities/wloclawek.md:1: has the same address "/miasta/wloclawek/" as cities/Włocławek.md; rename one of the files (file names that differ only in case or Polish letters make the same address)`}},
		{"file name without letters",
			map[string]string{"pages/---.md": "---\ntitle: X\n---\n"},
			[]string{`pages/---.md:1: file name "---.md" has no letters or digits to make an address from; rename the file`}},
		{"reference to a draft",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\ndraft: true\n---\n",
				"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\ndocuments: [lsr]\n---\n"},
			[]string{`meetings/warsztaty.md:5: documents[1]: "lsr" (documents/lsr.md) is a draft (draft: true); publish it, or build with -drafts`}},
		{"reference to a future entry",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\npublish: 2030-01-01\n---\n",
				"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\ndocuments: [lsr]\n---\n"},
			[]string{`meetings/warsztaty.md:5: documents[1]: "lsr" (documents/lsr.md) is not published until 2030-01-01; wait, or build with -future`}},
		{"a draft may refer to another draft",
			map[string]string{"documents/lsr.md": "---\ntitle: LSR\ntype: strategia\nstatus: draft\ncities: [wloclawek]\ndraft: true\n---\n",
				"meetings/warsztaty.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawek]\ndocuments: [lsr]\ndraft: true\n---\n"},
			nil},
		{"a draft is checked too",
			map[string]string{"meetings/szkic.md": "---\ntitle: W\ndate: 2021-01-17\ncities: [wloclawk]\ndraft: true\n---\n"},
			[]string{`meetings/szkic.md:4: cities[1]: no city has the slug "wloclawk"; did you mean "wloclawek"?`}},
		{"accessibility statement without its required parts",
			map[string]string{"_index.md": "---\ntitle: Strona\naccessibility:\n  status: zgodnie\n---\n"},
			[]string{
				"_index.md:3: accessibility.architecture is required; describe how the public body's buildings can be reached (entrances, lifts, parking, a sign-language interpreter on site)",
				"_index.md:3: accessibility.communication is required; describe how deaf people can contact the body (e-mail, SMS, video calls with a Polish Sign Language interpreter)",
				"_index.md:3: accessibility.contact is required; add contact: {person: …, email: …, phone: …}",
				"_index.md:3: accessibility.prepared is required; add prepared: YYYY-MM-DD",
				"_index.md:3: accessibility.published is required; add published: YYYY-MM-DD",
				"_index.md:3: accessibility.publisher is required; add publisher: the public body that runs the site, e.g. Urząd Miasta Włocławek",
				"_index.md:3: accessibility.updated is required; add updated: YYYY-MM-DD",
				`_index.md:4: accessibility.status: "zgodnie" is not a compliance status; use one of zgodna, czesciowo-zgodna, niezgodna (did you mean "zgodna"?)`,
			}},
		{"accessibility partly compliant without saying what is not",
			map[string]string{"_index.md": "---\ntitle: Strona\naccessibility:\n  publisher: Urząd\n  published: 2020-01-01\n  updated: 2020-01-01\n  prepared: 2020-01-01\n  status: czesciowo-zgodna\n  contact: {person: A, email: a@b.pl, phone: \"1\"}\n  architecture: tekst\n  communication: tekst\n  kontakt: x\n---\n"},
			[]string{
				"_index.md:8: accessibility.status is czesciowo-zgodna, so accessibility.noncompliance is required; list what is not accessible and why",
				`_index.md:12: unknown key "accessibility.kontakt"; did you mean "contact"? (free keys for layouts go under params:)`,
			}},
		{"index in a nested folder",
			map[string]string{"documents/2018/_index.md": "---\ntitle: X\n---\n"},
			[]string{"documents/2018/_index.md:1: _index.md only belongs at the top of a kind's folder (cities/, programmes/, organisations/, partnerships/, documents/, meetings/) or of the content folder"}},
		{"site language unknown",
			map[string]string{"_index.md": "---\ntitle: Strona\nlang: de\n---\n"},
			[]string{`_index.md:3: lang: unsupported language "de"; use "pl" or "en"`}},
		{"site time zone unknown",
			map[string]string{"_index.md": "---\ntitle: Strona\ntimezone: Europe/Warszawa\n---\n"},
			[]string{`_index.md:3: timezone: "Europe/Warszawa" is not a time zone; use a name like Europe/Warsaw`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := build(t, tt.change, nil)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
