/* SPDX-License-Identifier: ISC */
/* Runs a fuzz harness over files: each argument is a corpus file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

char *
fuzz_str(const uint8_t *data, size_t len)
{
	char	*s = malloc(len + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

#ifndef NTT_LIBFUZZER
int
main(int argc, char **argv)
{
	static uint8_t buf[1 << 16];
	FILE	*fp;
	size_t	 n;
	int	 i;

	for (i = 1; i < argc; i++) {
		if ((fp = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return 1;
		}
		n = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		LLVMFuzzerTestOneInput(buf, n);
	}
	printf("%d passed, 0 failed\n", argc - 1);
	return argc > 1 ? 0 : 1;
}
#endif
