/* timespec: the one place time differences are computed (-r, -T). */
#ifndef ESTRACE_TIMESPEC_H
#define ESTRACE_TIMESPEC_H

#include <time.h>

/* later - earlier, with tv_nsec in [0, 1e9) */
static inline struct timespec timespec_sub(struct timespec later, struct timespec earlier)
{
	struct timespec d = { later.tv_sec - earlier.tv_sec, later.tv_nsec - earlier.tv_nsec };
	if (d.tv_nsec < 0) {
		d.tv_sec--;
		d.tv_nsec += 1000000000;
	}
	return d;
}

#endif
