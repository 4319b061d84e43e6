/* procname NAME CHILD_NAME: a process named NAME (prctl PR_SET_NAME, at most 15 bytes) forks
 * a child that names itself CHILD_NAME, then sends it signal 0, asks its own pid and reaps it:
 * -Y shows both names after their pids, in the pid prefix too. The child says on a pipe when
 * it has its name, and exits once the parent sleeps in wait4. */
#include "helpers.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

int
main(int argc, char **argv)
{
	int p[2];
	char c;
	if (argc != 3) {
		fprintf(stderr, "usage: procname NAME CHILD_NAME\n");
		return 2;
	}
	if (prctl(PR_SET_NAME, argv[1]) || pipe(p))
		die("prctl");
	pid_t child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		if (prctl(PR_SET_NAME, argv[2]) || write(p[1], "n", 1) != 1)
			die("child");
		wait_blocked(getppid(), 0, SYS_wait4);
		_exit(0);
	}
	if (read(p[0], &c, 1) != 1)
		die("read");
	kill(child, 0);
	syscall(SYS_getpid);
	waitpid(child, NULL, 0);
	return 0;
}
