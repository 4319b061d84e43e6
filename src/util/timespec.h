/* timespec: the one place time differences are computed and fractions printed (-t, -r, -T). */
#ifndef ESTRACE_TIMESPEC_H
#define ESTRACE_TIMESPEC_H

#include <stdio.h>
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

/* ".134", ".134519", ".134519774" for 3, 6, 9 digits, "" for 0: cut, not rounded, as strace */
static inline void timespec_fraction(char *dst, size_t size, struct timespec t, int digits)
{
	long div = 1;
	for (int i = digits; i < 9; i++)
		div *= 10;
	if (digits > 0)
		snprintf(dst, size, ".%0*ld", digits, t.tv_nsec / div);
	else if (size)
		dst[0] = '\0';
}

#endif
