/* runstatus CMD [ARGS]: run CMD, then print how it ended:
 *	exited N
 *	killed by SIGNAME
 *	killed by SIGNAME (core dumped)
 * and exit 0.  Lets tests tell "killed by a signal" from "exit(128+N)". */
#include "helpers.h"
#include <signal.h>
#include <sys/wait.h>

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: runstatus CMD [ARGS]\n");
		return 2;
	}
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid) {
		execvp(argv[1], argv + 1);
		die(argv[1]);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid)
		die("waitpid");
	if (WIFEXITED(st))
		printf("exited %d\n", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("killed by SIG%s%s\n", sigabbrev_np(WTERMSIG(st)),
		       WCOREDUMP(st) ? " (core dumped)" : "");
	else
		printf("status 0x%x\n", st);
	return 0;
}
