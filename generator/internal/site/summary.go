package site

import (
	"strings"

	"github.com/ratusz/ratusz/generator/internal/markdown"
)

func markdownQuotes(l, s string) string { return markdown.Quotes(l, s) }

// firstParagraph returns the summary of an entry whose front matter gives
// none: the plain text of the first paragraph of its Markdown body, read
// from the parse tree (markdown.FirstParagraph), at most summaryLimit
// runes. Links and reference links become their text, emphasis and code
// lose their marks, images and HTML are left out, and line breaks are
// spaces; a heading, list, table, quotation or code block before the
// paragraph is passed over.
func firstParagraph(body []byte) string {
	return shorten(markdown.FirstParagraph(body), summaryLimit)
}

// SummarySource is the start of body that its summary is made from
// (when the front matter has none): a site made with each entry's Body cut
// to it has the same summaries. A build can keep just that much of every
// body in memory, and read the rest when it renders the page. It is
// usually the first paragraph and the line after it, and the whole body
// only when the body has no paragraph or the first one's reference links
// are defined after it.
func SummarySource(body []byte) []byte {
	return markdown.FirstParagraphLead(body)
}

// summaryLimit is how many runes of the first paragraph a summary keeps.
const summaryLimit = 300

// shorten returns s if it has at most limit runes, or else its first
// limit runes cut back to a word and ended with "…".
func shorten(s string, limit int) string {
	runes := 0
	for i := range s {
		if runes == limit {
			out := s[:i]
			if j := strings.LastIndex(out, " "); j > len(out)/2 {
				out = out[:j]
			}
			return strings.TrimRight(out, " ,;:–-") + "…"
		}
		runes++
	}
	return s
}
