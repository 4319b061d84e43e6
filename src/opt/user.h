/* user: -u USERNAME, the credentials the command runs with. Resolved once while parsing the
 * options (so a bad name fails before anything starts), taken on in the command before exec. */
#ifndef ESTRACE_USER_H
#define ESTRACE_USER_H

#include <stddef.h>
#include <sys/types.h>

struct run_user {
	uid_t uid;
	gid_t gid;
	gid_t *groups;            /* supplementary groups from the group database, gid among them */
	size_t ngroups;
};

/* strace's checks, with its messages: estrace must run as root (real and effective uid), and
 * name must be in the user database (a number is not looked up as a uid). Dies on failure. */
void user_resolve(const char *name, struct run_user *u);
/* In the command, before exec: become u, with set-uid and set-gid bits of path applied by
 * hand to the effective ids, as strace -u does. Returns 0 or -errno, naming the call in *what. */
int user_become(const struct run_user *u, const char *path, const char **what);

#endif
