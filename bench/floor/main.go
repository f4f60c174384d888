// Command floor is the floor `make bench` measures ratusz against: the
// least any generator must do with a content tree. It reads every
// Markdown file, drops its front matter, renders the body with goldmark
// (GitHub-flavoured: tables, autolinks) and writes it as OUT/PATH/index.html,
// on as many goroutines as there are CPUs. No layouts, no lists, no
// references.
//
//	go run ./bench/floor -content DIR -out DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	contentDir := flag.String("content", "content", "the content `folder`")
	out := flag.String("out", "", "the output `folder`; replaced")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "floor: -out is required")
		os.Exit(2)
	}
	n, err := run(*contentDir, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "floor: wrote %d pages\n", n)
}

func run(contentDir, out string) (int, error) {
	if err := os.RemoveAll(out); err != nil {
		return 0, err
	}
	fsys := os.DirFS(contentDir)
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	jobs := make(chan string)
	errs := make(chan error, len(paths))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range jobs {
				buf.Reset()
				if err := page(fsys, md, p, out, &buf); err != nil {
					errs <- fmt.Errorf("%s: %w", p, err)
				}
			}
		}()
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return 0, err
	}
	return len(paths), nil
}

// page renders the Markdown file p into out.
func page(fsys fs.FS, md goldmark.Markdown, p, out string, buf *bytes.Buffer) error {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return err
	}
	if err := md.Convert(body(data), buf); err != nil {
		return err
	}
	dir := filepath.Join(out, filepath.FromSlash(strings.TrimSuffix(p, path.Ext(p))))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}

// body is data without its front matter: the lines between a first line
// of --- or +++ and the next such line.
func body(data []byte) []byte {
	for _, delim := range []string{"---\n", "+++\n"} {
		if rest, ok := bytes.CutPrefix(data, []byte(delim)); ok {
			if _, after, ok := bytes.Cut(rest, []byte("\n"+delim)); ok {
				return after
			}
		}
	}
	return data
}
