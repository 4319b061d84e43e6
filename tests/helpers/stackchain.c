/* stackchain MODE: execve /bin/true through a known chain of calls, for -k:
 *   main -> chain_a -> chain_b -> chain_c -> execve
 * so the stack at the execve names execve, chain_c, chain_b, chain_a and main, in this order.
 * Built -O0 -g with inlining and tail calls off, so every call keeps its frame.
 *   exec    the process itself does it
 *   fork    a forked child does it; the parent waits for it
 *   vfork   a vforked child does it: the parent's vfork line is split around the child's
 *   long    chain_a calls chain_b through a function whose symbol is 1000 characters long:
 *           "chain_long_" then 989 'x' (no tracer may cut it)
 *   cxx     chain_a calls chain_b through functions with C++ symbol names, which -k prints
 *           demangled: ns::V::get() const, void ns::S::g<long>(long), ns::f3(int) [clone .cold],
 *           then one that only looks mangled (_Z_not_mangled), printed as it is
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

/* C++ names without a C++ compiler: C functions under mangled symbols */
void cxx_bad(void) __asm__("_Z_not_mangled");
void cxx_clone(int) __asm__("_ZN2ns2f3Ei.cold");
void cxx_template(long) __asm__("_ZN2ns1S1gIlEEvT_");
void cxx_method(void) __asm__("_ZNK2ns1V3getEv");

__attribute__((noinline)) void cxx_bad(void)
{
	chain_b();
	depth++;
}

__attribute__((noinline)) void cxx_clone(int x)
{
	cxx_bad();
	depth += x;
}

__attribute__((noinline)) void cxx_template(long x)
{
	cxx_clone((int)x);
	depth++;
}

__attribute__((noinline)) void cxx_method(void)
{
	cxx_template(1);
	depth++;
}

static const char *via;   /* the mode */

__attribute__((noinline)) static void chain_a(void)
{
	if (!strcmp(via, "long"))
		chain_long();
	else if (!strcmp(via, "cxx"))
		cxx_method();
	else
		chain_b();
	depth++;
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "exec";
	via = mode;
	if (!strcmp(mode, "exec") || !strcmp(mode, "long") || !strcmp(mode, "cxx")) {
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
