/* backend: what the -k dispatcher (stack.c) asks of an unwinder, and the memory of the stop
 * being unwound, which every unwinder reads through the same cache.
 *
 * An unwinder only finds the frames' addresses; stack.c turns them into frame lines, with the
 * one symbol cache (symbols.c), so both unwinders and both ABIs print the same lines. Each
 * unwinder that is not built is a NULL pointer, so that no caller needs an #ifdef. */
#ifndef ESTRACE_STACK_BACKEND_H
#define ESTRACE_STACK_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/user.h>

#include "util/buf.h"

/* The thread being unwound, stopped: its registers as PTRACE_GETREGS gives them (an i386
 * thread's in the low halves). */
struct stop_regs {
	pid_t pid;
	bool i386;
	struct user_regs_struct regs;
};

struct unwinder {
	const char *name;   /* as -V lists it: "libunwind", "libdw" */
	bool i386;          /* it can unwind i386 threads */
	/* The addresses of at most limit frames of the stopped thread, innermost first: its
	 * instruction pointer, then the return addresses. Returns how many; 0 when its stack
	 * cannot be read. */
	size_t (*unwind)(const struct stop_regs *r, uint64_t *ips, size_t limit);
	/* -kk: append " FILE:LINE" for ip when its debug information has them */
	void (*source)(const struct stop_regs *r, uint64_t ip, struct buf *out);
	/* pid exec'd or is gone */
	void (*forget)(pid_t pid);
};

extern const struct unwinder *const unwinder_libunwind;
extern const struct unwinder *const unwinder_libdw;

/* The stopped thread's memory, for an unwinder: read-only file mappings from the files'
 * cached images (symbols.c), the rest through umem's bulk reads with a small page cache that
 * lasts one stop (stacks are read a word at a time). */
void stop_mem_begin(pid_t pid);
/* 0, or -1 when [addr, addr + len) cannot be read */
int stop_mem_read(uint64_t addr, void *dst, size_t len);

#endif
