/* count: one tally per syscall and ABI, fed at every traced syscall's return. */
#include "stats/stats.h"

#include <stdlib.h>

#include "decode/call.h"
#include "opt/options.h"
#include "stats/tally.h"
#include "util/die.h"
#include "util/timespec.h"

static struct tally *tallies[ABI_COUNT];   /* indexed by sc_id; allocated at the first count */

struct timespec stats_clock(const struct timespec *wall, const struct rusage *usage)
{
	if (opt.summary_wall)
		return *wall;
	return (struct timespec){ usage->ru_stime.tv_sec, usage->ru_stime.tv_usec * 1000L };
}

/* strace counts a return of -1..-4095 as an error, ERESTARTSYS and its kin included. */
static bool is_error(int64_t rval)
{
	return rval < 0 && rval >= -4095;
}

void stats_count(const struct call *c, const struct timespec *now)
{
	if (!opt.summary || c->id == SC_COUNT)
		return;   /* strace does not count numbers its tables do not name */
	if (!tallies[c->abi])
		tallies[c->abi] = xcalloc(SC_COUNT, sizeof(struct tally));
	struct tally *t = &tallies[c->abi][c->id];
	struct timespec d = timespec_sub(*now, c->clock_entered);
	int64_t ns = (int64_t)d.tv_sec * 1000000000 + d.tv_nsec - opt.summary_overhead;
	if (ns < 0)
		ns = 0;   /* -O took more than the call lasted, or a wall clock stepped back */
	if (!t->calls || ns < t->min)
		t->min = ns;
	if (ns > t->max)
		t->max = ns;
	t->total += ns;
	t->calls++;
	t->errors += is_error(c->rval);
	t->nr = c->nr;
	t->name = sysent[c->id].name;
}

static int by_number(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;
	return (x->nr > y->nr) - (x->nr < y->nr);
}

struct tally *tally_list(enum abi abi, size_t *n)
{
	*n = 0;
	if (!tallies[abi])
		return NULL;
	struct tally *list = xcalloc(SC_COUNT, sizeof(*list));
	for (size_t id = 0; id < SC_COUNT; id++)
		if (tallies[abi][id].calls)
			list[(*n)++] = tallies[abi][id];
	qsort(list, *n, sizeof(*list), by_number);
	return list;
}
