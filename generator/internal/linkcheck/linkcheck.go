// Package linkcheck checks that links to other sites still lead
// somewhere: each address once, a HEAD request (a GET when the server
// refuses HEAD), redirects followed, with bounded concurrency overall and
// per host and a timeout per request. It is the only package that goes to
// the network, and only when asked (check -external); it never changes the
// site.
//
// A check can also tell a broken link from a machine that cannot reach
// other sites at all: see [NetworkDown].
package linkcheck

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
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

	// Unreached: the request failed before any connection was made,
	// because the name did not resolve, there was no route to the host or
	// the connection timed out (a host that refuses it was reached).
	Unreached bool
	// Local: that failure was of this machine's own network (no route to
	// any network, a name server that does not answer), not of the link.
	Local bool
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
	var connected atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		ConnectDone: func(_, _ string, err error) {
			if err == nil {
				connected.Store(true)
			}
		},
	})
	resp, moved, err := request(ctx, client, http.MethodHead, u, timeout)
	if err == nil && (resp.StatusCode == http.StatusMethodNotAllowed || resp.StatusCode == http.StatusNotImplemented) {
		resp, moved, err = request(ctx, client, http.MethodGet, u, timeout)
	}
	if err != nil {
		r.Broken, r.Status = true, err.Error()
		if !connected.Load() && ctx.Err() == nil {
			r.Unreached, r.Local = unreached(err)
		}
		return r
	}
	r.Status = resp.Status
	r.Broken = resp.StatusCode >= 400
	r.Moved = moved
	return r
}

// unreached classifies a request that failed before any connection was
// made: whether it failed before reaching a server and, if so, whether the
// cause is this machine's own network. A host that refuses the connection
// was reached.
func unreached(err error) (before, local bool) {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		// "no such host" and "server misbehaving" are answers of a name
		// server, about a name that may just be gone or broken; a name
		// server that cannot be reached or does not answer is this
		// machine's own trouble.
		return true, !dns.IsNotFound && dns.Err != "server misbehaving"
	}
	switch {
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.ENETDOWN), errors.Is(err, syscall.EADDRNOTAVAIL):
		return true, true
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, context.DeadlineExceeded):
		return true, false
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Timeout() {
		return true, false
	}
	return false, false
}

// NetworkDown reports whether results show that this machine reached no
// other site at all, rather than that the links are broken: not one
// address was answered, every request failed before reaching a server
// (name lookup, routing), and either a failure was of the machine's own
// network or the addresses lead to at least three hosts (one or two dead
// names are more likely than a network that is down). reason is the first
// failure, for the message.
func NetworkDown(results []Result) (reason string, down bool) {
	hosts := map[string]bool{}
	local := false
	for _, r := range results {
		if !r.Unreached {
			return "", false
		}
		if r.Local && !local {
			local, reason = true, r.Status
		}
		if reason == "" {
			reason = r.Status
		}
		if u, err := url.Parse(r.URL); err == nil {
			hosts[u.Hostname()] = true
		}
	}
	if len(results) == 0 || (!local && len(hosts) < 3) {
		return "", false
	}
	return reason, true
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
			err = &noAnswer{timeout, err}
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

// noAnswer is a request given up after its timeout; it keeps the error
// beneath for unreached.
type noAnswer struct {
	timeout time.Duration
	err     error
}

func (e *noAnswer) Error() string { return fmt.Sprintf("no answer within %s", e.timeout) }
func (e *noAnswer) Unwrap() error { return e.err }
