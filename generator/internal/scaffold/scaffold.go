// Package scaffold writes the first version of a content file of any kind,
// for ratusz new: front matter that builds as it is, every required key
// with a valid placeholder marked for the editor, references pointing at
// entries that exist. It reads the content folder and writes nothing; the
// caller writes the file.
package scaffold

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/slug"
	"github.com/ratusz/ratusz/generator/internal/suggest"
)

// An Entry asks New for a new content file.
type Entry struct {
	Kind  string    // a kind ("document") or its folder ("documents")
	Name  string    // a slug, or any text to make one from, which then also serves as the title
	Title string    // the title; "" for Name, or one made from the slug
	Today time.Time // the date a meeting scaffold starts on; zero for today
}

// scaffold is what `ratusz new` knows of one kind: its folder, the kinds
// it must refer to, and the keys it writes.
type scaffold struct {
	kind, folder string
	needs        []string // kinds of which at least one entry must exist
	keys         func(s *scaffolding) string
}

// scaffolding is what a scaffold's keys are made from: the entries of the
// content folder, read a kind at a time as they are needed, and the day.
type scaffolding struct {
	ctx        context.Context
	contentDir string
	today      time.Time
	entries    map[string][]existingEntry // by kind
}

// of lists the entries of a kind, the one to refer to first.
func (s *scaffolding) of(kind string) []existingEntry {
	if e, ok := s.entries[kind]; ok {
		return e
	}
	for _, sc := range scaffolds() {
		if sc.kind == kind {
			s.entries[kind] = existing(s.ctx, s.contentDir, sc.folder, s.today)
		}
	}
	return s.entries[kind]
}

// first is the slug of the entry of kind to refer to, or "".
func (s *scaffolding) first(kind string) string {
	if e := s.of(kind); len(e) > 0 {
		return e[0].slug
	}
	return ""
}

// ref is first, or "SLUG" when there is none.
func (s *scaffolding) ref(kind string) string {
	return cmp.Or(s.first(kind), "SLUG")
}

// line is one front-matter line with a comment for the editor, the
// comments of a scaffold lined up.
func line(kv, comment string) string {
	return fmt.Sprintf("%-28s # %s\n", kv, comment)
}

// choice is a line of a vocabulary's key with a placeholder value, whose
// comment lists every value the key may take.
func choice(key, value string, v site.Vocabulary) string {
	return line(key+": "+value, "change to yours: "+strings.Join(v.Values, ", "))
}

// scaffolds are the front matter `ratusz new` writes for each kind: every
// required key with a valid placeholder, and the optional keys an editor
// usually fills, commented out. Every placeholder carries a comment.
func scaffolds() []scaffold {
	return []scaffold{
		{"city", "cities", nil, func(s *scaffolding) string {
			return line("region: mazowieckie", "województwo: change to yours ("+strings.Join(site.Voivodeships.Values, ", ")+"); a city abroad gives country: DE and a free region") +
				choice("type", "gmina-miejska", site.CityTypes) +
				line("# website: https://…", "the municipality's own site") +
				line("# parent: "+s.ref("city"), "the slug of its powiat, when the site has it")
		}},
		{"programme", "programmes", nil, func(s *scaffolding) string {
			return line("# short: RLKS", "the acronym shown in lists") +
				line("# funder: Unia Europejska", "who funds it") +
				line("# period: 2021-2027", "the years it covers") +
				line("# website: https://…", "the programme's own site")
		}},
		{"organisation", "organisations", nil, func(s *scaffolding) string {
			out := choice("type", "stowarzyszenie", site.OrganisationTypes)
			if c := s.first("city"); c != "" {
				out += line("city: "+c, "the slug of the city of its seat: change to yours")
			} else {
				out += line("# city: SLUG", "the slug of the city of its seat (ratusz new city SLUG makes one)")
			}
			return out + line("# website: https://…", "its own site")
		}},
		{"partnership", "partnerships", []string{"city"}, func(s *scaffolding) string {
			return choice("type", "partnerstwo", site.PartnershipTypes) +
				line("cities: ["+s.ref("city")+"]", "the slugs of every city taking part: change to yours") +
				line("# members: ["+s.ref("organisation")+"]", "the slugs of the organisations taking part") +
				line("# leader: "+s.ref("city"), "the leading city or organisation, one of cities or members") +
				line("# programmes: ["+s.ref("programme")+"]", "the slugs of the programmes it works in") +
				line("# founded: 2015-06", "when it was founded: YYYY-MM-DD, YYYY-MM or YYYY") +
				line("# website: https://…", "its own site")
		}},
		{"document", "documents", []string{"city"}, func(s *scaffolding) string {
			return choice("type", "strategia", site.DocumentTypes) +
				line("status: draft", "draft (projekt), consultation, adopted or expired") +
				line("cities: ["+s.ref("city")+"]", "the slugs of the cities it belongs to: change to yours") +
				line("# period: 2021-2027", "the years it covers") +
				line("# partnership: "+s.ref("partnership"), "the slug of the partnership that produced it") +
				line("# programmes: ["+s.ref("programme")+"]", "the slugs of its programmes")
		}},
		{"meeting", "meetings", []string{"city"}, func(s *scaffolding) string {
			return line("date: "+s.today.Format(time.DateOnly), "the day it starts, or "+s.today.Format(time.DateOnly)+"T10:00 with the hour: change to yours") +
				choice("type", "spotkanie", site.MeetingTypes) +
				line("cities: ["+s.ref("city")+"]", "the slugs of the cities whose pages show it: change to yours") +
				line("# place:", "where it is held") +
				line("#   name: Urząd Miasta", "the building or room") +
				line("#   address: ul. …", "its address") +
				line("#   city: "+s.ref("city"), "the slug of its city") +
				line("# partnership: "+s.ref("partnership"), "the slug of the partnership that holds it")
		}},
		{"page", "pages", nil, func(*scaffolding) string { return "" }},
	}
}

// Kinds lists the kinds New accepts.
func Kinds() []string {
	var out []string
	for _, s := range scaffolds() {
		out = append(out, s.kind)
	}
	return out
}

// New returns the path (relative to the content folder) and text of a
// new content file that builds as it is: every required key has a valid
// placeholder, marked with a comment for the editor, and draft: true keeps
// it off the published site. A reference the kind requires (a document's
// city) points at an existing entry: the first published one by title, or
// the first draft when none is published; when there is none, Scaffold
// fails and names the entry to create first. The front matter starts with
// a yaml-language-server line that points editors' YAML tools at
// schemas/KIND.schema.json beside the content folder.
//
// An unknown kind or a name with nothing to make a slug from is a
// *UsageError. New reads the content folder and writes nothing.
func New(ctx context.Context, contentDir string, e Entry) (rel, text string, err error) {
	all := scaffolds()
	i := slices.IndexFunc(all, func(s scaffold) bool { return e.Kind == s.kind || e.Kind == s.folder })
	if i < 0 {
		msg := fmt.Sprintf("new: unknown kind %q; use one of %s", e.Kind, strings.Join(Kinds(), ", "))
		if c := suggest.Meant(e.Kind, Kinds()); c != "" {
			msg = fmt.Sprintf("new: unknown kind %q; did you mean %q? (the kinds are %s)", e.Kind, c, strings.Join(Kinds(), ", "))
		}
		return "", "", &UsageError{errors.New(msg)}
	}
	sc := all[i]
	sl := slug.Make(e.Name)
	if sl == "" {
		return "", "", &UsageError{fmt.Errorf("new: %q has no letters or digits to make a file name from", e.Name)}
	}
	title, madeUp := e.Title, false
	if title == "" {
		title = e.Name
		if sl == e.Name {
			title, madeUp = titleOf(sl), true
		}
	}
	s := &scaffolding{ctx: ctx, contentDir: contentDir, today: e.Today, entries: map[string][]existingEntry{}}
	if s.today.IsZero() {
		s.today = time.Now()
	}
	if sc.kind != "page" {
		same := s.of(sc.kind)
		if j := slices.IndexFunc(same, func(x existingEntry) bool { return x.slug == sl }); j >= 0 {
			p := filepath.Join(contentDir, sc.folder, filepath.FromSlash(same[j].path))
			if same[j].path == sl+".md" {
				return "", "", fmt.Errorf("new: %s already exists; choose another slug", p)
			}
			return "", "", fmt.Errorf("new: %s already has the slug %q; choose another", p, sl)
		}
	}
	for _, need := range sc.needs {
		if s.first(need) == "" {
			folder := all[slices.IndexFunc(all, func(x scaffold) bool { return x.kind == need })].folder
			return "", "", fmt.Errorf("new: a %s must name at least one %s, and %s has none yet; create a %s first: ratusz new %s SLUG",
				sc.kind, need, filepath.Join(contentDir, folder)+string(filepath.Separator), need, need)
		}
	}

	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "# yaml-language-server: $schema=../../schemas/%s.schema.json\n", sc.kind)
	if madeUp {
		b.WriteString(line("title: "+strconv.Quote(title), "the heading of its page: write it as it should read, with Polish letters"))
	} else {
		b.WriteString("title: " + strconv.Quote(title) + "\n")
	}
	b.WriteString(sc.keys(s))
	b.WriteString(line("draft: true", "remove this line when ready to publish"))
	b.WriteString("---\n\n")
	if err := ctx.Err(); err != nil {
		return "", "", err
	}
	return sc.folder + "/" + sl + ".md", b.String(), nil
}

// titleOf makes a placeholder title from a slug: "jablonowo-pomorskie" →
// "Jablonowo pomorskie".
func titleOf(sl string) string {
	t := strings.ReplaceAll(sl, "-", " ")
	return strings.ToUpper(t[:1]) + t[1:]
}

// An existingEntry is an entry file of one kind that New may refer to.
type existingEntry struct {
	path, slug, title string
	published         bool
}

// existing lists the entries in one kind's folder, published ones first,
// each group by title and slug. Files that cannot be read are left out:
// the build reports them.
func existing(ctx context.Context, contentDir, folder string, today time.Time) []existingEntry {
	if info, err := os.Stat(filepath.Join(contentDir, folder)); err != nil || !info.IsDir() {
		return nil
	}
	fsys, err := fs.Sub(os.DirFS(contentDir), folder)
	if err != nil {
		return nil
	}
	tree, _ := content.Load(ctx, fsys)
	var out []existingEntry
	for _, f := range tree.Files {
		base := path.Base(f.Path)
		if base == "_index.md" {
			continue
		}
		x := existingEntry{path: f.Path, slug: slug.Make(strings.TrimSuffix(base, path.Ext(base))), published: true}
		if x.slug == "" {
			continue
		}
		if v := f.Meta.Get("title"); v != nil {
			x.title = v.Text
		}
		if v := f.Meta.Get("draft"); v != nil && v.Kind == content.Scalar && v.Text == "true" {
			x.published = false
		}
		if v := f.Meta.Get("publish"); v != nil && v.Kind == content.Scalar && len(v.Text) >= 10 && v.Text[:10] > today.Format(time.DateOnly) {
			x.published = false
		}
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b existingEntry) int {
		if a.published != b.published {
			if a.published {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(slug.Fold(a.title), slug.Fold(b.title)), cmp.Compare(a.slug, b.slug))
	})
	return out
}

// A UsageError is a mistake in what New was asked for, rather than in
// the content folder: an unknown kind, a name with nothing to make a slug
// from.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }
