/* syscall_info: PTRACE_GET_SYSCALL_INFO, or PTRACE_GETREGS on kernels older than 5.3. */
#include "compat/syscall_info.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>

/* The kernel's struct ptrace_syscall_info, spelled out so no header version matters. */
struct kernel_syscall_info {
	uint8_t op;
	uint8_t pad[3];
	uint32_t arch;
	uint64_t instruction_pointer;
	uint64_t stack_pointer;
	union {
		struct { uint64_t nr; uint64_t args[6]; } entry;
		struct { int64_t rval; uint8_t is_error; } exit;
		struct { uint64_t nr; uint64_t args[6]; uint32_t ret_data; } seccomp;
	};
};

#define REQ_GET_SYSCALL_INFO 0x420e
#define AUDIT_ARCH_X86_64_ 0xc000003eu
#define AUDIT_ARCH_I386_ 0x40000003u
#define X32_SYSCALL_BIT 0x40000000u

static bool no_syscall_info;   /* the kernel predates PTRACE_GET_SYSCALL_INFO */

static enum abi abi_of(uint32_t arch, uint64_t nr)
{
	if (arch == AUDIT_ARCH_I386_)
		return ABI_I386;
	if (arch == AUDIT_ARCH_X86_64_ && !(nr & X32_SYSCALL_BIT))
		return ABI_X86_64;
	return ABI_COUNT;
}

static int from_regs(pid_t pid, bool entry_expected, struct syscall_stop *s)
{
	struct user_regs_struct r;
	if (ptrace(PTRACE_GETREGS, pid, 0, &r) < 0)
		return -errno;
	s->op = entry_expected ? OP_ENTRY : OP_EXIT;
	s->nr = r.orig_rax;
	s->ip = r.rip;
	bool i386 = abi_of_code_segment(r.cs) == ABI_I386;
	s->abi = i386 ? ABI_I386 : (s->nr & X32_SYSCALL_BIT ? ABI_COUNT : ABI_X86_64);
	if (i386) {
		uint64_t a[6] = { r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rbp };
		for (int i = 0; i < 6; i++)
			s->args[i] = (uint32_t)a[i];
		s->rval = (int32_t)r.rax;
	} else {
		uint64_t a[6] = { r.rdi, r.rsi, r.rdx, r.r10, r.r8, r.r9 };
		memcpy(s->args, a, sizeof(a));
		s->rval = (int64_t)r.rax;
	}
	return 0;
}

int syscall_stop_get(pid_t pid, bool entry_expected, struct syscall_stop *s)
{
	if (no_syscall_info)
		return from_regs(pid, entry_expected, s);
	struct kernel_syscall_info k;
	memset(&k, 0, sizeof(k));   /* older kernels fill less of it (and valgrind cannot see the write) */
	long n = ptrace(REQ_GET_SYSCALL_INFO, pid, (void *)sizeof(k), &k);
	if (n < 0) {
		if (errno != EIO)
			return -errno;
		no_syscall_info = true;
		return from_regs(pid, entry_expected, s);
	}
	s->ip = k.instruction_pointer;
	switch (k.op) {
	case 1:   /* PTRACE_SYSCALL_INFO_ENTRY */
		s->op = OP_ENTRY;
		s->nr = k.entry.nr;
		memcpy(s->args, k.entry.args, sizeof(s->args));
		break;
	case 3:   /* PTRACE_SYSCALL_INFO_SECCOMP */
		s->op = OP_SECCOMP;
		s->nr = k.seccomp.nr;
		memcpy(s->args, k.seccomp.args, sizeof(s->args));
		break;
	case 2:   /* PTRACE_SYSCALL_INFO_EXIT */
		s->op = OP_EXIT;
		s->rval = k.exit.rval;
		s->nr = 0;
		break;
	default:
		s->op = OP_NONE;
		return 0;
	}
	s->abi = abi_of(k.arch, s->nr);
	if (s->abi == ABI_I386)
		for (int i = 0; i < 6; i++)
			s->args[i] = (uint32_t)s->args[i];
	return 0;
}

int stop_where(pid_t pid, uint64_t *ip, enum abi *abi)
{
	struct kernel_syscall_info k;
	memset(&k, 0, sizeof(k));
	if (!no_syscall_info &&
	    ptrace(REQ_GET_SYSCALL_INFO, pid, (void *)sizeof(k), &k) >= 0) {
		*ip = k.instruction_pointer;
		*abi = k.arch == AUDIT_ARCH_I386_ ? ABI_I386 : ABI_X86_64;
		return 0;
	}
	struct user_regs_struct r;
	if (ptrace(PTRACE_GETREGS, pid, 0, &r) < 0)
		return -errno;
	*ip = r.rip;
	*abi = abi_of_code_segment(r.cs);
	return 0;
}
