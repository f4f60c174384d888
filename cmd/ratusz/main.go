// Command ratusz builds a municipal strategy site from a content folder.
//
//	ratusz build  [-content DIR] [-layouts DIR] [-static DIR] [-out DIR]
//	              [-base-url URL] [-drafts] [-future] [-now DATE] [-quiet]
//	ratusz serve  (the flags of build, but -out) [-addr HOST:PORT] [-open]
//	ratusz check  (the flags of build, but -out)
//	ratusz new    KIND SLUG [-title "…"]
//	ratusz version
//
// Exit status: 0 built; 1 content or layout errors, each printed as
// path:line: message; 2 bad usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `ratusz builds a municipal strategy site from a content folder.

Usage:
  ratusz build   [flags]          build the site into -out (default public)
  ratusz serve   [flags]          build in memory and serve on -addr
  ratusz check   [flags]          validate and render everything, write nothing
  ratusz new     KIND SLUG [-title "…"]   start content/KIND/SLUG.md
  ratusz version                  print the version

Run 'ratusz build -h' for the flags.
`

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, args ...any) error {
	return &exitError{2, fmt.Errorf(format, args...)}
}

// run is main without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = cmdBuild(ctx, args[1:], stdout, stderr)
	case "check":
		err = cmdCheck(ctx, args[1:], stdout, stderr)
	case "serve":
		err = cmdServe(ctx, args[1:], stdout, stderr)
	case "new":
		err = cmdNew(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "ratusz", version())
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "ratusz: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintf(stderr, "ratusz: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "ratusz: %v\n", err)
	return 1
}
