/* signals MODE SIG [handled]: send a signal to a child (or to self) in a
 * deterministic way.
 *
 *   kill|tkill|tgkill|sigqueue SIG [handled]
 *	fork a child that sleeps in pause(); once it sleeps, send SIG with
 *	kill(2)/tkill(2)/tgkill(2)/rt_sigqueueinfo(2).  With "handled" the
 *	child catches SIG, waits until the parent sleeps in wait4 and exits
 *	with status 7; otherwise SIG's default action applies.
 *	The parent keeps SIGCHLD blocked until wait4 has returned, so the
 *	"--- SIGCHLD" line always follows the wait4 line.
 *   self-kill|self-raise|self-sigqueue SIG
 *	catch SIG and send it to ourselves.
 */
#include "helpers.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t got;

static void
handler(int sig)
{
	got = sig;
}

static void
catch(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL))
		die("sigaction");
}

static void
set_sigchld_blocked(int block)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

static int
send_sig(const char *how, pid_t pid, int sig)
{
	if (!strcmp(how, "kill"))
		return kill(pid, sig);
	if (!strcmp(how, "tkill"))
		return syscall(SYS_tkill, pid, sig);
	if (!strcmp(how, "tgkill"))
		return syscall(SYS_tgkill, pid, pid, sig);
	if (!strcmp(how, "sigqueue")) {
		union sigval v = { .sival_int = 42 };
		return sigqueue(pid, sig, v);
	}
	fprintf(stderr, "signals: unknown method '%s'\n", how);
	_exit(2);
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: signals MODE SIG [handled]\n");
		return 2;
	}
	const char *mode = argv[1];
	int sig = atoi(argv[2]);
	int handled = argc > 3 && !strcmp(argv[3], "handled");

	if (!strncmp(mode, "self-", 5)) {
		catch(sig);
		if (!strcmp(mode, "self-kill"))
			kill(getpid(), sig);
		else if (!strcmp(mode, "self-raise"))
			raise(sig);
		else if (!strcmp(mode, "self-sigqueue")) {
			union sigval v = { .sival_int = 42 };
			sigqueue(getpid(), sig, v);
		} else
			return 2;
		return got == sig ? 0 : 1;
	}

	set_sigchld_blocked(1);
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid) {
		set_sigchld_blocked(0);
		if (handled)
			catch(sig);
		while (!got)
			pause();
		wait_blocked(getppid(), 0, SYS_wait4);
		_exit(7);
	}
	wait_blocked(pid, 0, SYS_pause);
	if (send_sig(mode, pid, sig))
		die(mode);
	int st;
	if (wait4(pid, &st, 0, NULL) != pid)
		die("wait4");
	set_sigchld_blocked(0);
	return 0;
}
