package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

func cmdVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("version")
	if _, err := parse(fs, args, stdout); err != nil {
		return err
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, "ratusz", formatVersion(bi))
	return nil
}

// formatVersion says which ratusz this is, from the build information Go
// stamps into a binary: the module version ("v1.2.0", or a pseudo-version
// that names the commit), followed by the commit and its date when the
// version does not name them; for a build from a working tree, whose
// version is "(devel)", the commit (12 digits) and its date, "+dirty" when
// the tree had changes. With neither, "devel".
//
//	v1.2.0
//	v0.0.0-20260501100000-1a2b3c4d5e6f+dirty
//	1a2b3c4d5e6f+dirty (2026-05-01T10:00:00Z)
func formatVersion(bi *debug.BuildInfo) string {
	version := "devel"
	if bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
	}
	var rev, date string
	dirty := false
	if bi != nil {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				date = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if rev == "" {
		return version
	}
	rev = rev[:min(len(rev), 12)]
	if dirty {
		rev += "+dirty"
	}
	if date != "" {
		rev += " (" + date + ")"
	}
	switch {
	case version == "devel":
		return rev
	case strings.Contains(version, strings.TrimSuffix(strings.Fields(rev)[0], "+dirty")):
		return version // a pseudo-version names the commit already
	}
	return version + " " + rev
}
