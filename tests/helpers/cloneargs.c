/* cloneargs MODE: clone3 and clone with the arguments strace's decoders have cases for.
 *
 *   clone3      clone3's struct at every size class (NULL, below the first version, each
 *               version, past the known struct with zero and non-zero bytes, unreadable in
 *               its middle or past it), set_tid and cgroup within and past the size given,
 *               set_tid arrays (whole, too long, cut by an unmapped page), exit_signal past
 *               the signals; each call fails (unknown flag bit: EINVAL, non-zero bytes past
 *               the known struct: E2BIG, a bad pointer: EFAULT) so no process is made
 *   clone3-big  non-zero bytes past the known struct, 4008 of them (size of a page and more)
 *   pidfd       children that exit at once, with their pidfd and tid written back: clone3
 *               with CLONE_PIDFD|CLONE_PARENT_SETTID, clone with CLONE_PIDFD and with
 *               CLONE_PARENT_SETTID (that child reaped with waitid(P_PIDFD)); then the same
 *               flags failing (EFAULT, EINVAL)
 *
 *   tls         clone3 with CLONE_SETTLS (failing: CLONE_THREAD alone is EINVAL) and its tls
 *               pointing at an i386 struct user_desc with every field set, entry_number -1,
 *               all zero, one cut by an unmapped page, NULL and 0x1; built for i386
 *               (cloneargs32), where strace decodes the struct, as for x86_64, where it does not
 *
 * SIGCHLD stays blocked: no signal line can land between the calls.
 */
#include "helpers.h"
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define BAD_FLAG (1ULL << 40)   /* no such clone flag: EINVAL once the struct is read */
#define PAGE 4096
#define IDTYPE_PIDFD 3   /* P_PIDFD: glibc 2.36's idtype_t lacks it */

enum { FLAGS, PIDFD, CHILD_TID, PARENT_TID, EXIT_SIGNAL, STACK, STACK_SIZE, TLS, SET_TID,
       SET_TID_SIZE, CGROUP, NFIELDS };

static long
clone3(const void *args, size_t size)
{
	return syscall(SYS_clone3, args, size);
}

/* Two pages, the second unmapped: whatever ends at the returned page's end is followed by a
 * fault. */
static unsigned char *
page_before_hole(void)
{
	unsigned char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || munmap(p + PAGE, PAGE))
		die("mmap");
	return p;
}

/* args (zeroed, BAD_FLAG) placed to end at the page's end */
static uint64_t *
at_page_end(unsigned char *page, size_t len)
{
	uint64_t *a = (uint64_t *)(page + PAGE - len);
	memset(a, 0, len);
	a[FLAGS] = BAD_FLAG;
	return a;
}

static void
sizes_and_fields(void)
{
	static uint64_t a[16];
	static const int32_t tids[40] = { 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
					  20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
					  34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44 };
	unsigned char *page = page_before_hole();

	/* no struct, or smaller than its first version (64 bytes) */
	clone3(NULL, 88);
	clone3(NULL, 0);
	a[FLAGS] = BAD_FLAG;
	clone3(a, 0);
	clone3(a, 32);
	clone3(a, 63);
	clone3((void *)1, 88);
	clone3((void *)1, 32);
	/* each version, zeroes past the fields */
	clone3(a, 64);
	clone3(a, 72);
	clone3(a, 80);
	clone3(a, 88);
	clone3(a, 96);
	/* set_tid and cgroup within the size given, in part, and past it */
	a[SET_TID] = 0x1122334455667788ULL;
	clone3(a, 64);
	clone3(a, 65);
	clone3(a, 68);
	clone3(a, 72);
	clone3(a, 80);
	a[SET_TID] = 0;
	a[SET_TID_SIZE] = 3;
	clone3(a, 72);
	clone3(a, 80);
	a[SET_TID_SIZE] = 0;
	a[CGROUP] = 0x8877665544332211ULL;
	clone3(a, 80);
	clone3(a, 84);
	clone3(a, 88);
	a[FLAGS] = BAD_FLAG | CLONE_INTO_CGROUP;
	a[CGROUP] = 0;
	clone3(a, 64);
	clone3(a, 80);
	clone3(a, 81);
	clone3(a, 88);
	a[CGROUP] = 9;
	clone3(a, 80);
	clone3(a, 88);
	a[FLAGS] = BAD_FLAG;
	a[CGROUP] = 0;
	/* set_tid arrays: whole, one, too long, an unreadable first element, cut by a hole */
	a[SET_TID] = (uintptr_t)tids;
	for (uint64_t n = 0; n < 3; n++) {
		a[SET_TID_SIZE] = n;
		clone3(a, 80);
	}
	a[SET_TID_SIZE] = 32;
	clone3(a, 80);
	a[SET_TID_SIZE] = 33;
	clone3(a, 80);
	a[SET_TID_SIZE] = 0x100000002ULL;
	clone3(a, 80);
	a[SET_TID] = 0x1234;
	a[SET_TID_SIZE] = 2;
	clone3(a, 88);
	memcpy(page + PAGE - 8, tids, 8);
	a[SET_TID] = (uintptr_t)(page + PAGE - 8);
	a[SET_TID_SIZE] = 3;
	clone3(a, 88);
	a[SET_TID] = (uintptr_t)(page + PAGE - 4);
	clone3(a, 88);
	a[SET_TID] = a[SET_TID_SIZE] = 0;
	/* exit_signal is a u64 */
	const uint64_t sigs[] = { 64, 65, 0xffffffffULL, 0x100000011ULL, UINT64_MAX };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		a[EXIT_SIGNAL] = sigs[i];
		clone3(a, 64);
	}
	a[EXIT_SIGNAL] = 0;
	/* every pointer field shown, with the flags that show them */
	a[FLAGS] = BAD_FLAG | CLONE_PIDFD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_SETTLS;
	a[PIDFD] = 0x10;
	a[CHILD_TID] = 0x20;
	a[PARENT_TID] = 0x30;
	a[STACK] = 0x40;
	a[STACK_SIZE] = 0x50;
	a[TLS] = 0x70;
	clone3(a, 64);
	memset(a, 0, sizeof(a));
	a[FLAGS] = BAD_FLAG;
	/* bytes past the known struct: non-zero, the known fields too */
	((unsigned char *)a)[95] = 0x80;
	clone3(a, 96);
	clone3(a, 89);
	a[CGROUP] = 7;
	a[SET_TID] = 0x99;
	clone3(a, 96);
	a[CGROUP] = a[SET_TID] = 0;
	a[11] = 0x1122334455667788ULL;
	a[13] = 0xff;
	clone3(a, 89);
	clone3(a, 112);   /* 24 bytes: within strace's default -s 32 */
	/* unreadable: the first 88 bytes, or the bytes past them */
	clone3(at_page_end(page, 64), 88);
	clone3(at_page_end(page, 88), 96);
	clone3(at_page_end(page, 88), 88);
	clone3(at_page_end(page, 120), 4096);
	clone3(at_page_end(page, 120), 1 << 20);
}

/* 4008 bytes past the known struct, the last one non-zero: strace shows at most a page */
static void
big_tail(void)
{
	uint64_t *a = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (a == MAP_FAILED)
		die("mmap");
	a[FLAGS] = BAD_FLAG;
	clone3(a, 4096);   /* zeroes: nothing shown */
	((unsigned char *)a)[PAGE - 1] = 1;
	((unsigned char *)a)[100] = '7';
	clone3(a, 4095);
	clone3(a, 4096);
	clone3(a, 4097);
	clone3(a, 1 << 20);
}

static void
child_exits_at_once(long ret)
{
	if (ret == 0)
		syscall(SYS_exit, 0);
	if (ret < 0)
		die("clone");
	waitpid(ret, NULL, 0);
}

static void
pidfd_results(void)
{
	int pidfd = -1, tid = -1;
	uint64_t a[NFIELDS] = { 0 };
	a[FLAGS] = CLONE_PIDFD | CLONE_PARENT_SETTID;
	a[PIDFD] = (uintptr_t)&pidfd;
	a[PARENT_TID] = (uintptr_t)&tid;
	a[EXIT_SIGNAL] = SIGCHLD;
	child_exits_at_once(clone3(a, 64));
	close(pidfd);
	a[FLAGS] = CLONE_PIDFD;
	child_exits_at_once(clone3(a, 88));
	close(pidfd);
	/* reaped through its pidfd: waitid(P_PIDFD, 3, ...) */
	long ret = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &pidfd, 0, 0);
	if (ret == 0)
		syscall(SYS_exit, 0);
	siginfo_t si;
	if (ret < 0 || syscall(SYS_waitid, IDTYPE_PIDFD, pidfd, &si, WEXITED, NULL))
		die("clone, waitid");
	close(pidfd);
	child_exits_at_once(syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, 0, &tid, 0, 0));
	/* failing: nothing written back */
	a[PIDFD] = 8;
	clone3(a, 64);
	syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, 8, 0, 0);
	syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0, &tid, 0, 0);
}

/* struct user_desc of <asm/ldt.h>, the same for both ABIs: three words, then the flag bits */
struct desc {
	uint32_t entry_number, base_addr, limit, bits;
};

static void
tls_descs(void)
{
	uint64_t a[NFIELDS] = { 0 };
	a[FLAGS] = CLONE_SETTLS | CLONE_THREAD;
	/* seg_32bit, contents 2, read_exec_only, limit_in_pages, seg_not_present, useable */
	struct desc d = { 12, 0xdeadbeef, 0xfffff, 1 | 2 << 1 | 1 << 3 | 1 << 4 | 1 << 5 | 1 << 6 };
	a[TLS] = (uintptr_t)&d;
	clone3(a, 88);
	d.entry_number = (uint32_t)-1;
	d.limit = 0x12;
	d.bits = 1 << 1;
	clone3(a, 88);
	struct desc zero = { 0 };
	a[TLS] = (uintptr_t)&zero;
	clone3(a, 88);
	a[TLS] = (uintptr_t)(page_before_hole() + PAGE - 8);
	clone3(a, 88);
	a[TLS] = 0;
	clone3(a, 88);
	a[TLS] = 1;
	clone3(a, 88);
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	if (!strcmp(mode, "clone3"))
		sizes_and_fields();
	else if (!strcmp(mode, "clone3-big"))
		big_tail();
	else if (!strcmp(mode, "pidfd"))
		pidfd_results();
	else if (!strcmp(mode, "tls"))
		tls_descs();
	else {
		fprintf(stderr, "cloneargs: unknown mode '%s'\n", mode);
		return 2;
	}
	return 0;
}
