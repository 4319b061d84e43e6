/* die: the fatal errors and the exits of option parsing (see die.h). */
#include "util/die.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "print/out.h"

const char *progname = "estrace";
static void (*exit_hook)(void);

void die_set_hook(void (*hook)(void))
{
	exit_hook = hook;
}

static void vmsg(const char *fmt, va_list ap, int err)
{
	out_flush_all();
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
	fflush(stderr);
}

void warnmsg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
}

void warnmsg_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, err);
	va_end(ap);
}

static void __attribute__((noreturn)) finish(void)
{
	void (*hook)(void) = exit_hook;
	exit_hook = NULL;
	if (hook)
		hook();
	out_flush_all();
	exit(1);
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
	finish();
}

void die_usage(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry '%s -h' for more information.\n", progname);
	exit(1);
}

void die_out_of_memory(void)
{
	fprintf(stderr, "%s: out of memory\n", progname);
	exit(1);
}

void exit_success(void)
{
	exit(0);
}

void die_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(fmt, ap, err);
	va_end(ap);
	finish();
}
