/* SPDX-License-Identifier: ISC */
/* The device key file: any bytes on disk load cleanly or are refused. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core.h"
#include "devkey.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static char path[64];
	struct devkey k;
	char	*cause = NULL;
	FILE	*fp;

	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/fuzz-devkey-%d", (int)getpid());
	if ((fp = fopen(path, "wb")) == NULL)
		return 0;
	fwrite(data, 1, len, fp);
	fclose(fp);
	if (devkey_load(path, &k, &cause) == POS_OK)
		devkey_wipe(&k);
	free(cause);
	unlink(path);
	return 0;
}
