package corpus

import (
	"strconv"
)

func (p *plan) planPages() {
	n := p.counts.Pages
	p.pages = make([]page, 0, n)
	seen := newNames(n)
	for i := 0; len(p.pages) < n; i++ {
		var title string
		switch {
		case i < len(pageTitles):
			title = pageTitles[i]
		case i < len(pageTitles)+len(topics):
			t := topics[i-len(pageTitles)]
			title = "Poradnik: " + capitalize(t)
		default:
			k := i - len(pageTitles) - len(topics)
			title = "Komunikat redakcji nr " + strconv.Itoa(k%50+1) + "/" + strconv.Itoa(2015+k/50)
		}
		if slug, ok := seen.claim(title); ok {
			p.pages = append(p.pages, page{title: title, slug: slug})
		}
	}
}
