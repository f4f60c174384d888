package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"syscall"
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

// failingDial is a client whose every connection fails with err, as on a
// machine with no network; no request leaves this machine.
func failingDial(err func(host string) error) *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, _ := net.SplitHostPort(addr)
			return nil, err(host)
		},
	}}
}

// deadResolver is a client whose name server is a loopback port nothing
// listens on.
func deadResolver(t *testing.T) *http.Client {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dns := pc.LocalAddr().String()
	pc.Close()
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", dns)
	}}
	d := &net.Dialer{Resolver: r}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
}

func noRoute(host string) error {
	return &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ENETUNREACH)}
}

func noSuchHost(host string) error {
	return &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// NetworkDown tells a machine that reaches no other site from links that
// are broken.
func TestNetworkDown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/ok" {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	threeHosts := []Link{
		{"content/a.md", 1, "https://bip.gmina.example.test/"},
		{"content/a.md", 2, "https://www.wloclawek.example.test/lsr"},
		{"content/b.md", 3, "http://zabrze.example.test/"},
	}
	oneHost := threeHosts[:1]
	tests := []struct {
		name   string
		links  []Link
		client *http.Client
		down   bool
		reason string // in the reason given
	}{
		{"no route to any network", oneHost, failingDial(noRoute), true, "network is unreachable"},
		{"no name server", threeHosts, deadResolver(t), true, "lookup bip.gmina.example.test"},
		{"no such host, for every host", threeHosts, failingDial(noSuchHost), true, "no such host"},
		// One dead name is a broken link, not a network that is down.
		{"no such host, one host", oneHost, failingDial(noSuchHost), false, ""},
		// A site that answers, even with 404, shows the network is up.
		{"one site answers", append([]Link{{"content/c.md", 1, srv.URL + "/brak"}}, threeHosts...), nil, false, ""},
		{"every site answers", []Link{{"content/c.md", 1, srv.URL + "/ok"}}, nil, false, ""},
		{"no links", nil, failingDial(noRoute), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := tt.client
			if client == nil {
				// The httptest server is reached; every other host fails
				// as on a machine without a route.
				client = &http.Client{Transport: &http.Transport{
					DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
						if addr == srv.Listener.Addr().String() {
							var d net.Dialer
							return d.DialContext(ctx, network, addr)
						}
						return nil, noRoute(addr)
					},
				}}
			}
			res := Check(context.Background(), tt.links, Options{Client: client, Timeout: 5 * time.Second})
			reason, down := NetworkDown(res)
			if down != tt.down {
				var lines []string
				for _, r := range res {
					lines = append(lines, r.String())
				}
				t.Fatalf("NetworkDown = %v (%q), want %v; results:\n%s", down, reason, tt.down, strings.Join(lines, "\n"))
			}
			if !strings.Contains(reason, tt.reason) {
				t.Errorf("reason %q, want it to mention %q", reason, tt.reason)
			}
		})
	}
}

// A dial that times out has not reached a server; a server that is slow to
// answer has been reached.
func TestUnreachedTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	hang := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if addr == srv.Listener.Addr().String() {
				var d net.Dialer
				return d.DialContext(ctx, network, addr)
			}
			<-ctx.Done() // packets dropped: the dial waits for its deadline
			return nil, &net.OpError{Op: "dial", Net: network, Err: ctx.Err()}
		},
	}}
	res := Check(context.Background(), []Link{
		{"content/a.md", 1, "https://bip.gmina.example.test/"},
		{"content/a.md", 2, srv.URL + "/wolno"},
	}, Options{Client: hang, Timeout: 200 * time.Millisecond})
	if !res[0].Unreached || res[0].Status != "no answer within 200ms" {
		t.Errorf("a dial that timed out: unreached %v, status %q; want unreached, \"no answer within 200ms\"", res[0].Unreached, res[0].Status)
	}
	if res[1].Unreached || !res[1].Broken {
		t.Errorf("a server that does not answer in time: unreached %v, broken %v; want reached and broken", res[1].Unreached, res[1].Broken)
	}
}
