/* seccomp: the filter program (see seccomp.h). Per ABI, the traced syscall numbers are merged
 * into ranges and tested one range after another; numbers beyond the table and numbers the
 * table has no name for are always traced, since strace always shows those. */
#include "trace/seccomp.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "opt/filter.h"
#include "sysent.h"
#include "util/die.h"

#define MAX_INSNS 4096
#define X32_SYSCALL_BIT 0x40000000u

static struct sock_filter prog[MAX_INSNS];
static unsigned short nprog;

static void emit(struct sock_filter insn)
{
	if (nprog >= MAX_INSNS)
		die("internal error: seccomp filter too long");
	prog[nprog++] = insn;
}

static bool traced_nr(enum abi abi, uint32_t nr)
{
	return trace_wanted(abi, sysent_id(abi, nr));   /* unknown numbers map to SC_COUNT: traced */
}

/* The highest number the ABI's table knows, +1. */
static uint32_t nr_limit(enum abi abi)
{
	uint32_t n = 0;
	for (uint32_t nr = 0; nr < 2048; nr++)
		if (sysent_id(abi, nr) != SC_COUNT)
			n = nr + 1;
	return n;
}

/* Code for one ABI; the accumulator holds the syscall number. Ends in a return. */
static void emit_abi(enum abi abi)
{
	uint32_t limit = nr_limit(abi);
	if (abi == ABI_X86_64)   /* x32 calls: estrace shows them as unknown numbers */
		emit((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, X32_SYSCALL_BIT, 2, 0));
	emit((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, limit, 1, 0));
	emit((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA, 1, 0, 0));   /* over the TRACE below */
	emit((struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
	for (uint32_t lo = 0; lo < limit; lo++) {
		if (!traced_nr(abi, lo))
			continue;
		uint32_t hi = lo;
		while (hi + 1 < limit && traced_nr(abi, hi + 1))
			hi++;
		/* lo <= nr <= hi: trace */
		emit((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, lo, 0, 2));
		emit((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, hi, 1, 0));
		emit((struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
		lo = hi;
	}
	emit((struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
}

bool seccomp_prepare(void)
{
	if (filter_traces_all())
		return false;
	nprog = 0;
	emit((struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
	for (int abi = 0; abi < ABI_COUNT; abi++) {
		/* not this arch: jump over its block (BPF_JA: a block may be longer than 255) */
		emit((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, sysent_audit_arch(abi), 1, 0));
		size_t skip_at = nprog;
		emit((struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA, 0, 0, 0));
		emit((struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
		emit_abi((enum abi)abi);
		prog[skip_at].k = nprog - skip_at - 1;
		/* the block ends in a return, so the next test starts with the arch still loaded */
	}
	emit((struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));   /* other ABIs */
	return true;
}

#ifndef SECCOMP_FILTER_FLAG_SPEC_ALLOW
# define SECCOMP_FILTER_FLAG_SPEC_ALLOW (1UL << 2)
#endif

/* SPEC_ALLOW: where the kernel would force the speculative store bypass mitigation on any
 * task with a filter, the command keeps running as fast as it does untraced. */
static int install(struct sock_fprog *fprog)
{
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, fprog) == 0)
		return 0;
	if (errno == EINVAL)   /* a kernel older than 4.17 */
		return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, fprog) == 0 ? 0 : -errno;
	return -errno;
}

int seccomp_install(void)
{
	struct sock_fprog fprog = { .len = nprog, .filter = prog };
	/* Without CAP_SYS_ADMIN the kernel wants no_new_privs; as root, set-uid programs keep
	 * working because it is not set. */
	int err = install(&fprog);
	if (err != -EACCES)
		return err;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	return install(&fprog);
}
