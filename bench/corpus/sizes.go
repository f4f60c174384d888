package corpus

import (
	"os"
	"strconv"
)

// BenchSizes are the corpus sizes the build benchmarks run on: 1,000 and
// 10,000 entries, only 1,000 when short (go test -short).
// RATUSZ_BENCH_ENTRIES chooses one size instead, for profiling a large
// tree:
//
//	RATUSZ_BENCH_ENTRIES=100000 go test ./generator -run '^$' -bench Build -benchtime 1x -cpuprofile cpu.out
func BenchSizes(short bool) []int {
	if n, err := strconv.Atoi(os.Getenv("RATUSZ_BENCH_ENTRIES")); err == nil && n > 0 {
		return []int{n}
	}
	if short {
		return []int{1000}
	}
	return []int{1000, 10000}
}
