package main

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// TestBudget checks the memory limit for the live heaps of a small site,
// a 10,000-entry one and a 100,000-entry one, while the site is read and
// while pages render.
func TestBudget(t *testing.T) {
	const mib = 1 << 20
	type step struct {
		render bool // rendering starts with this live heap
		live   uint64
		want   int64
	}
	for _, tt := range []struct {
		name  string
		steps []step
	}{
		{"small site", []step{
			{false, 4 * mib, 160 * mib},
			{false, 20 * mib, 160 * mib},
			{true, 4 * mib, 160 * mib},
			{false, 30 * mib, 160 * mib},
		}},
		{"10,000 entries", []step{
			{false, 56 * mib, 160 * mib},
			{true, 36 * mib, 162 * mib},
			{false, 60 * mib, 162 * mib},  // half way
			{false, 100 * mib, 225 * mib}, // what rendering keeps outgrows the model
		}},
		{"100,000 entries", []step{
			{false, 200 * mib, 450 * mib},
			{false, 368 * mib, 828 * mib},
			{false, 280 * mib, 828 * mib}, // the files' front matter is dropped: the limit stays
			{true, 128 * mib, 576 * mib},  // the model: now fitted to it
			{false, 400 * mib, 900 * mib}, // half way
			{false, 500 * mib, memoryLimit},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b budget
			for i, s := range tt.steps {
				if s.render {
					b.render(s.live)
				}
				if got := b.limit(s.live); got != s.want {
					t.Errorf("step %d: limit with %d MiB live = %d MiB, want %d MiB", i, s.live/mib, got/mib, s.want/mib)
				}
			}
		})
	}
}

// afterEachGC calls its function after collections until it is done.
func TestAfterEachGC(t *testing.T) {
	var done atomic.Bool
	var calls atomic.Int32
	afterEachGC(func() bool { calls.Add(1); return !done.Load() })
	waitFor := func(n int32) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); calls.Load() < n; {
			if time.Now().After(deadline) {
				t.Fatalf("called %d times, want %d", calls.Load(), n)
			}
			runtime.GC()
			time.Sleep(time.Millisecond)
		}
	}
	waitFor(1)
	waitFor(3) // and again after later collections
	done.Store(true)
	runtime.GC()
	time.Sleep(10 * time.Millisecond)
	after := calls.Load()
	for range 5 {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if n := calls.Load(); n > after+1 {
		t.Errorf("called %d times after done, want at most once more (%d)", n-after, after+1)
	}
}

// A build puts back the memory limit and GOGC it found.
func TestLimitMemoryRestores(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "") // the command's own limit, not the environment's
	before := debug.SetMemoryLimit(-1)
	gogc := debug.SetGCPercent(100)
	debug.SetGCPercent(gogc)
	var cfg generator.Config
	restore := limitMemory(&cfg)
	if got := debug.SetMemoryLimit(-1); got < 160<<20 || got > memoryLimit {
		t.Errorf("limit while loading: %d MiB, want 160 MiB to %d MiB", got>>20, memoryLimit>>20)
	}
	if got := debug.SetGCPercent(buildGCPercent); got != buildGCPercent {
		t.Errorf("GOGC while loading: %d, want %d", got, buildGCPercent)
	}
	cfg.Rendering()
	if got := debug.SetMemoryLimit(-1); got < 160<<20 || got > memoryLimit {
		t.Errorf("limit while rendering: %d MiB, want 160 MiB to %d MiB", got>>20, memoryLimit>>20)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after the build: %d, want %d as before", got, before)
	}
	if got := debug.SetGCPercent(gogc); got != gogc {
		t.Errorf("GOGC after the build: %d, want %d as before", got, gogc)
	}
}
