package generator

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/slug"
)

// scaffolds are the front matter `ratusz new` writes for each kind: every
// required key, and the optional ones an editor usually fills.
var scaffolds = []struct {
	folder, kind, keys string
}{
	{"cities", "city", "region: \"\"            # województwo, e.g. kujawsko-pomorskie\ntype: gmina-miejska    # gmina-miejska, gmina-wiejska, gmina-miejsko-wiejska, miasto-na-prawach-powiatu, powiat, wojewodztwo\n"},
	{"programmes", "programme", "short: \"\"             # acronym shown in lists, e.g. RLKS\nfunder: \"\"\n"},
	{"organisations", "organisation", "type: stowarzyszenie  # fundacja, stowarzyszenie, urzad, instytucja, kosciol, inna\ncity: \"\"              # slug of the city of its seat\n"},
	{"partnerships", "partnership", "type: partnerstwo     # lgd, lgw, partnerstwo, projekt, koalicja\ncities: []            # slugs of every city taking part\nmembers: []\nprogrammes: []\n"},
	{"documents", "document", "type: strategia       # strategia, program, polityka, plan, raport, uchwala, inny\nstatus: draft         # draft, consultation, adopted, expired\ncities: []            # slugs of the cities it belongs to\nperiod: \"\"            # e.g. 2021-2027\n"},
	{"meetings", "meeting", "date: \"\"              # YYYY-MM-DD or 2021-01-17T10:00:00+01:00\ntype: spotkanie       # warsztaty, konferencja, spotkanie, konsultacje, posiedzenie, seminarium\nplace:\n  name: \"\"\n  address: \"\"\n  city: \"\"            # slug of the city\n"},
	{"pages", "page", ""},
}

// NewKinds lists the kinds `ratusz new` accepts.
func NewKinds() []string {
	var out []string
	for _, s := range scaffolds {
		out = append(out, s.kind)
	}
	return out
}

// Scaffold returns the path (relative to the content folder) and text of a
// new content file. kind is a kind ("document") or its folder
// ("documents"); name is a slug, or any text to make one from, which then
// also serves as the title when title is empty.
func Scaffold(kind, name, title string) (string, string, error) {
	for _, s := range scaffolds {
		if kind != s.kind && kind != s.folder {
			continue
		}
		sl := slug.Make(name)
		if sl == "" {
			return "", "", fmt.Errorf("new: %q has no letters or digits to make a file name from", name)
		}
		if title == "" {
			title = name
			if sl == name {
				title = ""
			}
		}
		text := "---\ntitle: " + strconv.Quote(title) + "\n" + s.keys + "draft: true          # remove when ready to publish\n---\n\n"
		return s.folder + "/" + sl + ".md", text, nil
	}
	return "", "", fmt.Errorf("new: unknown kind %q; use one of %s", kind, strings.Join(NewKinds(), ", "))
}
