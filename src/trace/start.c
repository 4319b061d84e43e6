/* start: find the command as strace does, fork it stopped (or, under -D, fork the tracer off),
 * seize it with estrace's options. */
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
#include "print/out.h"
#include "trace/daemon.h"
#include "trace/launch.h"
#include "trace/seccomp.h"
#include "util/die.h"

pid_t command_pid = -1;
bool seccomp_active;
static bool use_seccomp;

/* What the command is exec'd with. */
struct launch {
	char *path;
	char **argv;
	char **envp;
};

/* The path to exec: as given when it has a '/', else the first PATH entry holding a regular
 * file we may execute, or else the first with any execute bit, so that exec reports why not.
 * A file with no execute bit at all is passed over, as strace does. */
static char *find_command(const char *name)
{
	struct stat st;
	if (strlen(name) >= PATH_MAX)   /* strace's word for it, before any lookup */
		die("exec: %s", strerror(ENAMETOOLONG));
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
			if (!fallback && (st.st_mode & 0111))
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
	if (opt.kill_on_exit)
		options |= PTRACE_O_EXITKILL;
	return options;
}

static void child_fail(const char *what, int err) __attribute__((noreturn));

static void child_fail(const char *what, int err)
{
	fprintf(stderr, "%s: %s: %s\n", progname, what, strerror(err));
	fflush(stderr);
	_exit(1);
}

static void child(const struct launch *l) __attribute__((noreturn));

static void child(const struct launch *l)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);   /* estrace may block fatal signals; the command not */
	raise(SIGSTOP);                           /* wait here until the tracer has seized us */
	/* Only now: a filtered syscall made before the tracer is attached would fail with ENOSYS.
	 * The tracer sees this seccomp() return and knows whether the filter is in place. Before
	 * -u drops root: as root the filter needs no no_new_privs, which set-id programs would lose. */
	int err = use_seccomp ? seccomp_install() : 0;
	if (err < 0)
		fprintf(stderr, "%s: seccomp-bpf filter not installed: %s; tracing without it\n",
			progname, strerror(-err));
	const char *what;
	if (opt.username && (err = user_become(&opt.user, l->path, &what)) < 0)
		child_fail(what, -err);
	execve(l->path, l->argv, l->envp);
	child_fail("exec", errno);
}

/* Seize the stopped or waiting command with estrace's options; it is shown from its execve. On
 * failure a stopped child is killed; under -D the command sees its tracer die and exits 1. */
static void seize_command(pid_t pid)
{
	if (ptrace(PTRACE_SEIZE, pid, 0, tracer_ptrace_options(use_seccomp)) < 0) {
		int err = errno;
		if (!opt.daemonize)
			kill(pid, SIGKILL);
		errno = err;
		die_errno("PTRACE_SEIZE %d", pid);
	}
	command_pid = pid;
	struct tracee *t = tracer_attach(pid);
	t->is_command = true;
	t->attached = true;
	t->startup = true;   /* its stops before the execve are estrace's own doing */
}

/* -D: this process becomes the command; the tracer, its grandchild, seizes it and returns. As
 * strace says "attached" for it (it attaches rather than starts). */
static void start_daemonized(const struct launch *l)
{
	pid_t self = getpid();
	int go;
	if (!daemon_split(opt.daemonize, &go))
		child(l);   /* the command raises SIGSTOP once seized: the tracer's first stop of it */
	tracer_init_own();
	daemon_release_stdio();
	seize_command(self);
	if (!(opt.quiet_set & QUIET_ATTACH))
		message("Process %d attached", self);
	daemon_go(go);
}

/* In the tracer, once the command is on its own: what was built for its exec. */
static void launch_free(struct launch *l)
{
	free(l->path);
	free(l->argv);
	if (l->envp != environ)
		free(l->envp);
}

void tracer_start(char **cmd)
{
	struct launch l = {
		.path = find_command(cmd[0]),
		.argv = launch_argv(cmd, opt.argv0),
		/* without -E the command gets estrace's own environ, as it always did */
		.envp = opt.nenv_edits ? launch_envp(environ, opt.env_edits, opt.nenv_edits) : environ,
	};
	use_seccomp = opt.seccomp && seccomp_prepare();   /* opt.seccomp implies -f and no -p */
	fflush(NULL);
	if (opt.daemonize) {
		start_daemonized(&l);
		launch_free(&l);
		return;
	}
	pid_t pid = fork();
	if (pid < 0)
		die_errno("fork");
	if (pid == 0)
		child(&l);
	launch_free(&l);

	int status;
	while (waitpid(pid, &status, WSTOPPED) < 0)
		if (errno != EINTR)
			die_errno("wait");
	if (!WIFSTOPPED(status))
		die("the command died before it could be traced");
	seize_command(pid);
	kill(pid, SIGCONT);
}
