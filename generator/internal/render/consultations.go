package render

import (
	"cmp"
	"slices"

	"github.com/ratusz/ratusz/generator/internal/site"
)

// Consultations are the site's public consultations as a resident looks
// for them: the ones to take part in first. A document is in them while
// its consultation is planned, open or awaiting its report, and once it
// is reported; a document adopted long ago whose consultation left no
// report is not (its page still gives the dates).
type Consultations struct {
	Open     []*site.Document // open today, closing soonest first
	Planned  []*site.Document // opening soonest first
	Closed   []*site.Document // over, their report awaited, most recently closed first
	Reported []*site.Document // with their outcome, most recently reported first
	Meetings []*site.Meeting  // consultation meetings still to come, soonest first
}

// Invite reports whether there is anything a resident can take part in:
// an open or planned consultation, or a consultation meeting to come.
func (c *Consultations) Invite() bool {
	return len(c.Open) > 0 || len(c.Planned) > 0 || len(c.Meetings) > 0
}

// Any reports whether the site has a consultation or a consultation
// meeting to list on its consultations page.
func (c *Consultations) Any() bool {
	return len(c.Open)+len(c.Planned)+len(c.Closed)+len(c.Reported)+len(c.Meetings) > 0
}

// consultations sorts the site's consultations once a render.
func (r *Renderer) consultations() *Consultations {
	r.consultOnce.Do(func() { r.consult = consultationsOf(r.site) })
	return r.consult
}

func consultationsOf(s *site.Site) *Consultations {
	c := &Consultations{}
	for _, d := range s.Documents {
		switch {
		case d.State == site.StateConsultation:
			c.Open = append(c.Open, d)
		case d.State == site.StateConsultationPlanned:
			c.Planned = append(c.Planned, d)
		case d.State == site.StateConsultationClosed:
			c.Closed = append(c.Closed, d)
		case d.Phase == site.PhaseReported:
			c.Reported = append(c.Reported, d)
		}
	}
	by := func(date func(*site.Consultation) *site.Date, newest bool) func(a, b *site.Document) int {
		return func(a, b *site.Document) int {
			x, y := date(a.Consultation).Time, date(b.Consultation).Time
			if newest {
				x, y = y, x
			}
			return cmp.Or(x.Compare(y), cmp.Compare(a.Slug, b.Slug))
		}
	}
	to := func(c *site.Consultation) *site.Date { return c.To }
	slices.SortStableFunc(c.Open, by(to, false))
	slices.SortStableFunc(c.Planned, by(func(c *site.Consultation) *site.Date { return c.From }, false))
	slices.SortStableFunc(c.Closed, by(to, true))
	slices.SortStableFunc(c.Reported, by(func(c *site.Consultation) *site.Date { return &c.Outcome.Date }, true))
	for _, m := range s.Meetings {
		if m.Upcoming && m.Type == "konsultacje" {
			c.Meetings = append(c.Meetings, m)
		}
	}
	slices.SortStableFunc(c.Meetings, func(a, b *site.Meeting) int { return a.Date.Time.Compare(b.Date.Time) })
	return c
}
