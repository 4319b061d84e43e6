/* launch: the argv and environment of the command (see launch.h). The edits work on a copy
 * made in estrace, so that estrace's own PATH search and its -o '|CMD' shell keep estrace's
 * environment, as in strace. */
#include "trace/launch.h"

#include <stdbool.h>
#include <string.h>

#include "util/die.h"

char **launch_argv(char **cmd, const char *name)
{
	size_t n = 0;
	while (cmd[n])
		n++;
	char **argv = xcalloc(n + 1, sizeof(*argv));
	memcpy(argv, cmd, n * sizeof(*argv));
	if (name)
		argv[0] = (char *)name;
	return argv;
}

/* Whether entry is a definition of the variable named by the first len bytes of name. */
static int defines(const char *entry, const char *name, size_t len)
{
	return strncmp(entry, name, len) == 0 && entry[len] == '=';
}

/* One edit on the len entries of env (room for one more); returns the new length. An empty
 * name is a name like any other, as in strace: -E =x adds "=x", -E '' removes it. */
static size_t apply_edit(char **env, size_t len, const char *edit)
{
	const char *eq = strchr(edit, '=');
	size_t name_len = eq ? (size_t)(eq - edit) : strlen(edit);
	size_t kept = 0;
	bool replaced = false;
	for (size_t i = 0; i < len; i++) {
		if (!defines(env[i], edit, name_len) || (eq && replaced))
			env[kept++] = env[i];   /* not it, or a later duplicate: only the first is replaced */
		else if (eq) {
			env[kept++] = (char *)edit;
			replaced = true;
		}
	}
	if (eq && !replaced)
		env[kept++] = (char *)edit;
	env[kept] = NULL;
	return kept;
}

char **launch_envp(char **env, const char *const *edits, size_t n)
{
	size_t len = 0;
	while (env[len])
		len++;
	char **out = xcalloc(len + n + 1, sizeof(*out));   /* each edit adds at most one */
	memcpy(out, env, len * sizeof(*out));
	for (size_t e = 0; e < n; e++)
		len = apply_edit(out, len, edits[e]);
	return out;
}
