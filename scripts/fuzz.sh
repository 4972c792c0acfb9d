#!/bin/sh
# make fuzz: every harness in tests/fuzz under libFuzzer with address and
# undefined-behaviour sanitizers, FUZZ_SECONDS each (default 60), starting
# from the seed corpus; new inputs it finds go to build-fuzz/corpus/NAME.
# A crash leaves its input in build-fuzz/ and fails the run.
set -eu
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-60}
CC=clang cmake -S . -B build-fuzz -DNTT_FUZZ=ON -DNTT_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build-fuzz -j2 --target fuzz-qris fuzz-rcode fuzz-money \
    fuzz-devkey fuzz-csv > /dev/null
for name in qris rcode money devkey csv; do
	mkdir -p "build-fuzz/corpus/$name"
	echo "fuzz-$name: ${secs}s"
	(cd build-fuzz && "./tests/fuzz/fuzz-$name" -max_total_time="$secs" \
	    -max_len=1024 -print_final_stats=1 "corpus/$name" \
	    "../tests/fuzz/corpus/$name" 2>&1 | tail -4)
done
