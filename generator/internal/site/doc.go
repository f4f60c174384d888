// Package site is the typed model of a ratusz site: the files that
// package content read, turned into cities, programmes, organisations,
// partnerships, documents, meetings and pages, with every reference
// between them resolved.
//
// [New] reads each entry's front matter by its kind (the entry's
// top-level folder) and checks it: known keys, enumerated values, dates
// and periods, references to entries that exist, files that exist beside
// the entry, and addresses that no two pages claim. It then derives what
// follows from the content: back-references (a city's documents and
// meetings, a partnership's members), topics, regions, the sections,
// each kind's list in its order, each entry's summary, site-relative
// address and state on the build's day, and the files to publish. It
// returns every problem at once, each naming its file and line; the
// model is usable only when there are none.
//
// The model does no I/O: it reads and writes no file (the caller gives
// it the static folder's files and a way to read an image's size in
// [Options]), asks no clock (today is [Options.Now]), renders no HTML
// and knows no layout, base URL or output folder. Its readers never
// change a [Site], so pages render from one in parallel without locks.
package site
