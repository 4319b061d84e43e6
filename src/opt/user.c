/* user: resolving -u USERNAME and taking on its credentials (see user.h). */
#include "config.h"

#include "opt/user.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/die.h"

/* The user's groups as initgroups(3) would set them: a lookup in the parent, so that the
 * command before exec makes only plain syscalls. */
static void lookup_groups(const char *name, struct run_user *u)
{
	int n = 16;
	for (;;) {
		int want = n;
		u->groups = xrealloc(u->groups, (size_t)n * sizeof(*u->groups));
		if (getgrouplist(name, u->gid, u->groups, &n) >= 0)
			break;
		if (n <= want)   /* no bigger size reported: give it room anyway */
			n = want * 2;
	}
	u->ngroups = (size_t)n;
}

void user_resolve(const char *name, struct run_user *u)
{
	if (getuid() != 0 || geteuid() != 0)
		die("You must be root to use the -u/--username option");
	struct passwd *pw = getpwnam(name);
	if (!pw)
		die("Cannot find user '%s'", name);
	u->uid = pw->pw_uid;
	u->gid = pw->pw_gid;
	lookup_groups(pw->pw_name, u);
}

/* A set-id exec under ptrace gains privileges only when the kernel trusts the tracer; strace -u
 * sets the effective ids the program's mode asks for before the exec, so they are the same
 * either way, and so does estrace. The saved ids follow the effective ones. */
int user_become(const struct run_user *u, const char *path, const char **what)
{
	uid_t euid = u->uid;
	gid_t egid = u->gid;
	struct stat st;
	if (stat(path, &st) == 0) {
		if (st.st_mode & S_ISUID)
			euid = st.st_uid;
		if (st.st_mode & S_ISGID)
			egid = st.st_gid;
	}
	/* groups and gids first: after the uid changes there is no right left to change them */
	*what = "setgroups";
	if (setgroups(u->ngroups, u->groups) < 0)
		return -errno;
	*what = "setresgid";
	if (setresgid(u->gid, egid, egid) < 0)
		return -errno;
	*what = "setresuid";
	if (setresuid(u->uid, euid, euid) < 0)
		return -errno;
	return 0;
}
