/* harness: fuzz input as an argv, parsing with die() caught (see harness.h). */
#include "fuzz/harness.h"

#include <sanitizer/lsan_interface.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt/filter.h"
#include "opt/options.h"
#include "util/die.h"

void fuzz_argv_make(struct fuzz_argv *a, const uint8_t *data, size_t size)
{
	a->bytes = xmalloc(size + 1);
	memcpy(a->bytes, data, size);
	a->bytes[size] = '\0';
	size_t pieces = 1;
	for (size_t i = 0; i < size; i++)
		pieces += a->bytes[i] == '\0';
	a->argv = xcalloc(pieces + 2, sizeof(*a->argv));
	a->argc = 0;
	a->argv[a->argc++] = "estrace";
	for (char *p = a->bytes; size && p <= a->bytes + size; p += strlen(p) + 1)
		a->argv[a->argc++] = p;
	a->argv[a->argc] = NULL;
}

void fuzz_argv_free(struct fuzz_argv *a)
{
	free(a->argv);
	free(a->bytes);
}

enum die_jump_end fuzz_parse_options(int argc, char **argv)
{
	jmp_buf env;
	if (setjmp(env) == 0) {
		die_jump_arm(&env);
		options_parse(argc, argv);
	}
	die_jump_release();
	return die_jump_end();
}

enum die_jump_end fuzz_parse_exprs(int n, char **exprs)
{
	jmp_buf env;
	if (setjmp(env) == 0) {
		die_jump_arm(&env);
		for (int i = 0; i < n; i++)
			filter_parse(exprs[i]);
		filter_finish();
	}
	die_jump_release();
	return die_jump_end();
}

void fuzz_parse_twice(fuzz_parser parse, int n, char **args, void (*check)(void))
{
	__lsan_disable();
	enum die_jump_end end = parse(n, args);
	__lsan_enable();
	if (end == DIE_JUMP_NONE)
		check();
	options_reset();
	if (end == DIE_JUMP_NONE) {
		fuzz_check(parse(n, args) == DIE_JUMP_NONE);
		options_reset();
	}
}

bool fuzz_regex_bomb(const uint8_t *data, size_t size)
{
	size_t slashes = 0, repeats = 0, braces = 0;
	for (size_t i = 0; i < size; i++) {
		slashes += data[i] == '/';
		repeats += data[i] == '*' || data[i] == '+' || data[i] == '?';
		braces += data[i] == '{';
	}
	return slashes && (repeats > 8 || braces > 1);
}

void fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz check failed: %s\n", what);
	abort();
}
