package site

import (
	"fmt"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/content"
)

// Accessibility is the site's accessibility statement (deklaracja
// dostępności), which the act of 4 April 2019 on the digital accessibility
// of public bodies' websites requires every Polish public body to publish.
// It is configured under accessibility: in the root _index.md and rendered
// with the element ids of the official template (a11y-podmiot, a11y-url…).
type Accessibility struct {
	Publisher     string // a11y-podmiot: the public body
	URL           string // a11y-url: the site's address
	Published     Date   // a11y-data-publikacja
	Updated       Date   // a11y-data-aktualizacja
	Status        string // a11y-status: "zgodna", "czesciowo-zgodna", "niezgodna"
	NonCompliance []byte // Markdown: what is not accessible and why (required unless zgodna)
	Exemptions    []byte // Markdown: content exempt from the act
	Prepared      Date   // a11y-data-sporzadzenie
	Reviewed      *Date  // a11y-data-przeglad
	Auditor       string // a11y-audytor: who assessed the site; "" for self-assessment
	Assessment    string // a11y-ocena: link to a disproportionate-burden analysis
	Person        string // a11y-osoba
	Email         string // a11y-email
	Phone         string // a11y-telefon
	Shortcuts     []byte // Markdown: keyboard shortcuts, if the site has its own
	Architecture  []byte // a11y-architektura: Markdown
	Communication []byte // a11y-komunikacja: Markdown
	Apps          []byte // a11y-aplikacje: Markdown, mobile applications
	URLPath       string // site-relative address of the statement page
}

var accessibilityKeys = []string{"publisher", "url", "published", "updated", "status", "noncompliance", "exemptions",
	"prepared", "reviewed", "auditor", "assessment", "contact", "shortcuts", "architecture", "communication", "apps"}

// accessibility reads the accessibility: block of the root _index.md.
func (b *builder) accessibility(r *reader, v *content.Value) *Accessibility {
	m := r.mapOf("accessibility", v, accessibilityKeys)
	if m == nil {
		return nil
	}
	req := func(key, hint string) string {
		return r.required("accessibility."+key, m[key], v.Line, hint)
	}
	day := func(key string, required bool) *Date {
		if required && !present(m[key]) {
			r.fieldf(v.Line, "accessibility."+key, fmt.Sprintf("add %s: YYYY-MM-DD", key), "accessibility.%s is required", key)
			return nil
		}
		return r.date("accessibility."+key, m[key], false)
	}
	md := func(key string) []byte { return []byte(r.str("accessibility."+key, m[key])) }
	a := &Accessibility{
		Publisher:     req("publisher", "the public body that runs the site, e.g. Urząd Miasta Włocławek"),
		URL:           r.url("accessibility.url", m["url"]),
		Status:        r.enum("accessibility.status", m["status"], AccessibilityStatuses),
		NonCompliance: md("noncompliance"),
		Exemptions:    md("exemptions"),
		Auditor:       r.str("accessibility.auditor", m["auditor"]),
		Assessment:    r.url("accessibility.assessment", m["assessment"]),
		Shortcuts:     md("shortcuts"),
		Architecture:  md("architecture"),
		Communication: md("communication"),
		Apps:          md("apps"),
		URLPath:       b.site.Lang.Segment("accessibility") + "/",
	}
	if !present(m["status"]) {
		r.fieldf(v.Line, "accessibility.status", "add status: with one of "+strings.Join(AccessibilityStatuses.Values, ", "), "accessibility.status is required")
	}
	if a.Status != "" && a.Status != "zgodna" && len(a.NonCompliance) == 0 {
		r.fieldf(m["status"].Line, "accessibility.noncompliance", "list what is not accessible and why", "accessibility.status is %s, so accessibility.noncompliance is required", a.Status)
	}
	if d := day("published", true); d != nil {
		a.Published = *d
	}
	if d := day("updated", true); d != nil {
		a.Updated = *d
	}
	if d := day("prepared", true); d != nil {
		a.Prepared = *d
	}
	a.Reviewed = day("reviewed", false)
	if cm := r.mapOf("accessibility.contact", m["contact"], []string{"person", "email", "phone"}); cm != nil {
		a.Person = r.required("accessibility.contact.person", cm["person"], m["contact"].Line, "who handles accessibility requests")
		a.Email = r.required("accessibility.contact.email", cm["email"], m["contact"].Line, "an e-mail address for accessibility requests")
		a.Phone = r.required("accessibility.contact.phone", cm["phone"], m["contact"].Line, "a phone number for accessibility requests")
	} else if !present(m["contact"]) {
		r.fieldf(v.Line, "accessibility.contact", "add contact: {person: …, email: …, phone: …}", "accessibility.contact is required")
	}
	if len(a.Architecture) == 0 {
		r.fieldf(v.Line, "accessibility.architecture", "describe how the public body's buildings can be reached (entrances, lifts, parking, a sign-language interpreter on site)", "accessibility.architecture is required")
	}
	if len(a.Communication) == 0 {
		r.fieldf(v.Line, "accessibility.communication", "describe how deaf people can contact the body (e-mail, SMS, video calls with a Polish Sign Language interpreter)", "accessibility.communication is required")
	}
	return a
}
