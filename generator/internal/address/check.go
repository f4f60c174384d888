package address

import (
	"fmt"
	"slices"
	"strings"
)

// Check refuses a base URL that is neither an absolute URL nor a path:
// "bip.gmina.pl/strategie" would otherwise be taken for the path
// /bip.gmina.pl/strategie/. Its message suggests what was meant, after
// "; ". Parse checks the rest.
func Check(raw string) error {
	if raw == "" || strings.HasPrefix(raw, "/") || strings.Contains(raw, "://") {
		return nil
	}
	msg := fmt.Sprintf("%q is neither an absolute URL (with https://) nor a path (starting with /)", raw)
	if s := guess(raw); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	return fmt.Errorf("%s", msg)
}

// guess guesses what a base URL without a scheme or leading slash meant:
// an address when it starts with a host name ("bip.gmina.pl/strategie" →
// "https://bip.gmina.pl/strategie/"), else a path ("strategie" →
// "/strategie/"); "" when it is neither.
func guess(raw string) string {
	dots := func(seg string) bool { return seg == "." || seg == ".." }
	if strings.ContainsAny(raw, "?#@\\ ") || slices.ContainsFunc(strings.Split(raw, "/"), dots) {
		return ""
	}
	host, rest, _ := strings.Cut(raw, "/")
	tail := "/"
	if rest = strings.Trim(rest, "/"); rest != "" {
		tail = "/" + rest + "/"
	}
	name, port, hasPort := strings.Cut(host, ":")
	if hasPort && (port == "" || strings.Trim(port, "0123456789") != "") {
		return ""
	}
	switch {
	case name == "localhost":
		return "http://" + host + tail
	case isHostName(name):
		return "https://" + strings.ToLower(host) + tail
	case hasPort:
		return ""
	}
	return "/" + strings.Trim(raw, "/") + "/"
}

// isHostName reports whether s looks like a domain name: letters, digits,
// hyphens and inner dots, at least one dot.
func isHostName(s string) bool {
	if !strings.Contains(s, ".") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}
