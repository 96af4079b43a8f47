// SPDX-License-Identifier: GPL-2.0
/*
 * run_time: a run's own time from its started_at (db_run_time()), which
 * the runs lists order by; no SQL, so the fuzz targets that build a run's
 * view link it without the database.
 */
#include "db/runs.h"

#include "parsers/datetime.h"

long long db_run_time(const char *started_at, long long received_at)
{
	long long t;

	if (datetime_parse(started_at, &t))
		return received_at;
	return t >= DB_RUN_TIME_MIN && t < received_at ? t : received_at;
}
