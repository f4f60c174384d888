// Package servetest proves in a real browser that `ratusz serve` shows
// edits without the editor reloading the page. It has no code of its own:
// its test copies the test site (generator/testdata/site) into a temporary
// folder, runs generator.Serve on a free loopback port and, in headless
// Chromium:
//
//   - opens a document page, edits its Markdown file and waits for the
//     page to show the new text, logging the time from the write to the
//     text being visible;
//   - changes the site's stylesheet and sees the new style on an open page
//     that was not reloaded;
//   - breaks a file and sees its path and the message in the error list
//     over the page (#ratusz-problems), then fixes it and sees the list go;
//   - adds and deletes a page, asks for an unknown address and tries path
//     traversal;
//   - stops the server and checks that Serve returns promptly.
//
// Other tests serve the site under a -base-url, with and without Polish
// letters in it (TestServeUnderABasePath); restart the server on the same
// address under an open page (TestServeRestartKeepsOpenPagesLive); hold
// a page's event stream back until two rebuilds have passed
// (TestServeTellsALatePageWhatChanged); and check that the files build
// writes never carry what serve adds (TestBuildHasNoLiveScript). Every
// uncaught exception of a page fails the test that opened it.
//
// The browser is Debian's chromium: $RATUSZ_CHROMIUM, else
// /usr/bin/chromium, else chromium on $PATH; nothing is downloaded. When it
// is missing the test is skipped with a message that says how to install
// it, and fails instead when $CI is set.
package servetest
