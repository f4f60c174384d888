package corpus

import (
	"math/rand/v2"
	"slices"
	"time"
)

// kind is a content kind; its name is its folder under content/.
type kind uint8

const (
	cities kind = iota
	programmes
	organisations
	partnerships
	documents
	meetings
	pages
	numKinds
)

func (k kind) String() string {
	return [...]string{"cities", "programmes", "organisations", "partnerships", "documents", "meetings", "pages"}[k]
}

// none marks an absent reference.
const none = -1

// ref points at a city or an organisation (leaders and organisers).
type ref struct {
	kind  kind
	index int
}

// city is a gmina, powiat or województwo.
type city struct {
	title, slug string
	name        string // for sentences: "Nowa Wola Górna", "Powiat łęczycki"
	gen         string // genitive in a sentence: "gminy Nowa Wola Górna"
	genTitle    string // genitive in a title: "Gminy Nowa Wola Górna"
	council     string // "Rada Gminy Nowa Wola Górna"
	councilGen  string // "Rady Gminy Nowa Wola Górna"
	office      string // "Urząd Gminy Nowa Wola Górna"
	typ         int    // index into cityTypes
	region      int    // index into regions
	parent      int    // city, or none
}

type programme struct {
	title, slug, short, funder, website string
	from, to                            int
}

type organisation struct {
	title, slug string
	typ         int // index into organisationTypes
	city        int
}

type partnership struct {
	title, slug string
	typ         int // index into partnershipTypes
	cities      []int
	members     []int
	programmes  []int
	leader      ref // kind cities or organisations; index none if absent
}

// period is a range of years; from 0 means no period.
type period struct{ from, to int }

type document struct {
	title, slug  string
	typ, status  int // indexes into documentTypes and documentStatuses
	cities       []int
	partnership  int
	programmes   []int
	period       period
	periodShown  bool      // the period is in the front matter
	adopted      time.Time // with status adopted
	by           string
	resolution   string
	consultation [2]time.Time // with status consultation
	topics       []int
}

// moment is a meeting's start or end: a date, or a wall-clock time in
// Warsaw when clock is set.
type moment struct {
	t     time.Time // UTC fields read as Warsaw wall clock
	clock bool
}

type meeting struct {
	title, slug string
	typ         int // index into meetingTypes
	start, end  moment
	placeName   string // empty: no place
	address     string
	placeCity   int
	partnership int
	cities      []int
	programmes  []int
	organisers  []ref
	documents   []int
	topics      []int
}

type page struct{ title, slug string }

// plan is the structure of a whole tree: every entry's title, slug and
// references. Wording and formatting are left to the renderer.
type plan struct {
	seed          uint64
	counts        Counts
	cities        []city
	programmes    []programme
	organisations []organisation
	partnerships  []partnership
	documents     []document
	meetings      []meeting
	pages         []page

	// lookups used while planning
	byRegion     [len(regions)][]int // cities per region
	powiats      []int
	voivodeships [len(regions)]int // city per region, or none
	cityOrgs     [][]int           // organisations per seat
	cityDocs     [][]int           // documents per city
}

// names keeps titles and slugs of one kind unique.
type names struct {
	titles map[string]bool
	slugs  map[string]bool
}

func newNames(n int) *names {
	return &names{titles: make(map[string]bool, n), slugs: make(map[string]bool, n)}
}

// claim reserves title and its slug if neither is taken.
func (n *names) claim(title string) (slug string, ok bool) {
	if n.titles[title] {
		return "", false
	}
	slug = slugify(title)
	if slug == "" || n.slugs[slug] {
		return "", false
	}
	n.titles[title] = true
	n.slugs[slug] = true
	return slug, true
}

// unique claims the first title that next returns and that is still free.
// next gets the attempt number; after some attempts it should add something
// that sets the title apart.
func (n *names) unique(next func(attempt int) string) (title, slug string) {
	for attempt := 0; ; attempt++ {
		title = next(attempt)
		if slug, ok := n.claim(title); ok {
			return title, slug
		}
	}
}

func newPlan(o Options) *plan {
	p := &plan{seed: uint64(o.Seed), counts: CountsFor(o.Entries)}
	r := rand.New(rand.NewPCG(p.seed, 0x7261747573))
	p.planCities(r)
	p.planProgrammes()
	p.planOrganisations(r)
	p.planPartnerships(r)
	p.planDocuments(r)
	p.planMeetings(r)
	p.planPages()
	return p
}

// pick returns one of s.
func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// weighted returns an index into weights, with chances proportional to them.
func weighted(r *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// some returns between lo and hi distinct values from pool, in pool order
// of drawing; fewer if the pool is smaller.
func some(r *rand.Rand, pool []int, lo, hi int) []int {
	n := min(lo+r.IntN(hi-lo+1), len(pool))
	out := make([]int, 0, n)
	for tries := 0; len(out) < n && tries < 4*n+8; tries++ {
		v := pool[r.IntN(len(pool))]
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// upTo returns between lo and hi distinct numbers below n.
func upTo(r *rand.Rand, n, lo, hi int) []int {
	k := min(lo+r.IntN(hi-lo+1), n)
	out := make([]int, 0, k)
	for len(out) < k {
		v := r.IntN(n)
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// day returns a date in year y.
func day(r *rand.Rand, y int) time.Time {
	return time.Date(y, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
}
