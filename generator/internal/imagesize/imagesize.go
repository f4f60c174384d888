// Package imagesize reads the pixel size of the images ratusz publishes
// (JPEG, PNG, GIF, WebP, SVG) from their headers, without decoding them, so
// that pages can give every <img> its width and height.
package imagesize

import (
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // GIF headers
	_ "image/jpeg" // JPEG headers
	_ "image/png"  // PNG headers
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // WebP headers
)

// Read returns the width and height of the image in r; name's extension
// says what kind of image it should be.
func Read(r io.Reader, name string) (width, height int, err error) {
	if strings.EqualFold(path.Ext(name), ".svg") {
		return svg(r)
	}
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			return 0, 0, errors.New("the file is not a JPG, PNG, GIF or WebP image")
		}
		return 0, 0, err
	}
	want := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
	if want == "jpg" {
		want = "jpeg"
	}
	if want != format {
		return 0, 0, fmt.Errorf("the file is a %s image, but its name ends in %s", strings.ToUpper(format), path.Ext(name))
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, errors.New("the image has no width or height")
	}
	return cfg.Width, cfg.Height, nil
}

// svg reads width and height from the root element, or else its viewBox.
func svg(r io.Reader) (int, int, error) {
	d := xml.NewDecoder(io.LimitReader(r, 1<<20))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, errors.New("the file is not an SVG image")
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != "svg" {
			return 0, 0, errors.New("the file is not an SVG image")
		}
		var w, h float64
		var viewBox string
		for _, a := range start.Attr {
			switch a.Name.Local {
			case "width":
				w = length(a.Value)
			case "height":
				h = length(a.Value)
			case "viewBox":
				viewBox = a.Value
			}
		}
		if w <= 0 || h <= 0 {
			f := strings.Fields(strings.ReplaceAll(viewBox, ",", " "))
			if len(f) == 4 {
				w, _ = strconv.ParseFloat(f[2], 64)
				h, _ = strconv.ParseFloat(f[3], 64)
			}
		}
		if w <= 0 || h <= 0 {
			return 0, 0, errors.New("the SVG has neither width and height nor a viewBox")
		}
		return int(math.Round(w)), int(math.Round(h)), nil
	}
}

// length reads an SVG length in pixels ("120", "120px"); other units are
// not pixel sizes and read as 0.
func length(s string) float64 {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return v
}
