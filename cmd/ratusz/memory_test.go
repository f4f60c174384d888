package main

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ratusz/ratusz/generator"
)

// TestRenderLimit checks the memory limit of rendering for the live heaps
// of a small site, a 10,000-entry one and a 100,000-entry one, when
// rendering starts and as what it keeps grows.
func TestRenderLimit(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct {
		model, live uint64
		want        int64
	}{
		{4 * mib, 4 * mib, 160 * mib},
		{36 * mib, 36 * mib, 162 * mib},
		{36 * mib, 60 * mib, 162 * mib},  // a 10,000-entry site half way
		{36 * mib, 100 * mib, 225 * mib}, // what rendering keeps outgrows the model
		{128 * mib, 128 * mib, 576 * mib},
		{128 * mib, 400 * mib, 900 * mib}, // a 100,000-entry site half way
		{400 * mib, 400 * mib, memoryLimit},
	} {
		if got := renderLimit(tt.model, tt.live); got != tt.want {
			t.Errorf("renderLimit(%d MiB, %d MiB) = %d MiB, want %d MiB", tt.model/mib, tt.live/mib, got/mib, tt.want/mib)
		}
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
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("limit while loading: %d, want %d", got, memoryLimit)
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
