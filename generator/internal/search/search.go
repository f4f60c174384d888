// Package search writes the index that the site's search page
// (static/js/search.js) searches in the reader's browser, with no server.
// It reads the site model and returns bytes; it writes no file.
//
// The index is one JSON file beside the search page ("szukaj/index.json"),
// made to stay small on large sites: at 10,000 entries it is under 60
// bytes an entry gzipped (a test measures it). It is columnar — one array
// per field, one row per entry — and dictionary-coded:
//
//	v      format version, 1
//	kinds  [[label, URL prefix], …]: "dokument", "dokumenty/"; pages have ""
//	types  type labels: "strategia", "warsztaty"…
//	places city and region names
//	states document states: "obowiązuje"…
//	t      titles, as written
//	s      the rest of the address after the kind's prefix, without the
//	       final "/", or "" when it is the slug of the title (the script
//	       makes the same slug: lowercase, Polish letters folded, every run
//	       of other characters one hyphen)
//	k      kind of each entry: one digit per entry in a string
//	y      type: index into types + 1, 0 for none
//	p      places: an index into places + 1, a list of them, or 0; an
//	       entry's places are the cities of its relations that locate
//	       it (site.Relation.Locates), in table order, then a city's
//	       region
//	st     state: index into states + 1, 0 for none
//	w      words of the summary that the title does not have, folded
//	       (ą→a, ł→l…), at most maxWords of them, space-separated
//
// Entries are in the order results are shown: documents, meetings,
// partnerships, cities, programmes, organisations (each kind in its
// index's order), then pages.
package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/slug"
)

// maxWords is how many words of a summary an entry keeps.
const maxWords = 10

// File is the site-relative path of the index: "szukaj/index.json".
func File(l *lang.Lang) string { return l.Segment("search") + "/index.json" }

type index struct {
	V      int         `json:"v"`
	Kinds  [][2]string `json:"kinds"`
	Types  []string    `json:"types"`
	Places []string    `json:"places"`
	States []string    `json:"states"`
	T      []string    `json:"t"`
	S      []string    `json:"s"`
	K      string      `json:"k"`
	Y      []int       `json:"y"`
	P      []any       `json:"p"`
	St     []int       `json:"st"`
	W      []string    `json:"w"`
}

// dict numbers strings in the order they are first seen, from 1.
type dict struct {
	list []string
	ids  map[string]int
}

func (d *dict) id(s string) int {
	if s == "" {
		return 0
	}
	if d.ids == nil {
		d.ids = map[string]int{}
	}
	if i, ok := d.ids[s]; ok {
		return i
	}
	d.list = append(d.list, s)
	d.ids[s] = len(d.list)
	return len(d.list)
}

func (d *dict) strings() []string {
	if d.list == nil {
		return []string{}
	}
	return d.list
}

// Index returns the search index of a site.
func Index(s *site.Site) ([]byte, error) {
	l := s.Lang
	order := append(site.Kinds(), site.KindPage)
	kindOf := map[site.Kind]int{}
	idx := index{V: 1}
	for i, k := range order {
		kindOf[k] = i
		prefix := ""
		if k != site.KindPage {
			prefix = l.Segment(k.Folder()) + "/"
		}
		idx.Kinds = append(idx.Kinds, [2]string{l.T("kind." + string(k)), prefix})
	}
	var types, places, states dict
	var k strings.Builder
	add := func(e site.Entity, typ, region, state string) {
		en := e.E()
		prefix := idx.Kinds[kindOf[en.Kind]][1]
		rest := strings.TrimSuffix(strings.TrimPrefix(en.URL, prefix), "/")
		if rest == slugOfTitle(en.Title) {
			rest = ""
		}
		idx.T = append(idx.T, en.Title)
		idx.S = append(idx.S, rest)
		k.WriteString(strconv.Itoa(kindOf[en.Kind]))
		idx.Y = append(idx.Y, types.id(typ))
		var ps []int
		for r := range site.RelationsOf(en.Kind) {
			if r.Locates {
				for _, c := range r.Targets(e) {
					ps = append(ps, places.id(c.E().Title))
				}
			}
		}
		if region != "" {
			ps = append(ps, places.id(region))
		}
		switch len(ps) {
		case 0:
			idx.P = append(idx.P, 0)
		case 1:
			idx.P = append(idx.P, ps[0])
		default:
			idx.P = append(idx.P, ps)
		}
		idx.St = append(idx.St, states.id(state))
		idx.W = append(idx.W, words(en.Title, en.Summary))
	}
	label := func(prefix, v string) string {
		if v == "" || !l.Has(prefix+v) {
			return v
		}
		return l.T(prefix + v)
	}
	for _, kind := range order {
		switch kind {
		case site.KindDocument:
			for _, d := range s.Documents {
				add(d, label("doctype.", d.Type), "", l.T("status."+string(d.State)))
			}
		case site.KindMeeting:
			for _, m := range s.Meetings {
				add(m, label("mtype.", m.Type), "", "")
			}
		case site.KindPartnership:
			for _, p := range s.Partnerships {
				add(p, label("ptype.", p.Type), "", "")
			}
		case site.KindCity:
			for _, c := range s.Cities {
				add(c, label("ctype.", c.Type), cmp.Or(c.CountryName, c.Region), "") // abroad, its country
			}
		case site.KindProgramme:
			for _, p := range s.Programmes {
				add(p, p.Short, "", "")
			}
		case site.KindOrganisation:
			for _, o := range s.Organisations {
				add(o, label("otype.", o.Type), "", "")
			}
		case site.KindPage:
			for _, p := range s.Pages {
				add(p, "", "", "")
			}
		}
	}
	idx.K = k.String()
	idx.Types, idx.Places, idx.States = types.strings(), places.strings(), states.strings()
	for _, list := range []*[]string{&idx.T, &idx.S, &idx.W} {
		if *list == nil {
			*list = []string{}
		}
	}
	if idx.Y == nil {
		idx.Y, idx.St, idx.P = []int{}, []int{}, []any{}
	}
	b, err := json.Marshal(idx)
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return append(b, '\n'), nil
}

// slugOfTitle is the slug of a title as both slug.Make and the script make
// it, or "" when the title has a letter the script might fold otherwise:
// the script folds only ASCII and the Polish letters the same way for sure.
func slugOfTitle(title string) string {
	for _, r := range title {
		if r >= 0x80 && !strings.ContainsRune("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”–—’…«»", r) {
			return "\x00"
		}
	}
	return slug.Make(title)
}

// stopWords are frequent words that find nothing, folded.
var stopWords = map[string]bool{
	"oraz": true, "przez": true, "jest": true, "ktore": true, "ktory": true, "ktora": true, "ktorych": true,
	"jako": true, "tego": true, "takze": true, "przy": true, "dzieki": true, "bedzie": true, "jego": true,
	"sobie": true, "byly": true, "bylo": true, "wsrod": true, "nie": true, "nad": true, "pod": true, "dla": true,
	"wiec": true, "ten": true, "tej": true, "ich": true, "lub": true, "the": true, "and": true, "for": true, "with": true,
}

// words are the folded words of a summary, at least three letters long,
// that are not in the title nor stop words, each once, at most maxWords.
func words(title, summary string) string {
	if summary == "" {
		return ""
	}
	have := map[string]bool{}
	for _, w := range tokens(title) {
		have[w] = true
	}
	var out []string
	for _, w := range tokens(summary) {
		if len(w) < 3 || have[w] || stopWords[w] {
			continue
		}
		have[w] = true
		out = append(out, w)
		if len(out) == maxWords {
			break
		}
	}
	return strings.Join(out, " ")
}

// tokens splits folded text into runs of ASCII letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(slug.Fold(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
}
