package generator_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// day is noon of a day given as YYYY-MM-DD, the build's -now.
func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(12 * time.Hour)
}

// writeSite writes files under a new folder's content/ and returns the
// folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		writeFile(t, filepath.Join(dir, "content", name), []byte(data))
	}
	return dir
}

// A site built on two days with nothing happening between them is the
// same, byte for byte: no date in the output comes from the clock, so a
// daily build deploys nothing new. The built-in site is built as of
// 10 and 11 March 2030, when none of its dates falls.
func TestQuietDayChangesNoFile(t *testing.T) {
	cfg := generator.Config{Content: "../content", Settings: "../ratusz.toml", Static: "../static", BaseURL: "https://strategie.example.pl/", Minify: true}
	cfg.Now = day(t, "2030-03-10")
	a, _ := buildMemory(t, cfg)
	cfg.Now = day(t, "2030-03-11")
	b, _ := buildMemory(t, cfg)
	if len(a) != len(b) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
	var differ []string
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			differ = append(differ, name)
		}
	}
	slices.Sort(differ)
	if len(differ) > 0 {
		t.Errorf("%d files differ between 10 and 11 March 2030:\n%s", len(differ), strings.Join(differ, "\n"))
	}
	if len(a) < 100 {
		t.Errorf("only %d files: the test compares too little", len(a))
	}
}

const feedCity = "---\ntitle: Jabłonowo Pomorskie\nregion: kujawsko-pomorskie\n---\n"

// No feed entry is dated after the day of the build: an entry's feed date
// is the newest of its own dates that is not after now. A meeting still to
// come, announced with no publish or updated date, is in no feed; with
// one, it is dated by it. Its calendar stamp is its feed date, else its
// start, never the build's day.
func TestFeedDatesNeverInTheFuture(t *testing.T) {
	for _, tt := range []struct {
		name, extra string
		inFeed      bool
		updated     string // of the entry in the feed
		stamp       string // DTSTAMP of its calendar
	}{
		{name: "announced with no date of its own", stamp: "DTSTAMP:20270119T230000Z"},
		{name: "announced with publish", extra: "publish: 2026-12-01\n", inFeed: true,
			updated: "2026-12-01T00:00:00+01:00", stamp: "DTSTAMP:20261130T230000Z"},
		{name: "updated after publish", extra: "publish: 2026-12-01\nupdated: 2026-12-05\n", inFeed: true,
			updated: "2026-12-05T00:00:00+01:00", stamp: "DTSTAMP:20261204T230000Z"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, map[string]string{
				"cities/jablonowo.md":     feedCity,
				"meetings/konsultacje.md": "---\ntitle: Spotkanie konsultacyjne\ndate: 2027-01-20\ncities: [jablonowo]\n" + tt.extra + "---\n",
			})
			cfg := testConfig(dir)
			cfg.Now = day(t, "2026-12-07")
			files, _ := buildMemory(t, cfg)
			for _, name := range []string{"atom.xml", "miasta/jablonowo/atom.xml"} {
				f := parseAtom(t, name, files[name])
				if got := len(f.Entries) == 1; got != tt.inFeed {
					t.Errorf("%s lists %d entries, want the meeting: %v", name, len(f.Entries), tt.inFeed)
				}
				for _, e := range f.Entries {
					if e.Updated != tt.updated {
						t.Errorf("%s: %s is dated %s, want %s", name, e.Title, e.Updated, tt.updated)
					}
				}
				if f.Updated > "2026-12-08" {
					t.Errorf("%s is dated %s, after the day of the build", name, f.Updated)
				}
			}
			ics := string(files["spotkania/konsultacje/konsultacje.ics"])
			if !strings.Contains(ics, tt.stamp+"\r\n") {
				t.Errorf("the meeting's calendar has no %s:\n%s", tt.stamp, ics)
			}
		})
	}
}

// An entry with no date of its own is never stamped with the build day:
// a feed that lists nothing is dated by the newest date of the site.
func TestEmptyFeedIsNotDatedByTheClock(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"cities/jablonowo.md": feedCity,
		"cities/bobrowo.md":   "---\ntitle: Bobrowo\nregion: kujawsko-pomorskie\nupdated: 2025-04-02\n---\n",
	})
	cfg := testConfig(dir)
	for _, now := range []string{"2026-12-07", "2026-12-08"} {
		cfg.Now = day(t, now)
		files, _ := buildMemory(t, cfg)
		f := parseAtom(t, "miasta/jablonowo/atom.xml", files["miasta/jablonowo/atom.xml"])
		if f.Updated != "2025-04-02T00:00:00+02:00" {
			t.Errorf("built %s: the empty feed is dated %s, want the site's newest date, 2025-04-02", now, f.Updated)
		}
	}
}

// A site with no date at all dates its feeds by the start of the Unix
// epoch, the same every day, rather than by the day of the build.
func TestFeedOfAnUndatedSite(t *testing.T) {
	dir := writeSite(t, map[string]string{"cities/jablonowo.md": feedCity})
	cfg := testConfig(dir)
	for _, now := range []string{"2026-12-07", "2031-05-08"} {
		cfg.Now = day(t, now)
		files, _ := buildMemory(t, cfg)
		if f := parseAtom(t, "atom.xml", files["atom.xml"]); f.Updated != "1970-01-01T00:00:00Z" {
			t.Errorf("built %s: the feed of a site with no dates is dated %s", now, f.Updated)
		}
	}
}

// A draft built with -drafts is for its editors: its page and the lists
// mark it as a draft („szkic”), and it stays out of the sitemap, every
// feed and every calendar but its own.
func TestDraftsStayOutOfSitemapAndFeeds(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"cities/jablonowo.md":  feedCity,
		"meetings/szkic.md":    "---\ntitle: Szkic spotkania\ndate: 2026-12-01\ncities: [jablonowo]\ndraft: true\n---\n",
		"documents/projekt.md": "---\ntitle: Szkic strategii\ntype: strategia\nstatus: draft\ncities: [jablonowo]\nupdated: 2026-12-02\ndraft: true\n---\n",
		"meetings/gotowe.md":   "---\ntitle: Spotkanie gotowe\ndate: 2026-12-03\ncities: [jablonowo]\n---\n",
		"documents/gotowy.md":  "---\ntitle: Strategia gotowa\ntype: strategia\nstatus: draft\ncities: [jablonowo]\nupdated: 2026-12-04\n---\n",
	})
	cfg := testConfig(dir)
	cfg.Now, cfg.Drafts = day(t, "2026-12-07"), true
	files, _ := buildMemory(t, cfg)
	page, ok := files["spotkania/szkic/index.html"]
	if !ok {
		t.Fatal("with -drafts, the draft meeting has no page")
	}
	if !strings.Contains(string(page), `<p class="draft-note"><strong>szkic</strong> – `) {
		t.Error("the draft's page does not say it is a draft („szkic”)")
	}
	if strings.Contains(string(files["spotkania/gotowe/index.html"]), "draft-note") {
		t.Error("a published page says it is a draft")
	}
	if list := string(files["dokumenty/index.html"]); !strings.Contains(list, `Szkic strategii</a> <span class="draft-tag">szkic</span>`) {
		t.Error("the documents' list does not mark the draft")
	}
	for _, name := range []string{"sitemap.xml", "atom.xml", "miasta/jablonowo/atom.xml", "calendar.ics", "miasta/jablonowo/calendar.ics"} {
		data := string(files[name])
		if data == "" {
			t.Errorf("no %s", name)
			continue
		}
		for _, draft := range []string{"Szkic", "szkic/", "projekt/", "szkic@"} {
			if strings.Contains(data, draft) {
				t.Errorf("%s lists a draft (%q)", name, draft)
			}
		}
		if !regexp.MustCompile(`gotow[ey]`).MatchString(data) {
			t.Errorf("%s lists nothing: the test tests nothing", name)
		}
	}
}
