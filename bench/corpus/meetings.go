package corpus

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// warsawOffset is the UTC offset of Polish time on day t: summer time from
// the last Sunday of March to the last Sunday of October.
func warsawOffset(t time.Time) string {
	lastSunday := func(m time.Month) time.Time {
		d := time.Date(t.Year(), m+1, 0, 0, 0, 0, 0, time.UTC)
		return d.AddDate(0, 0, -int(d.Weekday()))
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if !day.Before(lastSunday(time.March)) && day.Before(lastSunday(time.October)) {
		return "+02:00"
	}
	return "+01:00"
}

func (p *plan) planMeetings(r *rand.Rand) {
	n := p.counts.Meetings
	p.meetings = make([]meeting, 0, n)
	seen := newNames(n)
	first := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	span := int(time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC).Sub(first).Hours() / 24)
	for range n {
		m := meeting{typ: weighted(r, 25, 12, 25, 18, 12, 8), partnership: none, placeCity: none}
		m.start.t = first.AddDate(0, 0, r.IntN(span))
		hour := 9 + r.IntN(10)
		if r.IntN(10) < 3 {
			m.start.clock = true
			m.start.t = m.start.t.Add(time.Duration(hour)*time.Hour + time.Duration(pick(r, []int{0, 0, 0, 15, 30, 30, 45}))*time.Minute)
		}
		if r.IntN(10) < 4 {
			m.end = m.start
			if m.start.clock {
				m.end.t = m.start.t.Add(time.Duration(1+r.IntN(min(6, 21-hour))) * time.Hour)
			} else {
				m.end.t = m.start.t.AddDate(0, 0, r.IntN(3))
			}
		}
		main := r.IntN(len(p.cities))
		if len(p.partnerships) > 0 && r.IntN(4) == 0 {
			m.partnership = r.IntN(len(p.partnerships))
			main = pick(r, p.partnerships[m.partnership].cities)
		}
		if r.IntN(4) > 0 {
			m.placeName = pick(r, placeNames[:])
			if r.IntN(10) < 7 {
				street := pick(r, streets[:])
				if !strings.HasPrefix(street, "Rynek") && !strings.HasPrefix(street, "Plac") {
					street = "ul. " + street
				}
				m.address = street + " " + strconv.Itoa(1+r.IntN(60))
				if c := &p.cities[main]; c.typ != powiat && c.typ != wojewodztwo {
					m.address += ", " + strconv.Itoa(10+r.IntN(90)) + "-" + strconv.Itoa(100+r.IntN(900)) + " " + c.name
				}
			}
			if r.IntN(7) > 0 {
				m.placeCity = main
			}
		}
		if (m.placeCity == none && m.partnership == none) || r.IntN(3) == 0 {
			m.cities = []int{main}
			for _, c := range some(r, p.byRegion[p.cities[main].region], 0, 2) {
				if !slices.Contains(m.cities, c) {
					m.cities = append(m.cities, c)
				}
			}
		}
		if r.IntN(3) > 0 {
			local := p.cityOrgs[main]
			if len(local) > 0 && r.IntN(4) > 0 {
				for _, o := range some(r, local, 1, 2) {
					m.organisers = append(m.organisers, ref{organisations, o})
				}
			}
			if r.IntN(2) == 0 {
				m.organisers = append(m.organisers, ref{cities, main})
			}
		}
		if docs := p.cityDocs[main]; len(docs) > 0 && r.IntN(3) > 0 {
			m.documents = some(r, docs, 1, 3)
		}
		if r.IntN(5) == 0 {
			m.programmes = upTo(r, len(p.programmes), 1, 1)
		}
		m.topics = upTo(r, len(topics), 1, 3)

		c := &p.cities[main]
		m.title, m.slug = seen.unique(func(attempt int) string {
			t := pick(r, meetingSubjects[m.typ]) + " – " + c.name + ", " + polishDate(m.start.t)
			if attempt >= 10 {
				t += " (część " + strconv.Itoa(attempt-8) + ")"
			}
			return t
		})
		p.meetings = append(p.meetings, m)
	}
}

// polishDate writes "17 stycznia 2021".
func polishDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + monthsGen[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
