// Command ratusz builds a municipal strategy site from a content folder.
//
//	ratusz build   [-content DIR] [-layouts DIR] [-static DIR] [-out DIR]
//	               [-base-url URL] [-drafts] [-future] [-now DATE] [-quiet]
//	ratusz serve   (the flags of build, but -out) [-addr HOST:PORT] [-open]
//	ratusz check   (the flags of build, but -out) [-external]
//	ratusz new     KIND SLUG [-title "…"]
//	ratusz version
//	ratusz help    [COMMAND]
//
// Exit status: 0 built; 1 content or layout errors, each printed as
// path:line: message; 2 bad usage. An unknown command or flag names the
// closest one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/ratusz/ratusz/generator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// A command is one of ratusz's commands.
type command struct {
	name     string
	synopsis string // what follows "ratusz " in a usage line
	summary  string // one line, for the list of commands
	about    string // what `ratusz help NAME` says before the flags
	run      func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands lists the commands in the order help shows them.
func commands() []command {
	return []command{
		{"build", "build [flags]", "build the site into -out (default public)",
			"Reads, checks and renders the site, then replaces -out with it. On any\nerror nothing is written and the previous output stays as it was.", cmdBuild},
		{"serve", "serve [flags]", "build in memory and serve on -addr",
			"Builds the site in memory, serves it on -addr and rebuilds it when a\nfile changes. Nothing is written to disk.", cmdServe},
		{"check", "check [flags]", "validate and render everything, write nothing",
			"Does everything build does except write. -external also requests every\nlink to another site.", cmdCheck},
		{"new", "new KIND SLUG [-title \"…\"]", "start content/KIND/SLUG.md",
			"Writes content/KIND/SLUG.md with the keys its kind needs, as a draft that\nbuilds as it is. SLUG may be any text; it is made a slug, and the title.\nKIND is one of " + strings.Join(generator.NewKinds(), ", ") + ".", cmdNew},
		{"version", "version", "print the version",
			"Prints the module version, or the revision and date of the source it\nwas built from.", cmdVersion},
		{"help", "help [COMMAND]", "print this text, or a command's flags",
			"Prints the list of commands, or what a command does and its flags.", cmdHelp},
	}
}

// usage is the text of `ratusz help`.
func usage() string {
	var b strings.Builder
	b.WriteString("ratusz builds a municipal strategy site from a content folder.\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  ratusz %-32s %s\n", c.synopsis, c.summary)
	}
	b.WriteString("\nRun 'ratusz help COMMAND' for what a command does and its flags.\n")
	return b.String()
}

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
		fmt.Fprint(stderr, usage())
		return 2
	}
	var err error
	switch name := args[0]; name {
	case "-version", "--version":
		err = cmdVersion(ctx, args[1:], stdout, stderr)
	case "-h", "-help", "--help":
		err = cmdHelp(ctx, args[1:], stdout, stderr)
	default:
		c, ok := lookup(name)
		if !ok {
			err = unknownCommand(name, "")
			break
		}
		err = c.run(ctx, args[1:], stdout, stderr)
	}
	if err == nil || errors.Is(err, flag.ErrHelp) {
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

// lookup finds a command by name.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// unknownCommand is the usage error for a command that is not there,
// naming the closest one; where is "" or "help: ".
func unknownCommand(name, where string) error {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if c := generator.DidYouMean(name, names); c != "" {
		return usageErr("%sunknown command %q; did you mean %q?\nRun 'ratusz help' for the list of commands.", where, name, c)
	}
	return usageErr("%sunknown command %q; the commands are %s\nRun 'ratusz help' for what they do.", where, name, strings.Join(names, ", "))
}

// cmdHelp prints the list of commands, or one command's help.
func cmdHelp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, usage())
		return nil
	case len(args) > 1:
		return usageErr("help: give one command, not %d: ratusz help COMMAND", len(args))
	}
	c, ok := lookup(args[0])
	switch {
	case !ok:
		return unknownCommand(args[0], "help: ")
	case c.name == "help":
		printHelp(stdout, c, nil)
		return nil
	}
	return c.run(ctx, []string{"-h"}, stdout, stderr)
}

// printHelp prints a command's usage line, what it does and its flags.
func printHelp(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: ratusz %s\n\n%s\n", c.synopsis, c.about)
	if fs == nil {
		return
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprint(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// newFlagSet makes the flags of the command name. The flag package prints
// nothing: parse reports errors, and prints the help for -h.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses a command's flags. -h prints the command's help to stdout
// and returns flag.ErrHelp; a mistake is a usage error that names the
// closest flag. It returns the flags given.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (map[string]bool, error) {
	if err := parseFlags(fs, args, stdout); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, usageErr("%s: unexpected argument %q\nRun 'ratusz help %s' for its usage.", fs.Name(), fs.Arg(0), fs.Name())
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set, nil
}

// parseFlags is fs.Parse with parse's help and errors.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		c, _ := lookup(fs.Name())
		printHelp(stdout, c, fs)
		return err
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = "unknown flag -" + name
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if c := generator.DidYouMean(name, names); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", "-"+c)
		}
	}
	return usageErr("%s: %s\nRun 'ratusz help %s' for its flags.", fs.Name(), msg, fs.Name())
}
