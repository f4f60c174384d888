package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ratusz/ratusz/generator/internal/jsonld"
	"github.com/ratusz/ratusz/generator/internal/opendata"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/slug"
)

// funcs are the functions layouts can call, besides html/template's own:
//
//	url X          the address of X (an entry, topic, section or a site
//	               path like "miasta/"), under -base-url; a stylesheet or
//	               script ("css/ratusz.css") gets its fingerprinted name
//	               ("css/ratusz.3f2a9c1e.css")
//	absURL X       the same, with the scheme and host when -base-url has them
//	t "key"        a UI string in the site's language
//	date D         a date at the precision it was written: „17 stycznia 2021”
//	dateRange A B  „17–18 stycznia 2021”
//	inText D       a date as a sentence says it: „21 grudnia 2026 r.”, or
//	               with its time „21 grudnia 2026, godz. 15:30”
//	count N "noun" „5 dokumentów”
//	size N         a file size: „1,2 MB”
//	period P       „2016–2020”
//	markdown B     Markdown rendered to HTML
//	external U     whether U leads to another site
//	host U         the host name of an address
//	kind X         the kind of an entry: "city", "document"…
//	moment T       a moment (a time.Time, such as a commit's) on the site's
//	               clock: „15 kwietnia 2021, godz. 14:30”
//	iso D          a date or a moment in ISO 8601, for <time datetime>
//	segment S      the URL segment of a section: segment "topics" → "tematy"
//	dict K V …     a map, to pass several values to a shared template
//	fill S K V …   S with each placeholder K ("{date}") replaced by V: a UI
//	               string with a value in it; a V that ends in a point
//	               ("2021 r.") takes the place of the point after K
//	newest L N     the N most recently dated documents of L
//	upcoming L     the meetings of L that are still to come, soonest first
//	consulting L   the documents of L in consultation today
//	consultations  the site's consultations: .Open, .Planned, .Closed,
//	               .Reported documents and .Meetings to come, and
//	               .Invite (anything to take part in) and .Any
//	first N L      the first N items of the list L (all, if it is shorter)
//	once "name" X  the template "name" executed with X, made once a render
//	               and then repeated: for a part that is the same on every
//	               page (the footer, given .Site), so that thousands of
//	               pages do not make it again
//	part "name" X  the template "name" executed with X, made once a render
//	               for each X and then repeated: for a part shown on many
//	               pages (an entry's item in lists), so that its every list
//	               does not make it again; X must be comparable (an entry)
//	here P         what a header and its menu need to mark the page P
//	               they are on: .Site, .URL, P's address on a list page
//	               and "" on an entry's page (no menu links to one), and
//	               .Home, so that part "header" (here .) makes one header
//	               for all entries
//	capitalize S   S with its first letter in upper case, for headings
//	share P        what a page shared on a social site shows (canonical
//	               address, OpenGraph title, description, image), or nil
//	               when -base-url has no scheme and host
//	jsonld P       the schema.org JSON-LD of P's entry, for
//	               <script type="application/ld+json">; empty on other pages
//	opendata K     the site path of kind K's open-data file: "dane/dokumenty.json"
//	plurals "noun" the plural forms of a noun as JSON keyed by CLDR
//	               category ({"one":"wynik","few":"wyniki",…}), for scripts
//
// once and part execute the template of the page's own layouts: one that
// a layout file (page.html) defines, or that calls one it defines, is made
// for that layout's pages apart from the others'.
//
// written gives the functions of the layouts as written, when pages are
// rendered from minified ones (LayoutOptions.Compact): they run only to
// place an error, and once and part keep nothing.
func (r *Renderer) funcs(written bool) template.FuncMap {
	l := r.site.Lang
	once, part := r.once, r.part
	if written {
		once, part = r.onceWritten, r.partWritten
	}
	return template.FuncMap{
		"url":           r.url,
		"absURL":        r.absURL,
		"t":             l.T,
		"date":          r.date,
		"dateRange":     r.dateRange,
		"inText":        r.inText,
		"count":         l.Count,
		"size":          l.Size,
		"period":        r.period,
		"markdown":      r.markdown,
		"external":      external,
		"host":          host,
		"kind":          kindOf,
		"iso":           r.iso,
		"moment":        r.moment,
		"share":         r.share,
		"segment":       l.Segment,
		"dict":          dict,
		"fill":          fillIn,
		"newest":        newest,
		"upcoming":      upcoming,
		"consulting":    consulting,
		"consultations": func() *Consultations { return r.consultations() },
		"first":         first,
		"once":          once,
		"part":          part,
		"here":          here,
		"capitalize":    capitalize,
		"jsonld":        r.jsonLD,
		"plurals":       r.plurals,
		"opendata":      r.openData,
	}
}

// url is the address of x under -base-url: layouts make every link with
// it, and it makes them all with address.Base.URL.
func (r *Renderer) url(x any) (string, error) {
	p, err := r.sitePath(x)
	return r.base.URL(p), err
}

func (r *Renderer) absURL(x any) (string, error) {
	p, err := r.sitePath(x)
	return r.base.Abs(p), err
}

// sitePath is the site-relative path of x, with a stylesheet's or
// script's published name.
func (r *Renderer) sitePath(x any) (string, error) {
	p, err := sitePath(x)
	if name, ok := r.assets[strings.TrimPrefix(p, "/")]; ok {
		p = name
	}
	return p, err
}

// sitePath is the site-relative path of x.
func sitePath(x any) (string, error) {
	var p string
	switch x := x.(type) {
	case string:
		p = x
	case site.Entity:
		p = x.E().URL
	case *site.Topic:
		p = x.URL
	case *site.Section:
		p = x.URL
	case *Page:
		p = x.URL
	case nil:
		return "", fmt.Errorf("url of nothing")
	default:
		return "", fmt.Errorf("url: cannot make an address of %T", x)
	}
	return p, nil
}

// AbsURL is the address of a site-relative path ("miasta/wloclawek/"),
// with the scheme and host when -base-url has them.
func (r *Renderer) AbsURL(p string) string { return r.base.Abs(p) }

// jsonLD is the structured data of an entry page.
func (r *Renderer) jsonLD(p *Page) template.JS {
	if p == nil || p.Entry == nil {
		return ""
	}
	return template.JS(jsonld.Entry(p.Entry, jsonld.Options{Lang: r.site.Lang, URL: r.AbsURL}))
}

func (r *Renderer) openData(k site.Kind) string { return opendata.File(r.site.Lang, k) }

// plurals is the JSON of a noun's plural forms.
func (r *Renderer) plurals(noun string) (string, error) {
	b, err := json.Marshal(r.site.Lang.PluralForms(noun))
	return string(b), err
}

func (r *Renderer) date(x any) string {
	var d site.Date
	switch x := x.(type) {
	case site.Date:
		d = x
	case *site.Date:
		if x == nil {
			return ""
		}
		d = *x
	case time.Time:
		return r.site.Lang.Date(x)
	default:
		return fmt.Sprint(x)
	}
	return d.Text(r.site.Lang, r.site.Zone)
}

func (r *Renderer) dateRange(a site.Date, b *site.Date) string {
	return site.RangeText(a, b, r.site.Lang, r.site.Zone)
}

func (r *Renderer) period(p *site.Period) string { return p.Text(r.site.Lang) }

func (r *Renderer) markdown(b []byte) (template.HTML, error) {
	if len(b) == 0 {
		return "", nil
	}
	html, err := r.md.HTML(b, nil)
	if err != nil {
		return "", err
	}
	return template.HTML(html), nil
}

func external(u string) bool {
	x, err := url.Parse(u)
	return err == nil && x.Host != ""
}

func host(u string) string {
	x, err := url.Parse(u)
	if err != nil {
		return u
	}
	return strings.TrimPrefix(x.Host, "www.")
}

func kindOf(x any) string {
	if e, ok := x.(site.Entity); ok {
		return string(e.E().Kind)
	}
	return ""
}

func (r *Renderer) iso(x any) string {
	switch x := x.(type) {
	case time.Time:
		return x.In(r.site.Zone).Format(time.RFC3339)
	case site.Date:
		return x.ISO()
	case *site.Date:
		if x != nil {
			return x.ISO()
		}
	}
	return ""
}

// inText is the date d as a sentence says it.
func (r *Renderer) inText(d *site.Date) string {
	if d == nil {
		return ""
	}
	if d.HasClock() {
		return r.date(d)
	}
	return r.site.Lang.InText(d.Time)
}

// moment is the day and time of t on the site's clock.
func (r *Renderer) moment(t time.Time) string { return r.site.Lang.DateTime(t.In(r.site.Zone)) }

func slugID(s string) string { return slug.Make(s) }

func fillIn(s string, kv ...string) (string, error) {
	if len(kv)%2 != 0 {
		return "", fmt.Errorf("fill: a placeholder with no value")
	}
	for i := 0; i < len(kv); i += 2 {
		k, v := kv[i], kv[i+1]
		if strings.HasSuffix(v, ".") { // „do 15 czerwca 2021 r.”: the abbreviation's point ends the sentence
			s = strings.ReplaceAll(s, k+".", v)
		}
		s = strings.ReplaceAll(s, k, v)
	}
	return s, nil
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// newest returns the n documents with the latest dates, newest first,
// leaving out the archive: the home page shows what is current.
func newest(docs []*site.Document, n int) []*site.Document {
	s := make([]*site.Document, 0, len(docs))
	for _, d := range docs {
		if !d.Archived() {
			s = append(s, d)
		}
	}
	slices.SortStableFunc(s, func(a, b *site.Document) int {
		var ta, tb time.Time
		if a.Date != nil {
			ta = a.Date.Time
		}
		if b.Date != nil {
			tb = b.Date.Time
		}
		return tb.Compare(ta)
	})
	return s[:min(n, len(s))]
}

// once executes the template name with data the first time a render asks
// for it, and returns the same HTML every time after, until Forget. Two
// workers asking at once may both make it: the result is the same.
func (r *Renderer) once(name string, data any) (template.HTML, error) {
	set, data := setOf(data)
	key := name
	if set != "" {
		key = set + "\x00" + name // no template name has a NUL
	}
	r.mu.Lock()
	h, ok := r.kept[key]
	r.mu.Unlock()
	if ok {
		return h, nil
	}
	h, err := r.shared(r.layouts.run, set, "once", name, data)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	if r.kept == nil {
		r.kept = map[string]template.HTML{}
	}
	r.kept[key] = h
	r.mu.Unlock()
	return h, nil
}

// shared executes the shared template name of the layout set set of sets
// ("" for one that is the same in every set) with data, for the layout function fn (once, part).
func (r *Renderer) shared(sets map[string]*template.Template, set, fn, name string, data any) (template.HTML, error) {
	t := r.layouts.lookup(sets, set, name)
	if t == nil {
		return "", fmt.Errorf("%s: no template %q", fn, name)
	}
	b, _ := r.partBufs.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	defer r.partBufs.Put(b)
	b.Reset()
	if err := t.Execute(b, data); err != nil {
		return "", err
	}
	// A copy of its length: a site keeps the parts of every entry.
	return template.HTML(b.String()), nil
}

// Here is what a site's header and menu need to know of the page they
// are on (the here func).
type Here struct {
	Site *site.Site
	URL  string // the page's, on a list page; "" on an entry's page
	Home bool   // the page is the home page
}

func here(p *Page) Here {
	if p.Entry != nil {
		return Here{Site: p.Site}
	}
	return Here{Site: p.Site, URL: p.URL, Home: p.Kind == PageHome}
}

// partKey is what part keeps a made part by: the template's name, the
// value, and the layout set when the template is the set's own
// (Layouts.own).
type partKey struct {
	set  string
	name string
	data any
}

// part executes the template name with data the first time a render asks
// for the pair, and returns the same HTML every time after, until Forget.
// Two workers asking at once may both make it: the result is the same.
func (r *Renderer) part(name string, data any) (template.HTML, error) {
	set, data := setOf(data)
	if err := partData(data); err != nil {
		return "", err
	}
	k := partKey{set, name, data}
	r.partsMu.RLock()
	h, ok := r.parts[k]
	r.partsMu.RUnlock()
	if ok {
		return h, nil
	}
	h, err := r.shared(r.layouts.run, set, "part", name, data)
	if err != nil {
		return "", err
	}
	r.partsMu.Lock()
	if r.parts == nil {
		r.parts = map[partKey]template.HTML{}
	}
	r.parts[k] = h
	r.partsMu.Unlock()
	return h, nil
}

// partData says why data cannot be what part keeps a part by.
func partData(data any) error {
	if data == nil || !reflect.TypeOf(data).Comparable() {
		return fmt.Errorf("part: %T cannot be told apart from other values; give an entry", data)
	}
	return nil
}

// onceWritten and partWritten are once and part in the layouts as
// written, executed only to place an error of the minified ones: they
// make the part every time and keep nothing.
func (r *Renderer) onceWritten(name string, data any) (template.HTML, error) {
	set, data := setOf(data)
	return r.shared(r.layouts.sets, set, "once", name, data)
}

func (r *Renderer) partWritten(name string, data any) (template.HTML, error) {
	set, data := setOf(data)
	if err := partData(data); err != nil {
		return "", err
	}
	return r.shared(r.layouts.sets, set, "part", name, data)
}

// Forget drops the parts made by once and part: a render after the model
// changed must make them again. What they keep never outlives the
// renderer's layouts: a build that reads the layouts again makes a new
// renderer, so a part made from a layout as it was is not shown after the
// layout changed.
func (r *Renderer) Forget() {
	r.partsMu.Lock()
	r.parts = nil
	r.partsMu.Unlock()
	r.mu.Lock()
	r.kept = nil
	r.mu.Unlock()
}

// upcoming returns the meetings still to come: the site lists them first.
func upcoming(ms []*site.Meeting) []*site.Meeting {
	n := 0
	for n < len(ms) && ms[n].Upcoming {
		n++
	}
	return ms[:n:n]
}

func consulting(docs []*site.Document) []*site.Document {
	var out []*site.Document
	for _, d := range docs {
		if d.ConsultationOpen() {
			out = append(out, d)
		}
	}
	return out
}

// first returns at most n items of a list of any type.
func first(n int, list any) (any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return nil, fmt.Errorf("first: %T is not a list", list)
	}
	return v.Slice(0, min(n, v.Len())).Interface(), nil
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
