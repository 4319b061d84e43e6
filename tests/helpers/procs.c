/* procs MODE [ARGS]: process creation and reaping, deterministic order.
 *
 * Every child waits until its parent sleeps in wait4/waitid before it
 * exits, so the parent's wait call is always printed before the child's
 * exit and SIGCHLD always arrives while the parent waits.
 */
#include "helpers.h"
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ucontext.h>

extern char **environ;

static void
child_exit(int code, long parent_nr)
{
	wait_blocked(getppid(), 0, parent_nr);
	_exit(code);
}

static void
block_sigchld(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

/* Mode "restart": a fork aborted with ERESTARTNOINTR because a signal came
 * in while the parent sat in the tracer's stop at clone entry.  A sender
 * child signals the parent while it is stopped there; the handler sees a
 * restart as the kernel leaves it: the interrupted context is about to
 * run the same clone syscall instruction again. */
static volatile sig_atomic_t restarts;

static void
count_restart(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
#ifdef __x86_64__   /* the i386 build (procs32) has no restart mode */
	const greg_t *r = ((ucontext_t *)uc)->uc_mcontext.gregs;
	const unsigned char *ip = (const unsigned char *)r[REG_RIP];
	if (r[REG_RAX] == SYS_clone && ip[0] == 0x0f && ip[1] == 0x05)
		restarts++;
#else
	(void)uc;
	die("restart: an x86_64 mode");
#endif
}

/* One signal per fork() call: after a signal the sender waits until the
 * parent is seen in another syscall (wait4), so that a second signal can
 * never be taken at the same restart point. */
static void
signal_at_clone_entry(pid_t parent)
{
	bool armed = true;
	for (;;) {
		if (getppid() != parent)
			_exit(0);
		long nr = task_syscall(parent, 0);
		if (nr >= 0 && nr != SYS_clone)
			armed = true;
		else if (armed && nr == SYS_clone && task_state(parent, 0) == 't') {
			kill(parent, SIGUSR1);
			armed = false;
		}
	}
}

static int
reap(pid_t pid)
{
	int st;
	pid_t r = wait4(pid, &st, 0, NULL);
	if (r <= 0 || (pid > 0 && r != pid))
		die("wait4");
	return st;
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int code = argc > 2 ? atoi(argv[2]) : 0;
	pid_t pid;

	if (!strcmp(mode, "fork")) {
		pid = fork();
		if (pid < 0)
			die("fork");
		if (!pid)
			child_exit(code, SYS_wait4);
		reap(pid);
	} else if (!strcmp(mode, "vfork")) {
		/* The parent is suspended until the child exits, so the
		 * child cannot wait for it: block SIGCHLD instead so that
		 * its delivery point cannot vary. */
		block_sigchld();
		pid = vfork();
		if (pid < 0)
			die("vfork");
		if (!pid)
			_exit(code);
		reap(pid);
	} else if (!strcmp(mode, "vfork-exec")) {
		pid = vfork();
		if (pid < 0)
			die("vfork");
		if (!pid) {
			char *v[] = { argv[0], "waitparent", argv[2], NULL };
			execve(argv[0], v, environ);
			_exit(127);
		}
		reap(pid);
	} else if (!strcmp(mode, "spawn")) {
		/* glibc implements posix_spawn with clone3(CLONE_VM|CLONE_VFORK) */
		char *v[] = { "procs", "waitparent", argv[2], NULL };
		int err = posix_spawn(&pid, argv[0], NULL, NULL, v, environ);
		if (err) {
			errno = err;
			die("posix_spawn");
		}
		reap(pid);
	} else if (!strcmp(mode, "waitparent")) {
		child_exit(code, SYS_wait4);
	} else if (!strcmp(mode, "tree")) {
		/* parent -> child -> grandchild, each waits for its child */
		pid = fork();
		if (pid < 0)
			die("fork");
		if (!pid) {
			pid_t gc = fork();
			if (gc < 0)
				die("fork");
			if (!gc)
				child_exit(code + 1, SYS_wait4);
			int st = reap(gc);
			wait_blocked(getppid(), 0, SYS_wait4);
			_exit(WEXITSTATUS(st) + 1);
		}
		reap(pid);
	} else if (!strcmp(mode, "serial")) {
		/* N children one after another */
		for (int i = 0; i < code; i++) {
			pid = fork();
			if (pid < 0)
				die("fork");
			if (!pid)
				child_exit(i, SYS_wait4);
			reap(pid);
		}
	} else if (!strcmp(mode, "waitid")) {
		siginfo_t si;
		pid = fork();
		if (pid < 0)
			die("fork");
		if (!pid)
			child_exit(code, SYS_waitid);
		if (waitid(P_PID, pid, &si, WEXITED))
			die("waitid");
	} else if (!strcmp(mode, "wait-any")) {
		pid = fork();
		if (pid < 0)
			die("fork");
		if (!pid)
			child_exit(code, SYS_wait4);
		reap(-1);
	} else if (!strcmp(mode, "echild")) {
		siginfo_t si;
		int st;
		wait4(-1, &st, 0, NULL);
		wait4(-1, &st, WNOHANG, NULL);
		waitid(P_ALL, 0, &si, WEXITED);
		waitid(P_PID, 1, &si, WEXITED | WNOHANG);
	} else if (!strcmp(mode, "nohang")) {
		/* WNOHANG while the only child waits on a pipe: every call returns 0 and the
		 * kernel leaves the status and rusage as they were (all ones here); waitid through
		 * syscall(), for its rusage argument */
		int p[2], st = 0x1234;
		struct rusage ru;
		siginfo_t si;
		if (pipe(p))
			die("pipe");
		pid = fork();
		if (pid < 0)
			die("fork");
		if (!pid) {
			char c;
			if (read(p[0], &c, 1) != 1)
				die("read");
			child_exit(code, SYS_wait4);
		}
		memset(&ru, 0xff, sizeof(ru));
		memset(&si, 0xff, sizeof(si));
		wait4(pid, &st, WNOHANG, &ru);
		wait4(-1, &st, WNOHANG | WUNTRACED, NULL);
		syscall(SYS_waitid, P_PID, pid, &si, WEXITED | WNOHANG, &ru);
		syscall(SYS_waitid, P_ALL, 0, &si, WEXITED | WSTOPPED | WNOHANG, NULL);
		syscall(SYS_waitid, P_ALL, 0, NULL, WEXITED | WNOHANG, &ru);
		if (write(p[1], "x", 1) != 1)
			die("write");
		reap(pid);
	} else if (!strcmp(mode, "sleep-stop")) {
		/* a child's nanosleep stopped and continued goes on as restart_syscall; the
		 * parent polls without sleeping, so that it makes no clock_nanosleep of its own */
		pid = fork();
		if (pid < 0)
			die("fork");
		if (!pid) {
			struct timespec ts = { 0, 300 * 1000000L };
			nanosleep(&ts, NULL);
			_exit(0);
		}
		while (task_state(pid, 0) != 'S' || task_syscall(pid, 0) != SYS_clock_nanosleep)
			sched_yield();
		kill(pid, SIGSTOP);
		while (!strchr("Tt", task_state(pid, 0)))
			sched_yield();
		kill(pid, SIGCONT);
		reap(pid);
	} else if (!strcmp(mode, "restart")) {
		/* fork until CODE forks were restarted (at most 20000 forks) */
		struct sigaction sa = { .sa_sigaction = count_restart, .sa_flags = SA_SIGINFO | SA_RESTART };
		pid_t parent = getpid(), sender = fork();
		if (sender < 0)
			die("fork");
		if (!sender)
			signal_at_clone_entry(parent);
		sigaction(SIGUSR1, &sa, NULL);
		int forks = 0;
		while (restarts < code && forks++ < 20000) {
			pid = fork();
			if (pid < 0)
				die("fork");
			if (!pid)
				_exit(0);
			reap(pid);
		}
		kill(sender, SIGKILL);
		reap(sender);
		printf("restarts %d\n", (int)restarts);
		return restarts >= code ? 0 : 1;
	} else {
		fprintf(stderr, "procs: unknown mode '%s'\n", mode);
		return 2;
	}
	return 0;
}
