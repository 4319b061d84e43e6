/* procinfo: what -Y and -y print next to a pid or a file descriptor, read from /proc. */
#ifndef ESTRACE_PROCINFO_H
#define ESTRACE_PROCINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "decode/call.h"
#include "util/buf.h"

/* The command name of pid into comm[16]; "" when pid is gone. */
void proc_comm(pid_t pid, char comm[16]);

/* A pid: "1234", and "1234<comm>" under -Y while the process exists. */
void render_pid(struct buf *b, int64_t pid);
/* A pid argument: its name is read at entry into c->comm[k] (a call may reap the process
 * before its line is printed), and printed from there. */
void capture_pid(struct call *c, int k, int64_t pid);
void render_pid_arg(const struct call *c, struct buf *b, int k, int64_t pid);

/* An fd argument of the stopped tracee pid, read for -y into c (one per call). */
void capture_fd(struct call *c, pid_t pid, int fd);
/* The fd captured by capture_fd: "3", or "3</path>", "3</dev/null<char 1:3>>", "7<pid:42>". */
void render_fd(const struct call *c, struct buf *b, int fd);

#endif
