package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Body sizes in bytes. Bodies grow block by block until they pass a target
// drawn from [minTarget, maxTarget); a block that would pass maxBody is
// replaced by a one-sentence paragraph, which always fits.
const (
	minTarget = 4300
	maxTarget = 7400
	maxBody   = 7900
)

// bodyVars are what a body's placeholders are filled with.
type bodyVars struct {
	kind   kind
	title  string // {D}
	place  *city  // {G} {M} {V} {W} {L}
	when   string // {S}
	year   int    // {R}
	topics []int  // {T}
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if 'a' <= r && r <= 'z' {
		return string(rune(r-'a'+'A')) + s[n:]
	}
	return strings.ToUpper(s[:n]) + s[n:]
}

// bodyWriter builds one Markdown body.
type bodyWriter struct {
	r     *rand.Rand
	v     *bodyVars
	b     []byte
	block []byte
	order []int // sentence order, so a body rarely repeats itself
	next  int
}

// expand appends template with its placeholders filled.
func (w *bodyWriter) expand(b []byte, template string) []byte {
	r := w.r
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 || i+2 >= len(template) {
			return append(b, template...)
		}
		b = append(b, template[:i]...)
		c := w.v.place
		switch template[i+1] {
		case 'G':
			b = append(b, c.gen...)
		case 'M':
			b = append(b, c.name...)
		case 'V':
			b = append(b, "Województwa "...)
			b = append(b, titleCase(regions[c.region].gen)...)
		case 'W':
			b = append(b, "województwa "...)
			b = append(b, regions[c.region].gen...)
		case 'L':
			if c.typ == wojewodztwo {
				b = append(b, "Polsce"...)
			} else {
				b = append(b, "województwie "...)
				b = append(b, regions[c.region].loc...)
			}
		case 'D':
			b = append(b, w.v.title...)
		case 'S':
			b = append(b, w.v.when...)
		case 'T':
			b = append(b, topics[w.topic()]...)
		case 'R':
			b = strconv.AppendInt(b, int64(w.v.year-r.IntN(4)), 10)
		case 'N':
			b = strconv.AppendInt(b, int64(10+5*r.IntN(95)), 10)
		case 'K':
			b = strconv.AppendInt(b, int64(5+r.IntN(40)), 10)
		case 'P':
			b = strconv.AppendInt(b, int64(15+r.IntN(70)), 10)
			b = append(b, '%')
		case 'p':
			b = strconv.AppendInt(b, int64(3+r.IntN(16)), 10)
			b = append(b, '%')
		}
		template = template[i+3:]
	}
}

func (w *bodyWriter) topic() int {
	if len(w.v.topics) > 0 {
		return pick(w.r, w.v.topics)
	}
	return w.r.IntN(len(topics))
}

// sentence appends the next sentence of a shuffled deck of the common
// sentences and the kind's own.
func (w *bodyWriter) sentence(b []byte) []byte {
	if w.next == len(w.order) {
		w.r.Shuffle(len(w.order), func(i, j int) { w.order[i], w.order[j] = w.order[j], w.order[i] })
		w.next = 0
	}
	i := w.order[w.next]
	w.next++
	if i >= len(sentences) {
		return w.expand(b, kindSentences[w.v.kind][i-len(sentences)])
	}
	return w.expand(b, sentences[i])
}

// paragraph appends n sentences and a newline.
func (w *bodyWriter) paragraph(b []byte, n int) []byte {
	for i := range n {
		if i > 0 {
			b = append(b, ' ')
		}
		b = w.sentence(b)
	}
	return append(b, '\n')
}

func (w *bodyWriter) bullets(b []byte) []byte {
	n := 3 + w.r.IntN(4)
	start := w.r.IntN(len(listItems))
	for i := range n {
		b = append(b, "- "...)
		b = append(b, capitalize(listItems[(start+i*7)%len(listItems)])...)
		if i == n-1 {
			b = append(b, ".\n"...)
		} else {
			b = append(b, ";\n"...)
		}
	}
	return b
}

func (w *bodyWriter) numbered(b []byte) []byte {
	n := 3 + w.r.IntN(4)
	start := w.r.IntN(len(steps))
	for i := range n {
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, ". "...)
		b = append(b, steps[(start+i)%len(steps)]...)
		b = append(b, '\n')
	}
	return b
}

func (w *bodyWriter) table(b []byte) []byte {
	b = append(b, "| Cel | Wskaźnik | Wartość docelowa |\n| --- | --- | --- |\n"...)
	n := 3 + w.r.IntN(4)
	start := w.r.IntN(len(goals))
	for i := range n {
		g := goals[(start+i*5)%len(goals)]
		b = append(b, "| "...)
		b = append(b, g.goal...)
		b = append(b, " | "...)
		b = append(b, g.indicator...)
		b = append(b, " | "...)
		switch g.unit {
		case "%":
			b = strconv.AppendInt(b, int64(20+w.r.IntN(75)), 10)
			b = append(b, '%')
		case "m²":
			b = strconv.AppendInt(b, int64(500+100*w.r.IntN(200)), 10)
			b = append(b, " m²"...)
		default:
			b = strconv.AppendInt(b, int64(10+5*w.r.IntN(80)), 10)
			b = append(b, ' ')
			b = append(b, g.unit...)
		}
		b = append(b, " |\n"...)
	}
	return b
}

// subheading appends a ### heading numbered within section.
func (w *bodyWriter) subheading(b []byte, section, sub int) []byte {
	b = append(b, "\n### "...)
	switch w.r.IntN(4) {
	case 0:
		b = append(b, "Cel strategiczny "...)
		b = strconv.AppendInt(b, int64(section), 10)
		b = append(b, ". "...)
		b = append(b, goals[w.r.IntN(len(goals))].goal...)
	case 1:
		b = append(b, "Kierunek działań "...)
		b = strconv.AppendInt(b, int64(section), 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(sub), 10)
	case 2:
		b = append(b, "Obszar tematyczny: "...)
		b = append(b, topics[w.topic()]...)
		b = append(b, " ("...)
		b = strconv.AppendInt(b, int64(section), 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(sub), 10)
		b = append(b, ')')
	default:
		b = append(b, "Działanie "...)
		b = strconv.AppendInt(b, int64(section), 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(sub), 10)
		b = append(b, ". "...)
		b = append(b, capitalize(listItems[w.r.IntN(len(listItems))])...)
	}
	return append(b, "\n\n"...)
}

// write builds a body for v into w.b.
func (w *bodyWriter) write(v *bodyVars) []byte {
	r := w.r
	w.v = v
	w.order = w.order[:0]
	for i := range len(sentences) + len(kindSentences[v.kind]) {
		w.order = append(w.order, i)
	}
	w.next = len(w.order) // shuffle before the first sentence
	target := minTarget + r.IntN(maxTarget-minTarget)
	tableSection := 0
	if (v.kind == documents && r.IntN(5) > 0) || r.IntN(5) < 2 {
		tableSection = 1 + r.IntN(3)
	}
	own := headings[v.kind]
	order := r.Perm(len(own))

	b := w.expand(w.b[:0], pick(r, intros[v.kind]))
	b = append(b, ' ')
	b = w.paragraph(b, 1+r.IntN(3))
	for section := 1; len(b) < target; section++ {
		blk := w.block[:0]
		blk = append(blk, "\n## "...)
		if section <= len(order) {
			blk = append(blk, own[order[section-1]]...)
		} else {
			blk = append(blk, spareHeadings[(section-len(order)-1)%len(spareHeadings)]...)
			if section-len(order) > len(spareHeadings) {
				blk = append(blk, ' ')
				blk = strconv.AppendInt(blk, int64(section), 10)
			}
		}
		blk = append(blk, "\n\n"...)
		blk = w.paragraph(blk, 2+r.IntN(3))
		switch {
		case section == tableSection:
			blk = append(blk, '\n')
			blk = w.table(blk)
		default:
			switch r.IntN(6) {
			case 0:
				blk = append(blk, '\n')
				blk = w.bullets(blk)
			case 1:
				blk = append(blk, '\n')
				blk = w.numbered(blk)
			case 2, 3:
				blk = w.subheading(blk, section, 1)
				blk = w.paragraph(blk, 2+r.IntN(3))
				if r.IntN(2) == 0 {
					blk = append(blk, '\n')
					blk = w.bullets(blk)
				}
			case 4:
				blk = append(blk, '\n')
				blk = w.paragraph(blk, 2+r.IntN(3))
			}
		}
		if len(b)+len(blk) > maxBody {
			blk = append(blk[:0], '\n')
			blk = w.paragraph(blk, 1)
			if len(b)+len(blk) > maxBody {
				break
			}
		}
		b = append(b, blk...)
		w.block = blk
	}
	w.b = b
	return b
}
