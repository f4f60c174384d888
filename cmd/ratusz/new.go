package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// cmdNew writes a new content file with the keys its kind needs, one that
// builds as it is.
func cmdNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("new")
	title := fset.String("title", "", "the entry's `title` (default: made from SLUG)")
	contentDir := fset.String("content", "content", "the content `folder`")
	var pos []string
	for {
		if err := parseFlags(fset, args, stdout); err != nil {
			return err
		}
		if fset.NArg() == 0 {
			break
		}
		pos = append(pos, fset.Arg(0))
		args = fset.Args()[1:]
	}
	if len(pos) != 2 {
		return usageErr("new: usage: ratusz new KIND SLUG [-title \"…\"]; KIND is one of %s", strings.Join(generator.NewKinds(), ", "))
	}
	warsaw, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		return err
	}
	rel, text, err := generator.Scaffold(ctx, *contentDir, generator.NewEntry{Kind: pos[0], Name: pos[1], Title: *title, Today: time.Now().In(warsaw)})
	if generator.IsUsage(err) {
		return &exitError{2, err}
	} else if err != nil {
		return err
	}
	p := filepath.Join(*contentDir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err == nil {
		return &exitError{1, fmt.Errorf("%s already exists; choose another slug", p)}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, p)
	return nil
}
