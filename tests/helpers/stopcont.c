/* stopcont [SIG]: stop a busy child with SIGSTOP (or SIG), check from
 * /proc and from a shared counter that it really stays stopped, then
 * resume it with SIGCONT.
 *
 * Prints to stdout what it observed; any deviation from
 *	child stopped: yes
 *	child ran while stopped: no
 *	child resumed: yes
 * means the tracer let the child run (or never let it stop).
 * SIGCHLD stays blocked in the parent so that no SIGCHLD line appears.
 */
#include "helpers.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

struct shared {
	volatile unsigned long counter;
	volatile int done;
};

int
main(int argc, char **argv)
{
	int stopsig = argc > 1 ? atoi(argv[1]) : SIGSTOP;
	struct shared *sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		die("mmap");
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);

	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid) {
		/* spin without system calls until told to finish */
		while (!sh->done)
			sh->counter++;
		wait_blocked(getppid(), 0, SYS_wait4);
		_exit(0);
	}
	/* wait until the child is spinning */
	while (sh->counter < 1000)
		msleep(1);

	kill(pid, stopsig);
	char st = wait_state(pid, 0, "Tt");
	/* give a broken tracer ample opportunity to resume the child */
	msleep(50);
	unsigned long c1 = sh->counter;
	int stayed = 1;
	for (int i = 0; i < 20; i++) {
		msleep(10);
		char s = task_state(pid, 0);
		if (s != 'T' && s != 't')
			stayed = 0;
	}
	unsigned long c2 = sh->counter;
	printf("child stopped: %s\n", st ? "yes" : "no");
	printf("child state stayed stopped: %s\n", stayed ? "yes" : "no");
	printf("child ran while stopped: %s\n", c1 != c2 ? "YES" : "no");
	fflush(stdout);

	kill(pid, SIGCONT);
	unsigned long c3 = sh->counter;
	int resumed = 0;
	for (int i = 0; i < 20000 && !resumed; i++) {
		if (sh->counter != c3)
			resumed = 1;
		else
			msleep(1);
	}
	printf("child resumed: %s\n", resumed ? "yes" : "NO");
	fflush(stdout);
	sh->done = 1;
	int status;
	if (wait4(pid, &status, 0, NULL) != pid)
		die("wait4");
	return c1 != c2 || !resumed || !stayed;
}
