/* start: find the command as strace does, fork it stopped, seize it with estrace's options. */
#include "trace/tracer.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "opt/options.h"
#include "trace/seccomp.h"
#include "util/die.h"

pid_t command_pid = -1;
bool seccomp_active;
static bool use_seccomp;

/* The path to exec: as given when it has a '/', else the first PATH entry holding a regular
 * executable file (or the first existing one, so exec reports the error). */
static char *find_command(const char *name)
{
	struct stat st;
	if (strchr(name, '/')) {
		if (stat(name, &st) < 0)
			die("Can't stat '%s': %s", name, strerror(errno));
		return xstrdup(name);
	}
	const char *path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";
	char *fallback = NULL;
	for (const char *p = path;; p++) {
		const char *end = strchrnul(p, ':');
		struct buf cand = BUF_INIT;
		if (end == p) {
			/* an empty entry is the current directory, which strace spells out */
			char *cwd = getcwd(NULL, 0);
			buf_printf(&cand, "%s/%s", cwd ? cwd : ".", name);
			free(cwd);
		} else
			buf_printf(&cand, "%.*s/%s", (int)(end - p), p, name);
		if (stat(cand.data, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(cand.data, X_OK) == 0) {
				free(fallback);
				return cand.data;
			}
			if (!fallback)
				fallback = xstrdup(cand.data);
		}
		buf_free(&cand);
		p = end;
		if (!*end)
			break;
	}
	if (fallback)
		return fallback;
	die("Can't stat '%s': %s", name, strerror(ENOENT));
}

long tracer_ptrace_options(bool filtered)
{
	long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;
	if (opt.follow)
		options |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
	if (filtered)   /* a tracee must never hold the filter without its tracer */
		options |= PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;
	return options;
}

static void child(const char *path, char **argv) __attribute__((noreturn));

static void child(const char *path, char **argv)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);   /* estrace may block fatal signals; the command not */
	raise(SIGSTOP);                           /* wait here until the tracer has seized us */
	/* Only now: a filtered syscall made before the tracer is attached would fail with ENOSYS.
	 * The tracer sees this seccomp() return and knows whether the filter is in place. */
	int err = use_seccomp ? seccomp_install() : 0;
	if (err < 0)
		fprintf(stderr, "%s: seccomp-bpf filter not installed: %s; tracing without it\n",
			progname, strerror(-err));
	execv(path, argv);
	err = errno;
	fprintf(stderr, "%s: exec: %s\n", progname, strerror(err));
	fflush(stderr);
	_exit(1);
}

void tracer_start(char **cmd)
{
	char *path = find_command(cmd[0]);
	use_seccomp = opt.seccomp && seccomp_prepare();   /* opt.seccomp implies -f and no -p */
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		die_errno("fork");
	if (pid == 0)
		child(path, cmd);
	free(path);

	int status;
	while (waitpid(pid, &status, WSTOPPED) < 0)
		if (errno != EINTR)
			die_errno("wait");
	if (!WIFSTOPPED(status))
		die("the command died before it could be traced");

	if (ptrace(PTRACE_SEIZE, pid, 0, tracer_ptrace_options(use_seccomp)) < 0) {
		int err = errno;
		kill(pid, SIGKILL);
		errno = err;
		die_errno("PTRACE_SEIZE %d", pid);
	}
	command_pid = pid;
	struct tracee *t = tracer_attach(pid);
	t->is_command = true;
	t->attached = true;
	t->startup = true;   /* its stops before the execve are estrace's own doing */
	kill(pid, SIGCONT);
}
