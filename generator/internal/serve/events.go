package serve

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// broker sends each Change to every open event stream.
type broker struct {
	mu      sync.Mutex
	streams map[chan Change]struct{}
	last    Change
	done    chan struct{}
	closed  bool
}

func newBroker() *broker {
	return &broker{streams: map[chan Change]struct{}{}, done: make(chan struct{})}
}

func (b *broker) publish(c Change) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last = c
	for ch := range b.streams {
		select {
		case ch <- c:
		default:
			// A slow page misses an intermediate change; the latest
			// replaces it.
			select {
			case <-ch:
			default:
			}
			ch <- c
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

// serve streams changes to one page until it goes away or the server
// shuts down. A page that connects after a change it did not see (its
// script carries the version it was served with) gets the latest at once.
func (b *broker) serve(w http.ResponseWriter, r *http.Request, snap *snapshot) {
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
	last := b.last
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
	if last.Version > 0 {
		// The page's script ignores versions it has seen.
		if !send(last) {
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
