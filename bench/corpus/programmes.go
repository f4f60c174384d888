package corpus

import (
	"strconv"
)

func (p *plan) planProgrammes() {
	n := p.counts.Programmes
	p.programmes = make([]programme, 0, n)
	seen := newNames(n)
	for i := 0; len(p.programmes) < n; i++ {
		base := programmeBases[i%len(programmeBases)]
		edition := i / len(programmeBases)
		title, short := base.title, base.short
		if edition > 0 {
			title += " – edycja " + strconv.Itoa(edition+1)
			short += " " + strconv.Itoa(edition+1)
		}
		slug, ok := seen.claim(title)
		if !ok {
			continue
		}
		p.programmes = append(p.programmes, programme{
			title: title, slug: slug, short: short, funder: base.funder, website: base.website,
			from: base.from, to: base.to,
		})
	}
}
