package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/ratusz/ratusz/generator/internal/content"
)

// quiet is how long the sources must stay unchanged before a rebuild.
// Editors save in several steps — write a temporary file and rename it over
// the old one, write then chmod, touch a swap file — and all of them
// collapse into one rebuild.
const quiet = 60 * time.Millisecond

// watcher watches folders and the folders created inside them.
type watcher struct {
	fs *fsnotify.Watcher
}

func newWatcher(roots []string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch for changes: %w", err)
	}
	w := &watcher{fs: fw}
	for _, root := range roots {
		if root == "" {
			continue
		}
		if err := w.addTree(root); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && content.Ignored(p, true) {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil {
			return fmt.Errorf("cannot watch %s: %w", p, err)
		}
		return nil
	})
}

// run calls rebuild once the watched folders have been quiet for a moment
// after a change, until ctx is done; then it stops watching.
func (w *watcher) run(ctx context.Context, rebuild func(), log io.Writer) {
	defer w.fs.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if content.Ignored(ev.Name, false) {
				continue // an editor's swap or backup file
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := w.addTree(ev.Name); err != nil {
						fmt.Fprintf(log, "ratusz: %v\n", err)
					}
				}
			}
			timer.Reset(quiet)
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(log, "ratusz: watching: %v\n", err)
		case <-timer.C:
			rebuild()
		}
	}
}
