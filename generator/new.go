package generator

import (
	"context"
	"errors"

	"github.com/ratusz/ratusz/generator/internal/scaffold"
)

// A NewEntry asks Scaffold for a new content file: its Kind ("document"
// or its folder, "documents"), its Name (a slug, or any text to make one
// from, which then also serves as the title), its Title ("" for Name, or
// one made from the slug) and Today (the day a meeting scaffold starts
// on; zero for today).
type NewEntry = scaffold.Entry

// NewKinds lists the kinds `ratusz new` accepts.
func NewKinds() []string { return scaffold.Kinds() }

// Scaffold returns the path (relative to the content folder) and text of a
// new content file that builds as it is, as package scaffold writes it; it
// reads the content folder and writes nothing. An unknown kind or a name
// with nothing to make a slug from is a *UsageError.
func Scaffold(ctx context.Context, contentDir string, e NewEntry) (rel, text string, err error) {
	rel, text, err = scaffold.New(ctx, contentDir, e)
	if u := (*scaffold.UsageError)(nil); errors.As(err, &u) {
		return "", "", &UsageError{Err: u.Err}
	}
	return rel, text, err
}
