// Command ratusz-corpus writes a synthetic ratusz site: DIR/content with
// the given number of entries, the same for the same seed.
//
//	ratusz-corpus [-n 10000] [-seed 1] [-git-commits 0] -out DIR
//
// DIR must be empty or not exist; afterwards `ratusz build` works in it.
// With -git-commits N, DIR is also a git repository with N commits for
// every content file (corpus.WriteHistory), for measuring the register of
// changes ([record] changes = "git").
// Exit status: 0 written, 1 on errors, 2 on bad usage.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ratusz/ratusz/bench/corpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ratusz-corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 10000, "number of content entries, all kinds together")
	seed := fs.Int64("seed", 1, "seed; the same seed and -n give the same files")
	out := fs.String("out", "", "site folder to write content/ into (empty or new)")
	commits := fs.Int("git-commits", 0, "make the folder a git repository with this many commits for every content file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ratusz-corpus [-n N] [-seed S] [-git-commits C] -out DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "ratusz-corpus: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "ratusz-corpus: -out is required")
		fs.Usage()
		return 2
	case *n < corpus.MinEntries:
		fmt.Fprintf(stderr, "ratusz-corpus: -n must be at least %d\n", corpus.MinEntries)
		return 2
	}
	files, err := corpus.Write(*out, corpus.Options{Entries: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintf(stderr, "ratusz-corpus: %v\n", err)
		return 1
	}
	if *commits > 0 {
		if err := corpus.WriteHistory(*out, *commits); err != nil {
			fmt.Fprintf(stderr, "ratusz-corpus: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%d commits in %s/.git\n", files**commits, *out)
	}
	c := corpus.CountsFor(*n)
	fmt.Fprintf(stdout, "%d files in %s/content: %d cities, %d programmes, %d organisations, %d partnerships, %d documents, %d meetings, %d pages\n",
		files, *out, c.Cities, c.Programmes, c.Organisations, c.Partnerships, c.Documents, c.Meetings, c.Pages)
	return 0
}
