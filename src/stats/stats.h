/* stats: the call summary of -c and -C. The tracer hands every traced syscall that returned to
 * stats_count; stats_report prints strace's table of time, calls and errors per syscall.
 *
 * Counting is per ABI: an i386 tracee's calls get their own table, as strace's personalities. */
#ifndef ESTRACE_STATS_H
#define ESTRACE_STATS_H

#include <stdbool.h>
#include <sys/resource.h>
#include <time.h>

#include "util/buf.h"

struct call;
struct out;

/* The summary's columns, which are also its sort keys (-U, -S). */
enum stats_column {
	COL_PERCENT,   /* % time */
	COL_TOTAL,     /* seconds */
	COL_MIN,       /* shortest */
	COL_MAX,       /* longest */
	COL_AVG,       /* usecs/call */
	COL_CALLS,
	COL_ERRORS,
	COL_NAME,      /* syscall */
	COL_COUNT,
	SORT_NOTHING = COL_COUNT,   /* -S nothing: syscall number order */
};

struct stats_layout {
	enum stats_column sort;
	enum stats_column columns[COL_COUNT];
	int ncolumns;
};

/* The default layout: sorted by time; % time, seconds, usecs/call, calls, errors, syscall. */
#define STATS_DEFAULT_LAYOUT { \
	.sort = COL_TOTAL, \
	.columns = { COL_PERCENT, COL_TOTAL, COL_AVG, COL_CALLS, COL_ERRORS, COL_NAME }, \
	.ncolumns = 6, \
}

/* -S and -U values as strace reads them. Return 0, or -1 with strace's message in *err. */
int stats_parse_sort(const char *arg, struct stats_layout *l, struct buf *err);
int stats_parse_columns(const char *arg, struct stats_layout *l, struct buf *err);

/* The clock the summary measures at a stop: wall-clock time (-w) or the tracee's system CPU
 * time (from the rusage wait4 gave for the stop). */
struct timespec stats_clock(const struct timespec *wall, const struct rusage *usage);

/* A traced syscall returned; now is stats_clock at its return, c->clock_entered at its
 * entry. Counts it (nothing unless -c or -C). */
void stats_count(const struct call *c, const struct timespec *now);
/* Print the tables (nothing when no syscall was counted). */
void stats_report(struct out *o);

#endif
