/* names: the column and sort-key names -U and -S accept, with strace's aliases and messages. */
#include "stats/stats.h"

#include <string.h>

/* One list serves both options; -S also takes "nothing" and "none". */
static const struct {
	const char *name;
	enum stats_column col;
} names[] = {
	{ "time-percent", COL_PERCENT }, { "time_percent", COL_PERCENT }, { "time", COL_PERCENT },
	{ "total-time", COL_TOTAL }, { "total_time", COL_TOTAL },
	{ "time-total", COL_TOTAL }, { "time_total", COL_TOTAL },
	{ "min-time", COL_MIN }, { "min_time", COL_MIN }, { "time-min", COL_MIN },
	{ "time_min", COL_MIN }, { "shortest", COL_MIN },
	{ "max-time", COL_MAX }, { "max_time", COL_MAX }, { "time-max", COL_MAX },
	{ "time_max", COL_MAX }, { "longest", COL_MAX },
	{ "avg-time", COL_AVG }, { "avg_time", COL_AVG }, { "time-avg", COL_AVG }, { "time_avg", COL_AVG },
	{ "calls", COL_CALLS }, { "count", COL_CALLS },
	{ "errors", COL_ERRORS }, { "error", COL_ERRORS },
	{ "name", COL_NAME }, { "syscall", COL_NAME }, { "syscall-name", COL_NAME },
	{ "syscall_name", COL_NAME },
	{ "nothing", SORT_NOTHING }, { "none", SORT_NOTHING },
};

/* The column named by the n bytes at s, or -1. */
static int lookup(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == n && !memcmp(names[i].name, s, n))
			return names[i].col;
	return -1;
}

int stats_parse_sort(const char *arg, struct stats_layout *l, struct buf *err)
{
	int col = lookup(arg, strlen(arg));
	if (col < 0) {
		buf_printf(err, "invalid sortby: '%s'", arg);
		return -1;
	}
	/* the percentage is the total time's share: both sort by the total */
	l->sort = col == COL_PERCENT ? COL_TOTAL : (enum stats_column)col;
	return 0;
}

/* Replaces the column list; the syscall name is added at the end when not named. */
int stats_parse_columns(const char *arg, struct stats_layout *l, struct buf *err)
{
	bool seen[COL_COUNT] = { false };
	l->ncolumns = 0;
	for (const char *s = arg;; s++) {
		const char *end = strchrnul(s, ',');
		int col = lookup(s, end - s);
		if (col < 0 || col == SORT_NOTHING) {
			buf_printf(err, "unknown column name: '%.*s'", (int)(end - s), s);
			return -1;
		}
		if (seen[col]) {
			buf_printf(err, "call summary column has been provided more than once: "
				   "'%.*s' (-U option residual: '%s')", (int)(end - s), s, s);
			return -1;
		}
		seen[col] = true;
		l->columns[l->ncolumns++] = col;
		s = end;
		if (!*end)
			break;
	}
	if (!seen[COL_NAME])
		l->columns[l->ncolumns++] = COL_NAME;
	return 0;
}
