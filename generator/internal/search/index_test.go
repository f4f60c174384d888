package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ratusz/ratusz/bench/corpus"
	"github.com/ratusz/ratusz/generator/internal/markdown"
	"github.com/ratusz/ratusz/generator/internal/search"
	"github.com/ratusz/ratusz/generator/internal/site"
	"github.com/ratusz/ratusz/generator/internal/site/sitetest"
	"golang.org/x/text/unicode/norm"
)

// index is a written index read back: what the script reads.
type index struct {
	Meta struct {
		V      int
		N      int
		Stem   string
		Stop   []string
		Shards []string
		Per    int
	}
	files     map[string][]byte
	terms     map[string]map[int]int // term → entry → level
	shardOf   map[string]int         // term → its shard
	fragments []fragment
}

type fragment struct{ T, U, M, X string }

// write builds the index of s into memory and reads it back.
func write(t testing.TB, s *site.Site) *index {
	t.Helper()
	idx := &index{files: map[string][]byte{}, terms: map[string]map[int]int{}, shardOf: map[string]int{}}
	text := func(e *site.Entry) (string, error) { return markdown.PlainText(e.Body), nil }
	if err := search.Write(s, search.Options{Text: text}, func(name string, data []byte) error {
		if _, ok := idx.files[name]; ok {
			t.Errorf("%s written twice", name)
		}
		idx.files[name] = data
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(idx.files[search.File(s.Lang)], &idx.Meta); err != nil {
		t.Fatal(err)
	}
	for i := range idx.Meta.Shards {
		name := fmt.Sprintf("szukaj/w/%d.bin", i)
		b, ok := idx.files[name]
		if !ok {
			t.Fatalf("%s is missing", name)
		}
		if err := idx.readShard(i, b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for id := range idx.Meta.N {
		name := fmt.Sprintf("szukaj/d/%d/%d.gz", id/idx.Meta.Per, id%idx.Meta.Per)
		var f fragment
		z, err := gzip.NewReader(bytes.NewReader(idx.files[name]))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := json.NewDecoder(z).Decode(&f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		idx.fragments = append(idx.fragments, f)
	}
	return idx
}

// readShard decodes shard i as the script does.
func (idx *index) readShard(i int, b []byte) error {
	uv := func() uint64 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			panic("bad varint")
		}
		b = b[n:]
		return v
	}
	count := uv()
	prev := ""
	for range count {
		shared, n := uv(), uv()
		term := prev[:shared] + string(b[:n])
		b = b[n:]
		if term <= prev && prev != "" {
			return fmt.Errorf("term %q after %q", term, prev)
		}
		if (i+1 < len(idx.Meta.Shards) && term >= idx.Meta.Shards[i+1]) || term < idx.Meta.Shards[i] {
			return fmt.Errorf("term %q outside shard %d", term, i)
		}
		df, mode := uv(), b[0]
		b = b[1:]
		size := uv()
		post, rest := b[:size], b[size:]
		b = rest
		levels := map[int]int{}
		switch mode {
		case 0:
			doc := -1
			for len(post) > 0 {
				gap, n := binary.Uvarint(post)
				doc += int(gap) + 1
				levels[doc] = int(post[n])
				post = post[n+1:]
			}
		case 1:
			for j, v := range post {
				for k := range 4 {
					if f := int(v>>(2*k)) & 3; f != 0 {
						levels[4*j+k] = 5*f - 2
					}
				}
			}
		default:
			return fmt.Errorf("term %q: mode %d", term, mode)
		}
		if len(levels) != int(df) {
			return fmt.Errorf("term %q: df %d, %d postings", term, df, len(levels))
		}
		idx.terms[term] = levels
		idx.shardOf[term] = i
		prev = term
	}
	return nil
}

// titles are the titles of the entries that have term, best level first.
func (idx *index) titles(term string) []string {
	type hit struct {
		title string
		level int
	}
	var hits []hit
	for doc, l := range idx.terms[term] {
		hits = append(hits, hit{idx.fragments[doc].T, l})
	}
	slices.SortFunc(hits, func(a, b hit) int { return b.level - a.level })
	var out []string
	for _, h := range hits {
		out = append(out, h.title)
	}
	return out
}

func builtIn(t testing.TB) *site.Site {
	return sitetest.Build(t, os.DirFS("../../../content"), time.Date(2026, 12, 8, 12, 0, 0, 0, time.UTC))
}

// Every word a resident reads on an entry's page is in the index: words
// deep in the body, topics, short names, venues, resolution numbers,
// types and statuses in Polish, under the stem of every form.
func TestIndexHasEveryFact(t *testing.T) {
	idx := write(t, builtIn(t))
	for _, c := range []struct{ term, title, why string }{
		{"profilaktyk", "Polityka Senioralna Miasta Wałbrzycha na lata 2016–2020", "a word deep in the body"},
		{"rewitalizacj", "Lokalna Strategia Rozwoju", "a topic"},
		{"kopaln", "Konferencja „Jak partycypacyjnie zarządzać zasobami miasta?”", "a venue"},
		{"rlks", "", "a programme's short name"},
		{"obowiazuj", "", "a status in Polish"},
	} {
		if len(idx.terms[c.term]) == 0 {
			t.Errorf("%s: no entry has the term %q", c.why, c.term)
			continue
		}
		if c.title != "" && !slices.ContainsFunc(idx.titles(c.term), func(s string) bool { return strings.HasPrefix(s, c.title) }) {
			t.Errorf("%s: the term %q is in %q, not in %q", c.why, c.term, idx.titles(c.term), c.title)
		}
	}
}

// A resolution number is a term, whole, in the entries adopted by it.
func TestResolutionNumbers(t *testing.T) {
	s := sitetest.Corpus(t, 300)
	idx := write(t, s)
	id := regexp.MustCompile(`[\pL\pN]+(/[\pL\pN]+)+`)
	checked := 0
	for i, d := range s.Documents {
		if d.Adopted == nil || !id.MatchString(d.Adopted.Resolution) {
			continue
		}
		term := strings.ToLower(id.FindString(d.Adopted.Resolution))
		if _, ok := idx.terms[term][i]; !ok {
			t.Errorf("%s: adopted by %q, not under the term %q", d.Path, d.Adopted.Resolution, term)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d documents with a resolution number were checked", checked)
	}
}

// A programme's short name is one of its names: it counts as its title,
// and as a fact of the entries that refer to the programme.
func TestShortNameIsATitle(t *testing.T) {
	idx := write(t, builtIn(t))
	levels := map[string]int{}
	for doc, l := range idx.terms["rlks"] {
		levels[idx.fragments[doc].U] = l
	}
	if l := levels["programy/rlks/"]; l <= 10 {
		t.Errorf("RLKS is at level %d in the programme's own entry, want a title's (11–15)", l)
	}
	if l := levels["dokumenty/lokalna-strategia-rozwoju-wloclawek/"]; l < 6 || l > 10 {
		t.Errorf("RLKS is at level %d in the strategy that names the programme, want a fact's (6–10)", l)
	}
}

// Editing one entry rewrites few files of the index: its fragment, the
// shards of the words it adds or drops, and the entry file only if a
// shard boundary moved; every other shard keeps its bytes.
func TestOneEditRewritesFewShards(t *testing.T) {
	fsys := corpus.FS(corpus.Options{Entries: 2000, Seed: 1})
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	before := write(t, sitetest.Build(t, fsys, now))
	var name string
	for n := range fsys {
		if strings.HasPrefix(n, "documents/") && strings.HasSuffix(n, ".md") && !strings.HasSuffix(n, "_index.md") {
			name = n
			break
		}
	}
	f := *fsys[name]
	f.Data = append(slices.Clip(f.Data), []byte("\n\nNowy akapit o ścieżkach rowerowych i zielonych podwórkach.\n")...)
	fsys[name] = &f
	after := write(t, sitetest.Build(t, fsys, now))
	changed := 0
	for n, data := range after.files {
		if strings.HasPrefix(n, "szukaj/w/") && !bytes.Equal(data, before.files[n]) {
			changed++
		}
	}
	shards := len(after.Meta.Shards)
	t.Logf("one body edit: %d of %d shards changed", changed, shards)
	if shards < 20 {
		t.Fatalf("the index of 2,000 entries has %d shards; the test needs many", shards)
	}
	if changed > 8 {
		t.Errorf("one body edit of four new words changed %d of %d shards, want a few", changed, shards)
	}
	if len(after.terms["rowerow"]) == 0 {
		t.Errorf("the new words are not in the index")
	}
}

// Text written with combining marks (as macOS and some PDFs write it) is
// indexed as the same words written with precomposed letters; a body
// with no space in its first 16 KB keeps a snippet.
func TestDecomposedTextAndLongWords(t *testing.T) {
	nfd := norm.NFD.String("Zażółć gęślą jaźń na rynku.")
	long := strings.Repeat("x", 20<<10)
	fsys := fstest.MapFS{
		"pages/nfd.md":  {Data: []byte("---\ntitle: Strona\n---\n" + nfd + "\n")},
		"pages/long.md": {Data: []byte("---\ntitle: Długa\nsummary: Długa strona.\n---\n" + long + "\n")},
	}
	idx := write(t, sitetest.Build(t, fsys, time.Date(2026, 12, 8, 12, 0, 0, 0, time.UTC)))
	for _, term := range []string{"zazolc", "gesl", "jazn"} {
		if len(idx.terms[term]) != 1 {
			t.Errorf("the term %q of „Zażółć gęślą jaźń” written in NFD is in %d entries, want 1", term, len(idx.terms[term]))
		}
	}
	for _, f := range idx.fragments {
		if f.T == "Długa" && len(f.X) < 8<<10 {
			t.Errorf("a body of one 20 KB word keeps %d bytes for its snippet, want most of 16 KB", len(f.X))
		}
		if f.T == "Strona" && !strings.Contains(f.X, "Zażółć gęślą") {
			t.Errorf("the fragment's text %q is not in NFC", f.X)
		}
	}
}

// The index is the same bytes however many workers read the entries: the
// terms each worker numbers its own way are merged by their text.
func TestSameBytesWhateverTheWorkers(t *testing.T) {
	s := sitetest.Corpus(t, 300)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	one := write(t, s)
	runtime.GOMAXPROCS(5)
	five := write(t, s)
	if len(one.files) != len(five.files) {
		t.Fatalf("%d files with one worker, %d with five", len(one.files), len(five.files))
	}
	for name, data := range one.files {
		if !bytes.Equal(data, five.files[name]) {
			t.Errorf("%s differs between one worker and five", name)
		}
	}
}

// A body that cannot be read stops the index with the reason, and no
// entry file is written: the build writes nothing on an error.
func TestUnreadableBodyStopsTheIndex(t *testing.T) {
	s := sitetest.Corpus(t, 300)
	text := func(e *site.Entry) (string, error) {
		if e.Path == s.Documents[7].Path {
			return "", fmt.Errorf("%s: read error", e.Path)
		}
		return markdown.PlainText(e.Body), nil
	}
	wrote := map[string]bool{}
	err := search.Write(s, search.Options{Text: text}, func(name string, _ []byte) error {
		wrote[name] = true
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), s.Documents[7].Path+": read error") {
		t.Fatalf("the index of a site with an unreadable body: %v, want the body's error", err)
	}
	if wrote[search.File(s.Lang)] {
		t.Errorf("the entry file was written although a body could not be read")
	}
}
