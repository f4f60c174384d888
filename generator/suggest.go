package generator

import "github.com/ratusz/ratusz/generator/internal/suggest"

// DidYouMean returns the candidate that s is most likely a typo of, or ""
// when none is near enough: the "did you mean" of the command line, by
// the rule of the build's own messages.
func DidYouMean(s string, candidates []string) string {
	return suggest.Meant(s, candidates)
}
