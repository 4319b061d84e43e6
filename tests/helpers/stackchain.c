/* stackchain MODE: execve /bin/true through a known chain of calls, for -k:
 *   main -> chain_a -> chain_b -> chain_c -> execve
 * so the stack at the execve names execve, chain_c, chain_b, chain_a and main, in this order.
 * Built -O0 -g with inlining and tail calls off, so every call keeps its frame.
 *   exec    the process itself does it
 *   fork    a forked child does it; the parent waits for it
 *   vfork   a vforked child does it: the parent's vfork line is split around the child's
 *   long    chain_a calls chain_b through a function whose symbol is 1000 characters long:
 *           "chain_long_" then 989 'x' (no tracer may cut it)
 */
#include "helpers.h"
#include <sys/wait.h>

static volatile int depth;   /* touched after each call: no call can become a jump */

__attribute__((noinline)) static void chain_c(void)
{
	char *const argv[] = { "/bin/true", NULL };
	execve(argv[0], argv, NULL);
	depth++;
	_exit(98);
}

__attribute__((noinline)) static void chain_b(void)
{
	chain_c();
	depth++;
}

#define X10 "xxxxxxxxxx"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
void chain_long(void) __asm__("chain_long_" X100 X100 X100 X100 X100 X100 X100 X100 X100
			      X10 X10 X10 X10 X10 X10 X10 X10 "xxxxxxxxx");
__attribute__((noinline)) void chain_long(void)
{
	chain_b();
	depth++;
}

static bool via_long;

__attribute__((noinline)) static void chain_a(void)
{
	if (via_long)
		chain_long();
	else
		chain_b();
	depth++;
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "exec";
	via_long = !strcmp(mode, "long");
	if (!strcmp(mode, "exec") || via_long) {
		chain_a();
		return 97;
	}
	pid_t pid = !strcmp(mode, "vfork") ? vfork() : fork();
	if (pid < 0)
		die("fork");
	if (pid == 0)
		chain_a();
	int st;
	if (waitpid(pid, &st, 0) < 0)
		die("waitpid");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 96;
}
