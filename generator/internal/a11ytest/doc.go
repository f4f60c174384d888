// Package a11ytest proves in a real browser that the sites ratusz writes are
// accessible. It has no code of its own: its tests build the built-in site
// and the test site (generator/testdata/site) with generator.Build,
// minified as ratusz build publishes them, serve each output folder over
// HTTP on 127.0.0.1, and check every HTML page but alias redirects:
//
//   - axe-core (node_modules/axe-core) in headless Chromium with the tags
//     wcag2a, wcag2aa, wcag21a and wcag21aa, in the light and the dark
//     colour scheme: no violation; what only its best-practice rules find
//     is logged (TestAxe);
//   - at a 320 CSS px viewport the page does not scroll sideways
//     (TestReflow320);
//   - on the home page the first Tab reaches a visible skip link to
//     main#tresc, Enter on it moves focus into main, and every element
//     that Tab reaches shows a focus outline or shadow (TestKeyboard);
//   - the Nu HTML Checker (node_modules/vnu-jar, run with java) finds no
//     error in either output folder (TestNuHTMLChecker);
//   - screenshots of the home, a city and a document page at 1280 px, at
//     320 px and in the dark scheme are PNGs as wide as the viewport, not
//     blank, with a light or a dark background as the scheme asks; they
//     are kept in the folder RATUSZ_SCREENSHOTS names, for a person to
//     look at (TestScreenshots).
//
// The search page (/szukaj/) is among the pages checked, as the reader
// first sees it. TestSearch types queries into it and checks what it finds
// (without Polish letters, by word prefix), that results lead to pages and
// that the live region announces the count with the right Polish plural;
// TestSearchResultsAxe runs axe with the results shown, in both schemes;
// BenchmarkSearchAt10000Entries times queries on the index of the
// 10,000-entry corpus against the 5 ms budget.
//
// TestChecksCatchABrokenPage runs the browser checks on a page made to
// fail each of them, so that a check that cannot fail does not pass the
// sites unnoticed.
//
// The browser is Debian's chromium: $RATUSZ_CHROMIUM, else
// /usr/bin/chromium, else chromium on $PATH; nothing is downloaded. The
// npm packages come from package.json at the repository root (`make
// node_modules`). A test whose tool is missing is skipped with a message
// that says how to install it, and fails instead when $CI is set.
package a11ytest
