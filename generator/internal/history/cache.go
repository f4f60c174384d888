package history

import (
	"encoding/gob"
	"os"
	"path/filepath"
)

// cacheName is the log's file in the cache folder.
const cacheName = "history.gob"

// cacheFormat names the cache file's format: a file of another format, or
// of another content folder, is not used.
const cacheFormat = "ratusz history 1"

// kept is the cache file's content.
type kept struct {
	Format string
	Prefix string // the content folder's place in the repository
	Log    Log
}

// load returns the log kept in the folder cache for the content folder at
// prefix, or nil when there is none that can be used: no cache, a file
// that cannot be read, another format or another folder. Such a file is
// replaced by the next save.
func load(cache, prefix string) *Log {
	if cache == "" {
		return nil
	}
	f, err := os.Open(filepath.Join(cache, cacheName))
	if err != nil {
		return nil
	}
	defer f.Close()
	var k kept
	if err := gob.NewDecoder(f).Decode(&k); err != nil || k.Format != cacheFormat || k.Prefix != prefix || k.Log.Head == "" {
		return nil
	}
	if k.Log.Files == nil {
		k.Log.Files = map[string][]Change{}
	}
	return &k.Log
}

// save keeps l in the folder cache, making it if needed; the file is
// replaced whole, so that a build stopped while saving leaves the old one
// or the new one.
func save(cache, prefix string, l *Log) error {
	if cache == "" {
		return nil
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(cache, cacheName+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := gob.NewEncoder(tmp).Encode(kept{Format: cacheFormat, Prefix: prefix, Log: *l}); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(cache, cacheName))
}
