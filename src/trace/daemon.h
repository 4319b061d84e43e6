/* daemon: -D, -DD, -DDD. The tracer runs as a grandchild of the process that started estrace,
 * and that process becomes the command: whoever started estrace keeps the command as its
 * child ($! is the command's pid, its exit status the command's own). */
#ifndef ESTRACE_DAEMON_H
#define ESTRACE_DAEMON_H

#include <stdbool.h>

/* Fork the tracer off (in its own process group for DAEMON_PGROUP, session for
 * DAEMON_SESSION). Returns true in the tracer, with *go to pass to daemon_go once the caller
 * is seized; false in the caller once the tracer said go. A caller whose tracer died before
 * that (it said why) exits 1. */
bool daemon_split(int mode, int *go);
/* In the tracer: the command is seized, let it go on to exec. */
void daemon_go(int go);

#endif
