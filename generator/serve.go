package generator

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/ratusz/ratusz/generator/internal/output"
	"github.com/ratusz/ratusz/generator/internal/render"
)

// Server serves a site built in memory. Nothing is written to disk.
type Server struct {
	files map[string][]byte
	base  string // the path the site is served under, "/" or "/strategie/"
	built time.Time
}

// NewServer builds the site in memory.
func NewServer(ctx context.Context, cfg Config) (*Server, error) {
	var mem output.Memory
	if _, err := BuildTo(ctx, cfg, &mem); err != nil {
		return nil, err
	}
	base, err := render.BasePath(cfg.BaseURL)
	if err != nil {
		return nil, &UsageError{fmt.Errorf("-base-url %v", err)}
	}
	return &Server{files: mem.Files, base: base, built: time.Now()}, nil
}

// ServeHTTP serves a file of the built site; a folder's address serves its
// index.html. Only files of the built site are ever served.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	clean := path.Clean("/" + r.URL.Path)
	if s.base != "/" && r.URL.Path+"/" == s.base {
		http.Redirect(w, r, s.base, http.StatusMovedPermanently)
		return
	}
	name, inside := strings.CutPrefix(clean+"/", s.base)
	name = strings.TrimSuffix(name, "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	data, ok := s.files[name]
	if !inside {
		ok = false
	}
	if !ok {
		if _, dir := s.files[path.Join(name, "index.html")]; dir && inside {
			// Redirect to the cleaned path on this site, never to what
			// the request wrote ("//other.host/…").
			http.Redirect(w, r, s.base+name+"/", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if nf, ok := s.files["404.html"]; ok {
			w.Write(nf)
		} else {
			w.Write([]byte("<!doctype html><title>404</title><p>404</p>"))
		}
		return
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	http.ServeContent(w, r, name, s.built, bytes.NewReader(data))
}
