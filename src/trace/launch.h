/* launch: the argv and environment the command is started with (--argv0, -E). */
#ifndef ESTRACE_LAUNCH_H
#define ESTRACE_LAUNCH_H

#include <stddef.h>

/* cmd, with argv[0] replaced by name when name is not NULL. A new array; the strings are cmd's. */
char **launch_argv(char **cmd, const char *name);
/* A copy of env with the -E edits applied in order: "VAR=VAL" replaces the first VAR in place
 * or is added at the end; "VAR" removes every VAR. Pointer array new, strings shared. */
char **launch_envp(char **env, const char *const *edits, size_t n);

#endif
