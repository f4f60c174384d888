// Package corpus writes synthetic ratusz content trees: many plausible
// Polish cities, programmes, organisations, partnerships, documents,
// meetings and pages that follow the content model exactly, for load tests,
// benchmarks and demonstrations of large sites.
//
// # Determinism
//
// A tree is a function of [Options] alone. Every random choice comes from
// math/rand/v2's PCG generator seeded with Options.Seed, so the same Entries
// and Seed give byte-identical files on every machine. The cross-entry
// structure (names, slugs, references, dates) is planned first with one
// generator; each file's wording and formatting then use a generator of
// their own, derived from the seed, the kind and the entry's number.
//
// # Layout
//
// [Files] yields paths relative to the content root, in a fixed order: the
// root _index.md, then for every kind its folder's _index.md (but pages/,
// whose files are plain pages without a list page) followed by its entries. [Write] puts the same files under dir/content, so dir is a site
// folder where `ratusz build` works.
//
//	_index.md                 home page title and intro
//	cities/_index.md          the list page of each kind folder but pages/
//	cities/nowa-wola-gorna.md
//	programmes/ organisations/ partnerships/ documents/ meetings/ pages/
//
// # Distribution
//
// Options.Entries counts entries of all kinds together (the _index.md files
// come on top). Cities are 5% of them (at least 3, at most 2,477 – the
// number of Polish gminy), programmes 0.5% (at least 3), organisations 10%,
// partnerships 5%, pages 1% (at most [MaxPages]); the rest is split
// between documents and meetings in the ratio 40:38, so documents take what
// the city and page caps leave.
// Every kind is present from [MinEntries] on.
//
// # Entries
//
// Titles are unique per kind and slugs (file names) are their lowercase
// ASCII transliteration (ł→l, ż→z, …), so they are unique too. Every
// reference names an entry of the right kind that the tree contains:
// cities have a region (one of the 16 województwa), a type and sometimes a
// powiat or województwo as parent; organisations a seat; partnerships 1–6
// cities, 0–8 members, a leader among them and 0–2 programmes; documents a
// type, status (adopted with resolution, in consultation with dates and a
// URL, draft, expired), period, cities, programmes and sometimes the
// partnership that produced them; meetings a date (sometimes a full RFC 3339
// time with the Warsaw offset, sometimes an end), place, organisers,
// documents, and cities whenever neither the place nor a partnership gives
// them. About half of all entries have a summary, documents and meetings
// have 1–3 topics. No entry has attachments or images, so a tree needs no
// static files.
//
// # Format
//
// About one file in ten has TOML front matter (+++), the rest YAML (---).
// Formatting varies as editors' files do: plain, double- and single-quoted
// YAML strings, block and flow lists and maps, TOML inline tables and
// sections, periods as "2016-2020" or as a from/to map. YAML dates are
// plain, TOML dates native; partial dates (`founded: 2015-06`) are strings,
// quoted where plain YAML would read a number. Bodies are Polish Markdown of
// 4,300 to 7,900 bytes with ## and ### headings, paragraphs, bullet and numbered
// lists, and often a | Cel | Wskaźnik | Wartość docelowa | table.
package corpus
