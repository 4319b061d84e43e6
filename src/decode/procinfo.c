/* procinfo: -Y's command names and -y's descriptor details, from /proc. Like strace, pids are
 * looked up when the line is printed, so a process gone by then prints as its number alone. */
#include "decode/procinfo.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "opt/options.h"
#include "opt/present.h"
#include "print/quote.h"

void proc_comm(pid_t pid, char comm[16])
{
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	comm[0] = '\0';
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	ssize_t n = read(fd, comm, 15);
	close(fd);
	comm[n > 0 ? n : 0] = '\0';
	comm[strcspn(comm, "\n")] = '\0';   /* the name ends at its first newline, as strace's */
}

static bool comm_wanted(int64_t pid)
{
	return (opt.decode_pids & DECODE_PID_COMM) && pid > 0 && pid <= INT32_MAX;
}

void render_pid(struct buf *b, int64_t pid)
{
	buf_printf(b, "%" PRId64, pid);
	char comm[16] = "";
	if (comm_wanted(pid))
		proc_comm((pid_t)pid, comm);
	quote_comm(b, comm, opt.quote);
}

void capture_pid(struct call *c, int k, int64_t pid)
{
	c->comm[k][0] = '\0';
	if (comm_wanted(pid))
		proc_comm((pid_t)pid, c->comm[k]);
}

void render_pid_arg(const struct call *c, struct buf *b, int k, int64_t pid)
{
	buf_printf(b, "%" PRId64, pid);
	if (comm_wanted(pid))
		quote_comm(b, c->comm[k], opt.quote);
}

/* "Pid:\t42" in a pidfd's fdinfo; -1 when absent */
static int pidfd_pid(pid_t pid, int fd)
{
	char path[64], text[512];
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)pid, fd);
	int f = open(path, O_RDONLY | O_CLOEXEC);
	if (f < 0)
		return -1;
	ssize_t n = read(f, text, sizeof(text) - 1);
	close(f);
	text[n > 0 ? n : 0] = '\0';
	const char *p = strstr(text, "\nPid:");
	return p ? atoi(p + 5) : -1;
}

void capture_fd(struct call *c, pid_t pid, int fd)
{
	struct cfd *f = &c->fd;
	*f = (struct cfd){ .pidfd_pid = -1 };
	if (!opt.decode_fds || fd < 0)
		return;
	char link[64], target[4096];
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, fd);
	ssize_t n = readlink(link, target, sizeof(target));
	if (n <= 0 || n == (ssize_t)sizeof(target))
		return;
	static const char deleted[] = " (deleted)";
	size_t dl = sizeof(deleted) - 1;
	if ((size_t)n > dl && memcmp(target + n - dl, deleted, dl) == 0) {
		f->deleted = true;
		n -= dl;
	}
	f->known = true;
	f->off = c->mem.len;
	f->len = n;
	buf_add(&c->mem, target, n);
	struct stat st;
	if (stat(link, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
		f->dev_type = S_ISCHR(st.st_mode) ? 'c' : 'b';
		f->major = major(st.st_rdev);
		f->minor = minor(st.st_rdev);
	}
	if ((size_t)n == strlen("anon_inode:[pidfd]") && memcmp(target, "anon_inode:[pidfd]", n) == 0)
		f->pidfd_pid = pidfd_pid(pid, fd);
	if (f->pidfd_pid > 0 && comm_wanted(f->pidfd_pid))   /* a waitid may reap it meanwhile */
		proc_comm(f->pidfd_pid, f->pidfd_comm);
}

void render_fd(const struct call *c, struct buf *b, int fd)
{
	const struct cfd *f = &c->fd;
	buf_printf(b, "%d", fd);
	if (!f->known)
		return;
	unsigned want = opt.decode_fds;
	if ((want & DECODE_FD_PIDFD) && f->pidfd_pid > 0) {
		buf_printf(b, "<pid:%d", f->pidfd_pid);
		if (comm_wanted(f->pidfd_pid))   /* -Y: <pid:1234<comm>> */
			quote_comm(b, f->pidfd_comm, opt.quote);
		buf_addc(b, '>');
		return;
	}
	bool dev = (want & DECODE_FD_DEV) && f->dev_type;
	if (!(want & DECODE_FD_PATH) && !dev)
		return;
	buf_addc(b, '<');
	quote_bracketed(b, c->mem.data + f->off, f->len, opt.quote);
	if (dev)
		buf_printf(b, "<%s %u:%u>", f->dev_type == 'c' ? "char" : "block", f->major, f->minor);
	buf_addc(b, '>');
	if (f->deleted)
		buf_adds(b, "(deleted)");
}
