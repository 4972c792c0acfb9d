# The two commands of the quick start, wrapping CMake (as neovim does).
#   make demo    install what is missing, build, start the cashier on a demo outlet
#   make check   install what the tests need, build, run every test
BUILD ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
ifdef CI
CMAKE_FLAGS += -DNTT_WERROR=ON
endif

all: build

deps:
	@scripts/deps.sh

deps-test:
	@scripts/deps.sh test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j2

demo: build
	@scripts/demo.sh $(BUILD)

check: deps-test $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j2
	ctest --test-dir $(BUILD) --output-on-failure -j2

bench: build
	@scripts/bench.sh $(BUILD)

# Every test again under AddressSanitizer and UBSan, in build-asan/.
check-asan: deps-test
	cmake -S . -B build-asan -DNTT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
	cmake --build build-asan -j2
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --test-dir build-asan --output-on-failure -j2

fuzz: deps-test
	@scripts/fuzz.sh

clean:
	rm -rf $(BUILD)

.PHONY: all deps deps-test build demo check check-asan bench fuzz clean
