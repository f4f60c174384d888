// Package suggest finds what an editor most likely meant by a name that
// is not there: the "did you mean" of error messages. It compares strings
// only, and knows no kind, key or file.
package suggest

import "strings"

// Nearest returns the candidate at the smallest edit distance from s, the
// first of them in candidates' order among equals, however far; "" when
// there is no candidate.
func Nearest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		if d := Distance(s, c); bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Meant returns the candidate that s is most likely a typo or a
// shortening of, or "" when none is near enough: the nearest candidate,
// if it is Likely or one of the two starts with the other.
func Meant(s string, candidates []string) string {
	c := Nearest(s, candidates)
	if c == "" || s == "" {
		return ""
	}
	if Likely(s, c) || strings.HasPrefix(c, s) || strings.HasPrefix(s, c) {
		return c
	}
	return ""
}

// Likely reports whether c is near enough to s to be a typo of it: at most
// a third of its letters (and at least two) differ.
func Likely(s, c string) bool {
	return Distance(s, c) <= max(2, len([]rune(s))/3)
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
