package site_test

import (
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator/internal/site"
)

// TestStatusAsOfNow holds a document's derived status to the content
// model's "status as of now": what a resident reads on the day of the
// build, without the editor changing the file.
func TestStatusAsOfNow(t *testing.T) {
	const window = "consultation: {from: 2026-11-01, to: 2026-12-31}\n"
	for _, tt := range []struct {
		name, status, extra, now string
		lang                     string // of the site; "" is Polish
		state                    site.State
		text                     string
		inForce, archived, open  bool
		daysLeft                 int
	}{
		{name: "consultation before its window", status: "consultation", extra: window, now: "2026-10-15",
			state: site.StateConsultationPlanned, text: "konsultacje od 1 listopada 2026 r."},
		{name: "consultation on its first day", status: "consultation", extra: window, now: "2026-11-01",
			state: site.StateConsultation, text: "w konsultacjach – zostało 61 dni", open: true, daysLeft: 61},
		{name: "25 days left, today included", status: "consultation", extra: window, now: "2026-12-07",
			state: site.StateConsultation, text: "w konsultacjach – zostało 25 dni", open: true, daysLeft: 25},
		{name: "22 days: few", status: "consultation", extra: window, now: "2026-12-10",
			state: site.StateConsultation, text: "w konsultacjach – zostały 22 dni", open: true, daysLeft: 22},
		{name: "12 days: many", status: "consultation", extra: window, now: "2026-12-20",
			state: site.StateConsultation, text: "w konsultacjach – zostało 12 dni", open: true, daysLeft: 12},
		{name: "2 days: few", status: "consultation", extra: window, now: "2026-12-30",
			state: site.StateConsultation, text: "w konsultacjach – zostały 2 dni", open: true, daysLeft: 2},
		{name: "the last day", status: "consultation", extra: window, now: "2026-12-31",
			state: site.StateConsultation, text: "w konsultacjach – ostatni dzień", open: true, daysLeft: 1},
		{name: "the last day, until a time", status: "consultation", extra: "consultation: {from: 2026-12-01, to: 2026-12-21T15:30}\n", now: "2026-12-21",
			state: site.StateConsultation, text: "w konsultacjach – ostatni dzień – do 15:30", open: true, daysLeft: 1},
		{name: "the day after", status: "consultation", extra: window, now: "2027-01-01",
			state: site.StateConsultationClosed, text: "konsultacje zakończone 31 grudnia 2026 r."},
		{name: "across the change to summer time", status: "consultation", extra: "consultation: {from: 2027-03-01, to: 2027-03-31}\n", now: "2027-03-27",
			state: site.StateConsultation, text: "w konsultacjach – zostało 5 dni", open: true, daysLeft: 5},

		{name: "adopted on a day still to come", status: "adopted", extra: "adopted: {date: 2018-02-15}\nperiod: 2018-2030\n", now: "2018-01-01",
			state: site.StateDraft, text: "projekt"},
		{name: "adopted later, its consultation open", status: "adopted", extra: "adopted: {date: 2018-02-15}\nconsultation: {from: 2017-12-15, to: 2018-01-15}\n", now: "2018-01-01",
			state: site.StateConsultation, text: "w konsultacjach – zostało 15 dni", open: true, daysLeft: 15},
		{name: "adopted on the day", status: "adopted", extra: "adopted: {date: 2018-02-15}\n", now: "2018-02-15",
			state: site.StateAdopted, text: "obowiązuje", inForce: true},
		{name: "adopted, its period not begun", status: "adopted", extra: "adopted: {date: 2026-11-20}\nperiod: 2027-2035\n", now: "2026-12-07",
			state: site.StateAdoptedFuture, text: "obowiązuje od 2027 r."},
		{name: "adopted, its period begun", status: "adopted", extra: "adopted: {date: 2026-11-20}\nperiod: 2027-2035\n", now: "2027-01-01",
			state: site.StateAdopted, text: "obowiązuje", inForce: true},
		{name: "adopted, its period over", status: "adopted", extra: "adopted: {date: 2016-03-01}\nperiod: 2016-2020\n", now: "2026-12-07",
			state: site.StatePeriodEnded, text: "nie obowiązuje (okres zakończony)", archived: true},
		{name: "adopted, its consultation kept as history", status: "adopted", extra: "adopted: {date: 2018-02-15}\n" + window, now: "2026-12-07",
			state: site.StateAdopted, text: "obowiązuje", inForce: true},

		{name: "a draft in its years", status: "draft", extra: "period: 2016-2020\n", now: "2020-12-31",
			state: site.StateDraft, text: "projekt"},
		{name: "a draft whose years are over", status: "draft", extra: "period: 2016-2020\n", now: "2021-01-01",
			state: site.StateDraftArchived, text: "projekt archiwalny", archived: true},
		{name: "a draft with no period", status: "draft", now: "2040-01-01",
			state: site.StateDraft, text: "projekt"},
		{name: "expired", status: "expired", now: "2026-12-07",
			state: site.StateExpired, text: "archiwalny", archived: true},

		{name: "English: days left", lang: "en", status: "consultation", extra: window, now: "2026-12-07",
			state: site.StateConsultation, text: "in consultation – 25 days left", open: true, daysLeft: 25},
		{name: "English: planned", lang: "en", status: "consultation", extra: window, now: "2026-10-15",
			state: site.StateConsultationPlanned, text: "consultation from 1 November 2026"},
		{name: "English: in force from", lang: "en", status: "adopted", extra: "adopted: {date: 2026-11-20}\nperiod: 2027-2035\n", now: "2026-12-07",
			state: site.StateAdoptedFuture, text: "in force from 2027"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			now, err := time.ParseInLocation(time.DateOnly, tt.now, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{
				"cities/a.md":    city("A", "mazowieckie"),
				"documents/d.md": doc("D", tt.status, tt.extra),
			}
			if tt.lang != "" {
				files["_index.md"] = "---\ntitle: S\nlang: " + tt.lang + "\n---\n"
			}
			// Noon in Warsaw, so that the day is the same in every zone.
			s := newSite(t, files, site.Options{Now: now.Add(11 * time.Hour)})
			d := s.Documents[0]
			if d.State != tt.state || d.StatusText != tt.text {
				t.Errorf("state %q, %q; want %q, %q", d.State, d.StatusText, tt.state, tt.text)
			}
			if d.InForce() != tt.inForce || d.Archived() != tt.archived || d.ConsultationOpen() != tt.open || d.DaysLeft != tt.daysLeft {
				t.Errorf("in force %v, archived %v, open %v, %d days left; want %v, %v, %v, %d",
					d.InForce(), d.Archived(), d.ConsultationOpen(), d.DaysLeft, tt.inForce, tt.archived, tt.open, tt.daysLeft)
			}
		})
	}
}

// TestConsultationPhase: the phase of a document's consultation is
// derived whatever its status, so that an adopted document's page can
// show its consultation as history.
func TestConsultationPhase(t *testing.T) {
	for _, tt := range []struct {
		now  string
		want site.Phase
	}{
		{"2026-10-31", site.PhasePlanned},
		{"2026-11-01", site.PhaseOpen},
		{"2026-12-31", site.PhaseOpen},
		{"2027-01-01", site.PhaseClosed},
	} {
		now, _ := time.Parse(time.DateOnly, tt.now)
		s := newSite(t, map[string]string{
			"cities/a.md":    city("A", "mazowieckie"),
			"documents/d.md": doc("D", "draft", "consultation: {from: 2026-11-01, to: 2026-12-31}\n"),
		}, site.Options{Now: now.Add(11 * time.Hour)})
		if got := s.Documents[0].Phase; got != tt.want {
			t.Errorf("%s: phase %q, want %q", tt.now, got, tt.want)
		}
	}
}

// TestMeetingReachesEveryCityOfItsPartnership: a partnership's workshop
// held in one member city is on the page of every member city.
func TestMeetingReachesEveryCityOfItsPartnership(t *testing.T) {
	s := newSite(t, map[string]string{
		"cities/a.md":          city("A", "mazowieckie"),
		"cities/b.md":          city("B", "mazowieckie"),
		"cities/c.md":          city("C", "mazowieckie"),
		"cities/d.md":          city("D", "mazowieckie"),
		"partnerships/p.md":    "---\ntitle: P\ncities: [a, b, c]\n---\n",
		"meetings/warsztat.md": "---\ntitle: Warsztat\ndate: 2021-05-01\npartnership: p\nplace: {name: Urząd, city: a}\ncities: [d]\n---\n",
	}, site.Options{})
	m := s.Meetings[0]
	if got, want := titles(m.Cities), "D, A, B, C"; got != want {
		t.Errorf("meeting's cities: %s, want %s", got, want)
	}
	for _, c := range s.Cities {
		if len(c.Meetings) != 1 {
			t.Errorf("%s lists %d meetings, want the workshop", c.Title, len(c.Meetings))
		}
	}
}
