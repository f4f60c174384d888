// Package history reads the register of changes of a site's content from
// its git repository: for every file, the commits that changed it, newest
// first. It runs one `git log` for the whole repository, never one per
// file, and with a cache folder it keeps what it read, so that the next
// build asks git only for the commits made since.
//
// It is read only when a site asks for it (ratusz.toml's
// [record] changes = "git"): history is input like the files, and the same
// commits give the same log wherever the repository is cloned.
package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// Change is one commit that changed a file.
type Change struct {
	Time    time.Time // the author's date
	Author  string    // the author's name (the email is not published)
	Subject string    // the first line of the commit message
}

// Log is the history of a content folder.
type Log struct {
	// Head is the commit the log was read at.
	Head string

	// Files are the commits that changed each file, newest first, by its
	// path relative to the content folder ("documents/lsr.md"). A file
	// that is not committed has none. A renamed file's history starts at
	// its rename, as `git log --no-renames` sees it.
	Files map[string][]Change
}

// Added is the date of the commit that added the file p, or nil when p
// has no commit.
func (l *Log) Added(p string) *time.Time {
	if l == nil {
		return nil
	}
	ch := l.Files[p]
	if len(ch) == 0 {
		return nil
	}
	return &ch[len(ch)-1].Time
}

// Read's errors that say the site has no history to read.
var (
	ErrNoRepository = errors.New("not in a git repository")
	ErrNoGit        = errors.New("git is not installed")
)

// Read reads the history of the content folder dir from the repository it
// is in. With cache not "", it keeps the log in that folder (Cache) and
// reads from git only the commits that are not in it. An error that wraps
// ErrNoRepository or ErrNoGit says the site has no history to read; any
// other, that git failed.
func Read(ctx context.Context, dir, cache string) (*Log, error) {
	prefix, head, err := where(ctx, dir)
	if err != nil || head == "" {
		return &Log{Files: map[string][]Change{}}, err
	}
	kept := load(cache, prefix)
	var since string
	switch {
	case kept != nil && kept.Head == head:
		return kept, nil
	case kept != nil && ancestor(ctx, dir, kept.Head, head):
		since = kept.Head
	default:
		kept = nil
	}
	l, err := read(ctx, dir, prefix, head, since)
	if err != nil {
		return nil, err
	}
	if kept != nil {
		for p, ch := range kept.Files {
			l.Files[p] = append(l.Files[p], ch...)
		}
	}
	if err := save(cache, prefix, l); err != nil {
		return l, fmt.Errorf("%w: %v", errCacheNotWritten, err)
	}
	return l, nil
}

// errCacheNotWritten wraps an error that kept the cache from being
// written: the log read is whole, and the next build reads it again.
var errCacheNotWritten = errors.New("the history cache was not written")

// CacheNotWritten reports whether err says only that the cache could not
// be written, while the log returned with it is whole.
func CacheNotWritten(err error) bool { return errors.Is(err, errCacheNotWritten) }

// git runs git in dir with args, with settings that make its output the
// same whatever the user's configuration, and returns its standard output.
func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{
		"-C", dir,
		"-c", "log.showRoot=true", "-c", "log.showSignature=false", "-c", "core.quotePath=false",
	}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, ErrNoGit
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], firstLine(msg))
	}
	return out, nil
}

// where finds dir's place in its repository, as the path prefix of the
// files in it ("content/", or "" at the top), and the commit HEAD names,
// "" in a repository with no commit yet.
func where(ctx context.Context, dir string) (prefix, head string, err error) {
	out, err := git(ctx, dir, "rev-parse", "--is-inside-work-tree", "--show-prefix")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return "", "", fmt.Errorf("%s is %w", dir, ErrNoRepository)
		}
		return "", "", err
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] != "true" {
		return "", "", fmt.Errorf("%s is %w (it is not in a work tree)", dir, ErrNoRepository)
	}
	if len(lines) > 1 {
		prefix = lines[1]
	}
	out, err = git(ctx, dir, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
	if err != nil {
		return prefix, "", nil // no commit yet: an empty history
	}
	return prefix, strings.TrimSpace(string(out)), nil
}

// ancestor reports whether the commit old is an ancestor of head, so that
// a log kept at old holds the history before head's new commits.
func ancestor(ctx context.Context, dir, old, head string) bool {
	_, err := git(ctx, dir, "merge-base", "--is-ancestor", old, head)
	return err == nil
}

// The separators of the log's records: a commit starts with recordSep,
// and its fields are split by fieldSep.
const (
	recordSep = "\x1e"
	fieldSep  = "\x1f"
)

// read runs the one `git log` of a build: the commits from head back, or
// back to since when it is not "", with the files each changed.
func read(ctx context.Context, dir, prefix, head, since string) (*Log, error) {
	rev := head
	if since != "" {
		rev = since + ".." + head
	}
	out, err := git(ctx, dir, "log", "--no-renames", "--no-merges", "--encoding=UTF-8", "-z", "--name-only",
		"--format="+recordSep+"%aI"+fieldSep+"%an"+fieldSep+"%s", rev, "--")
	if err != nil {
		return nil, err
	}
	return parse(out, prefix, head)
}

// parse reads the output of read's git log: for each commit, recordSep,
// the author's date, name and the subject split by fieldSep, a NUL, and
// the paths it changed, each ended by a NUL. Paths outside prefix are not
// the content's.
func parse(out []byte, prefix, head string) (*Log, error) {
	l := &Log{Head: head, Files: map[string][]Change{}}
	for len(out) > 0 {
		var rec []byte
		rec, out, _ = bytes.Cut(out, []byte(recordSep))
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		header, files, _ := bytes.Cut(rec, []byte{0})
		fields := strings.SplitN(string(header), fieldSep, 3)
		if len(fields) != 3 {
			return nil, fmt.Errorf("git log: cannot read the commit %q", firstLine(string(header)))
		}
		t, err := time.Parse(time.RFC3339, fields[0])
		if err != nil {
			return nil, fmt.Errorf("git log: cannot read the date of the commit %q: %v", fields[2], err)
		}
		c := Change{Time: t, Author: fields[1], Subject: fields[2]}
		for _, f := range bytes.Split(files, []byte{0}) {
			p := string(bytes.TrimLeft(f, "\n"))
			if p == "" || !strings.HasPrefix(p, prefix) {
				continue
			}
			p = p[len(prefix):]
			l.Files[p] = append(l.Files[p], c)
		}
	}
	return l, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
