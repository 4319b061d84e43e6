/* filter: which syscalls and signals are shown (-e trace=, -e signal=). */
#ifndef ESTRACE_FILTER_H
#define ESTRACE_FILTER_H

#include <stdbool.h>

#include "sysent.h"

/* Parse one -e expression ("trace=execve,clone", "signal=!SIGCHLD", or a bare trace set);
 * dies with strace's message on a bad one. */
void filter_parse(const char *expr);
/* Apply the defaults for whatever no -e expression set (trace=%process, signal=all). */
void filter_finish(void);

/* id SC_COUNT: a syscall number no table knows, shown only with trace=all */
static inline bool trace_wanted(enum sc_id id)
{
	extern unsigned char filter_trace[SC_COUNT + 1];
	return filter_trace[id];
}

bool signal_wanted(int sig);

#endif
