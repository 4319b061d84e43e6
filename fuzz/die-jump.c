/* die-jump: util/die.h for the fuzz targets (see die-jump.h). Messages are formatted, so that a
 * bad argument to a message is caught by the sanitizers, but not printed: the fuzzer would spend
 * its time writing them. */
#include "fuzz/die-jump.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/die.h"

const char *progname = "estrace";
static jmp_buf *target;
static enum die_jump_end end;
static char message[4096];

void die_jump_arm(jmp_buf *env)
{
	target = env;
	end = DIE_JUMP_NONE;
	message[0] = '\0';
}

enum die_jump_end die_jump_end(void)
{
	return end;
}

void die_jump_release(void)
{
	target = NULL;
}

const char *die_jump_message(void)
{
	return message;
}

static void __attribute__((noreturn)) jump(enum die_jump_end how)
{
	if (!target)
		abort();
	jmp_buf *env = target;
	target = NULL;
	end = how;
	longjmp(*env, 1);
}

static void format(const char *fmt, va_list ap, int err)
{
	int n = vsnprintf(message, sizeof(message), fmt, ap);
	if (err && n >= 0 && (size_t)n < sizeof(message))
		snprintf(message + n, sizeof(message) - n, ": %s", strerror(err));
}

/* The tracer's cleanup: there is no tracer in a fuzz target. */
void die_set_hook(void (*hook)(void)) {}

void warnmsg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	format(fmt, ap, 0);
	va_end(ap);
}

void warnmsg_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;
	va_start(ap, fmt);
	format(fmt, ap, err);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	format(fmt, ap, 0);
	va_end(ap);
	jump(DIE_JUMP_FATAL);
}

void die_errno(const char *fmt, ...)
{
	int err = errno;
	va_list ap;
	va_start(ap, fmt);
	format(fmt, ap, err);
	va_end(ap);
	jump(DIE_JUMP_FATAL);
}

void die_usage(const char *fmt, va_list ap)
{
	format(fmt, ap, 0);
	jump(DIE_JUMP_USAGE);
}

/* Under libFuzzer's -malloc_limit_mb an allocation fails only past the limit: a finding. */
void die_out_of_memory(void)
{
	abort();
}

void exit_success(void)
{
	jump(DIE_JUMP_SUCCESS);
}
