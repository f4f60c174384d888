package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/ratusz/ratusz/generator/internal/content"
	"golang.org/x/text/language"
)

// file finds a file an entry refers to: beside the entry's file in the
// content tree first, then under static/. It returns the output URL and
// size, or reports the problem.
func (b *builder) file(r *reader, from *Entry, key string, v *content.Value) (url string, size int64, ok bool) {
	url, size, _, _, ok = b.locate(r, from, key, v)
	return url, size, ok
}

// locate is file, also saying which tree the file is in and its path there.
func (b *builder) locate(r *reader, from *Entry, key string, v *content.Value) (url string, size int64, tree, p string, ok bool) {
	f := r.str(key, v)
	if f == "" {
		return "", 0, "", "", false
	}
	if !r.relative(key, v, f) {
		return "", 0, "", "", false
	}
	clean := path.Clean(f)
	beside := path.Join(path.Dir(from.Path), clean)
	if strings.HasPrefix(beside, "../") {
		r.fieldf(v.Line, key, "keep files beside the entry or under static/", "%s: %q leads outside the content folder", key, f)
		return "", 0, "", "", false
	}
	if sz, ok := b.assets[beside]; ok {
		b.used[beside] = true
		u := from.URL + clean
		b.site.Assets = append(b.site.Assets, Asset{From: "content", Source: beside, URL: u})
		return u, sz, "content", beside, true
	}
	if sz, ok := b.o.Static[clean]; ok {
		return clean, sz, "static", clean, true
	}
	r.fieldf(v.Line, key, "add the file or fix the path", "%s: file %q not found beside the entry (%s) or in static/ (%s)", key, f, beside, "static/"+clean)
	return "", 0, "", "", false
}

// relative reports whether f, the value of key, is a path that stays inside
// the entry's folder or static/, and reports it if not.
func (r *reader) relative(key string, v *content.Value, f string) bool {
	if strings.HasPrefix(f, "/") || strings.Contains(f, `\`) || strings.Contains(f, "://") || strings.ContainsRune(f, 0) {
		r.fieldf(v.Line, key, "write it like pliki/strategia.pdf", "%s: %q must be a path relative to the entry's folder or to static/", key, f)
		return false
	}
	clean := path.Clean(f)
	if clean == ".." || strings.HasPrefix(clean, "../") || clean == "." {
		r.fieldf(v.Line, key, "keep files beside the entry or under static/", "%s: %q leads outside the site", key, f)
		return false
	}
	return true
}

var attachmentFormats = map[string]string{
	".pdf": "PDF", ".doc": "DOC", ".docx": "DOCX", ".odt": "ODT", ".rtf": "RTF", ".txt": "TXT",
	".xls": "XLS", ".xlsx": "XLSX", ".ods": "ODS", ".csv": "CSV", ".ppt": "PPT", ".pptx": "PPTX",
	".odp": "ODP", ".zip": "ZIP", ".jpg": "JPG", ".jpeg": "JPG", ".png": "PNG", ".epub": "EPUB",
	".xml": "XML", ".json": "JSON", ".html": "HTML", ".mp3": "MP3", ".mp4": "MP4",
}

var imageFormats = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"}

// attachment reads {file, title, lang}.
func (b *builder) attachment(r *reader, from *Entry, key string, v *content.Value) *Attachment {
	m := r.mapOf(key, v, []string{"file", "title", "lang"})
	if m == nil {
		return nil
	}
	a := &Attachment{
		File:  r.required(key+".file", m["file"], v.Line, "the path of the file, like pliki/strategia.pdf"),
		Title: quotes(b.site.Lang.Tag(), r.required(key+".title", m["title"], v.Line, "the name of the file shown in the link")),
		Lang:  r.str(key+".lang", m["lang"]),
	}
	if a.Lang != "" {
		if _, err := language.Parse(a.Lang); err != nil {
			r.fieldf(m["lang"].Line, key+".lang", "use one like en, de or uk", "%s.lang: %q is not a language code", key, a.Lang)
		}
	}
	if !b.attachFile(r, from, key+".file", m["file"], a) {
		return nil
	}
	return a
}

// fileAttachment reads an attachment given as its file's path alone (a
// consultation's form or report), titled title.
func (b *builder) fileAttachment(r *reader, from *Entry, key string, v *content.Value, title string) *Attachment {
	a := &Attachment{File: r.str(key, v), Title: title}
	if !b.attachFile(r, from, key, v, a) {
		return nil
	}
	return a
}

// attachFile finds a.File, written at v as key, and gives a its format,
// address and size; it reports false, with the problem, when the file
// cannot be published.
func (b *builder) attachFile(r *reader, from *Entry, key string, v *content.Value, a *Attachment) bool {
	if a.File == "" || !r.relative(key, v, a.File) {
		return false
	}
	ext := strings.ToLower(path.Ext(a.File))
	format, known := attachmentFormats[ext]
	if !known {
		r.fieldf(v.Line, key, "use a file ending in .pdf, .docx, .odt, .xlsx, .ods, .csv, .zip …", "%s: %q has no known file type (%s)", key, a.File, orNone(ext))
		return false
	}
	a.Format = format
	u, size, ok := b.file(r, from, key, v)
	if !ok {
		return false
	}
	a.URL, a.Size = u, size
	return true
}

func orNone(ext string) string {
	if ext == "" {
		return "no extension"
	}
	return ext
}

// image reads {file, alt, credit, decorative}.
func (b *builder) image(r *reader, from *Entry, key string, v *content.Value) *Image {
	m := r.mapOf(key, v, []string{"file", "alt", "credit", "decorative"})
	if m == nil {
		return nil
	}
	img := &Image{
		File:       r.required(key+".file", m["file"], v.Line, "the path of the image, like zdjecia/warsztaty.jpg"),
		Alt:        quotes(b.site.Lang.Tag(), r.str(key+".alt", m["alt"])),
		Credit:     r.str(key+".credit", m["credit"]),
		Decorative: r.boolean(key+".decorative", m["decorative"]),
	}
	switch {
	case img.Decorative && img.Alt != "":
		r.fieldf(m["alt"].Line, key+".alt", "remove alt, or remove decorative if the image carries information", "%s: an image marked decorative: true has no alt text", key)
	case !img.Decorative && img.Alt == "":
		line := v.Line
		if present(m["alt"]) {
			line = m["alt"].Line
		}
		r.fieldf(line, key+".alt", "describe what the image shows for people who cannot see it (or mark a purely decorative image with decorative: true)", "%s.alt is required", key)
	}
	if img.File == "" || !r.relative(key+".file", m["file"], img.File) {
		return nil
	}
	ext := strings.ToLower(path.Ext(img.File))
	if !slices.Contains(imageFormats, ext) {
		r.fieldf(m["file"].Line, key+".file", "use .jpg, .png, .webp, .gif or .svg", "%s.file: %q is not an image ratusz can publish", key, img.File)
		return nil
	}
	u, size, tree, p, ok := b.locate(r, from, key+".file", m["file"])
	if !ok {
		return nil
	}
	img.URL, img.Size = u, size
	if b.o.ImageSize != nil {
		w, h, err := b.o.ImageSize(tree, p)
		if err != nil {
			r.fieldf(m["file"].Line, key+".file", "save it again as a JPG, PNG, WebP, GIF or SVG with a width and height", "%s.file: cannot read the size of %q: %v", key, img.File, err)
			return nil
		}
		img.Width, img.Height = w, h
	}
	return img
}

// unusedAssets warns about files in the content tree that no entry uses:
// they are not published.
func (b *builder) unusedAssets() {
	for p := range b.assets {
		if !b.used[p] {
			b.site.Warnings = append(b.site.Warnings, fmt.Sprintf("%s: not used by any entry, so not published; refer to it from attachments or images, or move it to static/", b.origin(p)))
		}
	}
}
