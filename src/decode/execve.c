/* execve, execveat: the pathname whole, argv as a string array, envp counted unless -v. */
#include "decode/decoder.h"

#include "decode/procinfo.h"
#include "opt/filter.h"
#include "print/xlat.h"

#define DIRFD_CWD (-100)   /* AT_FDCWD */

/* dirfd: AT_FDCWD by name (in the -X style), otherwise the fd (with -y's details) */
static void render_dirfd(const struct call *c, struct buf *b, uint64_t fd)
{
	if ((int)fd == DIRFD_CWD)
		xlat_named(b, "AT_FDCWD", "-100");
	else
		render_fd(c, b, (int)fd);
}

/* path, argv, envp at args[first..first+2] */
static void capture_exec_args(struct call *c, pid_t pid, int first)
{
	capture_str(c, pid, c->args[first], true);
	capture_array(c, pid, 0, c->args[first + 1], false);
	capture_array(c, pid, 1, c->args[first + 2], abbrev_wanted(c->id));
}

static void render_exec_args(const struct call *c, struct buf *b)
{
	render_str(c, b, &c->strs[0], true);
	buf_adds(b, ", ");
	render_array(c, b, &c->arrays[0]);
	buf_adds(b, ", ");
	render_env(c, b, &c->arrays[1]);
}

static void execve_capture(struct call *c, pid_t pid)
{
	capture_exec_args(c, pid, 0);
}

static void execve_render(const struct call *c, struct buf *b)
{
	render_exec_args(c, b);
}

static void execveat_capture(struct call *c, pid_t pid)
{
	if ((int)c->args[0] != DIRFD_CWD)
		capture_fd(c, pid, (int)c->args[0]);
	capture_exec_args(c, pid, 1);
}

static void execveat_render(const struct call *c, struct buf *b)
{
	render_dirfd(c, b, c->args[0]);
	buf_adds(b, ", ");
	render_exec_args(c, b);
	buf_adds(b, ", ");
	xlat_flags(b, &xlat_at_flags, (uint32_t)c->args[4], "AT_???");
}

const struct decoder dec_execve = {
	.capture_entry = execve_capture,
	.render_entry = execve_render,
};

const struct decoder dec_execveat = {
	.capture_entry = execveat_capture,
	.render_entry = execveat_render,
};
