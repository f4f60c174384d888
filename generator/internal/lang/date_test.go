package lang

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestDate(t *testing.T) {
	tests := []struct {
		tag  string
		t    time.Time
		want string
	}{
		{"pl", day(2021, time.January, 17), "17 stycznia 2021"},
		{"pl", day(2021, time.February, 1), "1 lutego 2021"},
		{"pl", day(2021, time.March, 2), "2 marca 2021"},
		{"pl", day(2021, time.April, 3), "3 kwietnia 2021"},
		{"pl", day(2021, time.May, 4), "4 maja 2021"},
		{"pl", day(2021, time.June, 5), "5 czerwca 2021"},
		{"pl", day(2021, time.July, 6), "6 lipca 2021"},
		{"pl", day(2021, time.August, 7), "7 sierpnia 2021"},
		{"pl", day(2021, time.September, 8), "8 września 2021"},
		{"pl", day(2021, time.October, 9), "9 października 2021"},
		{"pl", day(2021, time.November, 10), "10 listopada 2021"},
		{"pl", day(2021, time.December, 31), "31 grudnia 2021"},
		{"en", day(2021, time.January, 17), "17 January 2021"},
		{"en", day(2021, time.February, 1), "1 February 2021"},
		{"en", day(2021, time.March, 2), "2 March 2021"},
		{"en", day(2021, time.April, 3), "3 April 2021"},
		{"en", day(2021, time.May, 4), "4 May 2021"},
		{"en", day(2021, time.June, 5), "5 June 2021"},
		{"en", day(2021, time.July, 6), "6 July 2021"},
		{"en", day(2021, time.August, 7), "7 August 2021"},
		{"en", day(2021, time.September, 8), "8 September 2021"},
		{"en", day(2021, time.October, 9), "9 October 2021"},
		{"en", day(2021, time.November, 10), "10 November 2021"},
		{"en", day(2021, time.December, 31), "31 December 2021"},
	}
	for _, tt := range tests {
		if got := mustNew(t, tt.tag).Date(tt.t); got != tt.want {
			t.Errorf("%s: Date(%v) = %q, want %q", tt.tag, tt.t, got, tt.want)
		}
	}
}

func TestDateUsesLocation(t *testing.T) {
	warsaw := time.FixedZone("CET", 3600)
	late := time.Date(2021, time.January, 17, 23, 30, 0, 0, time.UTC)
	l := mustNew(t, "pl")
	if got, want := l.Date(late.In(warsaw)), "18 stycznia 2021"; got != want {
		t.Errorf("Date(%v) = %q, want %q", late.In(warsaw), got, want)
	}
	if got, want := l.DateTime(late.In(warsaw)), "18 stycznia 2021, godz. 00:30"; got != want {
		t.Errorf("DateTime(%v) = %q, want %q", late.In(warsaw), got, want)
	}
}

func TestDateTime(t *testing.T) {
	tests := []struct {
		tag  string
		t    time.Time
		want string
	}{
		{"pl", time.Date(2021, time.January, 17, 10, 0, 0, 0, time.UTC), "17 stycznia 2021, godz. 10:00"},
		{"pl", time.Date(2021, time.May, 3, 9, 5, 59, 0, time.UTC), "3 maja 2021, godz. 09:05"},
		{"en", time.Date(2021, time.January, 17, 10, 0, 0, 0, time.UTC), "17 January 2021, 10:00"},
		{"en", time.Date(2021, time.May, 3, 17, 45, 0, 0, time.UTC), "3 May 2021, 17:45"},
	}
	for _, tt := range tests {
		if got := mustNew(t, tt.tag).DateTime(tt.t); got != tt.want {
			t.Errorf("%s: DateTime(%v) = %q, want %q", tt.tag, tt.t, got, tt.want)
		}
	}
}

func TestMonthYear(t *testing.T) {
	pl := []string{
		"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
		"lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień",
	}
	for i, name := range pl {
		m := time.Month(i + 1)
		if got, want := mustNew(t, "pl").MonthYear(2015, m), name+" 2015"; got != want {
			t.Errorf("pl: MonthYear(2015, %v) = %q, want %q", m, got, want)
		}
		if got, want := mustNew(t, "en").MonthYear(2015, m), m.String()+" 2015"; got != want {
			t.Errorf("en: MonthYear(2015, %v) = %q, want %q", m, got, want)
		}
	}

	tests := []struct {
		tag  string
		year int
		m    time.Month
		want string
	}{
		{"pl", 2015, time.June, "czerwiec 2015"},
		{"en", 2015, time.June, "June 2015"},
		{"pl", 2015, 13, "styczeń 2016"},
		{"pl", 2015, 0, "grudzień 2014"},
	}
	for _, tt := range tests {
		if got := mustNew(t, tt.tag).MonthYear(tt.year, tt.m); got != tt.want {
			t.Errorf("%s: MonthYear(%d, %d) = %q, want %q", tt.tag, tt.year, tt.m, got, tt.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		tag      string
		from, to time.Time
		want     string
	}{
		{"pl", day(2021, 1, 17), day(2021, 1, 17), "17 stycznia 2021"},
		{"pl", time.Date(2021, 1, 17, 9, 0, 0, 0, time.UTC), time.Date(2021, 1, 17, 15, 0, 0, 0, time.UTC), "17 stycznia 2021"},
		{"pl", day(2021, 1, 17), day(2021, 1, 18), "17–18 stycznia 2021"},
		{"pl", day(2021, 1, 30), day(2021, 2, 2), "30 stycznia – 2 lutego 2021"},
		{"pl", day(2020, 12, 30), day(2021, 1, 2), "30 grudnia 2020 – 2 stycznia 2021"},
		{"pl", day(2021, 1, 18), day(2021, 1, 17), "17–18 stycznia 2021"},
		{"pl", day(2021, 1, 17), day(2022, 1, 17), "17 stycznia 2021 – 17 stycznia 2022"},
		{"en", day(2021, 1, 17), day(2021, 1, 17), "17 January 2021"},
		{"en", day(2021, 1, 17), day(2021, 1, 18), "17–18 January 2021"},
		{"en", day(2021, 1, 30), day(2021, 2, 2), "30 January – 2 February 2021"},
		{"en", day(2020, 12, 30), day(2021, 1, 2), "30 December 2020 – 2 January 2021"},
	}
	for _, tt := range tests {
		if got := mustNew(t, tt.tag).DateRange(tt.from, tt.to); got != tt.want {
			t.Errorf("%s: DateRange(%v, %v) = %q, want %q", tt.tag, tt.from, tt.to, got, tt.want)
		}
	}
}
