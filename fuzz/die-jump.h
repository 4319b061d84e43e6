/* die-jump: the fuzz build's util/die.c. die(), usage errors and the exits of -h and -V jump
 * back to the harness instead of ending the process, so one process parses input after input.
 *
 *	jmp_buf env;
 *	if (setjmp(env) == 0) {
 *		die_jump_arm(&env);
 *		options_parse(argc, argv);   // a die() in here lands back at setjmp
 *	}
 *	die_jump_release();
 *	... die_jump_end() says how the parse ended ...
 *
 * After a jump, what the parser was in the middle of is abandoned as the real exit would have
 * abandoned it (a copy of an argument may leak; the fuzz runs turn leak detection off). */
#ifndef ESTRACE_DIE_JUMP_H
#define ESTRACE_DIE_JUMP_H

#include <setjmp.h>

/* How the last parse ended: how estrace would have exited. */
enum die_jump_end {
	DIE_JUMP_NONE,      /* it returned */
	DIE_JUMP_FATAL,     /* die(), die_errno(): exit 1 */
	DIE_JUMP_USAGE,     /* a usage error: exit 1 with the "Try" line */
	DIE_JUMP_SUCCESS,   /* -h, -V: exit 0 */
};

/* Jump to env at the next die(), usage error or exit; forget how the last parse ended. */
void die_jump_arm(jmp_buf *env);
/* How the parse since die_jump_arm ended. */
enum die_jump_end die_jump_end(void);
/* Disarm: a die() with no harness waiting aborts, which libFuzzer reports as a crash. */
void die_jump_release(void);
/* The message of the last die(), warnmsg() or usage error, formatted as estrace prints it
 * after "estrace: " (without the "Try" line); "" when none came since die_jump_arm. */
const char *die_jump_message(void);

#endif
