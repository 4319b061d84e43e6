/* exitwith MODE [ARG]: terminate in a chosen way.
 *   exit N       exit_group(N)
 *   exit1 N      exit(N) system call of the only thread
 *   signal SIG   kill(getpid(), SIG) with SIG's default action
 *   segv         write through a NULL pointer
 *   abort        abort(3)
 */
#include "helpers.h"
#include <signal.h>

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int arg = argc > 2 ? atoi(argv[2]) : 0;

	if (!strcmp(mode, "exit"))
		syscall(SYS_exit_group, arg);
	else if (!strcmp(mode, "exit1"))
		syscall(SYS_exit, arg);
	else if (!strcmp(mode, "signal")) {
		signal(arg, SIG_DFL);
		kill(getpid(), arg);
	} else if (!strcmp(mode, "segv")) {
		volatile int *p = NULL;
		*p = 1;
	} else if (!strcmp(mode, "abort"))
		abort();
	fprintf(stderr, "exitwith: still alive (mode '%s')\n", mode);
	return 111;
}
