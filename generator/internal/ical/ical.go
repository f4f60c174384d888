// Package ical writes iCalendar files (RFC 5545) of a site's meetings: one
// per meeting, and calendars of many. It reads the site model and returns
// bytes: it writes no file and reads no clock.
//
// A meeting with a time of day starts and ends at moments written in UTC
// (DTSTART:20210617T080000Z), so no VTIMEZONE is needed; one with only a
// date is an all-day event (DTSTART;VALUE=DATE:20210601) whose DTEND is the
// day after its last day. A timed meeting without an end has no DTEND: it
// is a moment. UID is the meeting's slug at the site's host and path
// (warsztaty@bip.gmina.pl/strategie), so it stays the same from build to
// build. DTSTAMP is the meeting's date in the feeds (site.Entry.Changed),
// else its start: never the clock, so that a build on a day when nothing
// happens writes the same calendars. LOCATION is the place's name,
// address and city, else the meeting's cities; URL its page. Text is
// escaped (\\ \; \, \n), lines end in CRLF and are folded at 75 octets,
// never inside a UTF-8 character.
//
// The encoder is written here rather than taken from a library: the Go
// iCalendar encoders either do not fold lines or fold them where they
// please and pull in a recurrence-rule library this package does not need;
// tests parse the output with github.com/emersion/go-ical.
package ical

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ratusz/ratusz/generator/internal/address"
	"github.com/ratusz/ratusz/generator/internal/site"
)

// Calendar is one .ics file.
type Calendar struct {
	Name     string // shown by calendar programs; "" for one meeting's file
	Meetings []*site.Meeting

	// Consultations are documents whose consultation window is an
	// all-day event, from its first day to its last, its deadline in the
	// summary; its UID is konsultacje-<slug>@host/path.
	Consultations []*site.Document
}

// MeetingFile is the site-relative path of a meeting's own .ics file,
// beside its page: "spotkania/warsztaty/warsztaty.ics".
func MeetingFile(m *site.Meeting) string { return m.URL + m.Slug + ".ics" }

// CollectionFile is the site-relative path of the calendar of the meetings
// a page lists (the home page, a city, a programme):
// "miasta/wloclawek/calendar.ics".
func CollectionFile(page string) string { return page + "calendar.ics" }

// Encode writes c as an iCalendar object of s under base.
func Encode(s *site.Site, base address.Base, c Calendar) []byte {
	var w writer
	w.buf.Grow(256 + 768*(len(c.Meetings)+len(c.Consultations))) // an event is about 660 bytes
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.line("PRODID", "-//ratusz//ratusz//"+strings.ToUpper(s.Lang.Tag()))
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")
	if c.Name != "" {
		w.line("NAME", text(c.Name))
		w.line("X-WR-CALNAME", text(c.Name))
	}
	for _, m := range c.Meetings {
		event(&w, s, base, m)
	}
	for _, d := range c.Consultations {
		consultation(&w, s, base, d)
	}
	w.line("END", "VCALENDAR")
	return w.buf.Bytes()
}

const (
	utcStamp = "20060102T150405Z"
	day      = "20060102"
)

func event(w *writer, s *site.Site, base address.Base, m *site.Meeting) {
	w.line("BEGIN", "VEVENT")
	host := base.Host()
	if host == "" {
		host = "localhost"
	}
	w.line("UID", text(m.Slug+"@"+host+strings.TrimSuffix(base.Path(), "/")))
	stamp := m.Date.Time
	if m.Changed != nil {
		stamp = m.Changed.Time
	}
	w.line("DTSTAMP", stamp.UTC().Format(utcStamp))
	start := m.Date.Time.In(s.Zone)
	if !m.Date.HasClock() {
		last := start
		if m.End != nil {
			last = m.End.Time.In(s.Zone)
		}
		w.line("DTSTART;VALUE=DATE", start.Format(day))
		w.line("DTEND;VALUE=DATE", time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, s.Zone).Format(day))
	} else {
		w.line("DTSTART", start.UTC().Format(utcStamp))
		if e := m.End; e != nil {
			end := e.Time
			if !e.HasClock() { // the end of the last day
				t := e.Time.In(s.Zone)
				end = time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, s.Zone)
			}
			w.line("DTEND", end.UTC().Format(utcStamp))
		}
	}
	if m.Updated != nil {
		w.line("LAST-MODIFIED", m.Updated.Time.UTC().Format(utcStamp))
	}
	w.line("SUMMARY", text(m.Title))
	if m.Summary != "" {
		w.line("DESCRIPTION", text(m.Summary))
	}
	if loc := location(m); loc != "" {
		w.line("LOCATION", text(loc))
	}
	w.line("URL", base.Abs(m.URL))
	w.line("END", "VEVENT")
}

// consultation writes the window of d's consultation as an all-day
// event: „Konsultacje: Strategia … – uwagi do 21 grudnia 2026, godz. 15:30”.
func consultation(w *writer, s *site.Site, base address.Base, d *site.Document) {
	c := d.Consultation
	if c == nil || c.From == nil || c.To == nil {
		return
	}
	l := s.Lang
	w.line("BEGIN", "VEVENT")
	host := base.Host()
	if host == "" {
		host = "localhost"
	}
	w.line("UID", text(l.Segment("consultations")+"-"+d.Slug+"@"+host+strings.TrimSuffix(base.Path(), "/")))
	stamp := c.From.Time
	if d.Changed != nil {
		stamp = d.Changed.Time
	}
	w.line("DTSTAMP", stamp.UTC().Format(utcStamp))
	first, last := c.From.Time.In(s.Zone), c.To.Time.In(s.Zone)
	w.line("DTSTART;VALUE=DATE", first.Format(day))
	w.line("DTEND;VALUE=DATE", time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, s.Zone).Format(day))
	until := l.InText(last)
	if c.To.HasClock() {
		until = l.DateTime(last)
	}
	w.line("SUMMARY", text(l.T("calendar.consultation")+": "+d.Title+" – "+strings.Replace(l.T("calendar.consultation_until"), "{to}", until, 1)))
	if d.Summary != "" {
		w.line("DESCRIPTION", text(d.Summary))
	}
	var where []string // the cities it is about
	for _, c := range d.Cities {
		where = append(where, c.Title)
	}
	if len(where) > 0 {
		w.line("LOCATION", text(strings.Join(where, ", ")))
	}
	w.line("URL", base.Abs(d.URL))
	w.line("END", "VEVENT")
}

// location is where a meeting happens, as a reader would write it.
func location(m *site.Meeting) string {
	var parts []string
	if p := m.Place; p != nil {
		for _, s := range []string{p.Name, p.Address} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		if p.City != nil {
			parts = append(parts, p.City.Title)
		}
		return strings.Join(parts, ", ")
	}
	for _, c := range m.Cities {
		parts = append(parts, c.Title)
	}
	return strings.Join(parts, ", ")
}

// text escapes a TEXT value (RFC 5545, 3.3.11). What it escapes or drops
// is ASCII, so it goes byte by byte; most text has nothing to escape but
// commas.
func text(s string) string {
	i := 0
	for i < len(s) && !textSpecial(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			b.WriteString(`\\`)
		case c == ';':
			b.WriteString(`\;`)
		case c == ',':
			b.WriteString(`\,`)
		case c == '\n':
			b.WriteString(`\n`)
		case c < 0x20 && c != '\t', c == 0x7f:
			// Other control characters (a CR of a CRLF) are not allowed.
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// textSpecial tells the bytes text escapes or drops.
func textSpecial(c byte) bool {
	return c == '\\' || c == ';' || c == ',' || c < 0x20 && c != '\t' || c == 0x7f
}

// writer writes content lines, folded.
type writer struct{ buf bytes.Buffer }

// maxOctets is the longest a line may be, without its CRLF (RFC 5545, 3.1).
const maxOctets = 75

// line writes "name:value", folding it into lines of at most 75 octets:
// each continuation starts with a space, and no line ends inside a UTF-8
// character.
func (w *writer) line(name, value string) {
	if len(name)+1+len(value) <= maxOctets {
		w.buf.WriteString(name)
		w.buf.WriteByte(':')
		w.buf.WriteString(value)
		w.buf.WriteString("\r\n")
		return
	}
	s := name + ":" + value
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}
