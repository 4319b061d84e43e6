/* syscall_info: what a syscall stop is (entry, exit, seccomp), its ABI, number and arguments.
 * PTRACE_GET_SYSCALL_INFO (Linux 5.3+) when the kernel has it, the registers otherwise. */
#ifndef ESTRACE_SYSCALL_INFO_H
#define ESTRACE_SYSCALL_INFO_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sysent.h"

enum stop_op {
	OP_NONE,      /* not a syscall stop */
	OP_ENTRY,
	OP_EXIT,
	OP_SECCOMP,   /* entry reported by a seccomp filter (SECCOMP_RET_TRACE) */
};

struct syscall_stop {
	enum stop_op op;
	enum abi abi;         /* ABI_COUNT: one estrace cannot decode (x32) */
	uint64_t nr;
	uint64_t args[6];
	int64_t rval;
	uint64_t ip;          /* its instruction pointer (-i) */
};

/* The ABI of the code a thread runs, told by its code segment register (i386's is 0x23). */
static inline enum abi abi_of_code_segment(uint64_t cs)
{
	return cs == 0x23 ? ABI_I386 : ABI_X86_64;
}

/* Fill *s for pid stopped at a syscall stop. entry_expected is used only by the fallback, which
 * cannot tell entry from exit itself. Returns 0 or -errno. */
int syscall_stop_get(pid_t pid, bool entry_expected, struct syscall_stop *s);

/* -i: where pid, stopped at a ptrace stop other than a syscall's (whose syscall_stop says), is: its instruction pointer and the ABI it runs in
 * (ABI_X86_64 for x32). Returns 0 or -errno. */
int stop_where(pid_t pid, uint64_t *ip, enum abi *abi);

#endif
