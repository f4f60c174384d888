package generator

import (
	"maps"
	"slices"

	"github.com/ratusz/ratusz/generator/internal/opendata"
	"github.com/ratusz/ratusz/generator/internal/search"
)

// siteFiles are the files made from every entry at once rather than page
// by page: the open data (one JSON file per kind) and the search index.
// Whatever changes entries must write them again.
func (p *prepared) siteFiles() (map[string][]byte, error) {
	files, err := opendata.Files(p.site, p.renderer.AbsURL)
	if err != nil {
		return nil, err
	}
	idx, err := search.Index(p.site)
	if err != nil {
		return nil, err
	}
	files[search.File(p.site.Lang)] = idx
	return files, nil
}

// writeSiteFiles writes the site files and says how many it wrote.
func (p *prepared) writeSiteFiles(w Writer) (int, error) {
	files, err := p.siteFiles()
	if err != nil {
		return 0, err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := w.WriteFile(name, files[name]); err != nil {
			return 0, err
		}
	}
	return len(files), nil
}
