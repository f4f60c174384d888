package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawRequest sends text as it is to addr and reads the response.
func rawRequest(addr, text string) (response, error) {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return response{}, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(3 * time.Second))
	if _, err := io.WriteString(c, text); err != nil {
		return response{}, err
	}
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header, string(body)}, err
}

// TestHostileRequests sends a real server, over TCP, requests a browser
// would never send: paths that climb out of the site in every encoding,
// NUL bytes, bodies, other methods, oversized headers. None may reach a
// file outside the build, list a folder, or be accepted.
func TestHostileRequests(t *testing.T) {
	files := testFiles()
	s := New(Options{Base: "/", Build: newFakeSite(files).build, Log: io.Discard})
	r := run(t, s)
	get := func(target string) string {
		return fmt.Sprintf("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, r.addr)
	}
	outside := []string{
		"/../../../../etc/passwd",
		"/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
		"/..%2f..%2f..%2fetc%2fpasswd",
		"/%5c..%5c..%5cetc%5cpasswd",
		"/%252e%252e/%252e%252e/etc/passwd",
		"/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
		"/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
		"/css/%00/../../etc/passwd",
		"/index.html%00.png",
		"/css/",
		"/js/",
		"/img/",
		"/.git/config",
		"/../serve.go",
		"/serve.go",
	}
	for _, target := range outside {
		got, err := rawRequest(r.addr, get(target))
		if err != nil {
			t.Errorf("GET %s: %v", target, err)
			continue
		}
		if got.status < 300 || got.status >= 500 {
			t.Errorf("GET %s: status %d, want a 3xx or 4xx", target, got.status)
		}
		if strings.Contains(got.body, "root:") || strings.Contains(got.body, "package serve") || strings.Contains(got.body, "[core]") {
			t.Errorf("GET %s: served a file outside the build", target)
		}
		if strings.Contains(got.body, "ratusz.css") && got.status != http.StatusNotFound {
			t.Errorf("GET %s: lists a folder:\n%s", target, got.body)
		}
		if loc := got.header.Get("Location"); loc != "" && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\")) {
			t.Errorf("GET %s: redirects off the site, to %q", target, loc)
		}
	}

	refused := []struct {
		name, request string
		want          int
	}{
		{"a NUL byte in the request line", "GET /\x00/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", http.StatusBadRequest},
		{"POST", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=b", http.StatusMethodNotAllowed},
		{"PUT", "PUT /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx", http.StatusMethodNotAllowed},
		{"DELETE", "DELETE /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", http.StatusMethodNotAllowed},
		{"OPTIONS", "OPTIONS / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", http.StatusMethodNotAllowed},
		{"TRACE", "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", http.StatusMethodNotAllowed},
		{"a GET with a body", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello", http.StatusRequestEntityTooLarge},
		{"a GET with a chunked body", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n", http.StatusRequestEntityTooLarge},
		{"a 1 MB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 1<<20) + "\r\nConnection: close\r\n\r\n", http.StatusRequestHeaderFieldsTooLarge},
	}
	for _, tt := range refused {
		got, err := rawRequest(r.addr, tt.request)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got.status != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, got.status, tt.want)
		}
		if tt.want == http.StatusMethodNotAllowed && got.header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q, want \"GET, HEAD\"", tt.name, got.header.Get("Allow"))
		}
	}

	// The server still answers after all of that.
	if got, err := rawRequest(r.addr, get("/miasta/walbrzych/")); err != nil || got.status != http.StatusOK {
		t.Errorf("GET /miasta/walbrzych/ afterwards: %d %v", got.status, err)
	}
}

// TestServerLimits: a client that never finishes its headers is cut off
// instead of holding a connection for ever, and headers are small.
func TestServerLimits(t *testing.T) {
	hs := httpServer(t.Context(), http.NotFoundHandler())
	if hs.ReadHeaderTimeout <= 0 || hs.ReadHeaderTimeout > 30*time.Second {
		t.Errorf("ReadHeaderTimeout %v, want a few seconds", hs.ReadHeaderTimeout)
	}
	if hs.MaxHeaderBytes <= 0 || hs.MaxHeaderBytes > 1<<20 {
		t.Errorf("MaxHeaderBytes %d, want at most 1 MiB", hs.MaxHeaderBytes)
	}
}
