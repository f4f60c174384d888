// Package search writes the index that the site's search page
// (static/js/search.js) searches in the reader's browser, with no server.
// It reads the site model and hands out files; it writes none itself.
//
// The index is split so that a query downloads only what it needs: a
// small entry file, the shards of the terms it looks up, and one
// fragment for each result it shows. Under the search page ("szukaj/"):
//
//	index.json    what the script needs first: {"v": 2, "h": a hash of
//	              the other files, which the script adds to their
//	              addresses (?v=h) so that a browser's cache never mixes
//	              two builds, "n": entries,
//	              "lang": "pl", "stem": "pl" or "", "stop": [stop words],
//	              "shards": [the first term of each shard], "per": 1024}
//	w/N.bin       shard N: the terms from shards[N] up to shards[N+1],
//	              sorted, each with the entries that have it
//	d/F/I.gz      the fragment of entry F*per+I, gzipped JSON: {"t":
//	              title, "u": address (site-relative), "m": kind · type ·
//	              date · status…, "x": the text of its body, for the
//	              snippet}; gzipped because the text of every entry is
//	              most of the index (the script reads it either way,
//	              should a server send it decompressed)
//
// Entries are numbered in the order that breaks ties between results:
// documents, meetings, partnerships, cities, programmes, organisations
// (each kind in its index's order), then pages.
//
// A shard is binary: unsigned LEB128 varints, then for each term
//
//	varint shared    bytes in common with the previous term
//	varint n, bytes  the rest of the term (UTF-8)
//	varint df        how many entries have it
//	byte   mode      0: a list, 1: a table
//	varint size      bytes of the postings that follow
//	postings         mode 0: df × (varint gap, byte level), the gap
//	                 being the entry's number less the previous one's
//	                 less 1 (the first: its number); mode 1: two bits
//	                 per entry of the site, four to a byte, the first in
//	                 the low bits: 0 none, or the field the term is in
//	                 (1 body, 2 facts, 3 title), read as the middle
//	                 level of that field (3, 8, 13)
//
// preceded by the varint count of its terms. A term is in an entry at a
// level from 1 to 15: 11–15 when it is in the title, 6–10 in the facts
// (not the title), 1–5 in the body only; within each, higher when it
// comes more often (see level). A term's postings take the smaller of the
// two modes, so a word in most entries costs a quarter of a byte an
// entry: such a word says little of an entry but where it is.
//
// Shards end where a term's hash says (about every 16 terms once a shard
// holds minShard bytes) or before maxShard bytes (a query loads the
// whole shard of each term it looks up; a term longer than that has one
// of its own), so that the edit of one
// entry changes the shards of the words it changes and leaves the
// boundaries of the others where they were.
package search

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/ratusz/ratusz/generator/internal/lang"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// Version is the index format's, in index.json.
const Version = 2

// Sizes of shards, and how many fragments share a folder.
const (
	minShard = 4 << 10
	maxShard = 16 << 10
	perDir   = 1024 // not 1000, which a JSON minifier would write 1e3
)

// maxText is how much of a body's text a fragment keeps for snippets.
const maxText = 16 << 10

// File is the site-relative path of the index's entry file:
// "szukaj/index.json".
func File(l *lang.Lang) string { return l.Segment("search") + "/index.json" }

// Options are what the index needs beyond the site model.
type Options struct {
	// Text returns the plain text of an entry's body (its Markdown
	// without markup), reading it again if the site keeps only its
	// start.
	Text func(e *site.Entry) (string, error)
}

type builder struct {
	site *site.Site
	lang *lang.Lang
	opts Options
	dir  string // "szukaj/"
}

// Write makes the files of the index and passes each to emit, from the
// calling goroutine, in no particular order.
func Write(s *site.Site, o Options, emit func(name string, data []byte) error) error {
	b := &builder{site: s, lang: s.Lang, opts: o, dir: s.Lang.Segment("search") + "/"}
	// sum is a hash of the files written, in any order, which the entry
	// file names: the script asks for the shards and fragments of that
	// build, so that a browser never mixes two builds' files.
	var sum uint64
	written := emit
	emit = func(name string, data []byte) error {
		h := fnv.New64a()
		h.Write([]byte(name))
		h.Write(data)
		sum += h.Sum64()
		return written(name, data)
	}
	entities := b.entities()
	n := len(entities)
	dicts, perDoc, workerOf, err := b.read(entities, emit)
	if err != nil {
		return err
	}
	terms, post := invert(dicts, perDoc, workerOf)
	shards, err := b.shards(terms, post, n, emit)
	if err != nil {
		return err
	}
	stop := slices.Clone(stopWords[b.lang.Tag()])
	if stop == nil {
		stop = []string{}
	}
	stem := ""
	if b.lang.Tag() == "pl" {
		stem = "pl"
	}
	meta, err := json.Marshal(struct {
		V      int      `json:"v"`
		H      string   `json:"h"`
		N      int      `json:"n"`
		Lang   string   `json:"lang"`
		Stem   string   `json:"stem"`
		Stop   []string `json:"stop"`
		Shards []string `json:"shards"`
		Per    int      `json:"per"`
	}{Version, fmt.Sprintf("%016x", sum), n, b.lang.Tag(), stem, stop, shards, perDir})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return emit(File(b.lang), append(meta, '\n'))
}

// read reads the entries in parallel: each worker keeps, for each entry
// it reads, the entry's terms by the worker's own numbers (dicts[w]), and
// makes its fragment, which goes to emit from the calling goroutine as
// it comes. The first error stops the workers.
func (b *builder) read(entities []site.Entity, emit func(name string, data []byte) error) (dicts []*dictionary, perDoc [][]uint32, workerOf []uint8, err error) {
	n := len(entities)
	workers := max(1, min(runtime.GOMAXPROCS(0), n, 64))
	type fragment struct {
		name string
		data []byte
	}
	frags := make(chan fragment, 64)
	perDoc = make([][]uint32, n) // term<<4 | level, by the worker's numbering
	workerOf = make([]uint8, n)
	dicts = make([]*dictionary, workers)
	var next atomic.Int64
	var failed atomic.Bool
	take := func() int {
		if failed.Load() {
			return n
		}
		return int(next.Add(1)) - 1
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		dicts[w] = &dictionary{ids: map[string]uint32{}}
		wg.Add(1)
		go func() {
			defer wg.Done()
			tok := newTokenizer(b.lang.Tag(), dicts[w])
			var c counter
			for id := take(); id < n; id = take() {
				d := b.docOf(entities[id])
				text, err := b.opts.Text(d.entity.E())
				if err != nil {
					errs[w] = fmt.Errorf("search index: %w", err)
					failed.Store(true)
					return
				}
				perDoc[id] = c.terms(tok, d, text)
				workerOf[id] = uint8(w)
				data, err := b.fragment(d, text)
				if err != nil {
					errs[w] = err
					failed.Store(true)
					return
				}
				frags <- fragment{name: b.dir + fragmentName(id), data: data}
			}
		}()
	}
	go func() { wg.Wait(); close(frags) }()
	for f := range frags {
		if err == nil {
			if err = emit(f.name, f.data); err != nil {
				failed.Store(true)
			}
		}
	}
	for _, e := range errs {
		if e != nil {
			return nil, nil, nil, e
		}
	}
	return dicts, perDoc, workerOf, err
}

// shards writes the terms, sorted, with their postings, in shards, and
// returns the first term of each.
func (b *builder) shards(terms []string, post *postings, n int, emit func(name string, data []byte) error) ([]string, error) {
	shards := []string{}
	var shard, entry []byte
	var count int
	flush := func() error {
		if count == 0 {
			return nil
		}
		name := b.dir + "w/" + strconv.Itoa(len(shards)-1) + ".bin"
		data := binary.AppendUvarint(nil, uint64(count))
		data = append(data, shard...)
		shard, count = shard[:0], 0
		return emit(name, data)
	}
	prev := ""
	for t, term := range terms {
		docs, levels := post.of(t)
		entry = encodeTerm(entry[:0], prev, term, docs, levels, n)
		if count > 0 && (len(shard) >= minShard && cut(term) || len(shard)+len(entry) > maxShard) {
			if err := flush(); err != nil {
				return nil, err
			}
		}
		if count == 0 { // a shard's first term shares nothing with the one before
			shards = append(shards, term)
			entry = encodeTerm(entry[:0], "", term, docs, levels, n)
		}
		shard = append(shard, entry...)
		count++
		prev = term
	}
	return shards, flush()
}

// entities are the site's entries in the index's order.
func (b *builder) entities() []site.Entity {
	var out []site.Entity
	s := b.site
	for _, d := range s.Documents {
		out = append(out, d)
	}
	for _, m := range s.Meetings {
		out = append(out, m)
	}
	for _, p := range s.Partnerships {
		out = append(out, p)
	}
	for _, c := range s.Cities {
		out = append(out, c)
	}
	for _, p := range s.Programmes {
		out = append(out, p)
	}
	for _, o := range s.Organisations {
		out = append(out, o)
	}
	for _, p := range s.Pages {
		out = append(out, p)
	}
	return out
}

// fragmentName is where entry id's fragment is, under the search page.
func fragmentName(id int) string {
	return "d/" + strconv.Itoa(id/perDir) + "/" + strconv.Itoa(id%perDir) + ".gz"
}

// fragment is what a result shows of d: its title, address, facts line
// and the text of its body, cut at a word's end after maxText bytes.
func (b *builder) fragment(d doc, text string) ([]byte, error) {
	en := d.entity.E()
	if text == "" {
		text = en.Summary
	}
	text = nfc(text)
	if len(text) > maxText {
		cut := maxText
		for cut > maxText/2 && text[cut] != ' ' && text[cut] != '\n' {
			cut--
		}
		if cut == maxText/2 { // no space near the end: cut between characters
			for cut = maxText; !utf8.RuneStart(text[cut]); cut-- {
			}
		}
		text = text[:cut] + " …"
	}
	data, err := json.Marshal(struct {
		T string `json:"t"`
		U string `json:"u"`
		M string `json:"m"`
		X string `json:"x"`
	}{en.Title, en.URL, d.meta, text})
	if err != nil {
		return nil, fmt.Errorf("search index: %s: %w", en.Path, err)
	}
	var z bytes.Buffer
	w, _ := zippers.Get().(*gzip.Writer)
	if w == nil {
		w, _ = gzip.NewWriterLevel(&z, gzip.HuffmanOnly) // a third of the time of BestSpeed, a quarter more bytes
	} else {
		w.Reset(&z) // no name, no time: the same bytes every build
	}
	defer zippers.Put(w)
	w.Write(data)
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("search index: %s: %w", en.Path, err)
	}
	return z.Bytes(), nil
}

// zippers keep gzip writers, which cost most of a megabyte each to make.
var zippers sync.Pool

// cut says whether a shard may end before term: about one term in 16.
func cut(term string) bool {
	h := fnv.New32a()
	h.Write([]byte(term))
	return h.Sum32()%16 == 0
}

// A dictionary numbers the terms one worker meets.
type dictionary struct {
	ids   map[string]uint32
	terms []string
}

func (d *dictionary) id(term string) uint32 {
	if id, ok := d.ids[term]; ok {
		return id
	}
	id := uint32(len(d.terms))
	d.ids[term] = id
	d.terms = append(d.terms, term)
	return id
}

// postings are every term's entries and levels, the term's from
// start[t] to start[t+1], entries in increasing order.
type postings struct {
	start  []int
	docs   []uint32
	levels []uint8
}

func (p *postings) of(t int) ([]uint32, []uint8) {
	a, z := p.start[t], p.start[t+1]
	return p.docs[a:z], p.levels[a:z]
}

// invert turns the terms of each entry into the entries of each term,
// with the terms sorted.
func invert(dicts []*dictionary, perDoc [][]uint32, workerOf []uint8) ([]string, *postings) {
	var terms []string
	for _, d := range dicts {
		terms = append(terms, d.terms...)
	}
	slices.Sort(terms)
	terms = slices.Compact(terms)
	global := map[string]int{}
	for i, t := range terms {
		global[t] = i
	}
	remap := make([][]int, len(dicts))
	for w, d := range dicts {
		remap[w] = make([]int, len(d.terms))
		for i, t := range d.terms {
			remap[w][i] = global[t]
		}
	}
	start := make([]int, len(terms)+1)
	for id, ps := range perDoc {
		for _, p := range ps {
			start[remap[workerOf[id]][p>>4]+1]++
		}
	}
	for t := range terms {
		start[t+1] += start[t]
	}
	fill := slices.Clone(start)
	docs := make([]uint32, start[len(terms)])
	levels := make([]uint8, len(docs))
	for id, ps := range perDoc {
		for _, p := range ps {
			t := remap[workerOf[id]][p>>4]
			docs[fill[t]], levels[fill[t]] = uint32(id), uint8(p&15)
			fill[t]++
		}
		perDoc[id] = nil
	}
	return terms, &postings{start: start, docs: docs, levels: levels}
}

// encodeTerm appends the shard entry of term, which follows prev.
func encodeTerm(b []byte, prev, term string, docs []uint32, levels []uint8, n int) []byte {
	shared := 0
	for shared < len(prev) && shared < len(term) && prev[shared] == term[shared] {
		shared++
	}
	b = binary.AppendUvarint(b, uint64(shared))
	b = binary.AppendUvarint(b, uint64(len(term)-shared))
	b = append(b, term[shared:]...)
	b = binary.AppendUvarint(b, uint64(len(docs)))
	listSize, last := 0, -1
	for _, d := range docs {
		listSize += uvarintLen(uint64(int(d)-last-1)) + 1
		last = int(d)
	}
	tableSize := (n + 3) / 4
	if listSize <= tableSize {
		b = append(b, 0)
		b = binary.AppendUvarint(b, uint64(listSize))
		last = -1
		for i, d := range docs {
			b = binary.AppendUvarint(b, uint64(int(d)-last-1))
			b = append(b, levels[i])
			last = int(d)
		}
		return b
	}
	b = append(b, 1)
	b = binary.AppendUvarint(b, uint64(tableSize))
	at := len(b)
	b = append(b, make([]byte, tableSize)...)
	for i, d := range docs {
		b[at+int(d)/4] |= field(levels[i]) << (2 * (d % 4))
	}
	return b
}

// field is the field of a level, for the table of a term most entries
// have: 1 body, 2 facts, 3 title.
func field(level uint8) uint8 { return (level-1)/5 + 1 }

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// counter counts the terms of one entry by field; one serves one worker.
// A term's counts are kept by its number, marked with the entry they
// are of, so nothing is cleared between entries.
type counter struct {
	counts []termCount
	entry  uint32 // 1 + the number of entries counted
	order  []uint32
}

type termCount struct {
	entry uint32
	n     [3]uint16 // title, facts, body
}

// Fields of a term's counts.
const (
	inTitle = iota
	inFacts
	inBody
)

// refLength is the body length, in terms, at which a body's count of a
// term is taken as it is; a longer body counts for less, a shorter one
// for more.
const refLength = 300

// terms returns the terms of d (by the tokenizer's numbers) with their
// levels.
func (c *counter) terms(tok *tokenizer, d doc, text string) []uint32 {
	c.entry++
	c.order = c.order[:0]
	bodyLen := 0
	count := func(field int) func(uint32) {
		return func(id uint32) {
			if int(id) >= len(c.counts) {
				c.counts = append(c.counts, make([]termCount, int(id)+1-len(c.counts)+len(c.counts)/2)...)
			}
			k := &c.counts[id]
			if k.entry != c.entry {
				*k = termCount{entry: c.entry}
				c.order = append(c.order, id)
			}
			if k.n[field] < 1<<15 {
				k.n[field]++
			}
			if field == inBody {
				bodyLen++
			}
		}
	}
	title := count(inTitle)
	tok.each(d.entity.E().Title, title)
	for _, n := range d.names {
		tok.each(n, title)
	}
	facts := count(inFacts)
	for _, f := range d.facts {
		tok.each(f, facts)
	}
	tok.each(text, count(inBody))
	out := make([]uint32, 0, len(c.order))
	for _, id := range c.order {
		out = append(out, id<<4|uint32(level(&c.counts[id].n, bodyLen)))
	}
	return out
}

// level is how strongly an entry has a term, from 1 to 15: the field it
// is in (title 11–15, facts 6–10, body 1–5), and within it how often it
// comes beyond the first time, the body's count weighed by its length.
func level(k *[3]uint16, bodyLen int) uint8 {
	body := float64(k[inBody]) / (0.25 + 0.75*float64(max(bodyLen, 1))/refLength)
	var class int
	var more float64
	switch {
	case k[inTitle] > 0:
		class, more = 2, float64(k[inTitle]-1)+float64(k[inFacts])+body
	case k[inFacts] > 0:
		class, more = 1, float64(k[inFacts]-1)+body
	default:
		class, more = 0, body-1
	}
	s := 1
	for x := 1 + more; x >= 2 && s < 5; x /= 2 {
		s++
	}
	return uint8(class*5 + s)
}
