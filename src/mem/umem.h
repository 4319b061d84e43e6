/* umem: reading tracee memory. process_vm_readv in page-bounded chunks (/proc/PID/mem for
 * large ones), PTRACE_PEEKDATA when the kernel refuses both. Every function returns 0 or -errno. */
#ifndef ESTRACE_UMEM_H
#define ESTRACE_UMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/buf.h"

/* Read exactly len bytes at addr. */
int umem_read(pid_t pid, uint64_t addr, void *dst, size_t len);
/* Read as many of len bytes as are readable from addr on; *got = bytes read.
 * Returns -errno only when not even the first byte could be read. */
int umem_read_some(pid_t pid, uint64_t addr, void *dst, size_t len, size_t *got);
/* Append the NUL-terminated string at addr to out (without the NUL), reading at most max bytes
 * (SIZE_MAX: no limit). *complete says whether the NUL was found. An unmapped page after the
 * string never loses the string: reads stop at page boundaries. */
int umem_read_str(pid_t pid, uint64_t addr, size_t max, struct buf *out, bool *complete);

/* One string of a batch: where it starts in the output buffer, or why it could not be read. */
struct umem_str {
	int err;          /* 0 or -errno */
	bool complete;    /* NUL found within max */
	size_t off, len;  /* in the output buffer (not NUL-terminated there: use len) */
};

/* Read n strings (addrs[i], at most max bytes each) into out, with as few syscalls as the
 * layout allows: strings laid end to end (as argv and envp usually are) as one span, the rest
 * IOV_MAX at a time. Same results as n calls of umem_read_str. */
void umem_read_strings(pid_t pid, const uint64_t *addrs, size_t n, size_t max,
		       struct buf *out, struct umem_str *res);

#endif
