/* tally: what the summary keeps per syscall of an ABI (shared by count.c and table.c). */
#ifndef ESTRACE_STATS_TALLY_H
#define ESTRACE_STATS_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "sysent.h"

struct tally {
	const char *name;
	uint64_t nr;                /* its number in the ABI: rows that tie keep this order */
	uint64_t calls, errors;
	int64_t total, min, max;    /* nanoseconds */
};

/* The tallies of abi with at least one call, in syscall number order, copied into a new array
 * (the caller frees it); NULL and *n = 0 when none. */
struct tally *tally_list(enum abi abi, size_t *n);

#endif
