// Package ratusz holds the built-in theme of the ratusz static site
// generator, embedded so that the binary works in a folder that has only
// content/.
package ratusz

import (
	"embed"
	"io/fs"
)

//go:embed all:layouts all:static/css all:static/js
var theme embed.FS

// Theme returns the built-in layouts/ and static/ folders: the theme's
// stylesheets and scripts. The other files of static/ (the example herb
// and funding mark) are the built-in example site's own, not the theme's.
func Theme() fs.FS { return theme }
