#!/usr/bin/env bash
# bench/run.sh: `make bench`. Builds corpus trees of 1,000, 10,000 and
# 100,000 entries with ratusz, with Hugo (when installed) and with the
# goldmark-only floor (bench/floor), and prints wall time, CPU time and
# peak memory side by side. See docs/performance.md.
#
# Settings (environment):
#   SIZES      entries of the trees          (default "1000 10000 100000")
#   RUNS       builds of each; the fastest counts (default 1)
#   BENCH_DIR  where trees and results go    (default /tmp/ratusz-bench)
#   OUT_DIR    where the built sites go      (default /dev/shm/ratusz-bench when
#              /dev/shm is a writable tmpfs, else BENCH_DIR): in memory, the
#              disk's write-back does not decide who is faster
#   HUGO       the hugo binary               (default: hugo on PATH, else $(go env GOPATH)/bin/hugo)
#   SEARCH     1 to measure the search too (generator/internal/searcheval), 0 not to (default 1)
#   HUGO_SIZES the sizes Hugo builds too     (default $SIZES; at 10,000 entries
#              Hugo takes about 2 GB and a minute or two, so 100,000 needs a
#              machine with far more memory than ratusz)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
HUGO_SIZES=${HUGO_SIZES:-$SIZES}
RUNS=${RUNS:-1}
BENCH_DIR=${BENCH_DIR:-/tmp/ratusz-bench}
GO=${GO:-go}

if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time -f %e true >/dev/null 2>&1; then
	echo "bench: GNU time is missing (/usr/bin/time); install it: apt-get install time" >&2
	exit 2
fi
HUGO=${HUGO:-$(command -v hugo || true)}
if [[ -z $HUGO && -x "$($GO env GOPATH)/bin/hugo" ]]; then
	HUGO="$($GO env GOPATH)/bin/hugo"
fi

mkdir -p "$BENCH_DIR/bin"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
if [[ -z ${OUT_DIR:-} ]]; then
	OUT_DIR=$BENCH_DIR
	if [[ -d /dev/shm && -w /dev/shm ]] && [[ $(stat -f -c %T /dev/shm) == tmpfs ]]; then
		OUT_DIR=/dev/shm/ratusz-bench
	fi
fi
mkdir -p "$OUT_DIR"
$GO build -o "$BENCH_DIR/bin/ratusz" ./cmd/ratusz
$GO build -o "$BENCH_DIR/bin/ratusz-corpus" ./bench/ratusz-corpus
$GO build -o "$BENCH_DIR/bin/floor" ./bench/floor

# measure NAME OUT CMD...: runs CMD once with an empty OUT and keeps, in
# $BENCH_DIR/NAME, the fastest run's "wall cpu rss" (seconds, seconds,
# KiB) of this one and the ones before it.
measure() {
	local name=$1 out=$2
	shift 2
	rm -rf "$out"
	sync
	if ! /usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/$name.time" "$@" >"$BENCH_DIR/$name.log" 2>&1; then
		echo "bench: $name failed; see $BENCH_DIR/$name.log" >&2
		tail -n 5 "$BENCH_DIR/$name.log" >&2
		return 1
	fi
	read -r wall user sys rss < <(tail -n 1 "$BENCH_DIR/$name.time")
	local cpu best=""
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	[[ -f $BENCH_DIR/$name ]] && best=$(cat "$BENCH_DIR/$name")
	if [[ -z $best ]] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
		echo "$wall $cpu $rss" >"$BENCH_DIR/$name"
	fi
	rm -rf "$out"
}

# The tools take turns, run after run, so that a machine that slows down
# or speeds up for a while (a shared or virtual one does) favours none.
for n in $SIZES; do
	tree="$BENCH_DIR/tree-$n"
	if [[ ! -f $tree/.done ]]; then
		echo "bench: writing a tree of $n entries into $tree" >&2
		rm -rf "$tree"
		"$BENCH_DIR/bin/ratusz-corpus" -n "$n" -out "$tree" >/dev/null
		touch "$tree/.done"
	fi
	rm -f "$BENCH_DIR/ratusz-$n" "$BENCH_DIR/floor-$n" "$BENCH_DIR/hugo-$n"
	hugo=""
	if [[ -n $HUGO && " $HUGO_SIZES " == *" $n "* ]]; then
		hugo=1
		cat >"$BENCH_DIR/mounts-$n.toml" <<-TOML
			[[module.mounts]]
			source = "$tree/content/cities"
			target = "content/miasta"
			[[module.mounts]]
			source = "$tree/content/programmes"
			target = "content/programy"
			[[module.mounts]]
			source = "$tree/content"
			target = "content"
			excludeFiles = ["cities/**", "programmes/**"]
			[[module.mounts]]
			source = "layouts"
			target = "layouts"
		TOML
	fi
	for ((run = 1; run <= RUNS; run++)); do
		echo "bench: $n entries, run $run of $RUNS: ratusz" >&2
		# Built in the tree's own folder, as an editor builds a site: with
		# its settings (none, so the defaults), not the built-in site's
		# ratusz.toml of the folder the bench runs in.
		measure "ratusz-$n" "$OUT_DIR/out-ratusz" env -C "$tree" \
			"$BENCH_DIR/bin/ratusz" build -quiet -out "$OUT_DIR/out-ratusz" -now 2026-11-23 -base-url https://example.org/
		echo "bench: $n entries, run $run of $RUNS: floor" >&2
		measure "floor-$n" "$OUT_DIR/out-floor" "$BENCH_DIR/bin/floor" -content "$tree/content" -out "$OUT_DIR/out-floor"
		if [[ -n $hugo ]]; then
			echo "bench: $n entries, run $run of $RUNS: hugo" >&2
			measure "hugo-$n" "$OUT_DIR/out-hugo" "$HUGO" --quiet --noBuildLock -s bench/hugo \
				--config "bench/hugo/hugo.toml,$BENCH_DIR/mounts-$n.toml" -d "$OUT_DIR/out-hugo" \
				--cacheDir "$BENCH_DIR/hugo-cache"
		fi
	done
done

# The table.
echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n $HUGO ]]; then
	echo "hugo: $("$HUGO" version | cut -d' ' -f1-2)"
else
	echo "hugo: not installed (GOTOOLCHAIN=go1.27.3 go install github.com/gohugoio/hugo@v0.163.3); its columns are empty"
fi
echo "outputs: $OUT_DIR ($(stat -f -c %T "$OUT_DIR"))"
echo "runs: $RUNS of each, taking turns, the fastest shown; wall and CPU (user+system) in seconds, peak RSS in MiB"
echo
printf '%-8s %-7s %9s %9s %9s   %-22s %s\n' entries tool wall CPU "RSS MiB" "ratusz/hugo w,c,rss" "ratusz/floor w,c,rss"
for n in $SIZES; do
	read -r rw rc rr <"$BENCH_DIR/ratusz-$n"
	for tool in ratusz hugo floor; do
		[[ -f $BENCH_DIR/$tool-$n ]] || continue
		read -r w c r <"$BENCH_DIR/$tool-$n"
		ratios=""
		if [[ $tool == hugo || $tool == floor ]]; then
			ratios=$(awk -v rw="$rw" -v rc="$rc" -v rr="$rr" -v w="$w" -v c="$c" -v r="$r" \
				'BEGIN { printf "%.2f, %.2f, %.2f", rw / w, rc / c, rr / r }')
		fi
		if [[ $tool == hugo ]]; then
			printf '%-8s %-7s %9.2f %9.2f %9.0f   %-22s\n' "$n" "$tool" "$w" "$c" "$(awk -v r="$r" 'BEGIN { print r / 1024 }')" "$ratios"
		elif [[ $tool == floor ]]; then
			printf '%-8s %-7s %9.2f %9.2f %9.0f   %-22s %s\n' "$n" "$tool" "$w" "$c" "$(awk -v r="$r" 'BEGIN { print r / 1024 }')" "" "$ratios"
		else
			printf '%-8s %-7s %9.2f %9.2f %9.0f\n' "$n" "$tool" "$w" "$c" "$(awk -v r="$r" 'BEGIN { print r / 1024 }')"
		fi
	done
done

# Search: the judged queries on ratusz beside Pagefind (generator/internal/searcheval), the
# first query's download at 10,000 and 100,000 entries against its budget
# (generator/internal/a11ytest), and the index's build time beside
# Pagefind's indexing of the same 10,000-entry output.
if [[ ${SEARCH:-1} == 1 ]]; then
	echo
	echo "search:"
	$GO test ./generator/internal/searcheval -run '^$' -bench SearchEvaluation -benchtime 1x -v -timeout 60m | grep -v '^=== '
	$GO test ./generator/internal/a11ytest -run '^$' -bench SearchAt -benchtime 1x -v -timeout 60m | grep -v '^=== '
	bash bench/search/indexing.sh
fi
