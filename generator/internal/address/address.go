// Package address makes every address of a site from -base-url. It only
// computes strings: it reads no file and knows nothing of the site model.
//
// -base-url is an absolute URL (https://bip.gmina.pl/strategie/) or a path
// (/strategie/). A Base keeps its path, always starting and ending in "/",
// and its scheme and host, when it has them. URL is the one function that
// puts a site path ("miasta/wloclawek/", "css/ratusz.css") under the base:
// pages, layouts, redirects, feeds, calendars and the sitemap all call it,
// through Abs when they need the scheme and host too.
package address

import (
	"fmt"
	"net/url"
	"strings"
)

// Base is a parsed -base-url.
type Base struct {
	path   string // "/" or "/strategie/"
	origin string // "https://bip.gmina.pl", or "" when -base-url is a path
}

// Parse reads -base-url; "" means "/".
func Parse(raw string) (Base, error) {
	if raw == "" {
		return Base{path: "/"}, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == "") || (u.Scheme == "" && u.Host != "") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return Base{}, fmt.Errorf("%q is not a site address; give an absolute URL like https://bip.gmina.pl/strategie/ or a path like /strategie/", raw)
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	b := Base{path: p}
	if u.Host != "" {
		b.origin = u.Scheme + "://" + u.Host
	}
	return b, nil
}

// Path is the path the site is served under: "/" or "/strategie/".
func (b Base) Path() string { return b.path }

// Absolute reports whether the base has a scheme and host, so that Abs
// makes addresses another site can follow.
func (b Base) Absolute() bool { return b.origin != "" }

// Host is the host name of the base, or "" when it is a path.
func (b Base) Host() string {
	if b.origin == "" {
		return ""
	}
	u, _ := url.Parse(b.origin)
	return u.Hostname()
}

// URL is the address of the site path p under the base path:
// "miasta/wloclawek/" → "/strategie/miasta/wloclawek/".
func (b Base) URL(p string) string {
	if b.path == "" {
		b.path = "/"
	}
	return b.path + strings.TrimPrefix(p, "/")
}

// Abs is URL with the base's scheme and host in front, when it has them:
// "https://bip.gmina.pl/strategie/miasta/wloclawek/".
func (b Base) Abs(p string) string { return b.origin + b.URL(p) }
