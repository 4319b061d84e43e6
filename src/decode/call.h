/* call: one syscall in flight, as captured from the tracee. A decoder's capture step fills it
 * while the tracee is stopped; its render step turns it into text after the tracee resumed. */
#ifndef ESTRACE_CALL_H
#define ESTRACE_CALL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "sysent.h"
#include "util/buf.h"

/* A string read from the tracee: bytes at mem.data + off, or the reason it could not be. */
struct cstr {
	uint64_t addr;
	int err;          /* 0, or -errno when nothing could be read (printed as the address) */
	bool complete;    /* the NUL was found within the limit */
	size_t off, len;
};

/* A NULL-terminated pointer array read from the tracee (argv, envp). */
struct carray {
	uint64_t addr;
	int err;          /* -errno when the array pointer itself is unreadable */
	size_t first;     /* index of the first element in call.strs */
	size_t count;     /* elements read (strings or unreadable pointers) */
	bool more;        /* elements exist beyond the cap (-s) */
	bool unterminated;/* the array runs into unreadable memory */
	uint64_t stop_addr;/* where reading stopped when unterminated */
};

/* A file descriptor argument as -y shows it, read at entry while the fd is still open. */
struct cfd {
	bool known;           /* its /proc link could be read */
	bool deleted;         /* the link ended " (deleted)" (not part of the bytes) */
	size_t off, len;      /* the link's bytes in call.mem */
	char dev_type;        /* 'c' or 'b' for a device, else 0 */
	unsigned major, minor;
	int pidfd_pid;        /* the pid of a pidfd, else -1 ... */
	char pidfd_comm[16];  /* ... and its name for -Y, read while the process may still be there */
};

struct call {
	enum sc_id id;        /* SC_COUNT: a number no table knows */
	enum sc_id prev_id;   /* the thread's previous printed call (restart_syscall), or SC_COUNT */
	enum abi abi;
	uint64_t nr;
	uint64_t args[6];
	int64_t rval;         /* at exit: return value, or -errno */
	bool exited;          /* exit captured (rval valid) */
	struct timespec entered, returned;   /* for -T */
	struct timespec clock_entered;       /* -c/-C: the summary's clock at entry */
	struct buf mem;       /* captured bytes */
	struct cstr *strs;    /* captured strings */
	size_t nstrs, strs_cap;
	struct carray arrays[2];
	uint64_t val[4];      /* decoder scratch: small captured values */
	int val_err[4];       /* 0 or -errno for each val */
	size_t blk_off[4];    /* where a captured block starts in mem (val[k] = its size) */
	struct cfd fd;        /* the fd argument, for -y */
	char comm[2][16];     /* -Y: the names of the pid arguments, read at entry */
	struct buf frames;    /* -k: its stack's frame lines, or empty when not taken yet */
};

/* Reset for a new syscall (keeps the storage). */
void call_reset(struct call *c);
void call_free(struct call *c);
struct cstr *call_new_str(struct call *c);

#endif
