package build

import (
	"context"
	"errors"
	"fmt"

	"github.com/ratusz/ratusz/generator/internal/content"
	"github.com/ratusz/ratusz/generator/internal/history"
)

// readsGit reports whether the site's ratusz.toml asks for its git
// history: [record] changes = "git". Git is never read by guessing that
// the folder is a repository.
func readsGit(settings *content.Value) bool {
	v := settings.Get("record").Get("changes")
	return v != nil && v.Kind == content.Scalar && v.Text == "git"
}

// startHistory starts reading the git history of the content folder, so
// that it is read while the content files load; the function it returns
// waits for it. The history is nil when there is none to read: the site
// asks for none, the content is not a folder of a git repository, or git
// failed; then warning says why, in a build's warning.
func startHistory(ctx context.Context, cfg Config, settings *content.Value) (wait func() (log *history.Log, warning string)) {
	if !readsGit(settings) {
		return func() (*history.Log, string) { return nil, "" }
	}
	at := fmt.Sprintf("%s:%d: [record] changes = \"git\"", cfg.settingsName(), settings.Get("record").Get("changes").Line)
	if cfg.contentDir == "" {
		return func() (*history.Log, string) {
			return nil, at + ": the content is not read from a folder, so it has no git history; the pages show no register of changes"
		}
	}
	type read struct {
		log *history.Log
		err error
	}
	done := make(chan read, 1)
	go func() {
		l, err := history.Read(ctx, cfg.contentDir, cfg.Cache)
		done <- read{l, err}
	}()
	return func() (*history.Log, string) {
		r := <-done
		switch {
		case r.err == nil:
			return r.log, ""
		case history.CacheNotWritten(r.err):
			return r.log, fmt.Sprintf("-cache %s: %v; the next build reads the whole git history again", cfg.Cache, r.err)
		case errors.Is(r.err, history.ErrNoRepository), errors.Is(r.err, history.ErrNoGit):
			return nil, fmt.Sprintf("%s, but %v; the pages show no register of changes: commit the site to git, or set changes = \"none\"", at, r.err)
		}
		return nil, fmt.Sprintf("%s, but its git history cannot be read (%v); the pages show no register of changes", at, r.err)
	}
}
