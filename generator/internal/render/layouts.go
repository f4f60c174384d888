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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/ratusz/ratusz/generator/internal/problem"
)

// Layouts are a theme's parsed templates, one set per layout.
type Layouts struct {
	sets  map[string]*template.Template // the layouts as written
	run   map[string]*template.Template // what pages are rendered with: sets, or sets minified
	order []string                      // the names of sets, sorted (lookup)
	files map[string]source             // every file by name, without text, for messages

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
}

// source is one layout file and where it came from.
type source struct {
	name   string // file name, "city.html"
	origin string // path shown in messages
	text   string
}

// LoadLayouts parses the built-in layouts in theme, replaced file by file by
// those in o.Own.
func LoadLayouts(theme fs.FS, o LayoutOptions) (*Layouts, problem.List) {
	own, ownDir := o.Own, o.OwnDir
	var errs problem.List
	files := map[string]source{}
	read := func(fsys fs.FS, dir string) {
		if fsys == nil {
			return
		}
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil {
			errs.Addf(dir, 0, "cannot read layouts: %v", err)
			return
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
			files[e.Name()] = source{name: e.Name(), origin: path.Join(dir, e.Name()), text: string(b)}
		}
	}
	read(theme, "(built-in) layouts")
	read(own, ownDir)
	if own != nil {
		for name, f := range files {
			if f.origin == path.Join(ownDir, name) && !strings.HasPrefix(name, "_") && name != "base.html" && !slices.Contains(layoutNames, strings.TrimSuffix(name, ".html")) {
				errs.Addf(f.origin, 1, "is not a layout ratusz uses; layouts are base.html, %s.html, and shared _name.html files", strings.Join(layoutNames, ".html, "))
			}
		}
	}
	base, ok := files["base.html"]
	if !ok {
		errs.Addf("layouts/base.html", 0, "is missing")
		return nil, errs
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
	// The layouts as written are what pages render with, or, when pages
	// render from minified ones, what places their errors.
	written := o.Funcs
	if o.Compact != nil {
		written = o.WrittenFuncs
	}
	var perrs problem.List
	l.sets, perrs = l.parseSets(base, shared, files, written)
	errs = append(errs, perrs...)
	l.run = l.sets
	if o.Compact != nil && len(errs) == 0 {
		small := map[string]source{}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			f := files[name]
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
			return l, errs
		}
		l.run, perrs = l.parseSets(small[base.name], sharedOf(small), small, o.Funcs)
		for _, e := range perrs {
			// The line would be the minified text's.
			e.Line, e.Msg = 0, "once minified: "+e.Msg+"; build with -minify=false to render the layouts as written"
		}
		errs = append(errs, perrs...)
	}
	l.order = slices.Sorted(maps.Keys(l.run))
	l.own, l.common = map[string]map[string]bool{}, map[string]string{}
	for _, name := range l.order {
		l.own[name] = ownTemplates(l.run[name], name+".html")
		for tmpl, own := range l.own[name] {
			if _, ok := l.common[tmpl]; !ok && !own {
				l.common[tmpl] = name
			}
		}
	}
	return l, errs
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

// parseSets parses each layout with base and the shared files.
func (l *Layouts) parseSets(base source, shared []source, files map[string]source, funcs template.FuncMap) (map[string]*template.Template, problem.List) {
	var errs problem.List
	sets := map[string]*template.Template{}
	for _, name := range layoutNames {
		f, ok := files[name+".html"]
		if !ok {
			continue // LoadLayouts reports it
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
	return sets, errs
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
		if t, ok := sets[set]; ok {
			return t.Lookup(name)
		}
		return nil
	}
	for _, k := range l.order {
		if t := sets[k].Lookup(name); t != nil {
			return t
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
	err := l.run[name].Execute(buf, p)
	if err == nil {
		return nil
	}
	if l.run[name] != l.sets[name] {
		// The minified layouts' lines are not the files'.
		if werr := l.sets[name].Execute(io.Discard, p); werr != nil {
			err = werr
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
