/* strangers MODE: a child that a tracer without -f must leave alone, yet hears of.
 *   parent  clone(CLONE_PARENT): the child is the tracer's own child, which reaps it
 *   ptrace  clone(CLONE_PTRACE): the child starts traced by the tracer
 *   both    both flags
 * The child exits 42 once its creator sleeps in read() on a pipe that the child's exit closes;
 * the creator then waits until the child is gone (reaped by whoever is its parent), so that
 * everything the tracer says about the child comes before the creator's exit_group; a child of
 * its own it reaps once its SIGCHLD has come. That SIGCHLD is held blocked until it is pending:
 * a traced child's parent is told of its death only when the tracer has reaped it, at a time
 * of the tracer's choosing, so the signal line would otherwise fall before or after the wait4. */
#include "helpers.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

/* Wait (up to ~20 s) until pid is reaped: no /proc entry, or one of a zombie left unreaped
 * would never go; a reaped pid is not reused within the run. */
static void
wait_reaped(pid_t pid)
{
	for (int i = 0; i < 20000; i++) {
		if (!task_state(pid, 0))
			return;
		msleep(1);
	}
	fprintf(stderr, "helper: timeout waiting for %d to be reaped\n", pid);
	_exit(98);
}

/* Wait (up to ~20 s) until sig, blocked, is pending. */
static void
wait_pending(int sig)
{
	for (int i = 0; i < 20000; i++) {
		sigset_t set;
		if (sigpending(&set) == 0 && sigismember(&set, sig))
			return;
		msleep(1);
	}
	fprintf(stderr, "helper: timeout waiting for signal %d\n", sig);
	_exit(98);
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	unsigned long flags = SIGCHLD;
	if (!strcmp(mode, "parent"))
		flags |= CLONE_PARENT;
	else if (!strcmp(mode, "ptrace"))
		flags |= CLONE_PTRACE;
	else if (!strcmp(mode, "both"))
		flags |= CLONE_PARENT | CLONE_PTRACE;
	else
		return 2;
	pid_t self = getpid();
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	int fds[2];
	if (pipe(fds) < 0)
		die("pipe");
	long child = syscall(SYS_clone, flags, 0L, 0L, 0L, 0L);
	if (child < 0)
		die("clone");
	if (child == 0) {
		close(fds[0]);
		wait_blocked(self, 0, SYS_read);
		syscall(SYS_exit_group, 42);
	}
	close(fds[1]);
	char c;
	if (read(fds[0], &c, 1) != 0)
		die("read");
	if (flags & CLONE_PARENT) {
		wait_reaped((pid_t)child);
	} else {
		/* its SIGCHLD is let in once pending: it comes before the wait4 */
		wait_pending(SIGCHLD);
		sigprocmask(SIG_UNBLOCK, &chld, NULL);
		int st;
		if (waitpid((pid_t)child, &st, 0) != child || !WIFEXITED(st) || WEXITSTATUS(st) != 42)
			die("waitpid");
	}
	return 0;
}
