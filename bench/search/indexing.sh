#!/usr/bin/env bash
# bench/search/indexing.sh: the time ratusz takes to make the search index
# of the 10,000-entry corpus (BenchmarkWrite in generator/internal/search:
# from the site model, reading every body's text) beside the time
# Pagefind 1.6 (node_modules/.bin/pagefind) takes to index ratusz's output
# of the same corpus, in turns (A B A B…), RUNS rounds, medians and their
# ratio; and the bytes on disk of each index (ratusz: szukaj/ but its page,
# with the two scripts; Pagefind: pagefind/, its files gzipped). The
# output is built on tmpfs when /dev/shm is one.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
GO=${GO:-go}
PAGEFIND=node_modules/.bin/pagefind
if [[ ! -x $PAGEFIND ]]; then
	echo "indexing: $PAGEFIND is missing; run make node_modules" >&2
	exit 2
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/ratusz-indexing.XXXXXX")
if [[ -d /dev/shm && -w /dev/shm ]]; then
	dir=$(mktemp -d /dev/shm/ratusz-indexing.XXXXXX)
fi
trap 'rm -rf "$dir"' EXIT
$GO build -o "$dir/ratusz" ./cmd/ratusz
$GO run ./bench/ratusz-corpus -n 10000 -seed 1 -out "$dir/site" >/dev/null
(cd "$dir/site" && "$dir/ratusz" build -quiet -out "$dir/out" -now 2026-11-23 -base-url https://example.org/)
$GO test -c -o "$dir/search.test" ./generator/internal/search
declare -a ours theirs
for ((i = 1; i <= RUNS; i++)); do
	ns=$("$dir/search.test" -test.run '^$' -test.bench 'Write/10000' -test.benchtime 1x | awk '/^BenchmarkWrite/ { print $3 }')
	ours+=("$(awk -v ns="$ns" 'BEGIN { printf "%.2f", ns / 1e9 }')")
	rm -rf "$dir/out/pagefind"
	start=$(date +%s.%N)
	$PAGEFIND --site "$dir/out" >/dev/null
	theirs+=("$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')")
	echo "indexing: round $i: ratusz ${ours[-1]} s, pagefind ${theirs[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
m1=$(median "${ours[@]}")
m2=$(median "${theirs[@]}")
echo "search index of 10,000 entries: ratusz ${m1} s, pagefind ${m2} s (median of $RUNS, in turns): ratio $(awk -v a="$m1" -v b="$m2" 'BEGIN { printf "%.3f", a / b }')"
ours_bytes=$(( $(find "$dir/out/szukaj" -type f ! -name index.html -printf '%s\n' | awk '{ n += $1 } END { print n }') + $(find "$dir/out/js" -type f \( -name 'search.*' -o -name 'stem.*' \) -printf '%s\n' | sort -u | awk '{ n += $1 } END { print n }') ))
theirs_bytes=$(find "$dir/out/pagefind" -type f -printf '%s\n' | awk '{ n += $1 } END { print n }')
echo "search index of 10,000 entries on disk: ratusz $((ours_bytes / 1024)) KB, pagefind $((theirs_bytes / 1024)) KB: ratio $(awk -v a="$ours_bytes" -v b="$theirs_bytes" 'BEGIN { printf "%.3f", a / b }')"
