package lang

import (
	"fmt"
	"time"
)

// Date formats the day of t in t's location: "17 stycznia 2021",
// "17 January 2021". The day has no leading zero; Polish uses the genitive
// of the month.
func (l *Lang) Date(t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf("%d %s %d", d, l.genitive[m-1], y)
}

// DateTime formats the day and the time of t in t's location:
// "17 stycznia 2021, godz. 10:00", "17 January 2021, 10:00".
func (l *Lang) DateTime(t time.Time) string {
	return l.Date(t) + l.rules.atTime + t.Format("15:04")
}

// InText writes the day of t as a sentence says it: „21 grudnia 2026 r.”,
// "21 December 2026".
func (l *Lang) InText(t time.Time) string { return l.Date(t) + l.rules.yearMark }

// MonthYear names a month of a year: "czerwiec 2015" (Polish uses the
// nominative), "June 2015". A month outside 1–12 is normalised the way
// time.Date does it: month 13 of 2015 is January 2016.
func (l *Lang) MonthYear(year int, m time.Month) string {
	y, m, _ := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC).Date()
	return fmt.Sprintf("%s %d", l.months[m-1], y)
}

// DateRange formats the days from and to, leaving out what they share:
//
//	same day    17 stycznia 2021
//	same month  17–18 stycznia 2021
//	same year   30 stycznia – 2 lutego 2021
//	otherwise   30 grudnia 2020 – 2 stycznia 2021
//
// English follows the same pattern ("17–18 January 2021"). The times of day
// are ignored; if to is before from, the two are swapped.
func (l *Lang) DateRange(from, to time.Time) string {
	if to.Before(from) {
		from, to = to, from
	}
	fy, fm, fd := from.Date()
	ty, tm, td := to.Date()
	switch {
	case fy == ty && fm == tm && fd == td:
		return l.Date(from)
	case fy == ty && fm == tm:
		return fmt.Sprintf("%d–%d %s %d", fd, td, l.genitive[tm-1], ty)
	case fy == ty:
		return fmt.Sprintf("%d %s – %d %s %d", fd, l.genitive[fm-1], td, l.genitive[tm-1], ty)
	}
	return l.Date(from) + " – " + l.Date(to)
}
