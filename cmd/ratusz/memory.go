package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/ratusz/ratusz/generator"
)

// memoryLimit is the highest memory limit a build sets (budget), the
// memory at which its garbage collector works harder instead of letting
// the heap grow as GOGC says; GOMEMLIMIT replaces it. A site of 100,000
// entries has about 400 MB live while its files are read and 450 MB at
// most while its pages render, and with what is not heap a build of it
// stays under a gigabyte.
const memoryLimit = 928 << 20

// limitMemory sets memoryLimit unless GOMEMLIMIT is set, and from then
// on fits it to the live heap after every collection (budget): without a
// limit the heap's unused memory is given back to the system too slowly
// to keep a small build small, and with one fitted to what is live the
// collector can run less often (buildGCPercent) and still stay within it.
// The function it returns ends this and puts back the limit and GOGC as
// they were.
func limitMemory(cfg *generator.Config) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(memoryLimit)
	// mu keeps a fit after a collection from undoing restore.
	var mu sync.Mutex
	done := false
	var b budget
	fit := func(rendering bool) (again bool) {
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
		if rendering {
			b.render(s[0].Value.Uint64())
		}
		debug.SetMemoryLimit(b.limit(s[0].Value.Uint64()))
		return true
	}
	if !fit(false) {
		debug.SetMemoryLimit(limit)
		return func() {}
	}
	percent := debug.SetGCPercent(buildGCPercent)
	afterEachGC(func() bool { return fit(false) })
	cfg.Rendering = func() {
		runtime.GC() // so that the live heap is the model's
		fit(true)
	}
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done = true
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

// A budget is a build's memory limit, fitted to the live heap after each
// collection.
//
// While the site is read, the limit is 2.25 times the most that has been
// live, never lowered: what a large site's files hold is dropped as the
// model is made, and a limit that followed it down would leave the
// collector no room while the heap is still as large as it was.
//
// While pages are rendered (from render on), it is 4.5 times the live
// heap when rendering started (the model): what rendering keeps grows to
// about twice the model, and the garbage between collections needs as
// much room again and more, or the collector runs without pause. On a
// large site what rendering keeps grows more, and the limit with it: 2.25
// times what is live.
//
// Never under 160 MiB (a small site has room to spare), never over
// memoryLimit.
type budget struct {
	peak  uint64 // the most live while the site was read
	model uint64 // live when rendering started; 0 before
}

// render says that rendering starts with model bytes live.
func (b *budget) render(model uint64) { b.model = max(model, 1) }

// limit is the memory limit with live bytes live.
func (b *budget) limit(live uint64) int64 {
	if b.model == 0 {
		b.peak = max(b.peak, live)
		return within(int64(b.peak) * 9 / 4)
	}
	return within(max(int64(b.model)*9/2, int64(live)*9/4))
}

// within bounds a limit to 160 MiB and memoryLimit.
func within(limit int64) int64 {
	return min(memoryLimit, max(160<<20, limit))
}

// buildGCPercent is GOGC during a build: high enough that the collector
// waits for the budget's limit rather than for the heap to double.
const buildGCPercent = 300

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
