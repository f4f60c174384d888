// Package linkcheck checks that links to other sites still lead
// somewhere: each address once, a HEAD request (a GET when the server
// refuses HEAD), redirects followed, with bounded concurrency overall and
// per host and a timeout per request.
package linkcheck

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// A Link is one address to another site, at its place in the content.
type Link struct {
	Path string // relative to the site folder
	Line int
	URL  string
}

// Options bound a check; zero values take the defaults.
type Options struct {
	Timeout     time.Duration // per request; default 10 s
	Concurrency int           // requests at once; default 8
	PerHost     int           // requests at once to one host; default 2
	Client      *http.Client  // default: a client of its own
}

// A Result is what became of one link.
type Result struct {
	Link
	Broken bool
	Status string // "200 OK", "404 Not Found" or the network error
	Moved  string // where a permanent redirect led, or ""
}

// String is the line a person reads: "path:line: link URL: 404 Not Found".
func (r Result) String() string {
	s := fmt.Sprintf("%s:%d: link %s: %s", r.Path, r.Line, r.URL, r.Status)
	if r.Moved != "" {
		s += fmt.Sprintf("; note: it moved permanently to %s, link there instead", r.Moved)
	}
	return s
}

// Check requests every distinct address of links and returns a result for
// every link, sorted by path, line and address.
func Check(ctx context.Context, links []Link, o Options) []Result {
	o.Timeout = cmp.Or(o.Timeout, 10*time.Second)
	o.Concurrency = cmp.Or(o.Concurrency, 8)
	o.PerHost = cmp.Or(o.PerHost, 2)
	client := o.Client
	if client == nil {
		client = &http.Client{}
	}
	var urls []string
	for _, l := range links {
		urls = append(urls, l.URL)
	}
	slices.Sort(urls)
	urls = slices.Compact(urls)

	all := make(chan struct{}, o.Concurrency)
	var mu sync.Mutex
	hosts := map[string]chan struct{}{}
	hostSlot := func(h string) chan struct{} {
		mu.Lock()
		defer mu.Unlock()
		if hosts[h] == nil {
			hosts[h] = make(chan struct{}, o.PerHost)
		}
		return hosts[h]
	}
	outcome := make([]Result, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Go(func() {
			host := u
			if x, err := url.Parse(u); err == nil {
				host = x.Host
			}
			h := hostSlot(host)
			h <- struct{}{} // the host's slot first, so that a waiting request holds none of all
			all <- struct{}{}
			outcome[i] = check(ctx, client, u, o.Timeout)
			<-all
			<-h
		})
	}
	wg.Wait()
	byURL := map[string]Result{}
	for i, u := range urls {
		byURL[u] = outcome[i]
	}
	out := make([]Result, len(links))
	for i, l := range links {
		out[i] = byURL[l.URL]
		out[i].Link = l
	}
	slices.SortFunc(out, func(a, b Result) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.URL, b.URL))
	})
	return out
}

// check requests one address: HEAD, then GET when HEAD is refused.
func check(ctx context.Context, client *http.Client, u string, timeout time.Duration) Result {
	r := Result{}
	resp, moved, err := request(ctx, client, http.MethodHead, u, timeout)
	if err == nil && (resp.StatusCode == http.StatusMethodNotAllowed || resp.StatusCode == http.StatusNotImplemented) {
		resp, moved, err = request(ctx, client, http.MethodGet, u, timeout)
	}
	if err != nil {
		r.Broken, r.Status = true, err.Error()
		return r
	}
	r.Status = resp.Status
	r.Broken = resp.StatusCode >= 400
	r.Moved = moved
	return r
}

// request makes one request, following redirects, and returns the final
// response (its body closed) and, when a permanent redirect was followed,
// the address it ended at.
func request(ctx context.Context, client *http.Client, method, u string, timeout time.Duration) (*http.Response, string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("User-Agent", "ratusz link check")
	permanent := false
	c := *client
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("more than 10 redirects")
		}
		if s := req.Response.StatusCode; s == http.StatusMovedPermanently || s == http.StatusPermanentRedirect {
			permanent = true
		}
		return nil
	}
	resp, err := c.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %s", timeout)
		}
		return nil, "", err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	moved := ""
	if permanent {
		moved = resp.Request.URL.String()
	}
	return resp, moved, nil
}
