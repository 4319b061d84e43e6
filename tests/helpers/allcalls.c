/* allcalls: every x86_64 syscall number the build's headers know, called once, none with any
 * effect, for comparing which calls each -e trace=%CLASS shows.
 *
 * A seccomp filter makes every call whose sixth argument is MAGIC fail with ENOSYS; a tracer that
 * stops at syscall entry (no seccomp of its own: run it without -f) sees each call before the
 * filter runs. The numbers come from syscallent/nr-x86_64.def, the table estrace is built with.
 */
#include "helpers.h"
#include <stddef.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

#define MAGIC 0x5ec0ffeeUL

static const long numbers[] = {
#define NR(nr, name) nr,
#include "nr-x86_64.def"
#undef NR
};

int
main(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[5])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, MAGIC, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(insns) / sizeof(insns[0]), insns };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		die("seccomp");
	for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		syscall(numbers[i], 0x100L, 0x200L, 0x300L, 0x400L, 0x500L, MAGIC);
	return 0;
}
