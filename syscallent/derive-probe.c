/*
 * derive-probe.c: maintainer helper for derive-list.sh (not built by make).
 *
 * Usage: derive-probe NR...
 *
 * Installs a seccomp filter that makes every system call whose sixth
 * argument equals PROBE_MAGIC fail with ENOSYS before it does anything,
 * then, for each number NR given on the command line, issues
 *
 *     marker(NR)          unknown syscall number PROBE_MARK, arg0 = NR
 *     NR(0x100, 0x200, 0x300, 0x400, 0x500, PROBE_MAGIC)
 *
 * and finally one marker with arg0 = -1.  A ptrace-based tracer sees the
 * syscall-entry stop before seccomp runs, so it prints every call with its
 * arguments even though none of them takes effect.  Tracers print calls to
 * unknown syscall numbers whatever their filter, so the markers tell which
 * number the following line (if any) belongs to.
 *
 * Build for both ABIs:  cc -o probe64 derive-probe.c
 *                       cc -m32 -o probe32 derive-probe.c
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#define PROBE_MAGIC 0x5ec0ffeeUL
#define PROBE_MARK 0x7fffL

int
main(int argc, char **argv)
{
	struct sock_filter insns[] = {
		/* Low 32 bits of args[5] (little endian). */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, args[5])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PROBE_MAGIC, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {
		.len = sizeof(insns) / sizeof(insns[0]),
		.filter = insns,
	};
	int i;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
		return 1;

	for (i = 1; i < argc; i++) {
		long nr = strtol(argv[i], NULL, 0);

		syscall(PROBE_MARK, nr, 0L, 0L, 0L, 0L, PROBE_MAGIC);
		syscall(nr, 0x100L, 0x200L, 0x300L, 0x400L, 0x500L, PROBE_MAGIC);
	}
	syscall(PROBE_MARK, -1L, 0L, 0L, 0L, 0L, PROBE_MAGIC);
	return 0;
}
