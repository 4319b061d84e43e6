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
 *   siginfo-matrix
 *	queue to ourselves, with rt_sigqueueinfo(2), every si_code strace tells
 *	apart, for signals whose siginfo differs (SIGUSR1, the fault signals,
 *	SIGCHLD, SIGIO, SIGSYS), each with the union's words all zero and with
 *	a fixed pattern whose si_arch is x86_64's, i386's and unknown (the
 *	kernel refuses some: E2BIG, the same under any tracer).
 *   seccomp-trap
 *	a seccomp filter of our own traps getppid: a real SIGSYS (SYS_SECCOMP).
 *   sigio
 *	a pipe with O_ASYNC and F_SETSIG: a real SIGIO with POLL_IN, si_band
 *	and si_fd.
 */
#include "helpers.h"
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/prctl.h>
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

static void
queue_pattern(int sig, int code, const uint32_t *words)
{
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = code;
	memcpy((char *)&si + offsetof(siginfo_t, si_pid), words, 9 * sizeof(*words));
	syscall(SYS_rt_sigqueueinfo, getpid(), sig, &si);   /* E2BIG for some: not ours to judge */
}

static int
siginfo_matrix(void)
{
	static const int sigs[] = { SIGUSR1, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
				    SIGCHLD, SIGIO, SIGSYS };
	static const int codes[] = { 1, 2, 3, 4, 5, 6, 100, SI_KERNEL, SI_USER, SI_QUEUE,
				     SI_TIMER, SI_MESGQ, SI_ASYNCIO, SI_SIGIO, SI_TKILL,
				     SI_DETHREAD, SI_ASYNCNL, -10 };
	/* the union's words: pid, uid, value or status, then arch and past it */
	static const uint32_t patterns[][9] = {
		{ 0 },
		{ 42, 7, 9, AUDIT_ARCH_X86_64, 5, 0, 6, 0, 77 },
		{ 0, 7, 9, AUDIT_ARCH_I386, 5, 0, 6, 0, 77 },
		{ 42, 0, 600, 0x1234, 0, 0, 0, 0, 0 },
		{ 0, 0, (uint32_t)-3, 0, 0, 0, 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		catch(sigs[i]);
		for (size_t p = 0; p < sizeof(patterns) / sizeof(patterns[0]); p++)
			for (size_t c = 0; c < sizeof(codes) / sizeof(codes[0]); c++)
				queue_pattern(sigs[i], codes[c], patterns[p]);
	}
	return 0;
}

static int
seccomp_trap(void)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(code) / sizeof(code[0]), code };
	catch(SIGSYS);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		die("seccomp");
	syscall(SYS_getppid);
	return got == SIGSYS ? 0 : 1;
}

static int
sigio(void)
{
	int p[2];
	if (pipe(p))
		die("pipe");
	catch(SIGIO);
	if (fcntl(p[0], F_SETOWN, getpid()) || fcntl(p[0], F_SETSIG, SIGIO) ||
	    fcntl(p[0], F_SETFL, O_ASYNC))
		die("fcntl");
	if (write(p[1], "x", 1) != 1)
		die("write");
	while (!got)
		pause();
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "siginfo-matrix"))
		return siginfo_matrix();
	if (argc == 2 && !strcmp(argv[1], "seccomp-trap"))
		return seccomp_trap();
	if (argc == 2 && !strcmp(argv[1], "sigio"))
		return sigio();
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
