// SPDX-License-Identifier: GPL-2.0
/* version: the release and commit splatd was built from (see version.h). */
#include "server/version.h"

#include "build/gen/version.h"

const char *version_release(void)
{
	return SPLATD_VERSION;
}

const char *version_commit(void)
{
	return SPLATD_GIT;
}

const char *version_line(void)
{
	return "splatd " SPLATD_VERSION " (" SPLATD_GIT ")";
}
