/* calls SPEC...: a known number of calls and errors per syscall, for the -c/-C summary.
 *
 *   NAME:N   make the call NAME N times (in the order given), where NAME is
 *            getppid, getuid, sched_yield   succeed
 *            dup                            dup(-1): fails with EBADF
 *            fchdir                         fchdir(-1): fails with EBADF
 *            umask                          umask(022): succeeds
 *            getpid                         succeeds
 *            getpid_i386                    getpid through the i386 entry (int $0x80, i386
 *                                           number 20) of this x86_64 process: succeeds
 *            process_vm_readv               16-byte name; fails with EINVAL (bad flags)
 *            sched_rr_get_interval          21-byte name; fails with EINVAL (pid -1)
 *   intr-restart   a readv of a pipe interrupted by a signal whose handler has SA_RESTART:
 *                  the readv ends ERESTARTSYS and is made again, then gets a byte
 *   intr-eintr     the same without SA_RESTART: the readv ends ERESTARTSYS (EINTR)
 *   term-parent    send SIGTERM to the parent (the tracer), then wait, without a syscall
 *                  the tests trace, until killed or reparented (the tracer detached)
 *
 * For the interrupted readv a child sends SIGUSR1 once the parent sleeps in it; the handler
 * reports through a second pipe, and only then (with SA_RESTART, once the parent sleeps in
 * readv again) the child writes the byte: the signal always finds the readv asleep and
 * empty, so the counts are the same on every run. readv, not read: the child's waiting
 * reads /proc, as often as it takes.
 */
#include "helpers.h"
#include <signal.h>
#include <sys/uio.h>
#include <sys/wait.h>

static int handled[2];

static void
handler(int sig)
{
	(void)sig;
	if (write(handled[1], "h", 1) != 1)
		_exit(97);
}

static void
interrupted_readv(bool restart)
{
	int data[2];
	char c;
	if (pipe(data) < 0 || pipe(handled) < 0)
		die("pipe");
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = restart ? SA_RESTART : 0;
	sigaction(SIGUSR1, &sa, NULL);
	pid_t parent = getpid();
	pid_t child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		wait_blocked(parent, 0, SYS_readv);
		kill(parent, SIGUSR1);
		if (read(handled[0], &c, 1) != 1)
			die("read");
		if (restart)
			wait_blocked(parent, 0, SYS_readv);
		if (write(data[1], "x", 1) != 1)
			die("write");
		_exit(0);
	}
	struct iovec iov = { &c, 1 };
	ssize_t n = readv(data[0], &iov, 1);
	if (restart ? n != 1 : !(n < 0 && errno == EINTR))
		die("interrupted readv");
	waitpid(child, NULL, 0);
}

/* The parent pid, from /proc: getppid would be one more call to count. */
static pid_t
parent_from_proc(void)
{
	char buf[512];
	if (!task_file(getpid(), 0, "stat", buf, sizeof(buf)))
		die("/proc/self/stat");
	char *p = strrchr(buf, ')');
	return p ? (pid_t)atoi(p + 4) : 0;
}

static void
term_parent(void)
{
	pid_t parent = parent_from_proc();
	kill(parent, SIGTERM);
	for (int i = 0; i < 20000 && parent_from_proc() == parent; i++)
		msleep(1);
}

static void
getpid_i386(void)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory", "r8", "r9", "r10", "r11");
	(void)r;
}

static void
one_call(const char *name)
{
	if (!strcmp(name, "getppid"))
		syscall(SYS_getppid);
	else if (!strcmp(name, "getuid"))
		syscall(SYS_getuid);
	else if (!strcmp(name, "sched_yield"))
		syscall(SYS_sched_yield);
	else if (!strcmp(name, "dup"))
		syscall(SYS_dup, -1);
	else if (!strcmp(name, "fchdir"))
		syscall(SYS_fchdir, -1);
	else if (!strcmp(name, "umask"))
		syscall(SYS_umask, 022);
	else if (!strcmp(name, "getpid"))
		syscall(SYS_getpid);
	else if (!strcmp(name, "getpid_i386"))
		getpid_i386();
	else if (!strcmp(name, "process_vm_readv"))
		syscall(SYS_process_vm_readv, getpid(), NULL, 0, NULL, 0, ~0UL);
	else if (!strcmp(name, "sched_rr_get_interval"))
		syscall(SYS_sched_rr_get_interval, -1, NULL);
	else {
		fprintf(stderr, "calls: unknown call '%s'\n", name);
		_exit(2);
	}
}

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "intr-restart") || !strcmp(argv[i], "intr-eintr")) {
			interrupted_readv(!strcmp(argv[i], "intr-restart"));
			continue;
		}
		if (!strcmp(argv[i], "term-parent")) {
			term_parent();
			continue;
		}
		char name[64];
		int n;
		if (sscanf(argv[i], "%63[a-z_0-9]:%d", name, &n) != 2) {
			fprintf(stderr, "calls: bad spec '%s'\n", argv[i]);
			return 2;
		}
		while (n-- > 0)
			one_call(name);
	}
	return 0;
}
