package site

import (
	"regexp"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/markdown"
)

func markdownQuotes(l, s string) string { return markdown.Quotes(l, s) }

var (
	reImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	reLink  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	reTag   = regexp.MustCompile(`<[^>]*>`)
)

// firstParagraph returns the plain text of the first paragraph of a Markdown
// body, for lists and meta descriptions when an entry has no summary.
func firstParagraph(body []byte) string {
	var para []string
	inFence := false
	rest := string(body)
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if t == "" {
			if len(para) > 0 {
				break
			}
			continue
		}
		if len(para) == 0 && isBlockStart(t) {
			continue
		}
		para = append(para, t)
	}
	s := strings.Join(para, " ")
	s = reImage.ReplaceAllString(s, "")
	s = reLink.ReplaceAllString(s, "$1")
	s = reTag.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune("*_`~", r) {
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	const limit = 300
	if r := []rune(s); len(r) > limit {
		cut := strings.LastIndex(string(r[:limit]), " ")
		if cut < limit/2 {
			cut = len(string(r[:limit]))
		}
		s = strings.TrimRight(string(r[:limit])[:cut], " ,;:–-") + "…"
	}
	return s
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
