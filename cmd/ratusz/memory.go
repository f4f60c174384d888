package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/ratusz/ratusz/generator"
)

// memoryLimit is the memory at which a build's garbage collector works
// harder instead of letting the heap grow to twice what is live, as it
// does by default; GOMEMLIMIT replaces it. A site of 100,000 entries has
// about 400 MB live while its files are read and 450 MB at most while its
// pages render, and with what is not heap a build of it stays under a
// gigabyte.
const memoryLimit = 928 << 20

// limitMemory sets memoryLimit unless GOMEMLIMIT is set, and fits it to
// the site once the site is read and after every collection while pages
// are rendered (renderLimit): what rendering keeps is little more than
// the site model, and without a limit the heap's unused memory is given
// back to the system too slowly to keep a small build small. The
// function it returns ends this and puts back the limit and GOGC as they
// were.
func limitMemory(cfg *generator.Config) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(memoryLimit)
	// mu keeps a fit after a collection from undoing restore.
	var mu sync.Mutex
	done := false
	percent := -2    // not changed
	var model uint64 // the live heap when rendering starts
	fit := func() (again bool) {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return false
		}
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() != metrics.KindUint64 {
			return false
		}
		live := s[0].Value.Uint64()
		if model == 0 {
			model = live
		}
		debug.SetMemoryLimit(renderLimit(model, live))
		return true
	}
	cfg.Rendering = func() {
		runtime.GC() // so that the live heap is the model's
		if !fit() {
			return
		}
		// The limit, not the heap's growth, now says when to collect:
		// fewer collections in the same memory.
		mu.Lock()
		percent = debug.SetGCPercent(renderGCPercent)
		mu.Unlock()
		// What rendering keeps grows as pages are made (a list item of
		// every entry, every page's ids for the link check): threefold
		// on a site of 100,000 entries. A limit fitted only to the model
		// would leave the collector less and less room, and it would
		// run almost without pause.
		afterEachGC(fit)
	}
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done = true
		debug.SetMemoryLimit(limit)
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
	}
}

// renderLimit is the memory limit while pages are rendered, given the live
// heap when rendering started (model) and now (live). What rendering
// keeps grows to about twice the model, and the garbage between
// collections needs as much room again and more, or the collector runs
// without pause: 4.5 times the model. On a large site what rendering
// keeps grows more, and the limit with it: 2.25 times what is live. Never
// under 160 MiB (a small site has room to spare), never over memoryLimit.
func renderLimit(model, live uint64) int64 {
	return min(memoryLimit, max(160<<20, int64(model)*9/2, int64(live)*9/4))
}

// renderGCPercent is GOGC while pages are rendered: high enough that the
// collector waits for renderLimit rather than for the heap to double.
const renderGCPercent = 300

// afterEachGC calls f after every garbage collection until f returns
// false: a value no one refers to is collected by the next cycle, and its
// cleanup then calls f and makes the next such value.
func afterEachGC(f func() (again bool)) {
	runtime.AddCleanup(new([16]byte), func(struct{}) {
		if f() {
			afterEachGC(f)
		}
	}, struct{}{})
}
