package imagesize

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func encoded(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRead(t *testing.T) {
	// The smallest lossless WebP: 1×1.
	webp := []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00")
	tests := []struct {
		name string
		data []byte
		w, h int
		err  string
	}{
		{"a.png", encoded(t, "png", 640, 480), 640, 480, ""},
		{"a.JPG", encoded(t, "jpeg", 300, 200), 300, 200, ""},
		{"a.jpeg", encoded(t, "jpeg", 3, 2), 3, 2, ""},
		{"a.gif", encoded(t, "gif", 16, 9), 16, 9, ""},
		{"a.webp", webp, 1, 1, ""},
		{"a.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="40"></svg>`), 120, 40, ""},
		{"a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 12.4"/>`), 24, 12, ""},
		{"a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10em"/>`), 0, 0, "the SVG has neither width and height nor a viewBox"},
		{"a.svg", []byte(`<html></html>`), 0, 0, "the file is not an SVG image"},
		{"a.png", []byte("\x89PNG\r\n\x1a\n"), 0, 0, "unexpected EOF"},
		{"a.png", []byte("to nie jest obraz"), 0, 0, "the file is not a JPG, PNG, GIF or WebP image"},
		{"a.png", encoded(t, "jpeg", 3, 2), 0, 0, "the file is a JPEG image, but its name ends in .png"},
	}
	for _, tt := range tests {
		w, h, err := Read(bytes.NewReader(tt.data), tt.name)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || w != tt.w || h != tt.h {
			t.Errorf("%s: got %d×%d, %v; want %d×%d", tt.name, w, h, err, tt.w, tt.h)
		}
	}
}
