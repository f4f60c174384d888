package servetest

import (
	"github.com/ratusz/ratusz/generator/internal/browser"
)

// The browser plumbing both browser-test packages share.
var (
	repoRoot     = browser.RepoRoot
	missing      = browser.Missing
	chromiumPath = browser.Chromium
)
