/* table: the summary as strace prints it: one table per ABI that made a counted call, its
 * rows sorted (-S), its columns chosen (-U) and as wide as their widest cell. */
#include "stats/stats.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt/options.h"
#include "print/out.h"
#include "stats/tally.h"

/* strace 6.1 widens shortest, longest and the name column for wider cells; the other
 * columns are taken to widen the same way (they need 10000 s or 10^9 calls to show it). */
struct colspec {
	const char *header;
	int min_width;   /* strace's width when every cell fits */
	int pad;         /* added to the widest cell: strace leaves a space after the longest name */
	bool left;       /* left-aligned (the name); the last column is then not padded */
};

static const struct colspec colspecs[COL_COUNT] = {
	[COL_PERCENT] = { "% time", 6, 0, false },
	[COL_TOTAL] = { "seconds", 11, 0, false },
	[COL_MIN] = { "shortest", 8, 0, false },
	[COL_MAX] = { "longest", 8, 0, false },
	[COL_AVG] = { "usecs/call", 11, 0, false },
	[COL_CALLS] = { "calls", 9, 0, false },
	[COL_ERRORS] = { "errors", 9, 0, false },
	[COL_NAME] = { "syscall", 16, 1, true },
};

/* Personality names in strace's "System call usage summary for %s mode:" line, printed
 * before the tables of ABIs other than the native one. (This kernel runs no i386 binaries:
 * the line is not checked against strace here.) */
static const char *const abi_mode[ABI_COUNT] = { "64 bit", "32 bit" };

struct table {
	struct tally *rows;
	size_t nrows;
	struct tally total;          /* the "total" row */
	int width[COL_COUNT];
};

/* The number a column shows and sorts by: nanoseconds for times (an average for avg-time). */
static int64_t value(enum stats_column col, const struct tally *t)
{
	switch (col) {
	case COL_PERCENT:
	case COL_TOTAL:
		return t->total;
	case COL_MIN:
		return t->min;
	case COL_MAX:
		return t->max;
	case COL_AVG:
		return t->total / (int64_t)t->calls;
	case COL_CALLS:
		return t->calls;
	case COL_ERRORS:
		return t->errors;
	default:
		return 0;
	}
}

/* The text of one cell; the total row's share is always 100%, no errors is a blank cell. */
static void cell(char *s, size_t n, enum stats_column col, const struct tally *t, const struct table *tb)
{
	int64_t v = value(col, t);
	int64_t all = tb->total.total;
	switch (col) {
	case COL_PERCENT:
		snprintf(s, n, "%.2f", t == &tb->total ? 100.0 : all ? 100.0 * v / all : 0.0);
		break;
	case COL_TOTAL:
	case COL_MIN:
	case COL_MAX:
		snprintf(s, n, "%.6f", v / 1e9);
		break;
	case COL_AVG:
		snprintf(s, n, "%" PRId64, v / 1000);
		break;
	case COL_NAME:
		snprintf(s, n, "%s", t->name);
		break;
	default:
		if (v)
			snprintf(s, n, "%" PRId64, v);
		else
			snprintf(s, n, "%s", col == COL_ERRORS ? "" : "0");
		break;
	}
}

/* -S: numbers descending, names ascending; ties (and "nothing") in syscall number order. */
static int compare(const void *a, const void *b, void *key)
{
	const struct tally *x = a, *y = b;
	enum stats_column k = *(const enum stats_column *)key;
	int r = 0;
	if (k == COL_NAME)
		r = strcmp(x->name, y->name);
	else if (k != SORT_NOTHING)
		r = (value(k, x) < value(k, y)) - (value(k, x) > value(k, y));
	return r ? r : (x->nr > y->nr) - (x->nr < y->nr);
}

static void sum_rows(struct table *tb)
{
	struct tally *s = &tb->total;
	*s = (struct tally){ .name = "total" };
	for (size_t i = 0; i < tb->nrows; i++) {
		const struct tally *t = &tb->rows[i];
		if (!i || t->min < s->min)
			s->min = t->min;
		if (t->max > s->max)
			s->max = t->max;
		s->total += t->total;
		s->calls += t->calls;
		s->errors += t->errors;
	}
}

static void measure(struct table *tb, const struct stats_layout *l)
{
	char s[64];
	for (int k = 0; k < l->ncolumns; k++) {
		enum stats_column col = l->columns[k];
		const struct colspec *cs = &colspecs[col];
		int w = 0;
		for (size_t i = 0; i <= tb->nrows; i++) {
			cell(s, sizeof(s), col, i < tb->nrows ? &tb->rows[i] : &tb->total, tb);
			if ((int)strlen(s) > w)
				w = strlen(s);
		}
		w += cs->pad;
		tb->width[col] = w > cs->min_width ? w : cs->min_width;
	}
}

/* Column k of a line: after a space unless first, the name left-aligned and padded unless
 * last, the rest right-aligned. */
static void put_cell(struct buf *b, const struct table *tb, const struct stats_layout *l, int k,
		     const char *text)
{
	enum stats_column col = l->columns[k];
	bool last = k == l->ncolumns - 1;
	if (k)
		buf_addc(b, ' ');
	if (!colspecs[col].left)
		buf_printf(b, "%*s", tb->width[col], text);
	else
		buf_printf(b, "%-*s", last ? 0 : tb->width[col], text);
}

static void put_header(struct buf *b, const struct table *tb, const struct stats_layout *l)
{
	for (int k = 0; k < l->ncolumns; k++)
		put_cell(b, tb, l, k, colspecs[l->columns[k]].header);
	buf_addc(b, '\n');
}

static void put_dashes(struct buf *b, const struct table *tb, const struct stats_layout *l)
{
	for (int k = 0; k < l->ncolumns; k++) {
		if (k)
			buf_addc(b, ' ');
		int w = tb->width[l->columns[k]];
		memset(buf_tail(b, w), '-', w);
		buf_commit(b, w);
	}
	buf_addc(b, '\n');
}

static void put_row(struct buf *b, const struct table *tb, const struct stats_layout *l,
		    const struct tally *row)
{
	char s[64];
	for (int k = 0; k < l->ncolumns; k++) {
		cell(s, sizeof(s), l->columns[k], row, tb);
		put_cell(b, tb, l, k, s);
	}
	buf_addc(b, '\n');
}

static void put_table(struct buf *b, struct table *tb, const struct stats_layout *l)
{
	enum stats_column key = l->sort;
	qsort_r(tb->rows, tb->nrows, sizeof(*tb->rows), compare, &key);
	sum_rows(tb);
	measure(tb, l);
	put_header(b, tb, l);
	put_dashes(b, tb, l);
	for (size_t i = 0; i < tb->nrows; i++)
		put_row(b, tb, l, &tb->rows[i]);
	put_dashes(b, tb, l);
	put_row(b, tb, l, &tb->total);
}

void stats_report(struct out *o)
{
	if (!opt.summary)
		return;
	struct buf b = BUF_INIT;
	for (int abi = 0; abi < ABI_COUNT; abi++) {
		struct table tb = { 0 };
		tb.rows = tally_list(abi, &tb.nrows);
		if (!tb.nrows)
			continue;
		if (abi != ABI_X86_64)
			buf_printf(&b, "System call usage summary for %s mode:\n", abi_mode[abi]);
		put_table(&b, &tb, &opt.summary_layout);
		free(tb.rows);
	}
	out_add(o, b.data, b.len);
	buf_free(&b);
}
