package render

import (
	"path"
	"strconv"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/site"
)

// Share is what a page shared on a social site or in a messenger shows:
// its canonical address and its OpenGraph properties.
type Share struct {
	URL         string // the canonical address, and og:url
	Type        string // "article" for an entry's page, "website" for the others
	Title       string
	Description string
	SiteName    string
	Locale      string // pl_PL or en_GB
	Image       *ShareImage
}

// ShareImage is a page's og:image.
type ShareImage struct {
	URL           string // absolute
	Alt           string
	Width, Height int // 0 when not known
}

// share is what the page p shows when shared, or nil when the site's
// address has no scheme and host: a canonical address and og:url must be
// absolute. The 404 page, sent from any address, has none.
func (r *Renderer) share(p *Page) *Share {
	if p == nil || !r.base.Absolute() || p.Kind == PageNotFound {
		return nil
	}
	s := r.site
	sh := &Share{
		URL:         r.base.Abs(p.URL),
		Type:        "website",
		Title:       p.Title,
		Description: p.Summary,
		SiteName:    s.Title,
		Locale:      s.Lang.Locale(),
	}
	if p.Pager != nil && p.Pager.Number > 1 {
		sh.Title += " – " + s.Lang.T("pager.page") + " " + strconv.Itoa(p.Pager.Number)
	}
	if sh.Description == "" {
		sh.Description = s.Summary
	}
	if sh.Description == "" {
		sh.Description = s.Title
	}
	if p.Entry != nil {
		sh.Type = "article"
		if img := firstImage(p.Entry); img != nil {
			sh.Image = &ShareImage{URL: r.base.Abs(img.URL), Alt: img.Alt, Width: img.Width, Height: img.Height}
		}
	}
	if pub := s.Settings.Publisher; sh.Image == nil && pub != nil && pub.ShareImage != "" {
		// Its alt text is unknown: it need not be the herb.
		sh.Image = &ShareImage{URL: r.base.Abs(pub.ShareImage), Width: pub.ShareWidth, Height: pub.ShareHeight}
	}
	return sh
}

// firstImage is an entry's first image that social sites show: a PNG,
// JPEG, GIF or WebP, not an SVG; nil when it has none.
func firstImage(e site.Entity) *site.Image {
	m, ok := e.(*site.Meeting)
	if !ok {
		return nil
	}
	for _, img := range m.Images {
		switch strings.ToLower(path.Ext(img.URL)) {
		case ".png", ".jpg", ".jpeg", ".gif", ".webp":
			return img
		}
	}
	return nil
}
