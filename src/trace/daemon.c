/* daemon: the -D fork chain (see daemon.h). */
#include "trace/daemon.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "opt/options.h"
#include "util/die.h"

bool daemon_split(int mode, int *go)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0)
		die_errno("pipe");
	pid_t mid = fork();
	if (mid < 0)
		die_errno("fork");
	if (mid == 0) {
		/* the middle child only makes the tracer an orphan, adopted by init */
		pid_t tracer = fork();
		if (tracer < 0)
			warnmsg_errno("fork");
		if (tracer != 0)
			_exit(tracer < 0);
		close(fds[0]);
		if (mode == DAEMON_PGROUP)
			setpgid(0, 0);
		else if (mode == DAEMON_SESSION)
			setsid();
		*go = fds[1];
		return true;
	}
	close(fds[1]);
	while (waitpid(mid, NULL, 0) < 0 && errno == EINTR)
		;
	char c;
	ssize_t r;
	while ((r = read(fds[0], &c, 1)) < 0 && errno == EINTR)
		;
	if (r != 1)
		_exit(1);
	close(fds[0]);
	return false;
}

void daemon_go(int go)
{
	while (write(go, "", 1) < 0 && errno == EINTR)
		;
	close(go);
}
