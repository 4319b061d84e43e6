/* execve, execveat: the pathname whole, argv as a string array, envp counted unless -v. */
#include "decode/decoder.h"

#include "opt/options.h"
#include "print/xlat.h"

/* dirfd: AT_FDCWD by name, otherwise the number */
static void render_dirfd(struct buf *b, uint64_t fd)
{
	if ((int)fd == -100)
		buf_adds(b, "AT_FDCWD");
	else
		render_int(b, fd);
}

/* path, argv, envp at args[first..first+2] */
static void capture_exec_args(struct call *c, pid_t pid, int first)
{
	capture_str(c, pid, c->args[first], true);
	capture_array(c, pid, 0, c->args[first + 1], false);
	capture_array(c, pid, 1, c->args[first + 2], !opt.verbose);
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
	capture_exec_args(c, pid, 1);
}

static void execveat_render(const struct call *c, struct buf *b)
{
	render_dirfd(b, c->args[0]);
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
