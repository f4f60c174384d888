package serve

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"
)

// broker sends each Change to every open event stream.
type broker struct {
	mu      sync.Mutex
	streams map[chan Change]struct{}
	history []Change // the latest changes, oldest first
	done    chan struct{}
	closed  bool
}

// keep is how many changes a page that connects late can catch up on; one
// that missed more reloads.
const keep = 64

func newBroker() *broker {
	return &broker{streams: map[chan Change]struct{}{}, done: make(chan struct{})}
}

func (b *broker) publish(c Change) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.history = append(b.history, c)
	if len(b.history) > keep {
		b.history = slices.Delete(b.history, 0, len(b.history)-keep)
	}
	for ch := range b.streams {
		select {
		case ch <- c:
		default:
			// A slow page has not read the last change yet: it gets both
			// in one.
			pending := <-ch
			ch <- pending.merge(c)
		}
	}
}

// close ends every stream, so that the server can shut down.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// since returns every change after version merged into one, and whether
// there is any. When changes the page missed are no longer kept, the
// address "*" tells it to reload.
func (b *broker) since(version int64) (Change, bool) {
	var out Change
	found := false
	for _, c := range b.history {
		if c.Version <= version {
			continue
		}
		if !found {
			out, found = c, true
			continue
		}
		out = out.merge(c)
	}
	if found && b.history[0].Version > version+1 {
		out.Pages = append(out.Pages, "*")
	}
	return out, found
}

// serve streams changes to one page until it goes away or the server
// shuts down. A page that connects after changes it did not see (its
// script sends the version it was served with) gets them at once, merged.
func (b *broker) serve(w http.ResponseWriter, r *http.Request, server string) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan Change, 1)
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	b.streams[ch] = struct{}{}
	var missed Change
	var anyMissed bool
	if r.URL.Query().Get("server") != server && r.URL.Query().Get("server") != "" {
		// A page of an earlier run of the server: tell it to reload.
		missed, anyMissed = Change{Server: server}, true
		missed.clean()
	} else {
		since, _ := strconv.ParseInt(r.URL.Query().Get("since"), 10, 64)
		missed, anyMissed = b.since(since)
	}
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.streams, ch)
		b.mu.Unlock()
	}()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
	send := func(c Change) bool {
		data, err := json.Marshal(c)
		if err != nil {
			return false
		}
		if _, err := w.Write([]byte("event: change\ndata: " + string(data) + "\n\n")); err != nil {
			return false
		}
		flusher.Flush()
		return true
	}
	w.Write([]byte("retry: 500\n\n"))
	flusher.Flush()
	if anyMissed {
		if !send(missed) {
			return
		}
	}
	ping := time.NewTicker(25 * time.Second)
	defer ping.Stop()
	for {
		select {
		case c := <-ch:
			if !send(c) {
				return
			}
		case <-ping.C:
			if _, err := w.Write([]byte(": ping\n\n")); err != nil {
				return
			}
			flusher.Flush()
		case <-r.Context().Done():
			return
		case <-b.done:
			return
		}
	}
}
