package site

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"github.com/ratusz/ratusz/generator/internal/markdown"
)

func markdownQuotes(l, s string) string { return markdown.Quotes(l, s) }

var (
	reImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	reLink  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	reTag   = regexp.MustCompile(`<[^>]*>`)
)

// firstParagraph returns the plain text of the first paragraph of a Markdown
// body, for lists and meta descriptions when an entry has no summary. It
// reads no further than it needs.
func firstParagraph(body []byte) string {
	s, _ := paragraphLines(body)
	return plainParagraph(s)
}

// SummarySource is the start of body that its summary is made from
// (when the front matter has none): a site made with each entry's Body cut
// to it has the same summaries. A build can keep just that much of every
// body in memory, and read the rest when it renders the page.
func SummarySource(body []byte) []byte {
	_, n := paragraphLines(body)
	return body[:n]
}

// summaryLimit is how many runes of the first paragraph a summary keeps.
const summaryLimit = 300

// paragraphLines returns the lines of the first paragraph of body, joined
// with spaces, and how many bytes of body it read.
func paragraphLines(body []byte) (string, int) {
	const limit = summaryLimit
	var para strings.Builder
	inFence := false
	rest := body
	for len(rest) > 0 && para.Len() < 8*limit {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		t := bytes.TrimSpace(line)
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if len(t) == 0 {
			if para.Len() > 0 {
				break
			}
			continue
		}
		if para.Len() == 0 && isBlockStart(string(t)) {
			continue
		}
		if para.Len() > 0 {
			para.WriteByte(' ')
		}
		para.Write(t)
	}
	return para.String(), len(body) - len(rest)
}

// plainParagraph is the plain text of paragraph s, at most summaryLimit
// runes.
func plainParagraph(s string) string {
	const limit = summaryLimit
	if strings.ContainsAny(s, "[<") {
		s = reImage.ReplaceAllString(s, "")
		s = reLink.ReplaceAllString(s, "$1")
		s = reTag.ReplaceAllString(s, "")
	}
	// One pass: drop emphasis marks, fold runs of white space, stop at the
	// limit.
	var b strings.Builder
	b.Grow(min(len(s), 4*limit))
	runes, space, cut := 0, false, false
	for _, r := range s {
		switch {
		case strings.ContainsRune("*_`~", r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if runes >= limit {
			cut = true
			break
		}
		if space {
			b.WriteByte(' ')
			runes++
			space = false
		}
		b.WriteRune(r)
		runes++
	}
	out := b.String()
	if cut {
		if i := strings.LastIndex(out, " "); i > len(out)/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, " ,;:–-") + "…"
	}
	return out
}

func isBlockStart(t string) bool {
	switch {
	case strings.HasPrefix(t, "#"), strings.HasPrefix(t, "|"), strings.HasPrefix(t, ">"),
		strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "), strings.HasPrefix(t, "+ "),
		strings.HasPrefix(t, "!["), strings.HasPrefix(t, "---"), strings.HasPrefix(t, "==="):
		return true
	}
	if i := strings.IndexAny(t, ".)"); i > 0 && i < 4 && strings.Trim(t[:i], "0123456789") == "" {
		return true
	}
	return false
}
