package site

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/lang"
)

// Precision says how much of a Date was written.
type Precision int

const (
	Year  Precision = iota // 2015
	Month                  // 2015-06
	Day                    // 2015-06-17
	Clock                  // 2015-06-17T10:00:00+02:00
)

// Date is a date as an editor wrote it: a year, a month, a day or a moment.
// Time is its first instant in the site's zone.
type Date struct {
	Time      time.Time
	Precision Precision
}

// HasClock reports whether the date has a time of day.
func (d Date) HasClock() bool { return d.Precision == Clock }

// ISO is the date in ISO 8601 at its precision, for <time datetime>.
func (d Date) ISO() string {
	switch d.Precision {
	case Year:
		return d.Time.Format("2006")
	case Month:
		return d.Time.Format("2006-01")
	case Day:
		return d.Time.Format(time.DateOnly)
	}
	return d.Time.Format(time.RFC3339)
}

var (
	reYear  = regexp.MustCompile(`^\d{4}$`)
	reMonth = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reDay   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	reLocal = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$`)
)

// parseDate reads a date. partial allows YYYY and YYYY-MM. It returns a
// message that says what is wrong, for the caller to place.
func parseDate(s string, partial bool, zone *time.Location) (Date, string) {
	s = strings.TrimSpace(s)
	const want = "write it as YYYY-MM-DD (2021-01-17) or a full time (2021-01-17T10:00:00+01:00)"
	switch {
	case reYear.MatchString(s), reMonth.MatchString(s):
		if !partial {
			return Date{}, fmt.Sprintf("%q is not a full date; %s", s, want)
		}
		if m := reMonth.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if mo < 1 || mo > 12 {
				return Date{}, fmt.Sprintf("%q has no month %d; months are 01 to 12", s, mo)
			}
			return Date{Time: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, zone), Precision: Month}, ""
		}
		y, _ := strconv.Atoi(s)
		return Date{Time: time.Date(y, 1, 1, 0, 0, 0, 0, zone), Precision: Year}, ""
	case reDay.MatchString(s):
		m := reDay.FindStringSubmatch(s)
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if msg := checkDay(s, y, mo, d); msg != "" {
			return Date{}, msg
		}
		return Date{Time: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, zone), Precision: Day}, ""
	case reLocal.MatchString(s):
		m := reLocal.FindStringSubmatch(s)
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		h, _ := strconv.Atoi(m[4])
		mi, _ := strconv.Atoi(m[5])
		sec, _ := strconv.Atoi(m[6] + "0")
		sec /= 10
		if msg := checkDay(s, y, mo, d); msg != "" {
			return Date{}, msg
		}
		if h > 23 || mi > 59 || sec > 59 {
			return Date{}, fmt.Sprintf("%q has no such time of day; %s", s, want)
		}
		return Date{Time: time.Date(y, time.Month(mo), d, h, mi, sec, 0, zone), Precision: Clock}, ""
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if len(s) >= 10 && reDay.MatchString(s[:10]) {
			m := reDay.FindStringSubmatch(s[:10])
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if msg := checkDay(s, y, mo, d); msg != "" {
				return Date{}, msg
			}
		}
		if partial {
			return Date{}, fmt.Sprintf("%q is not a date; write it as YYYY-MM-DD, YYYY-MM (2015-06) or YYYY", s)
		}
		return Date{}, fmt.Sprintf("%q is not a date; %s", s, want)
	}
	return Date{Time: t, Precision: Clock}, ""
}

func checkDay(s string, y, mo, d int) string {
	if mo < 1 || mo > 12 {
		return fmt.Sprintf("%q has no month %d; months are 01 to 12", s, mo)
	}
	days := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > days {
		return fmt.Sprintf("%q has no day %d; that month has %d days", s, d, days)
	}
	return ""
}

// Period is the span of years a document or programme covers.
type Period struct {
	From int
	To   int // 0: open-ended
}

var rePeriod = regexp.MustCompile(`^(\d{4})\s*(?:-|–|—)\s*(\d{4})?$`)

// parsePeriod reads "2016-2020", "2016–2020", "2016-" or "2016".
func parsePeriod(s string) (Period, string) {
	s = strings.TrimSpace(s)
	if reYear.MatchString(s) {
		y, _ := strconv.Atoi(s)
		return Period{From: y, To: y}, ""
	}
	m := rePeriod.FindStringSubmatch(s)
	if m == nil {
		return Period{}, fmt.Sprintf("%q is not a period; write the years as 2016-2020 or {from: 2016, to: 2020}", s)
	}
	from, _ := strconv.Atoi(m[1])
	to := 0
	if m[2] != "" {
		to, _ = strconv.Atoi(m[2])
	}
	return Period{From: from, To: to}, ""
}

// Ended reports whether the period's last year is before year.
func (p *Period) Ended(year int) bool { return p != nil && p.To != 0 && p.To < year }

// Text is the period as a resident reads it: "2016–2020", "2021", "od
// 2021" (l's "period.from"), or "" for none.
func (p *Period) Text(l *lang.Lang) string {
	switch {
	case p == nil:
		return ""
	case p.To == 0:
		return fmt.Sprintf("%s %d", l.T("period.from"), p.From)
	case p.To == p.From:
		return fmt.Sprint(p.From)
	}
	return fmt.Sprintf("%d–%d", p.From, p.To)
}

// Text is the date as a resident reads it, to its precision, on the
// clock of zone: "2015", "czerwiec 2015", "17 stycznia 2021", "17
// stycznia 2021, godz. 10:00".
func (d Date) Text(l *lang.Lang, zone *time.Location) string {
	t := d.Time.In(zone)
	switch d.Precision {
	case Year:
		return t.Format("2006")
	case Month:
		return l.MonthYear(t.Year(), t.Month())
	case Day:
		return l.Date(t)
	}
	return l.DateTime(t)
}

// RangeText is the days from a to b (nil: a alone) as a resident reads
// them, on the clock of zone: "17–18 stycznia 2021", or with the times
// of day "17 stycznia 2021, godz. 10:00–12:00".
func RangeText(a Date, b *Date, l *lang.Lang, zone *time.Location) string {
	if b == nil {
		return a.Text(l, zone)
	}
	if a.HasClock() || b.HasClock() {
		at, bt := a.Time.In(zone), b.Time.In(zone)
		if at.YearDay() == bt.YearDay() && at.Year() == bt.Year() {
			return a.Text(l, zone) + "–" + bt.Format("15:04")
		}
		return a.Text(l, zone) + " – " + b.Text(l, zone)
	}
	return l.DateRange(a.Time.In(zone), b.Time.In(zone))
}
