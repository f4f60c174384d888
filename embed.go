// Package ratusz holds the built-in theme of the ratusz static site
// generator, embedded so that the binary works in a folder that has only
// content/.
package ratusz

import (
	"embed"
	"io/fs"
)

//go:embed all:layouts all:static
var theme embed.FS

// Theme returns the built-in layouts/ and static/ folders.
func Theme() fs.FS { return theme }
