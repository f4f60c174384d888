package site

import (
	"strconv"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/lang"
)

// derive works out what a resident reads of d on the build's day, now (a
// day at midnight in the site's zone), from what the editor wrote; the
// rules are those of the content model's "status as of now":
//
//   - adopted, but on a day after now: not adopted yet: in consultation
//     while its window is open, else a draft;
//   - adopted, its period starting in a later year: in force from then;
//   - adopted, its period over: in force no longer (archival);
//   - a draft whose period is over: an archival draft;
//   - in consultation: planned, open or closed by its window.
//
// Entries of every kind, lists, feeds and data files read the fields it
// sets; nothing else decides a document's status.
func (d *Document) derive(now time.Time, l *lang.Lang) {
	d.Phase = d.Consultation.phase(now)
	d.DaysLeft, d.Left = 0, ""
	year := now.Year()
	switch d.Status {
	case StatusDraft:
		d.State = StateDraft
		if d.Period.Ended(year) {
			d.State = StateDraftArchived
		}
	case StatusExpired:
		d.State = StateExpired
	case StatusAdopted:
		switch {
		case d.Adopted != nil && dayOf(d.Adopted.Date.Time).After(now):
			d.State = StateDraft
			if d.Phase == PhaseOpen {
				d.State = StateConsultation
			}
		case d.Period.Ended(year):
			d.State = StatePeriodEnded
		case d.Period != nil && d.Period.From > year:
			d.State = StateAdoptedFuture
		default:
			d.State = StateAdopted
		}
	case StatusConsultation:
		switch d.Phase {
		case PhasePlanned:
			d.State = StateConsultationPlanned
		case PhaseClosed:
			d.State = StateConsultationClosed
		case PhaseReported:
			d.State = StateConsultationReported
		default:
			d.State = StateConsultation
		}
	}
	if d.State == StateConsultation {
		if c := d.Consultation; c != nil && c.To != nil {
			d.DaysLeft = daysBetween(now, dayOf(c.To.Time)) + 1
			d.Left = left(d.DaysLeft, c.To, l)
		}
	}
	d.StatusText = d.statusText(l)
	switch {
	case d.Adopted != nil:
		d.Date = &d.Adopted.Date
	case d.Consultation != nil && d.Consultation.From != nil:
		d.Date = d.Consultation.From
	case d.Updated != nil:
		d.Date = d.Updated
	case d.Publish != nil:
		d.Date = d.Publish
	case d.Period != nil:
		d.Date = &Date{Time: time.Date(d.Period.From, 1, 1, 0, 0, 0, 0, now.Location()), Precision: Year}
	default:
		d.Date = nil
	}
}

// Announces says what d's date in the feeds (Changed) announces, when it
// is its consultation's: "opens" when it is the consultation's first day,
// "reported" when it is its outcome's date; "" otherwise.
func (d *Document) Announces() string {
	c := d.Consultation
	switch {
	case d.Changed == nil || c == nil:
		return ""
	case c.Outcome != nil && d.Changed.Time.Equal(c.Outcome.Date.Time):
		return "reported"
	case c.From != nil && d.Changed.Time.Equal(c.From.Time):
		return "opens"
	}
	return ""
}

// InForce reports whether d is adopted, on or after its adoption day,
// its period begun and not over.
func (d *Document) InForce() bool { return d.State == StateAdopted }

// Archived reports whether d is listed with the archive: expired as
// written, its period over, or a draft whose years are over.
func (d *Document) Archived() bool {
	return d.State == StateExpired || d.State == StatePeriodEnded || d.State == StateDraftArchived
}

// ConsultationOpen reports whether d is in consultation on the build's
// day, as its status shows it.
func (d *Document) ConsultationOpen() bool { return d.State == StateConsultation }

// Part is the part of the lists of documents d is in.
func (d *Document) Part() Part {
	switch {
	case d.InForce() || d.State == StateAdoptedFuture:
		return PartInForce
	case d.Archived():
		return PartArchive
	}
	return PartCurrent
}

// statusText says the derived status in full, in the site's language:
// "konsultacje od 1 grudnia 2026 r.", "w konsultacjach – zostało 25 dni",
// "w konsultacjach – ostatni dzień – do 15:30", "obowiązuje od 2027 r.".
func (d *Document) statusText(l *lang.Lang) string {
	c := d.Consultation
	switch d.State {
	case StateConsultationPlanned:
		return fill(l.T("status.consultation_planned_from"), "{date}", l.Date(c.From.Time))
	case StateConsultationClosed:
		if c != nil && c.To != nil {
			return fill(l.T("status.consultation_closed_on"), "{date}", l.Date(c.To.Time))
		}
	case StateAdoptedFuture:
		return fill(l.T("status.adopted_from"), "{year}", strconv.Itoa(d.Period.From))
	case StateConsultation:
		if d.Left != "" {
			return l.T("status.consultation") + " – " + d.Left
		}
		return l.T("status.consultation")
	}
	return l.T("status." + string(d.State))
}

// left says what is left of an open consultation that ends on the day of
// to, daysLeft days from now, today included: "zostało 25 dni",
// "ostatni dzień", "ostatni dzień – do 15:30".
func left(daysLeft int, to *Date, l *lang.Lang) string {
	switch {
	case daysLeft == 1 && to.HasClock():
		return l.T("status.last_day") + " – " + fill(l.T("status.until"), "{time}", to.Time.Format("15:04"))
	case daysLeft == 1:
		return l.T("status.last_day")
	case daysLeft > 1:
		return l.Phrase(daysLeft, "days_left")
	}
	return ""
}

func fill(template, placeholder, value string) string {
	return strings.Replace(template, placeholder, value, 1)
}

// phase is where c's window stands on the day now. Now is a day: the
// window is open on the whole of its first and its last day, even when
// to is a time of day, as a site built once a day shows it all day.
func (c *Consultation) phase(now time.Time) Phase {
	switch {
	case c == nil:
		return PhaseNone
	case c.From != nil && dayOf(c.From.Time).After(now):
		return PhasePlanned
	case c.To != nil && dayOf(c.To.Time).Before(now):
		if c.Outcome != nil && !dayOf(c.Outcome.Date.Time).After(now) {
			return PhaseReported
		}
		return PhaseClosed
	}
	return PhaseOpen
}

// dayOf is the midnight that starts t's day, in t's zone.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// daysBetween counts the calendar days from the day of a to the day of
// b, whatever the changes of clock between them.
func daysBetween(a, b time.Time) int {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	return int(time.Date(yb, mb, db, 0, 0, 0, 0, time.UTC).Sub(time.Date(ya, ma, da, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
}

// OwnDates lists the dates written in e's content, in no order: its
// updated and publish dates, a document's adoption and the start of its
// consultation, a meeting's date, a partnership's founding. They are what
// an entry's feed date is chosen from.
func OwnDates(e Entity) []*Date {
	en := e.E()
	dates := []*Date{en.Updated, en.Publish, en.Record.Published}
	switch x := e.(type) {
	case *Document:
		if x.Adopted != nil {
			dates = append(dates, &x.Adopted.Date)
		}
		if c := x.Consultation; c != nil {
			dates = append(dates, c.From)
			if c.Outcome != nil {
				dates = append(dates, &c.Outcome.Date)
			}
		}
	case *Meeting:
		dates = append(dates, &x.Date)
	case *Partnership:
		dates = append(dates, x.Founded)
	}
	return dates
}

// changed is the newest of e's own dates whose day is not after now, or
// nil.
func changed(e Entity, now time.Time) *Date {
	var newest *Date
	for _, d := range OwnDates(e) {
		if d != nil && !dayOf(d.Time).After(now) && (newest == nil || d.Time.After(newest.Time)) {
			newest = d
		}
	}
	return newest
}

// dateChanges gives every entry its Changed date, and the site the newest
// of them.
func (s *Site) dateChanges() {
	s.Changed = nil
	for _, e := range s.Entities() {
		en := e.E()
		en.Changed = changed(e, s.Now)
		if c := en.Changed; c != nil && (s.Changed == nil || c.Time.After(s.Changed.Time)) {
			s.Changed = c
		}
	}
}
