/* seccomp: a BPF filter that makes the kernel stop a tracee only at the syscalls estrace shows
 * (PTRACE_EVENT_SECCOMP), for both the x86_64 and the i386 ABI. Everything else runs at full
 * speed. A tracee left holding the filter without a tracer gets ENOSYS from every filtered
 * syscall, so estrace kills its tracees whenever it leaves (PTRACE_O_EXITKILL). */
#ifndef ESTRACE_SECCOMP_H
#define ESTRACE_SECCOMP_H

#include <stdbool.h>

/* Build the filter from the -e trace= set; false when filtering would gain nothing (trace=all). */
bool seccomp_prepare(void);
/* In the child, after the tracer seized it: install the prepared filter. Returns 0 or -errno. */
int seccomp_install(void);

#endif
