// Package render turns the site model into pages through html/template
// layouts.
//
// The lookup rule: a page is rendered by the layout named after what it
// shows — home.html for the home page, index.html for the index of a kind
// (/miasta/, /dokumenty/…), list.html for topic pages, and the kind's own
// name for an entry (city.html, programme.html, organisation.html,
// partnership.html, document.html, meeting.html, page.html),
// statement.html for the accessibility statement, notfound.html for
// the 404 page, search.html for the search page and opendata.html for the
// page that lists the open-data files — executed
// inside base.html, which defines the frame and calls the blocks "title"
// and "main". Files whose names start with "_" hold shared {{define}}s that
// every layout can use; a {{define}} in a layout file is that layout's own,
// and replaces a shared one of the same name on its pages only. A file in
// the site's own layouts folder replaces the built-in file of the same
// name; nothing else is searched. Errors name the file they are in,
// built-in or the site's own. The kinds of page and the layout of each are
// in plan.go (PageKind, plans).
//
// It reads the site model and the layouts, and returns pages as bytes: it
// writes no file, changes no entry, and derives nothing the model says (a
// document's status, an entry's dates are the model's).
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/ratusz/ratusz/generator/internal/problem"
)

// Layouts are a theme's parsed templates, one set per layout.
type Layouts struct {
	sets  map[string]*template.Template // the layouts as written
	run   map[string]*template.Template // what pages are rendered with: sets, or sets minified
	order []string                      // the names of sets, sorted (lookup)
	files map[string]source             // every file by name, without text, for messages

	// copies and runCopies are the layout sets, as written and run, that
	// are made of a ParsedTheme's files alone, kept apart from sets and
	// run: each is copied from the ParsedTheme's when first executed
	// (set), as a site renders with a few of its layouts, and copying a
	// set costs about as much as executing it.
	copies, runCopies map[string]*setCopy
	minified          bool // run is sets minified

	// own says, by set and template name, whether what the template makes
	// can depend on the set's layout file: it, or a template it calls, is
	// defined there. Any other is made of base.html and the shared files
	// alone, the same in every set, and once and part keep what it makes
	// for every set at once.
	own map[string]map[string]bool
	// common names, for each template, a set in which it is not its
	// own: the one once and part execute when called in any set.
	common map[string]string
}

// LayoutOptions say where a site's own layouts are and how layouts are
// parsed.
type LayoutOptions struct {
	Own    fs.FS  // the site's own layouts, or nil
	OwnDir string // own's folder, in messages
	Funcs  template.FuncMap

	// Compact, if not nil, minifies a layout file's text once, when it
	// is read; pages are then rendered from the minified layouts. As its
	// lines are not the file's, the layouts as written, with
	// WrittenFuncs, are executed again to place an error.
	Compact      func(text string) (string, *problem.Problem)
	WrittenFuncs template.FuncMap

	// Parsed, when not nil, keeps the theme's layouts parsed for the
	// next renderers of the same theme, which ThemeID names (ParsedTheme).
	Parsed  *ParsedTheme
	ThemeID any
}

// source is one layout file and where it came from.
type source struct {
	name    string // file name, "city.html"
	origin  string // path shown in messages
	text    string
	builtin bool // the theme's, not the site's own
}

// builtinDir is the folder of the theme's layouts, in messages.
const builtinDir = "(built-in) layouts"

// LoadLayouts parses the built-in layouts in theme, replaced file by file by
// those in o.Own. With o.Parsed, the theme is read and parsed once for
// every renderer given the same o.Parsed and o.ThemeID, and each copies
// the parsed layouts.
func LoadLayouts(theme fs.FS, o LayoutOptions) (*Layouts, problem.List) {
	kept := o.Parsed.of(theme, o)
	own, ownDir := o.Own, o.OwnDir
	var errs problem.List
	files := map[string]source{}
	if kept != nil {
		maps.Copy(files, kept.files)
	} else {
		errs = append(errs, readLayouts(files, theme, builtinDir, true)...)
	}
	errs = append(errs, readLayouts(files, own, ownDir, false)...)
	if own != nil {
		for name, f := range files {
			if !f.builtin && !strings.HasPrefix(name, "_") && name != "base.html" && !slices.Contains(layoutNames, strings.TrimSuffix(name, ".html")) {
				errs.Addf(f.origin, 1, "is not a layout ratusz uses; layouts are base.html, %s.html, and shared _name.html files", strings.Join(layoutNames, ".html, "))
			}
		}
	}
	l, _, errs := parseLayouts(files, o, kept, errs)
	return l, errs
}

// readLayouts adds to files the layout files of fsys, which messages name
// dir, replacing those of the same name; builtin says they are the
// theme's. A nil fsys has none.
func readLayouts(files map[string]source, fsys fs.FS, dir string, builtin bool) problem.List {
	if fsys == nil {
		return nil
	}
	var errs problem.List
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		errs.Addf(dir, 0, "cannot read layouts: %v", err)
		return errs
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".html" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			errs.Addf(path.Join(dir, e.Name()), 1, "cannot read: %v", err)
			continue
		}
		files[e.Name()] = source{name: e.Name(), origin: path.Join(dir, e.Name()), text: string(b), builtin: builtin}
	}
	return errs
}

// parseLayouts parses the layout files files, adding its problems to
// errs, which were met reading them; it also returns the files minified
// (LayoutOptions.Compact), or nil. A layout set made of kept's files
// alone is copied from kept's, and kept's files are minified already.
func parseLayouts(files map[string]source, o LayoutOptions, kept *parsedTheme, errs problem.List) (*Layouts, map[string]source, problem.List) {
	base, ok := files["base.html"]
	if !ok {
		errs.Addf("layouts/base.html", 0, "is missing")
		return nil, nil, errs
	}
	shared := sharedOf(files)

	l := &Layouts{files: map[string]source{}}
	for name, f := range files {
		l.files[name] = source{name: name, origin: f.origin}
	}
	for _, name := range layoutNames {
		if _, ok := files[name+".html"]; !ok {
			errs.Addf("layouts/"+name+".html", 0, "is missing")
		}
	}
	// The sets made of the theme's files alone, which are kept's.
	var builtin map[string]bool
	if kept != nil && base.builtin && !slices.ContainsFunc(shared, func(s source) bool { return !s.builtin }) {
		builtin = map[string]bool{}
		for _, name := range layoutNames {
			builtin[name] = files[name+".html"].builtin
		}
	}
	var keptSets, keptRun map[string]*template.Template
	if kept != nil {
		keptSets, keptRun = kept.layouts.sets, kept.layouts.run
	}
	// The layouts as written are what pages render with, or, when pages
	// render from minified ones, what places their errors.
	written := o.Funcs
	if o.Compact != nil {
		written = o.WrittenFuncs
	}
	var perrs problem.List
	l.sets, l.copies, perrs = l.parseSets(base, shared, files, written, keptSets, builtin)
	errs = append(errs, perrs...)
	l.run, l.runCopies = l.sets, l.copies
	var small map[string]source
	if o.Compact != nil && len(errs) == 0 {
		small = map[string]source{}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			f := files[name]
			if f.builtin && kept != nil {
				small[name] = kept.small[name]
				continue
			}
			text, err := o.Compact(f.text)
			if err != nil {
				err.Path = f.origin
				err.Msg += "; build with -minify=false to render the layouts as written"
				errs = append(errs, err)
				continue
			}
			f.text = text
			small[name] = f
		}
		if len(errs) > 0 {
			return l, small, errs
		}
		l.minified = true
		l.run, l.runCopies, perrs = l.parseSets(small[base.name], sharedOf(small), small, o.Funcs, keptRun, builtin)
		for _, e := range perrs {
			// The line would be the minified text's.
			e.Line, e.Msg = 0, "once minified: "+e.Msg+"; build with -minify=false to render the layouts as written"
		}
		errs = append(errs, perrs...)
	}
	l.order = slices.AppendSeq(slices.Collect(maps.Keys(l.run)), maps.Keys(l.runCopies))
	slices.Sort(l.order)
	l.own, l.common = map[string]map[string]bool{}, map[string]string{}
	for _, name := range l.order {
		if builtin[name] {
			l.own[name] = kept.layouts.own[name] // read only
		} else {
			l.own[name] = ownTemplates(l.run[name], name+".html")
		}
		for tmpl, own := range l.own[name] {
			if _, ok := l.common[tmpl]; !ok && !own {
				l.common[tmpl] = name
			}
		}
	}
	return l, small, errs
}

// ParsedTheme keeps a theme's layouts read, minified when pages are
// rendered from minified layouts (LayoutOptions.Compact), and parsed,
// for the renderers made after the first in the same process: a dev
// server's builds, a fuzzer's. Each renderer copies the parsed layouts
// and binds its own functions to its copy; the kept ones are never
// executed, as html/template cannot copy a set that has been. Only the
// theme is kept: the site's own layouts are read again every time, and a
// layout set with any of them in it is parsed anew.
//
// The zero ParsedTheme keeps nothing yet. It is safe for concurrent use.
type ParsedTheme struct {
	mu   sync.Mutex
	kept map[themeKey]*parsedTheme
}

// themeKey is what changes a theme's parsed layouts: which theme, and
// whether they are minified.
type themeKey struct {
	id      any
	compact bool
}

// parsedTheme is one theme's layouts, kept.
type parsedTheme struct {
	once    sync.Once
	files   map[string]source // the theme's files, as written
	small   map[string]source // minified, when compact
	layouts *Layouts          // parsed with funcs and written; nil if the theme alone has problems
	funcs   template.FuncMap  // unbound
	written template.FuncMap  // unbound, when compact
}

// of is the layouts p keeps of the theme (whose id is o.ThemeID: the
// same id, the same files, which must not change, like an embed.FS) for
// renderers whose functions
// are those of o, read and parsed now if they are not yet; nil if the
// theme alone has problems, which are then reported from its files read
// again, or for functions other than those it was parsed with.
func (p *ParsedTheme) of(theme fs.FS, o LayoutOptions) *parsedTheme {
	if p == nil || o.ThemeID == nil || !reflect.ValueOf(o.ThemeID).Comparable() {
		return nil // read every time
	}
	key := themeKey{o.ThemeID, o.Compact != nil}
	p.mu.Lock()
	k := p.kept[key]
	if k == nil {
		if p.kept == nil {
			p.kept = map[themeKey]*parsedTheme{}
		}
		k = &parsedTheme{}
		p.kept[key] = k
	}
	p.mu.Unlock()
	k.once.Do(func() {
		files := map[string]source{}
		if errs := readLayouts(files, theme, builtinDir, true); len(errs) > 0 {
			return
		}
		stand := LayoutOptions{Funcs: unbound(o.Funcs), Compact: o.Compact}
		if o.Compact != nil {
			stand.WrittenFuncs = unbound(o.WrittenFuncs)
		}
		l, small, errs := parseLayouts(files, stand, nil, nil)
		if len(errs) > 0 {
			return
		}
		k.files, k.small, k.layouts, k.funcs, k.written = files, small, l, stand.Funcs, stand.WrittenFuncs
	})
	if k.layouts == nil || !sameNames(k.funcs, o.Funcs) || (o.Compact != nil && !sameNames(k.written, o.WrittenFuncs)) {
		return nil
	}
	return k
}

// unbound gives every function of funcs a stand-in of the same type,
// which fails if it is called: kept layouts are parsed with them, so
// that they hold no renderer, and so no site, of the build that parsed
// them.
func unbound(funcs template.FuncMap) template.FuncMap {
	out := make(template.FuncMap, len(funcs))
	for name, f := range funcs {
		t := reflect.TypeOf(f)
		if t == nil || t.Kind() != reflect.Func {
			out[name] = f
			continue
		}
		out[name] = reflect.MakeFunc(t, func([]reflect.Value) []reflect.Value {
			panic(fmt.Sprintf("layout function %s is not bound to a site", name))
		}).Interface()
	}
	return out
}

// sameNames says whether a and b have the same function names.
func sameNames(a, b template.FuncMap) bool {
	if len(a) != len(b) {
		return false
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			return false
		}
	}
	return true
}

// sharedOf is the files whose {{define}}s every layout can use, by name.
func sharedOf(files map[string]source) []source {
	var shared []source
	for _, f := range files {
		if strings.HasPrefix(f.name, "_") {
			shared = append(shared, f)
		}
	}
	slices.SortFunc(shared, func(a, b source) int { return strings.Compare(a.name, b.name) })
	return shared
}

// parseSets parses each layout with base and the shared files; a set
// that same says is made of the same files as kept's is copied from
// kept's when first executed instead, one of copies.
func (l *Layouts) parseSets(base source, shared []source, files map[string]source, funcs template.FuncMap, kept map[string]*template.Template, same map[string]bool) (sets map[string]*template.Template, copies map[string]*setCopy, errs problem.List) {
	sets = map[string]*template.Template{}
	for _, name := range layoutNames {
		f, ok := files[name+".html"]
		if !ok {
			continue // LoadLayouts reports it
		}
		if k := kept[name]; k != nil && same[name] {
			if copies == nil {
				copies = map[string]*setCopy{}
			}
			copies[name] = &setCopy{from: k, funcs: l.bindToSet(funcs, name)}
			continue
		}
		t := template.New(base.name).Funcs(l.bindToSet(funcs, name))
		for i, s := range append(append([]source{base}, shared...), f) {
			tt := t
			if i > 0 {
				tt = t.New(s.name)
			}
			if _, err := tt.Parse(s.text); err != nil {
				errs.Add(templateError(err, files))
				ok = false
				break
			}
		}
		if ok {
			sets[name] = t
		}
	}
	return sets, copies, errs
}

// setCopy is a layout set copied from a ParsedTheme's when first
// executed.
type setCopy struct {
	from  *template.Template // the kept set, never executed
	funcs template.FuncMap   // the functions to bind to the copy
	once  sync.Once
	t     *template.Template // nil until copied, or if it cannot be
}

// get is the copy, made now if it is not yet.
func (c *setCopy) get() *template.Template {
	c.once.Do(func() {
		// The kept set is never executed, which html/template requires
		// of a set it copies.
		t, err := c.from.Clone()
		if err != nil {
			return
		}
		// Its functions are stand-ins (unbound): every one is given
		// again.
		c.t = t.Funcs(c.funcs)
	})
	return c.t
}

// set is the layout set name of sets (run, or the layouts as written),
// copied now if it is one of the copies not yet copied; nil if there is
// none.
func (l *Layouts) set(sets map[string]*template.Template, name string) *template.Template {
	if t, ok := sets[name]; ok {
		return t
	}
	copies := l.runCopies
	// Maps cannot be compared but by where they are.
	if l.minified && reflect.ValueOf(sets).UnsafePointer() == reflect.ValueOf(l.sets).UnsafePointer() {
		copies = l.copies
	}
	if c := copies[name]; c != nil {
		return c.get()
	}
	return nil
}

// inSet is what the once and part of a layout set are given: the set
// whose templates they execute, and the value the layout gave them.
type inSet struct {
	set  string
	data any
}

// bindToSet gives the layout set set its own once and part. A template
// that is the set's own (Layouts.own), or that the set does not have, they
// execute in the set, and tell once and part so by passing the set along
// with the value (inSet); any other is the same in every set, and they
// pass the value alone.
func (l *Layouts) bindToSet(funcs template.FuncMap, set string) template.FuncMap {
	out := maps.Clone(funcs)
	for _, fn := range []string{"once", "part"} {
		if f, ok := funcs[fn].(func(string, any) (template.HTML, error)); ok {
			out[fn] = func(name string, data any) (template.HTML, error) {
				if own, ok := l.own[set][name]; own || !ok {
					return f(name, inSet{set, data})
				}
				return f(name, data)
			}
		}
	}
	return out
}

// setOf unwraps what once and part were given: the layout set whose own
// template they execute ("" for one that is the same in every set) and
// the value.
func setOf(data any) (string, any) {
	if d, ok := data.(inSet); ok {
		return d.set, d.data
	}
	return "", data
}

// lookup finds a shared template by name, for once and part: in the layout
// set set of sets (run, or the layouts as written), or, for "", in a set
// of which it is not the own, else the first of sets that has it, by the
// sets' names.
func (l *Layouts) lookup(sets map[string]*template.Template, set, name string) *template.Template {
	if set == "" {
		set = l.common[name]
	}
	if set != "" {
		if t := l.set(sets, set); t != nil {
			return t.Lookup(name)
		}
		return nil
	}
	for _, k := range l.order {
		if t := l.set(sets, k); t != nil {
			if t := t.Lookup(name); t != nil {
				return t
			}
		}
	}
	return nil
}

// ownTemplates says, for every template of set, whether it or a template
// it calls (with template, once or part) is defined in the file file, or
// calls once or part with a name not written in it, which could be.
func ownTemplates(set *template.Template, file string) map[string]bool {
	own := map[string]bool{}
	for _, t := range set.Templates() {
		own[t.Name()] = usesFile(set, t.Name(), file, map[string]bool{})
	}
	return own
}

func usesFile(set *template.Template, name, file string, seen map[string]bool) bool {
	if seen[name] {
		return false
	}
	seen[name] = true
	t := set.Lookup(name)
	if t == nil || t.Tree == nil {
		return false
	}
	if t.Tree.ParseName == file {
		return true
	}
	names, dynamic := calls(t.Tree.Root, nil)
	if dynamic {
		return true
	}
	for _, n := range names {
		if usesFile(set, n, file, seen) {
			return true
		}
	}
	return false
}

// calls adds to names the templates node calls by name: with template,
// once or part. dynamic says that it calls once or part with a name it
// does not write.
func calls(node parse.Node, names []string) (_ []string, dynamic bool) {
	pipe := func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		for _, cmd := range p.Cmds {
			if len(cmd.Args) > 0 {
				if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && (id.Ident == "once" || id.Ident == "part") {
					if len(cmd.Args) > 1 {
						if s, ok := cmd.Args[1].(*parse.StringNode); ok {
							names = append(names, s.Text)
							continue
						}
					}
					dynamic = true
				}
			}
			for _, arg := range cmd.Args {
				if c, ok := arg.(*parse.ChainNode); ok {
					arg = c.Node // (part "x" .).Field
				}
				if p, ok := arg.(*parse.PipeNode); ok {
					var d bool
					names, d = calls(p, names)
					dynamic = dynamic || d
				}
			}
		}
	}
	var walk func(parse.Node)
	walk = func(node parse.Node) {
		switch n := node.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			pipe(n.Pipe)
		case *parse.PipeNode:
			pipe(n)
		case *parse.TemplateNode:
			names = append(names, n.Name)
			pipe(n.Pipe)
		case *parse.IfNode:
			walk(&n.BranchNode)
		case *parse.RangeNode:
			walk(&n.BranchNode)
		case *parse.WithNode:
			walk(&n.BranchNode)
		case *parse.BranchNode:
			pipe(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(node)
	return names, dynamic
}

// execute renders the layout name with p into buf, from the minified
// layouts when there are; an error is placed in the layout as written.
func (l *Layouts) execute(buf *bytes.Buffer, name string, p *Page) *problem.Problem {
	run := l.set(l.run, name)
	if run == nil {
		return &problem.Problem{Path: "layouts/" + name + ".html", Msg: "cannot copy the parsed layout"}
	}
	err := run.Execute(buf, p)
	if err == nil {
		return nil
	}
	if l.minified {
		// The minified layouts' lines are not the files'.
		if written := l.set(l.sets, name); written != nil {
			if werr := written.Execute(io.Discard, p); werr != nil {
				err = werr
			}
		}
	}
	return l.placed(err)
}

var reTemplateErr = regexp.MustCompile(`^(?:html/)?template: ?(?:[^:"\s]*: )?"?([^":\s]+\.html)"?:(\d+)(?::\d+)?: (.*)$`)

// templateError places a template error at its layout file and line.
func templateError(err error, files map[string]source) *problem.Problem {
	msg := err.Error()
	if m := reTemplateErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		origin := "layouts/" + m[1]
		if f, ok := files[m[1]]; ok {
			origin = f.origin
		}
		return &problem.Problem{Path: origin, Line: line, Msg: m[3]}
	}
	return &problem.Problem{Path: "layouts", Msg: msg}
}

// placed is the same, for errors while executing a layout.
func (l *Layouts) placed(err error) *problem.Problem {
	e := templateError(err, l.files)
	if e.Path == "layouts" {
		e.Msg = fmt.Sprintf("executing a layout: %s", e.Msg)
	}
	return e
}
