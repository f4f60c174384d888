package generator

import (
	"context"
	"errors"
	"time"

	"github.com/ratusz/ratusz/generator/internal/scaffold"
)

// A NewEntry asks Scaffold for a new content file.
type NewEntry struct {
	Kind  string    // a kind ("document") or its folder ("documents")
	Name  string    // a slug, or any text to make one from, which then also serves as the title
	Title string    // the title; "" for Name, or one made from the slug
	Today time.Time // the date a meeting scaffold starts on; zero for today
}

// NewKinds lists the kinds `ratusz new` accepts.
func NewKinds() []string { return scaffold.Kinds() }

// Scaffold returns the path (relative to the content folder) and text of a
// new content file that builds as it is, as package scaffold writes it; it
// reads the content folder and writes nothing. An unknown kind or a name
// with nothing to make a slug from is a *UsageError.
func Scaffold(ctx context.Context, contentDir string, e NewEntry) (rel, text string, err error) {
	rel, text, err = scaffold.New(ctx, contentDir, scaffold.Entry(e))
	if u := (*scaffold.UsageError)(nil); errors.As(err, &u) {
		return "", "", &UsageError{u.Err}
	}
	return rel, text, err
}
