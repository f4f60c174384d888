package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	fs    *fsnotify.Watcher
	roots []string
}

func newWatcher(roots []string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch for changes: %w", err)
	}
	w := &watcher{fs: fw, roots: roots}
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

// run calls rebuild with the paths that changed once the watched folders
// have been quiet for a moment after a change, until ctx is done; then it
// stops watching.
func (w *watcher) run(ctx context.Context, rebuild func(changed []string), log io.Writer) {
	defer w.fs.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	changed := map[string]bool{}
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
			changed[ev.Name] = true
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
			// A folder renamed inside a watched one can lose its watch
			// (inotify reuses the descriptor); watching every folder again
			// is cheap and keeps nothing from being missed.
			for _, root := range w.roots {
				if root != "" {
					if err := w.addTree(root); err != nil {
						fmt.Fprintf(log, "ratusz: %v\n", err)
					}
				}
			}
			paths := slices.Sorted(maps.Keys(changed))
			clear(changed)
			rebuild(paths)
		}
	}
}
