package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	var mu sync.Mutex
	methods := map[string][]string{}
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/stare", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/chwilowo", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusFound) })
	mux.HandleFunc("/brak", http.NotFound)
	mux.HandleFunc("/tylko-get", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		methods["/tylko-get"] = append(methods["/tylko-get"], r.Method)
		mu.Unlock()
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/wolno", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// An address nothing listens on.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + l.Addr().String() + "/"
	l.Close()

	links := []Link{
		{"content/b.md", 3, srv.URL + "/ok"},
		{"content/a.md", 9, srv.URL + "/brak"},
		{"content/a.md", 2, srv.URL + "/stare"},
		{"content/a.md", 4, srv.URL + "/chwilowo"},
		{"content/a.md", 5, srv.URL + "/tylko-get"},
		{"content/a.md", 6, srv.URL + "/wolno"},
		{"content/a.md", 7, refused},
		{"content/c.md", 1, srv.URL + "/brak"},
	}
	start := time.Now()
	res := Check(context.Background(), links, Options{Timeout: 300 * time.Millisecond})
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the check took %s; the slow address should have been given up after 300 ms", d)
	}
	var got []string
	for _, r := range res {
		mark := "ok    "
		if r.Broken {
			mark = "BROKEN"
		}
		got = append(got, mark+" "+strings.ReplaceAll(r.String(), srv.URL, "SRV"))
	}
	want := []string{
		"ok     content/a.md:2: link SRV/stare: 200 OK; note: it moved permanently to SRV/ok, link there instead",
		"ok     content/a.md:4: link SRV/chwilowo: 200 OK",
		"ok     content/a.md:5: link SRV/tylko-get: 200 OK",
		"BROKEN content/a.md:6: link SRV/wolno: no answer within 300ms",
		"BROKEN content/a.md:7: link " + refused + ": ",
		"BROKEN content/a.md:9: link SRV/brak: 404 Not Found",
		"ok     content/b.md:3: link SRV/ok: 200 OK",
		"BROKEN content/c.md:1: link SRV/brak: 404 Not Found",
	}
	if len(got) != len(want) {
		t.Fatalf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) || (!strings.HasSuffix(want[i], ": ") && got[i] != want[i]) {
			t.Errorf("result %d:\n%s\nwant:\n%s", i, got[i], want[i])
		}
	}
	if !strings.Contains(got[4], "connection refused") {
		t.Errorf("the refused connection is reported as %q, want the network error", got[4])
	}
	if m := methods["/tylko-get"]; strings.Join(m, " ") != "HEAD GET" {
		t.Errorf("/tylko-get was requested with %v, want HEAD then GET", m)
	}
}

// No more requests than allowed are made to one host at once.
func TestCheckPerHost(t *testing.T) {
	var mu sync.Mutex
	now, most := 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		now++
		most = max(most, now)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		now--
		mu.Unlock()
	}))
	defer srv.Close()
	var links []Link
	for i := range 12 {
		links = append(links, Link{"content/a.md", i + 1, srv.URL + "/" + strings.Repeat("x", i+1)})
	}
	for _, r := range Check(context.Background(), links, Options{}) {
		if r.Broken {
			t.Errorf("%s", r)
		}
	}
	if most != 2 {
		t.Errorf("at most %d requests at once to one host, want 2", most)
	}
}
