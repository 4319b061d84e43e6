/* attachme: a process for -p tests to attach to. It runs before any tracer and obeys one-letter
 * commands read from stdin (a fifo), so that a test decides what it does while traced:
 *   f  fork a child that exits 3 once its parent sleeps in wait4
 *   w  fork a child that sleeps until killed, and wait for it (blocks in a traced wait4)
 *   t  start a thread that sleeps until the process exits
 *   q  exit 0
 * Between commands it blocks in read(), a syscall the tests do not trace. Its pid is in the file
 * named by argv[1], written once it is ready.
 */
#include "helpers.h"

#include <pthread.h>
#include <sys/wait.h>

static void *sleeper(void *arg)
{
	for (;;)
		pause();
	return arg;
}

static void fork_and_wait(int child_status, bool forever)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		while (forever)
			pause();
		wait_blocked(getppid(), 0, SYS_wait4);   /* SIGCHLD after the wait4 entry, every time */
		_exit(child_status);
	}
	int st;
	if (waitpid(pid, &st, 0) < 0)
		die("waitpid");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: attachme PIDFILE <commands\n");
		return 2;
	}
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s.tmp", argv[1]);
	FILE *f = fopen(tmp, "w");
	if (!f || fprintf(f, "%d\n", (int)getpid()) < 0 || fclose(f) != 0 || rename(tmp, argv[1]) != 0)
		die(argv[1]);
	char c;
	while (read(0, &c, 1) == 1) {
		pthread_t th;
		switch (c) {
		case 'f': fork_and_wait(3, false); break;
		case 'w': fork_and_wait(0, true); break;
		case 't':
			if (pthread_create(&th, NULL, sleeper, NULL) != 0)
				die("pthread_create");
			break;
		case 'q': return 0;
		}
	}
	return 0;
}
