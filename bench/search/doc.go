// Package search holds the evaluation of the site search: queries that
// residents type, with the entries that answer each, judged from the
// source files before any search engine was run (builtin.toml for the
// built-in site, corpus-2000.toml for the generated corpus of 2,000
// entries, seed 1). The ranking work must not tune them.
package search
