package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	baseurl "github.com/ratusz/ratusz/generator/internal/address"
	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/problem"
)

// Settings are the site's ratusz.toml: whose site it is and how it is
// published (the content files say what is published). The zero Settings
// are a site without the file.
type Settings struct {
	Path string // the file, as messages name it ("ratusz.toml"); "" without one

	Title    string // the site's name: header, <title>, feeds; "" for the home page's title
	BaseURL  string // as written; "" when not given
	Language string // pl or en; "" when not given
	Timezone string // "" when not given

	Publisher  *Publisher // nil when not given
	Funding    []Funding
	Record     RecordDefaults
	CMS        *CMS        // nil: no editing panel
	EasyToRead *EasyToRead // nil when not given
}

// Publisher is the public body that publishes the site.
type Publisher struct {
	Name, Address, Email, Phone string
	EPUAP                       string // the ePUAP inbox address
	BIP, Website                string // addresses of its Biuletyn Informacji Publicznej and site
	Logo, LogoAlt               string // its herb, under static/, and the herb's text
	ShareImage                  string // a PNG or JPEG under static/ for og:image
	ShareWidth, ShareHeight     int    // its size in pixels, when known
}

// Funding is one funding mark shown in every page's footer.
type Funding struct {
	Image string // under static/
	Alt   string
	URL   string // "" when none
}

// RecordDefaults are the defaults of every entry's record (metryczka).
type RecordDefaults struct {
	ProducedBy, Responsible, PublishedBy string
	Changes                              string // "git" or "none"
}

// CMS says which editing panel /admin/ offers.
type CMS struct {
	Backend, Repo, Branch, Script string
}

// EasyToRead links the easy-to-read text (ETR) and the Polish Sign
// Language (PJM) video from every page's footer.
type EasyToRead struct {
	ETR      string // a content file, "content/pages/informacje-etr.md"
	Page     Entity // the entry read from ETR
	PJMVideo string

	etrLine int
}

// The keys of ratusz.toml and of its tables.
var (
	settingsKeys  = []string{"title", "base_url", "language", "timezone", "publisher", "funding", "record", "accessibility", "cms", "easy_to_read"}
	publisherKeys = []string{"name", "address", "email", "phone", "epuap", "bip", "website", "logo", "logo_alt", "share_image"}
	fundingKeys   = []string{"image", "alt", "url"}
	recordKeys    = []string{"produced_by", "responsible", "published_by", "changes"}
	cmsKeys       = []string{"backend", "repo", "branch", "script"}
	etrKeys       = []string{"etr", "pjm_video"}
)

// The values some keys of ratusz.toml take.
var (
	siteLanguages = Vocabulary{Name: "a language of ratusz", Values: []string{"pl", "en"}}
	recordChanges = Vocabulary{Name: "a way to keep the register of changes", Values: []string{"none", "git"}}
	cmsBackends   = Vocabulary{Name: "a backend of the editing panel", Values: []string{"github", "gitlab", "gitea", "git-gateway"}}
)

// settings reads ratusz.toml, v, into s.Settings, with every problem at
// its line; it returns the values of its keys that the content's
// _index.md may give too (language, timezone, accessibility), by name.
func (b *builder) settings(v *content.Value) map[string]*content.Value {
	st := &b.site.Settings
	st.Path = b.o.SettingsPath
	r := &reader{path: st.Path, top: 1, zone: b.site.Zone, errs: &b.errs, settings: true}
	m := r.fields(v, "", settingsKeys)
	st.Title = r.str("title", m["title"])
	st.BaseURL = r.str("base_url", m["base_url"])
	if st.BaseURL != "" {
		if err := baseurl.Check(st.BaseURL); err != nil {
			msg, hint, _ := strings.Cut(err.Error(), "; ")
			r.fieldf(m["base_url"].Line, "base_url", hint, "base_url %s", msg)
			st.BaseURL = ""
		}
	}
	st.Language = r.enum("language", m["language"], siteLanguages)
	st.Timezone = r.str("timezone", m["timezone"])
	if p := r.mapOf("publisher", m["publisher"], publisherKeys); p != nil {
		st.Publisher = &Publisher{
			Name:    requiredSetting(r, "publisher.name", p["name"], m["publisher"].Line, `"Urząd Gminy …"`),
			Address: r.str("publisher.address", p["address"]), Email: r.str("publisher.email", p["email"]),
			Phone: r.str("publisher.phone", p["phone"]), EPUAP: r.str("publisher.epuap", p["epuap"]),
			BIP: r.url("publisher.bip", p["bip"]), Website: r.url("publisher.website", p["website"]),
			Logo: b.staticFile(r, "publisher.logo", p["logo"], nil), LogoAlt: r.str("publisher.logo_alt", p["logo_alt"]),
			ShareImage: b.staticFile(r, "publisher.share_image", p["share_image"], []string{".png", ".jpg", ".jpeg"}),
		}
		b.shareSize(r, p["share_image"], st.Publisher)
		if st.Publisher.Logo != "" && st.Publisher.LogoAlt == "" {
			r.fieldf(p["logo"].Line, "publisher.logo_alt", `describe the herb, like logo_alt = "Herb Gminy Jabłonowo Pomorskie"`, "publisher.logo_alt is required with publisher.logo")
		}
	}
	for i, it := range r.list("funding", m["funding"], false) {
		key := fmt.Sprintf("funding[%d]", i+1)
		f := r.mapOf(key, it, fundingKeys)
		if f == nil {
			continue
		}
		st.Funding = append(st.Funding, Funding{
			Image: b.staticFile(r, key+".image", f["image"], nil),
			Alt:   requiredSetting(r, key+".alt", f["alt"], it.Line, `"Fundusze Europejskie …, Rzeczpospolita Polska, Dofinansowane przez Unię Europejską"`),
			URL:   r.url(key+".url", f["url"]),
		})
		if !present(f["image"]) {
			r.fieldf(it.Line, key+".image", "add image = \"…\" with the mark's file under static/", "%s.image is required", key)
		}
	}
	if rec := r.mapOf("record", m["record"], recordKeys); rec != nil {
		st.Record = RecordDefaults{
			ProducedBy: r.str("record.produced_by", rec["produced_by"]), Responsible: r.str("record.responsible", rec["responsible"]),
			PublishedBy: r.str("record.published_by", rec["published_by"]), Changes: r.enum("record.changes", rec["changes"], recordChanges),
		}
	}
	if st.Record.Changes == "" {
		st.Record.Changes = "none"
	}
	if c := r.mapOf("cms", m["cms"], cmsKeys); c != nil {
		st.CMS = &CMS{
			Backend: r.enum("cms.backend", c["backend"], cmsBackends), Repo: r.str("cms.repo", c["repo"]),
			Branch: r.str("cms.branch", c["branch"]), Script: r.url("cms.script", c["script"]),
		}
		if st.CMS.Branch == "" {
			st.CMS.Branch = "main"
		}
	}
	if e := r.mapOf("easy_to_read", m["easy_to_read"], etrKeys); e != nil {
		st.EasyToRead = &EasyToRead{ETR: r.str("easy_to_read.etr", e["etr"]), PJMVideo: r.url("easy_to_read.pjm_video", e["pjm_video"])}
		if v := e["etr"]; present(v) {
			st.EasyToRead.etrLine = v.Line
		}
	}
	return map[string]*content.Value{"language": m["language"], "timezone": m["timezone"], "accessibility": m["accessibility"]}
}

// easyToRead finds the entry the easy-to-read text of ratusz.toml names,
// once every entry is read.
func (b *builder) easyToRead() {
	e := b.site.Settings.EasyToRead
	if e == nil || e.ETR == "" {
		return
	}
	// The path is from the site's folder, where ratusz.toml is: the content
	// folder as the build names it, or its name alone when the build was
	// given it by a longer path.
	p := strings.TrimPrefix(e.ETR, b.site.dir+"/")
	if b.site.dir != "" {
		p = strings.TrimPrefix(p, path.Base(b.site.dir)+"/")
	}
	for _, x := range b.site.Entities() {
		if x.E().Path == p {
			e.Page = x
			return
		}
	}
	b.errs.Add(&problem.Problem{Path: b.site.Settings.Path, Line: e.etrLine, Field: "easy_to_read.etr",
		Msg: fmt.Sprintf("easy_to_read.etr: %q is no published entry", e.ETR), Hint: "name a page's file, like content/pages/informacje-etr.md"})
}

// requiredSetting reads a text of ratusz.toml that must be there, at line
// when it is not, which example shows how to write.
func requiredSetting(r *reader, key string, v *content.Value, line int, example string) string {
	if !present(v) {
		r.fieldf(line, key, fmt.Sprintf("add %s = %s", lastKey(key), example), "%s is required", key)
		return ""
	}
	return r.str(key, v)
}

// shareSize reads the size of the publisher's share_image, which must be
// an image; one that social sites would not show, for being too small,
// is a warning.
func (b *builder) shareSize(r *reader, v *content.Value, p *Publisher) {
	if p.ShareImage == "" || b.o.ImageSize == nil {
		return
	}
	w, h, err := b.o.ImageSize("static", p.ShareImage)
	if err != nil {
		r.fieldf(v.Line, "publisher.share_image", "save it again as a PNG or JPEG, 1200×630 px", "publisher.share_image: cannot read the size of %q: %v", p.ShareImage, err)
		p.ShareImage = ""
		return
	}
	p.ShareWidth, p.ShareHeight = w, h
	if w < 200 || h < 200 {
		b.site.Warnings = append(b.site.Warnings, fmt.Sprintf("%s:%d: publisher.share_image %q is %d×%d px, and social sites show no image smaller than 200×200; use one of 1200×630 px", r.path, v.Line, p.ShareImage, w, h))
	}
}

// staticFile reads the name of a file under static/, which must be there
// and end in one of exts (any, when exts is nil).
func (b *builder) staticFile(r *reader, key string, v *content.Value, exts []string) string {
	name := strings.TrimPrefix(r.str(key, v), "/")
	if name == "" {
		return ""
	}
	if ext := strings.ToLower(path.Ext(name)); exts != nil && !slices.Contains(exts, ext) {
		r.fieldf(v.Line, key, "social sites do not show SVG; save it as PNG or JPEG, 1200×630 px", "%s: %q is not a PNG or JPEG image", key, name)
		return ""
	}
	if _, ok := b.o.Static[name]; !ok {
		r.fieldf(v.Line, key, "put the file in static/ or fix the name", "%s: file %q not found in static/", key, name)
		return ""
	}
	return name
}
