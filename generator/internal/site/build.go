package site

import (
	"cmp"
	"fmt"
	"maps"
	"net/mail"
	"path"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/history"
	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/problem"
	"github.com/ratusz/ratusz/generator/internal/slug"
	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Options are the build's choices that shape the site model.
type Options struct {
	Now    time.Time        // today; its date in the site's zone is used
	Drafts bool             // include entries with draft: true
	Future bool             // include entries whose publish date is after Now
	Static map[string]int64 // files of the static folder: path → size

	// ImageSize reads the pixel size of an image in the content tree
	// (from "content") or the static folder (from "static"). The site
	// model does no I/O of its own; the caller provides this. New calls
	// it from several goroutines at once.
	ImageSize func(from, path string) (width, height int, err error)

	// Consume says the tree is not read again after New and the model
	// is rendered once (a build, not the dev server): New drops each
	// entry file's front matter once it has decoded it, so that a large
	// site does not hold the front matter of every file and the model
	// made from it at once, and the model keeps nothing that only the dev
	// server's changes need (the sort keys Update re-sorts lists by):
	// Update and WithBodies refuse every change.
	Consume bool

	// Settings, when not nil, is the site's ratusz.toml, read as values
	// with their lines (content.ParseTOML), which messages name
	// SettingsPath: whose site it is and how it is published.
	Settings     *content.Value
	SettingsPath string

	// History, when not nil, is the git history of the content folder,
	// read because ratusz.toml asks for it ([record] changes = "git"):
	// each entry's register of changes and its default publication date.
	History *history.Log

	// ReadAgain, when not nil, says by path which entries' bodies are
	// read again to render them (content.LoadOptions.Lead): the model
	// keeps none of them, only the summaries made from their starts.
	ReadAgain func(path string) bool
}

var commonKeys = []string{"title", "summary", "draft", "publish", "updated", "topics", "aliases", "source", "params", "record"}

// entryRecordKeys are the keys of an entry's record.
var entryRecordKeys = []string{"produced_by", "produced", "responsible", "published_by", "published"}

// keys lists the keys a kind's front matter may have: those of every kind,
// extra, and its reference fields from the relations table (a nested one,
// place.city, under its map's key in extra).
func keys(k Kind, extra ...string) []string {
	out := append(slices.Clone(commonKeys), extra...)
	for _, r := range relationsOf(k) {
		if !strings.Contains(r.Key, ".") {
			out = append(out, r.Key)
		}
	}
	return out
}

// known keys per kind
var kindKeys = map[Kind][]string{
	KindCity:         keys(KindCity, "region", "country", "type", "website"),
	KindProgramme:    keys(KindProgramme, "short", "funder", "period", "website"),
	KindOrganisation: keys(KindOrganisation, "type", "website"),
	KindPartnership:  keys(KindPartnership, "type", "founded", "website"),
	KindDocument:     keys(KindDocument, "type", "status", "period", "adopted", "consultation", "attachments"),
	KindMeeting:      keys(KindMeeting, "date", "end", "type", "place", "images", "minutes"),
	KindPage:         keys(KindPage),
}

// builder holds the state of one New call.
type builder struct {
	o      Options
	site   *Site
	errs   problem.List
	assets map[string]int64 // content tree assets
	refs   []*ref
	byKind map[Kind]map[string]Entity // published entries by slug
	hidden map[Kind]map[string]Entity // drafts and future entries by slug
	topics map[string]*Topic
	used   map[string]bool // content assets referred to
	checks []func()        // checks that need resolved references

	aliasLines map[string][]written // entry path → each alias as written
	claims     []address            // published pages and aliases, in file order
	readers    []*reader            // made by decode, which report to errs
}

// origin is the path p of the content tree as messages name it.
func (b *builder) origin(p string) string { return b.site.Origin(p) }

// newBuilder starts reading entries into s.
func newBuilder(o Options, s *Site, assets map[string]int64) *builder {
	return &builder{
		o:          o,
		site:       s,
		assets:     assets,
		topics:     map[string]*Topic{},
		used:       map[string]bool{},
		aliasLines: map[string][]written{},
	}
}

// New validates a content tree and builds the site model: every entry
// typed, every reference resolved, back-references, topics, regions and
// sorted lists. It returns every problem found; the site is only usable
// when there are none.
func New(tree *content.Tree, o Options) (*Site, problem.List) {
	return build(tree, o, decodeBatch)
}

// build is New decoding batch files at a time with one builder.
func build(tree *content.Tree, o Options, batch int) (*Site, problem.List) {
	b := newBuilder(o, &Site{Zone: time.UTC, dir: tree.Dir}, tree.Assets)
	b.byKind, b.hidden = map[Kind]map[string]Entity{}, map[Kind]map[string]Entity{}
	b.configure(tree)
	ents := b.decodeAll(tree.Files, batch)
	seen := map[Kind]map[string]string{} // slug → path, to find duplicates
	for i, f := range tree.Files {
		if path.Base(f.Path) == "_index.md" {
			b.section(f)
			continue
		}
		b.entry(f, ents[i], seen)
	}
	b.resolve()
	b.derive()
	b.easyToRead()
	b.checkAddresses()
	if len(b.errs) > 0 {
		return nil, b.errs.Sort()
	}
	b.refs, b.checks, b.claims, b.aliasLines, b.readers = nil, nil, nil, nil, nil // what Update does not need
	b.site.kept = b
	for i, e := range b.site.Entities() {
		e.E().number = i + 1
	}
	if o.Consume {
		b.site.settle(o.ReadAgain)
	}
	return b.site, nil
}

// configure reads the site settings from the root _index.md: the site
// title, language and time zone.
func (b *builder) configure(tree *content.Tree) {
	s := b.site
	var fromFile map[string]*content.Value // what ratusz.toml gives of the keys _index.md may give too
	if b.o.Settings != nil {
		fromFile = b.settings(b.o.Settings)
	}
	var root *content.File
	var r *reader
	var m map[string]*content.Value
	var summary string
	for _, f := range tree.Files {
		if f.Path == "_index.md" {
			root = f
		}
	}
	if root != nil {
		r = &reader{path: root.Origin, zone: time.UTC, errs: &b.errs, top: root.Meta.Line}
		m = r.fields(root.Meta, "", []string{"title", "summary", "lang", "timezone", "accessibility", "params"})
		s.HomeTitle = r.str("title", m["title"])
		s.Intro, s.IntroLine = string(root.Body), root.BodyLine
		summary = cmp.Or(r.str("summary", m["summary"]), firstParagraph(root.Body))
	}
	// language, timezone and accessibility belong in ratusz.toml; the
	// content's _index.md may still give each (as lang, timezone and
	// accessibility), with a warning, but not both.
	settingsFile := cmp.Or(b.o.SettingsPath, "ratusz.toml")
	// setting returns the value of a setting, the reader of the file that
	// gives it and its name there: key in ratusz.toml, old in _index.md.
	setting := func(key, old string) (*reader, *content.Value, string) {
		if v := fromFile[key]; present(v) {
			if present(m[old]) {
				r.fieldf(m[old].Line, old, fmt.Sprintf("remove it here and keep %s in %s", key, settingsFile), "%s is given in %s too (line %d)", old, settingsFile, v.Line)
			}
			return &reader{path: b.o.SettingsPath, zone: time.UTC, errs: &b.errs, top: 1}, v, key
		}
		if present(m[old]) {
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s:%d: %s: belongs in %s now, as %s; move it there", root.Origin, m[old].Line, old, settingsFile, settingsLine(key)))
			return r, m[old], old
		}
		return nil, nil, ""
	}
	tag, zone := "pl", "Europe/Warsaw"
	if lr, v, name := setting("language", "lang"); v != nil {
		if t := lr.str(name, v); t != "" {
			l, err := lang.New(t)
			if err != nil {
				msg, hint, _ := strings.Cut(err.Error(), "; ")
				lr.fieldf(v.Line, name, hint, "%s: %s", name, msg)
			} else {
				tag = l.Tag()
			}
		}
	}
	l, err := lang.New(tag)
	if err != nil {
		l, _ = lang.New("pl")
	}
	s.Lang = l
	if zr, v, _ := setting("timezone", "timezone"); v != nil {
		if z := zr.str("timezone", v); z != "" {
			zone = z
			if _, err := time.LoadLocation(z); err != nil {
				zr.fieldf(v.Line, "timezone", "use a name like Europe/Warsaw", "timezone: %q is not a time zone", z)
				zone = "UTC"
			}
		}
	}
	s.Zone, _ = time.LoadLocation(zone)
	if s.Zone == nil {
		s.Zone = time.UTC
	}
	now := b.o.Now.In(s.Zone)
	s.Now = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.Zone)
	s.Title = cmp.Or(s.Settings.Title, s.HomeTitle, "ratusz")
	s.HomeTitle = cmp.Or(s.HomeTitle, s.Title)
	s.Summary = quotes(l.Tag(), summary)
	for _, k := range kinds {
		s.Sections = append(s.Sections, &Section{Kind: k, Title: s.Lang.T(k.Folder()), URL: s.Lang.Segment(k.Folder()) + "/"})
	}
	if s.Settings.Publisher == nil {
		s.Warnings = append(s.Warnings, settingsFile+": no [publisher], so every page's footer names the site's title rather than the public body that publishes it; add [publisher] with name = \"Urząd Gminy …\" (docs/configuration.md)")
	}
	if ar, v, _ := setting("accessibility", "accessibility"); v != nil {
		ar.zone = s.Zone
		s.Accessibility = b.accessibility(ar, v)
	} else {
		s.Warnings = append(s.Warnings, settingsFile+": no [accessibility] table (nor accessibility: in "+tree.Origin("_index.md")+"), so the site has no accessibility statement (deklaracja dostępności), which every Polish public body must publish; see docs/accessibility.md")
	}
}

// settingsLine is how key is written in ratusz.toml.
func settingsLine(key string) string {
	if key == "accessibility" {
		return "an [accessibility] table"
	}
	return key + " = \"…\""
}

func (b *builder) sectionOf(k Kind) *Section {
	for _, s := range b.site.Sections {
		if s.Kind == k {
			return s
		}
	}
	return nil
}

// section reads a folder's _index.md.
func (b *builder) section(f *content.File) {
	if f.Path == "_index.md" {
		return // read by configure
	}
	r := &reader{path: f.Origin, zone: b.site.Zone, errs: &b.errs}
	folder := path.Dir(f.Path)
	k := kindOfFolder(folder)
	if k == KindPage || strings.Contains(folder, "/") {
		r.errorf(1, "_index.md only belongs at the top of a kind's folder (cities/, programmes/, organisations/, partnerships/, documents/, meetings/) or of the content folder")
		return
	}
	m := r.fields(f.Meta, "", []string{"title", "summary", "params"})
	sec := b.sectionOf(k)
	if t := r.str("title", m["title"]); t != "" {
		sec.Title = t
	}
	sec.Intro, sec.IntroLine = f.Body, f.BodyLine
	sec.Summary = quotes(b.site.Lang.Tag(), cmp.Or(r.str("summary", m["summary"]), firstParagraph(f.Body)))
	sec.Path = f.Path
}

// decodeBatch is how many files New decodes with one builder of its own,
// in one goroutine.
const decodeBatch = 64

// decodeAll decodes the entry files (all but the _index.md files) on every
// CPU: each run of batch files with a builder of its own, whose findings
// (the problems, the references and checks waiting for resolve, the aliases, the
// assets used) are then added to b in file order, as if b had decoded the
// files one after the other. The entry of files[i] is at [i]; it is nil for
// an _index.md file and for a file that makes no entry.
func (b *builder) decodeAll(files []*content.File, batch int) []Entity {
	ents := make([]Entity, len(files))
	batches := make([]*builder, (len(files)+batch-1)/batch)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range batches {
		c := newBuilder(b.o, &Site{Lang: b.site.Lang, Zone: b.site.Zone, Now: b.site.Now, dir: b.site.dir, Settings: b.site.Settings}, b.assets)
		batches[i] = c
		lo, hi := i*batch, min((i+1)*batch, len(files))
		g.Go(func() error {
			for j := lo; j < hi; j++ {
				if path.Base(files[j].Path) != "_index.md" {
					ents[j] = c.decode(files[j])
					if b.o.Consume {
						files[j].Meta = nil
					}
				}
			}
			return nil
		})
	}
	_ = g.Wait() // the batches return no error
	for _, c := range batches {
		b.merge(c)
	}
	return ents
}

// merge adds to b what the builder c found while decoding files. The
// readers c made report to b from now on: the references and checks that
// hold them report problems when resolve runs.
func (b *builder) merge(c *builder) {
	b.errs = append(b.errs, c.errs...)
	for _, r := range c.readers {
		r.errs = &b.errs
	}
	b.refs = append(b.refs, c.refs...)
	b.checks = append(b.checks, c.checks...)
	maps.Copy(b.aliasLines, c.aliasLines) // by entry path: no two builders have the same
	maps.Copy(b.used, c.used)
	b.site.Assets = append(b.site.Assets, c.site.Assets...)
}

// entry adds the entry decoded from f to the site, unless another file
// already has its address.
func (b *builder) entry(f *content.File, ent Entity, seen map[Kind]map[string]string) {
	if ent == nil {
		return
	}
	e := ent.E()
	if seen[e.Kind] == nil {
		seen[e.Kind] = map[string]string{}
	}
	key := e.Slug
	if e.Kind == KindPage {
		key = e.URL
	}
	if other, dup := seen[e.Kind][key]; dup {
		// A problem of the file as a whole: at its line 1, as content
		// reports those.
		b.errs.Add(&problem.Problem{Path: f.Origin, Line: 1,
			Msg:  fmt.Sprintf("has the same address %q as %s", "/"+e.URL, other),
			Hint: "rename one of the files (file names that differ only in case or Polish letters make the same address)"})
		return
	}
	seen[e.Kind][key] = f.Origin
	b.register(ent)
}

// decode reads one entry file of any kind into a typed entry whose
// references wait for resolve. It returns nil when the file cannot make an
// entry at all.
func (b *builder) decode(f *content.File) Entity {
	r := &reader{path: f.Origin, zone: b.site.Zone, errs: &b.errs, top: f.Meta.Line}
	b.readers = append(b.readers, r)
	top, _, nested := strings.Cut(f.Path, "/")
	k := KindPage
	if nested {
		k = kindOfFolder(top)
	}
	m := r.fields(f.Meta, "", kindKeys[k])

	name := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
	e := Entry{Kind: k, Path: f.Path, Slug: slug.Make(name), Body: f.Body, BodyLine: f.BodyLine}
	if e.Slug == "" {
		r.errs.Add(&problem.Problem{Path: r.path, Line: 1, // the file as a whole: no field
			Msg:  fmt.Sprintf("file name %q has no letters or digits to make an address from", path.Base(f.Path)),
			Hint: "rename the file"})
		return nil
	}
	b.common(r, &e, m, f)

	if k == KindPage {
		e.URL = pageURL(f.Path)
	} else {
		e.URL = b.site.Lang.Segment(k.Folder()) + "/" + e.Slug + "/"
	}
	var ent Entity
	switch k {
	case KindCity:
		ent = b.city(r, e, m)
	case KindProgramme:
		ent = b.programme(r, e, m)
	case KindOrganisation:
		ent = b.organisation(r, e, m)
	case KindPartnership:
		ent = b.partnership(r, e, m)
	case KindDocument:
		ent = b.document(r, e, m)
	case KindMeeting:
		ent = b.meeting(r, e, m)
	default:
		ent = &Page{Entry: e}
	}
	b.relate(r, ent, m)
	return ent
}

// relate records the references of ent's front matter m, every reference
// field of its kind (Relations), to be resolved once every file is read.
func (b *builder) relate(r *reader, ent Entity, m map[string]*content.Value) {
	for _, rel := range relationsOf(ent.E().Kind) {
		if rel.InItems {
			continue // its kind's decoder reads it with the items
		}
		head, rest, nested := strings.Cut(rel.Key, ".")
		v := m[head]
		if nested {
			v = v.Get(rest)
		}
		set := func(x Entity) { rel.add(ent, x) }
		if rel.Many {
			b.refList(r, ent.E(), rel.Key, v, rel.To, set)
		} else {
			b.refTo(r, ent.E(), rel.Key, v, rel.To, set)
		}
	}
}

// register adds a decoded entry to the site, or keeps it aside when it is
// not published (a draft, a future entry), so that references to it can
// say why they cannot be followed.
func (b *builder) register(ent Entity) {
	e := ent.E()
	if !b.published(e) {
		if b.hidden[e.Kind] == nil {
			b.hidden[e.Kind] = map[string]Entity{}
		}
		b.hidden[e.Kind][e.Slug] = ent
		return
	}
	if b.byKind[e.Kind] == nil {
		b.byKind[e.Kind] = map[string]Entity{}
	}
	b.byKind[e.Kind][e.Slug] = ent
	b.add(ent)
	b.claim(e, b.aliasLines[e.Path])
}

func (b *builder) published(e *Entry) bool {
	if e.Draft && !b.o.Drafts {
		return false
	}
	if e.Publish != nil && e.Publish.Time.After(b.o.Now) && !b.o.Future {
		return false
	}
	return true
}

// pageURL is the address of a plain page: pages/about.md → about/,
// contact.md → contact/, other/folder/x.md → other/folder/x/.
func pageURL(p string) string {
	p = strings.TrimSuffix(p, path.Ext(p))
	p = strings.TrimPrefix(p, "pages/")
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = slug.Make(s)
	}
	return strings.Join(parts, "/") + "/"
}

func (b *builder) add(ent Entity) {
	s := b.site
	switch x := ent.(type) {
	case *City:
		s.Cities = append(s.Cities, x)
	case *Programme:
		s.Programmes = append(s.Programmes, x)
	case *Organisation:
		s.Organisations = append(s.Organisations, x)
	case *Partnership:
		s.Partnerships = append(s.Partnerships, x)
	case *Document:
		s.Documents = append(s.Documents, x)
	case *Meeting:
		s.Meetings = append(s.Meetings, x)
	case *Page:
		s.Pages = append(s.Pages, x)
	}
}

// common reads the keys every kind has.
func (b *builder) common(r *reader, e *Entry, m map[string]*content.Value, f *content.File) {
	l := b.site.Lang.Tag()
	e.Title = quotes(l, r.required("title", m["title"], f.Meta.Line, "the name shown as the page heading"))
	e.Summary = quotes(l, r.str("summary", m["summary"]))
	if e.Summary == "" {
		e.Summary = quotes(l, firstParagraph(f.Body))
	}
	e.Draft = r.boolean("draft", m["draft"])
	e.Publish = r.date("publish", m["publish"], false)
	e.Updated = r.date("updated", m["updated"], false)
	for i, it := range r.list("topics", m["topics"], true) {
		name := r.str(fmt.Sprintf("topics[%d]", i+1), it)
		if name == "" {
			continue
		}
		tslug := slug.Make(name)
		if tslug == "" {
			k := fmt.Sprintf("topics[%d]", i+1)
			r.fieldf(it.Line, k, "write a word", "%s: %q has no letters or digits", k, name)
			continue
		}
		e.Topics = append(e.Topics, &Topic{Name: name, Slug: tslug})
		e.spellings = append(e.spellings, name)
	}
	for i, it := range r.list("aliases", m["aliases"], true) {
		k := fmt.Sprintf("aliases[%d]", i+1)
		a := r.str(k, it)
		if a == "" {
			continue
		}
		clean, msg, hint := cleanAlias(a)
		if msg != "" {
			r.fieldf(it.Line, k, hint, "%s: %s", k, msg)
			continue
		}
		e.Aliases = append(e.Aliases, clean)
		b.aliasLines[e.Path] = append(b.aliasLines[e.Path], written{a, it.Line})
	}
	e.Source = r.url("source", m["source"])
	e.Params = r.params(m["params"])
	e.Record = b.record(r, m["record"], e)
}

// record reads an entry's record, with the defaults of ratusz.toml's
// [record] for the keys it does not give, and its register of changes
// from the site's git history when there is one.
func (b *builder) record(r *reader, v *content.Value, e *Entry) Record {
	d := b.site.Settings.Record
	rec := Record{ProducedBy: d.ProducedBy, Responsible: d.Responsible, PublishedBy: d.PublishedBy}
	if m := r.mapOf("record", v, entryRecordKeys); m != nil {
		for key, field := range map[string]*string{"produced_by": &rec.ProducedBy, "responsible": &rec.Responsible, "published_by": &rec.PublishedBy} {
			if s := r.str("record."+key, m[key]); s != "" {
				*field = s
			}
		}
		rec.Produced = r.date("record.produced", m["produced"], false)
		rec.Published = r.date("record.published", m["published"], false)
		if rec.Produced != nil && rec.Published != nil && dayOf(rec.Produced.Time).After(rec.Published.Time) {
			r.fieldf(m["produced"].Line, "record.produced", "information is published after it is produced: correct one of the dates",
				"record.produced %s is after record.published %s", rec.Produced.ISO(), rec.Published.ISO())
		}
	}
	rec.Shown = rec.ProducedBy != "" || rec.Produced != nil || rec.Responsible != "" || rec.PublishedBy != "" || rec.Published != nil
	if h := b.o.History; h != nil {
		rec.Changes = h.Files[e.Path]
		if t := h.Added(e.Path); rec.Published == nil && t != nil {
			rec.Published = &Date{Time: t.In(b.site.Zone), Precision: Clock}
		}
	}
	if rec.Published == nil {
		rec.Published = e.Publish
	}
	return rec
}

// consultation reads a document's consultation: its window, the ways to
// take part and what came of it.
func (b *builder) consultation(r *reader, d *Document, v *content.Value) *Consultation {
	cm := r.mapOf("consultation", v, []string{"from", "to", "url", "respond", "outcome"})
	if cm == nil {
		return nil
	}
	c := &Consultation{From: r.date("consultation.from", cm["from"], false), To: r.date("consultation.to", cm["to"], false), URL: r.url("consultation.url", cm["url"])}
	for _, k := range []string{"from", "to"} {
		if !present(cm[k]) {
			r.fieldf(v.Line, "consultation."+k, "add "+k+": with the "+map[string]string{"from": "first", "to": "last"}[k]+" day residents can respond (YYYY-MM-DD)", "consultation.%s is required", k)
		}
	}
	if c.From != nil && c.To != nil && c.To.Time.Before(c.From.Time) {
		r.fieldf(cm["to"].Line, "consultation.to", "swap the dates", "consultation.to (%s) is before consultation.from (%s)", c.To.ISO(), c.From.ISO())
	}
	for i, it := range r.list("consultation.respond", cm["respond"], false) {
		key := fmt.Sprintf("consultation.respond[%d]", i+1)
		im := r.mapOf(key, it, respondWays)
		if im == nil {
			continue
		}
		if len(im) != 1 {
			hint := "give one of " + strings.Join(respondWays, ", ") + ", like - email: konsultacje@gmina.pl"
			msg := key + " gives no way to take part"
			if len(im) > 1 {
				var ways []string
				for _, f := range it.Fields {
					ways = append(ways, f.Key)
				}
				hint = "write each way as its own item: - " + ways[0] + ": … and - " + ways[1] + ": …"
				msg = fmt.Sprintf("%s gives %d ways to take part (%s) in one item", key, len(ways), strings.Join(ways, ", "))
			}
			r.fieldf(it.Line, key, hint, "%s", msg)
			continue
		}
		for way, wv := range im {
			item := Respond{Way: way}
			wkey := key + "." + way
			switch way {
			case RespondEmail:
				item.Text = r.str(wkey, wv)
				if a, err := mail.ParseAddress(item.Text); item.Text != "" && (err != nil || a.Address != item.Text) {
					r.fieldf(wv.Line, wkey, "write only the address, like konsultacje@gmina.pl", "%s: %q is not an e-mail address", wkey, item.Text)
				}
			case RespondPost, RespondEPUAP:
				item.Text = r.required(wkey, wv, wv.Line, map[string]string{RespondPost: "the postal address where residents send their comments", RespondEPUAP: "the ePUAP inbox, like /ugjablonowo/SkrytkaESP"}[way])
			case RespondForm:
				item.Form = b.fileAttachment(r, &d.Entry, wkey, wv, b.site.Lang.T("consultation.form"))
			case RespondURL:
				item.Text = r.url(wkey, wv)
			case RespondMeeting:
				n := len(c.Respond)
				b.refTo(r, &d.Entry, wkey, wv, []Kind{KindMeeting}, func(x Entity) { c.Respond[n].Meeting = x.(*Meeting) })
			}
			c.Respond = append(c.Respond, item)
		}
	}
	if om := r.mapOf("consultation.outcome", cm["outcome"], []string{"date", "report", "summary"}); om != nil {
		o := &Outcome{Summary: quotes(b.site.Lang.Tag(), r.str("consultation.outcome.summary", om["summary"]))}
		if dt := r.date("consultation.outcome.date", om["date"], false); dt != nil {
			o.Date = *dt
			if c.To != nil && dayOf(dt.Time).Before(dayOf(c.To.Time)) {
				r.fieldf(om["date"].Line, "consultation.outcome.date", "the outcome comes after the consultation: correct one of the dates",
					"consultation.outcome.date (%s) is before consultation.to (%s)", dt.ISO(), c.To.ISO())
			}
		} else if !present(om["date"]) {
			r.fieldf(cm["outcome"].Line, "consultation.outcome.date", "add date: with the day the outcome was published (YYYY-MM-DD)", "consultation.outcome.date is required")
		}
		if present(om["report"]) {
			o.Report = b.fileAttachment(r, &d.Entry, "consultation.outcome.report", om["report"], b.site.Lang.T("consultation.report"))
		}
		c.Outcome = o
	}
	return c
}

// polishStatuses are the Polish words for the document statuses, which
// editors write for the English keys: the page shows them in Polish.
var polishStatuses = map[string]string{
	"projekt": "draft", "szkic": "draft",
	"konsultacje": "consultation", "w-konsultacjach": "consultation", "konsultowany": "consultation",
	"przyjety": "adopted", "przyjeta": "adopted", "przyjete": "adopted", "obowiazujacy": "adopted", "obowiazuje": "adopted",
	"archiwalny": "expired", "wygasly": "expired", "nieobowiazujacy": "expired",
}

// cleanAlias checks an old address that must redirect here. It returns the
// address cleaned, or what is wrong with it and how to put it right.
func cleanAlias(a string) (clean, msg, hint string) {
	if strings.Contains(a, "://") {
		return "", fmt.Sprintf("%q is a full address", a), "write only the path on this site, like /stara/strona/"
	}
	p := strings.TrimPrefix(a, "/")
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", fmt.Sprintf("%q contains %q", a, seg), "write the path from the site root, like /stara/strona/"
		}
	}
	if strings.ContainsAny(p, "?#\\") {
		return "", fmt.Sprintf("%q contains ?, # or \\", a), "write only a path"
	}
	p = path.Clean("/" + p)
	if p == "/" {
		return "", fmt.Sprintf("%q is the home page", a), "an alias must be another path"
	}
	return strings.TrimPrefix(p, "/"), "", ""
}

func (b *builder) city(r *reader, e Entry, m map[string]*content.Value) *City {
	c := &City{Entry: e}
	c.Country = r.country("country", m["country"])
	switch c.Country {
	case "PL":
		c.Region = r.voivodeship("region", m["region"])
	default: // abroad, or a country that is wrong: the region is free text
		c.Region = r.str("region", m["region"])
	}
	c.Type = r.enum("type", m["type"], CityTypes)
	c.Website = r.url("website", m["website"])
	return c
}

// voivodeship reads the region of a city in Poland, one of Voivodeships,
// which may be written in other capitals or without diacritics; it returns
// the value as Voivodeships spells it.
func (r *reader) voivodeship(key string, v *content.Value) string {
	s := r.required(key, v, r.top, "the województwo, e.g. kujawsko-pomorskie")
	if s == "" {
		return ""
	}
	if w, ok := Voivodeships.Find(s); ok {
		return w
	}
	name := strings.TrimSpace(strings.TrimPrefix(slug.Fold(s), "wojewodztwo"))
	var hint string
	if w, ok := Voivodeships.Find(name); ok {
		hint = fmt.Sprintf("write only the name: %q", w)
	} else if w := Voivodeships.Meant(name); w != "" {
		hint = fmt.Sprintf("did you mean %q?", w)
	} else {
		hint = "use one of " + strings.Join(Voivodeships.Values, ", ") + "; a city outside Poland needs its country, like country: DE"
	}
	r.fieldf(v.Line, key, hint, "%s: %q is not %s", key, s, Voivodeships.Name)
	return ""
}

// country reads a country's ISO 3166-1 alpha-2 code, in capitals; "PL"
// when there is none, and "" when it is wrong.
func (r *reader) country(key string, v *content.Value) string {
	if !present(v) {
		return "PL"
	}
	s := r.str(key, v)
	if s == "" {
		if v.Kind == content.Scalar && v.Type != content.Bool { // else str said what is wrong
			r.fieldf(v.Line, key, "give the country's two-letter code, like DE, or leave the key out for Poland", "%s is empty", key)
		}
		return ""
	}
	code, hint := countryCode(s)
	if hint != "" {
		r.fieldf(v.Line, key, hint, "%s: %q is not a country code", key, s)
		return ""
	}
	return code
}

// countryCode returns the ISO 3166-1 alpha-2 code s is, in capitals, or
// a hint for the editor when s is none.
func countryCode(s string) (code, hint string) {
	const how = "write the country's two-letter ISO 3166-1 code, like DE for Germany or IT for Italy"
	reg, err := language.ParseRegion(s)
	if err != nil || !reg.IsCountry() || reg.M49() == 0 || display.English.Regions().Name(reg) == "" { // M49 0: reserved, like UN and EA
		return "", how
	}
	canonical := reg.Canonicalize().String()
	if len(s) != 2 || canonical != strings.ToUpper(s) {
		return "", fmt.Sprintf("did you mean %s? (%s)", canonical, how)
	}
	return canonical, ""
}

func (b *builder) programme(r *reader, e Entry, m map[string]*content.Value) *Programme {
	p := &Programme{Entry: e}
	p.Short = r.str("short", m["short"])
	p.Funder = r.str("funder", m["funder"])
	p.Period = r.period("period", m["period"])
	p.Website = r.url("website", m["website"])
	return p
}

func (b *builder) organisation(r *reader, e Entry, m map[string]*content.Value) *Organisation {
	o := &Organisation{Entry: e}
	o.Type = r.enum("type", m["type"], OrganisationTypes)
	o.Website = r.url("website", m["website"])
	return o
}

func (b *builder) partnership(r *reader, e Entry, m map[string]*content.Value) *Partnership {
	p := &Partnership{Entry: e}
	p.Type = r.enum("type", m["type"], PartnershipTypes)
	p.Founded = r.date("founded", m["founded"], true)
	p.Website = r.url("website", m["website"])
	if !present(m["cities"]) {
		r.fieldf(r.top, "cities", "list every city taking part, e.g. cities: [wloclawek]", "cities is required")
	} else if v := m["cities"]; v.Kind == content.List && len(v.Items) == 0 {
		r.fieldf(v.Line, "cities", "list at least one city taking part", "cities is empty")
	}
	if v := m["leader"]; present(v) {
		b.checks = append(b.checks, func() {
			if p.Leader == nil {
				return
			}
			switch l := p.Leader.(type) {
			case *City:
				if !slices.Contains(p.Cities, l) {
					r.fieldf(v.Line, "leader", "add it to cities or choose a city that is there", "leader: %q is not one of this partnership's cities", l.Slug)
				}
			case *Organisation:
				if !slices.Contains(p.Members, l) {
					r.fieldf(v.Line, "leader", "add it to members or choose a member", "leader: %q is not one of this partnership's members", l.Slug)
				}
			}
		})
	}
	return p
}

func (b *builder) document(r *reader, e Entry, m map[string]*content.Value) *Document {
	d := &Document{Entry: e}
	top := r.top
	if !present(m["type"]) {
		r.fieldf(top, "type", "add type: with one of "+strings.Join(DocumentTypes.Values, ", "), "type is required")
	}
	d.Type = r.enum("type", m["type"], DocumentTypes)
	if !present(m["status"]) {
		r.fieldf(top, "status", "add status: with one of "+strings.Join(Statuses.Values, ", "), "status is required")
	}
	if pl, ok := polishStatuses[slug.Make(r.str("status", m["status"]))]; ok {
		r.fieldf(m["status"].Line, "status", "statuses are written in English: status: "+pl, "status: %q is the Polish name", r.str("status", m["status"]))
	} else {
		d.Status = Status(r.enum("status", m["status"], Statuses))
	}
	if !present(m["cities"]) {
		r.fieldf(top, "cities", "list the cities the document belongs to, e.g. cities: [walbrzych]", "cities is required")
	} else if v := m["cities"]; v.Kind == content.List && len(v.Items) == 0 {
		r.fieldf(v.Line, "cities", "list at least one city", "cities is empty")
	}
	d.Period = r.period("period", m["period"])

	if am := r.mapOf("adopted", m["adopted"], []string{"date", "by", "resolution"}); am != nil {
		a := &Adoption{By: r.str("adopted.by", am["by"]), Resolution: r.str("adopted.resolution", am["resolution"])}
		if dt := r.date("adopted.date", am["date"], false); dt != nil {
			a.Date = *dt
			d.Adopted = a
		} else if !present(am["date"]) {
			r.fieldf(m["adopted"].Line, "adopted.date", "add date: with the day of the resolution (YYYY-MM-DD)", "adopted.date is required")
		}
	}
	if d.Status == StatusAdopted && !present(m["adopted"]) {
		r.fieldf(m["status"].Line, "adopted", "add adopted: {date: YYYY-MM-DD, by: …, resolution: …}", "status is adopted but adopted is missing")
	}
	d.Consultation = b.consultation(r, d, m["consultation"])
	if d.Status == StatusConsultation && !present(m["consultation"]) {
		r.fieldf(m["status"].Line, "consultation", "add consultation: {from: YYYY-MM-DD, to: YYYY-MM-DD, url: …}", "status is consultation but consultation is missing")
	}
	for i, it := range r.list("attachments", m["attachments"], false) {
		if a := b.attachment(r, &d.Entry, fmt.Sprintf("attachments[%d]", i+1), it); a != nil {
			d.Attachments = append(d.Attachments, a)
		}
	}
	return d
}

func (b *builder) meeting(r *reader, e Entry, m map[string]*content.Value) *Meeting {
	mt := &Meeting{Entry: e}
	top := r.top
	if !present(m["date"]) {
		r.fieldf(top, "date", "add date: with the day the meeting starts (YYYY-MM-DD)", "date is required")
	} else if d := r.date("date", m["date"], false); d != nil {
		mt.Date = *d
	}
	mt.End = r.date("end", m["end"], false)
	if mt.End != nil && !mt.Date.Time.IsZero() && mt.End.Time.Before(mt.Date.Time) {
		r.fieldf(m["end"].Line, "end", "the meeting must end after it starts", "end (%s) is before date (%s)", mt.End.ISO(), mt.Date.ISO())
	}
	mt.Type = r.enum("type", m["type"], MeetingTypes)
	if pm := r.mapOf("place", m["place"], []string{"name", "address", "city"}); pm != nil {
		mt.Place = &Place{Name: quotes(b.site.Lang.Tag(), r.str("place.name", pm["name"])), Address: r.str("place.address", pm["address"])}
	}
	hasPlaceCity := mt.Place != nil && present(m["place"].Get("city"))
	if !present(m["cities"]) && !hasPlaceCity && !present(m["partnership"]) {
		r.fieldf(top, "cities", "add cities: [slug]", "cities is required when neither place.city nor partnership says where the meeting belongs")
	}
	for i, it := range r.list("images", m["images"], false) {
		if img := b.image(r, &mt.Entry, fmt.Sprintf("images[%d]", i+1), it); img != nil {
			mt.Images = append(mt.Images, img)
		}
	}
	if v := m["minutes"]; present(v) {
		mt.Minutes = b.attachment(r, &mt.Entry, "minutes", v)
	}
	return mt
}

func quotes(l, s string) string {
	if s == "" {
		return s
	}
	return markdownQuotes(l, s)
}
