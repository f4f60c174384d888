package site

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/problem"
)

// faultyTree is a site of 60 groups of entries (more than 300 files, so
// many batches of decodeAll) in which some entries have problems of every
// sort: found while decoding a file, while resolving references, by the
// checks that run after resolving, and when addresses are claimed. It
// returns the tree and every problem New must report.
func faultyTree(t *testing.T) (*content.Tree, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	add := func(p, s string) { fsys[p] = &fstest.MapFile{Data: []byte(s)} }
	var want []string
	for i := range 60 {
		n := fmt.Sprintf("%02d", i)
		next := fmt.Sprintf("%02d", (i+1)%60)

		c := "---\ntitle: Miasto " + n + "\nregion: mazowieckie\n"
		if i%7 == 3 {
			c += "parent: programmes/p" + n + "\n"
			want = append(want, `cities/m`+n+`.md:4: parent: "programmes/p`+n+`" names the folder "programmes", but this key refers to a city; write the slug (file name without .md) of the city`)
		}
		add("cities/m"+n+".md", c+"---\n")

		p := "---\ntitle: Program " + n + "\n"
		if i%5 == 1 {
			p += "period: 2020-2010\n"
			want = append(want, "programmes/p"+n+".md:3: period: ends (2010) before it starts (2020); swap the years")
		}
		add("programmes/p"+n+".md", p+"---\n")

		o := "---\ntitle: Organizacja " + n + "\ncity: m" + n + "\n"
		if i%6 == 2 {
			o += "type: fundacj\n"
			want = append(want, `organisations/o`+n+`.md:4: type: "fundacj" is not an organisation type; use one of fundacja, stowarzyszenie, urzad, instytucja, kosciol, inna (did you mean "fundacja"?)`)
		}
		add("organisations/o"+n+".md", o+"---\n")

		s := "---\ntitle: Partnerstwo " + n + "\ncities: [m" + n + "]\nmembers: [o" + n + "]\n"
		if i%4 == 0 {
			s += "leader: cities/m" + next + "\n"
			want = append(want, `partnerships/s`+n+`.md:5: leader: "m`+next+`" is not one of this partnership's cities; add it to cities or choose a city that is there`)
		} else {
			s += "leader: o" + n + "\n"
		}
		add("partnerships/s"+n+".md", s+"---\n")

		d := "---\ntitle: Dokument " + n + "\ntype: plan\nstatus: draft\n"
		if i%8 == 5 {
			d += "cities: [m" + n + ", m" + n + "]\n"
			want = append(want, `documents/d`+n+`.md:5: cities[2]: "m`+n+`" is already listed as item 1; remove the repeat`)
		} else {
			d += "cities: [m" + n + "]\n"
		}
		add("documents/d"+n+".md", d+"---\n")

		w := "---\ntitle: Spotkanie " + n + "\npartnership: s" + n + "\n"
		if i%5 == 2 {
			w += "date: 2021-02-30\n"
			want = append(want, `meetings/w`+n+`.md:4: date: "2021-02-30" has no day 30; that month has 28 days`)
		} else {
			w += fmt.Sprintf("date: 2021-03-%02d\n", i%28+1)
		}
		if i%9 == 4 {
			w += "aliases: [/stare/wspolne/]\n"
			if i != 4 {
				want = append(want, `meetings/w`+n+`.md:5: aliases[1]: "/stare/wspolne/" is already an alias of meetings/w04.md; remove the alias or change it to an address nothing else uses`)
			}
		}
		line := strings.Count(w, "\n") + 2 // of the image's file: key
		switch i % 20 {
		case 7: // a photo beside the entry
			add("meetings/zdjecia/w"+n+".jpg", "jpg")
			w += "images:\n  - file: zdjecia/w" + n + ".jpg\n    alt: Sala\n"
		case 11: // a photo that is not there
			w += "images:\n  - file: zdjecia/brak" + n + ".jpg\n    alt: Sala\n"
			want = append(want, fmt.Sprintf(`meetings/w%s.md:%d: images[1].file: file "zdjecia/brak%s.jpg" not found beside the entry (meetings/zdjecia/brak%s.jpg) or in static/ (static/zdjecia/brak%s.jpg); add the file or fix the path`, n, line, n, n, n))
		case 17: // a photo whose size cannot be read
			add("meetings/zdjecia/zepsute"+n+".jpg", "jpg")
			w += "images:\n  - file: zdjecia/zepsute" + n + ".jpg\n    alt: Sala\n"
			want = append(want, fmt.Sprintf(`meetings/w%s.md:%d: images[1].file: cannot read the size of "zdjecia/zepsute%s.jpg": not an image; save it again as a JPG, PNG, WebP, GIF or SVG with a width and height`, n, line, n))
		}
		add("meetings/w"+n+".md", w+"---\n")

		if i%15 == 0 { // two files, one address
			add("cities/Dup-"+n+".md", "---\ntitle: Dup "+n+"\nregion: mazowieckie\n---\n")
			add("cities/dup-"+n+".md", "---\ntitle: dup "+n+"\nregion: mazowieckie\n---\n")
			want = append(want, `cities/dup-`+n+`.md:1: has the same address "/miasta/dup-`+n+`/" as cities/Dup-`+n+`.md; rename one of the files (file names that differ only in case or Polish letters make the same address)`)
		}
	}
	tree, errs := content.Load(context.Background(), fsys)
	if len(errs) > 0 {
		t.Fatalf("load: %v", errs.Err())
	}
	slices.Sort(want)
	return tree, want
}

// imageSize says every image is 640×480 but the ones named zepsute.
func imageSize(from, p string) (int, int, error) {
	if strings.Contains(p, "zepsute") {
		return 0, 0, errors.New("not an image")
	}
	return 640, 480, nil
}

var decodeNow = time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)

func errorLines(errs problem.List) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	slices.Sort(out)
	return out
}

// Decoding the files in parallel loses no problem and reports each at its
// file and line, the same every time and with any size of batch.
func TestParallelDecodeReportsEveryProblem(t *testing.T) {
	tree, want := faultyTree(t)
	o := Options{Now: decodeNow, ImageSize: imageSize}
	for _, batch := range []int{decodeBatch, len(tree.Files), 1, 7, decodeBatch} {
		s, errs := build(tree, o, batch)
		if s != nil {
			t.Fatalf("batch %d: a site with problems made a model", batch)
		}
		got := errorLines(errs)
		if !slices.Equal(got, want) {
			t.Errorf("batch %d: problems differ\nmissing:\n%s\nnot expected:\n%s", batch,
				strings.Join(minus(want, got), "\n"), strings.Join(minus(got, want), "\n"))
		}
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// Decoding the files in parallel makes the same model as decoding them
// one after the other with one builder: the same entries, references,
// back-references, topics, assets and warnings, in the same order.
func TestParallelDecodeMakesTheSameModel(t *testing.T) {
	fsys := corpus.FS(corpus.Options{Entries: 1500, Seed: 7})
	// Photos beside some meetings, and one file nothing uses.
	meetings := 0
	for _, p := range slices.Sorted(maps.Keys(fsys)) {
		if strings.HasPrefix(p, "meetings/") && path.Base(p) != "_index.md" && meetings < 40 && strings.HasPrefix(string(fsys[p].Data), "---\n") {
			meetings++
			photo := strings.TrimSuffix(p, ".md") + "-foto.jpg"
			fsys[photo] = &fstest.MapFile{Data: []byte("jpg")}
			text := strings.Replace(string(fsys[p].Data), "\n---\n", "\nimages:\n  - file: "+path.Base(photo)+"\n    alt: Uczestnicy\n---\n", 1)
			fsys[p] = &fstest.MapFile{Data: []byte(text)}
		}
	}
	fsys["meetings/niepotrzebne.pdf"] = &fstest.MapFile{Data: []byte("pdf")}
	tree, errs := content.Load(context.Background(), fsys)
	if len(errs) > 0 {
		t.Fatalf("load: %v", errs.Err())
	}
	o := Options{Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), ImageSize: imageSize}
	one, errs := build(tree, o, len(tree.Files))
	if len(errs) > 0 {
		t.Fatalf("one builder: %v", errs.Err())
	}
	want := dumpModel(one)
	unused := "meetings/niepotrzebne.pdf: not used by any entry"
	if !strings.Contains(want, "Width:640") || len(one.Assets) != meetings ||
		len(one.Warnings) != 3 || !slices.ContainsFunc(one.Warnings, func(w string) bool { return strings.HasPrefix(w, unused) }) {
		t.Fatalf("the model has %d assets (want %d) and the warnings %q (want the one about no accessibility statement and %q); the photos are not in it", len(one.Assets), meetings, one.Warnings, unused)
	}
	for _, batch := range []int{decodeBatch, 1, 13} {
		s, errs := build(tree, o, batch)
		if len(errs) > 0 {
			t.Fatalf("batch %d: %v", batch, errs.Err())
		}
		if got := dumpModel(s); got != want {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Errorf("batch %d: the model differs from one builder's at\n%s\nwant\n%s", batch, excerpt(got, i), excerpt(want, i))
		}
	}
	// A build consumes the tree: the same model, and no entry file's
	// front matter kept once decoded.
	o.Consume = true
	s, errs := build(tree, o, decodeBatch)
	if len(errs) > 0 {
		t.Fatalf("consuming: %v", errs.Err())
	}
	if got := dumpModel(s); got != want {
		t.Error("consuming the tree made another model")
	}
	kept := 0
	for _, f := range tree.Files {
		if f.Meta != nil && path.Base(f.Path) != "_index.md" {
			kept++
		}
	}
	if kept > 0 {
		t.Errorf("%d entry files still hold their front matter after a build that consumes them", kept)
	}
}

func excerpt(s string, i int) string { return s[max(0, i-200):min(len(s), i+200)] }

// dumpModel writes out every exported field of the model; an entry that
// another refers to is written as its path.
func dumpModel(s *Site) string {
	var sb strings.Builder
	for _, e := range append(s.Entities(), s.Hidden()...) {
		dumpValue(&sb, reflect.ValueOf(e).Elem())
		sb.WriteString("\n")
	}
	dumpValue(&sb, reflect.ValueOf(s).Elem())
	return sb.String()
}

var entityType = reflect.TypeFor[Entity]()

func dumpValue(sb *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			sb.WriteString("nil")
			return
		}
		switch x := v.Interface().(type) {
		case Entity:
			sb.WriteString("→" + x.E().Path)
			return
		case *lang.Lang:
			sb.WriteString(x.Tag())
			return
		case *time.Location:
			sb.WriteString(x.String())
			return
		}
		dumpValue(sb, v.Elem())
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			sb.WriteString(t.Format(time.RFC3339Nano))
			return
		}
		sb.WriteString("{")
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				sb.WriteString(f.Name + ":")
				dumpValue(sb, v.Field(i))
				sb.WriteString(" ")
			}
		}
		sb.WriteString("}")
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(sb, "%q", v.Bytes())
			return
		}
		sb.WriteString("[")
		for i := range v.Len() {
			dumpValue(sb, v.Index(i))
			sb.WriteString(" ")
		}
		sb.WriteString("]")
	default:
		fmt.Fprint(sb, v.Interface()) // maps are written in key order
	}
}
