// Package searcheval holds the evaluation of the site search: queries that
// residents type, with the entries that answer each, judged from the
// source files before any search engine was run (builtin.toml for the
// built-in site, corpus-2000.toml for the generated corpus of 2,000
// entries, seed 1). The ranking work must not tune them.
//
// The tests check that every entry judged relevant is a page of its site.
// BenchmarkSearchEvaluation asks each query of ratusz's search and of
// Pagefind (the npm package pagefind of package.json, in its default
// configuration), side by side:
//
//	go test ./generator/internal/searcheval -run '^$' -bench SearchEvaluation -benchtime 1x -v
//
// It needs Chromium (as the browser tests: $RATUSZ_CHROMIUM,
// /usr/bin/chromium or chromium on $PATH) and node_modules/.bin/pagefind
// (make node_modules); without them it is skipped, or fails when the CI
// environment variable is set. It is skipped under -short, so make test
// does not run it. It takes a few minutes: one sub-benchmark a query set
// (builtin, corpus-2000), each of which builds the site as ratusz build
// publishes it (minified), runs pagefind --site on the output, serves the
// folder over HTTP and opens, for each query and engine, a fresh browser
// context (no cache): ratusz's search page at /szukaj/?q=…, read once its
// live region announces the result, and a page that asks Pagefind's
// JavaScript API (pagefind.search, then data() of the first 10 results).
// The work is done once, whatever b.N. It logs a table, one line a query,
// and reports:
//
//   - recall@10-ratusz, recall@10-pagefind: the mean over the queries of
//     the relevant entries among the first 10 results, over the relevant
//     entries (at most 10);
//   - first-relevant-ratusz, first-relevant-pagefind: the share of queries
//     whose first result is judged relevant;
//   - first-query-KB-ratusz, first-query-KB-pagefind: the most, over the
//     queries, that a first query fetched, in KB of 1,000 bytes, as the
//     files are stored: scripts, web workers, WebAssembly, index files and
//     fragments, not the page, its stylesheets, images or fonts. The test
//     server counts them, since Pagefind fetches its index from a web
//     worker that the page's Resource Timing does not see. Pagefind's index
//     files are gzipped on disk, ratusz's are not; the table also gives the
//     median, and both once more as sent gzipped (level 6, as a static host
//     sends text, JSON, scripts and WebAssembly);
//   - index-KB-ratusz, index-KB-pagefind: the whole search on disk:
//     everything under pagefind/ (its UI bundles too), and for ratusz
//     everything under szukaj/ but the search page, with js/search*.js and
//     js/stem*.js (each script once, though the build writes it under its
//     name and a fingerprinted one);
//   - pagefind-index-s: the wall time of pagefind --site (the table gives
//     ratusz's whole build beside it).
//
// With SEARCH_EVAL_OUT set to a folder, each set's queries, results,
// judgments and fetched files are also written there as SET.json.
package searcheval
