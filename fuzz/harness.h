/* harness: what the option fuzz targets and their test share: fuzz bytes as an argv, and
 * option parsing with die() caught (fuzz/die-jump.h). */
#ifndef ESTRACE_FUZZ_HARNESS_H
#define ESTRACE_FUZZ_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuzz/die-jump.h"

struct fuzz_argv {
	int argc;
	char **argv;       /* "estrace", then the NUL-separated pieces of the input; NULL-ended */
	char *bytes;       /* the input, NUL-terminated: the pieces point into it */
};

void fuzz_argv_make(struct fuzz_argv *a, const uint8_t *data, size_t size);
void fuzz_argv_free(struct fuzz_argv *a);

/* options_parse(argc, argv), or how estrace would have exited inside it. */
enum die_jump_end fuzz_parse_options(int argc, char **argv);
/* filter_parse() of each expression, then filter_finish(), as after -e EXPR... */
enum die_jump_end fuzz_parse_exprs(int n, char **exprs);

/* The parse a target fuzzes: one of the two above. */
typedef enum die_jump_end (*fuzz_parser)(int n, char **args);
/* Parse args, with LeakSanitizer blind: a parse that dies abandons its copy of an argument, as
 * estrace's exit does. One that returns is checked by check(), reset, and parsed again with
 * LeakSanitizer watching, so a leak on the way through is found; it must return again. Leaves
 * the state reset. */
void fuzz_parse_twice(fuzz_parser parse, int n, char **args, void (*check)(void));

/* Whether the input may hold a regular expression that glibc's regcomp expands exponentially
 * (nested repetitions: "/a+++++++++++++++++++++"), which exhausts memory in estrace as in strace.
 * Not estrace's code, so the targets skip such inputs rather than report them. */
bool fuzz_regex_bomb(const uint8_t *data, size_t size);

/* A broken promise of the code under test: print it and abort (libFuzzer keeps the input). */
void fuzz_fail(const char *what) __attribute__((noreturn));
#define fuzz_check(cond) ((cond) ? (void)0 : fuzz_fail(#cond))

#endif
