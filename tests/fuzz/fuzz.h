/* SPDX-License-Identifier: ISC */
/*
 * Fuzz harnesses: each file defines LLVMFuzzerTestOneInput for one parser
 * of outside input. Built with libFuzzer by `make fuzz`, and with
 * replay.c as a plain program that `make check` runs over the seed corpus
 * in tests/fuzz/corpus/<name>/, so the harnesses never rot.
 */
#ifndef NTT_FUZZ_H
#define NTT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A NUL-terminated copy of the input; the caller frees. */
char	*fuzz_str(const uint8_t *, size_t);

#endif
