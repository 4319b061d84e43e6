/* out: buffered trace outputs and the line discipline (see out.h). */
#include "print/out.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "opt/options.h"
#include "print/quote.h"
#include "trace/tracee.h"
#include "util/timespec.h"
#include "util/die.h"

static struct out *all_outs;
static struct line_layout layout = { .prefix = PREFIX_NONE, .column = 40 };
static struct timespec stamp_now, stamp_last;
static struct { bool known; uint64_t ip; enum abi abi; } line_ip;

struct out *out_open_fd(int fd)
{
	struct out *o = xcalloc(1, sizeof(*o));
	o->fd = fd;
	buf_init(&o->pending);
	o->next = all_outs;
	all_outs = o;
	return o;
}

struct out *out_open_null(void)
{
	return out_open_fd(-1);
}

struct out *out_open_file(const char *path, bool append)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
	int fd = open(path, flags, 0666);
	if (fd < 0)
		die("Can't fopen '%s': %s", path, strerror(errno));
	struct out *o = out_open_fd(fd);
	o->name = xstrdup(path);
	return o;
}

/* A closed pipe (EPIPE) or a full disk: the output is lost but tracing goes on. Said once, where
 * strace says it again at every line. */
static void out_flush(struct out *o)
{
	size_t done = 0;
	int err = 0;
	while (o->fd >= 0 && done < o->pending.len) {
		ssize_t n = write(o->fd, o->pending.data + done, o->pending.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n < 0 ? errno : EIO;
			break;
		}
		done += n;
	}
	buf_reset(&o->pending);   /* before the message, which flushes every out */
	if (err && o->name && !o->write_failed) {
		o->write_failed = true;
		warnmsg("%s: %s", o->name, strerror(err));
	}
}

struct out *out_open_pipe(const char *command, const char *name, pid_t *pid)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0)
		die("Can't create a pipe for '%s': %s", command, strerror(errno));
	*pid = fork();
	if (*pid < 0)
		die("Can't fork for '%s': %s", command, strerror(errno));
	if (*pid == 0) {
		dup2(fds[0], 0);   /* dup2 clears close-on-exec on 0 */
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	struct out *o = out_open_fd(fds[1]);
	o->name = xstrdup(name);
	return o;
}

void out_close(struct out *o)
{
	out_flush(o);
	for (struct out **p = &all_outs; *p; p = &(*p)->next) {
		if (*p == o) {
			*p = o->next;
			break;
		}
	}
	if (o->fd > 2)
		close(o->fd);
	buf_free(&o->pending);
	free(o->name);
	free(o);
}

void out_flush_all(void)
{
	for (struct out *o = all_outs; o; o = o->next)
		if (o->pending.len)
			out_flush(o);
}

void out_add(struct out *o, const char *s, size_t n)
{
	if (n == 0)
		return;   /* s may be NULL */
	buf_add(&o->pending, s, n);
	const char *nl = memrchr(s, '\n', n);
	o->col = nl ? (size_t)(s + n - nl - 1) : o->col + n;
	if (o->pending.len >= 1 << 16)
		out_flush(o);
}

struct buf *out_text_begin(struct out *o, size_t *mark)
{
	*mark = o->pending.len;
	return &o->pending;
}

void out_text_end(struct out *o, size_t mark)
{
	const char *s = o->pending.data + mark;
	size_t n = o->pending.len - mark;
	const char *nl = memrchr(s, '\n', n);
	o->col = nl ? (size_t)(s + n - nl - 1) : o->col + n;
	if (o->pending.len >= 1 << 16)
		out_flush(o);
}

void out_puts(struct out *o, const char *s)
{
	out_add(o, s, strlen(s));
}

void out_printf(struct out *o, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(small)) {
		out_add(o, small, n);
		return;
	}
	struct buf b = BUF_INIT;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	out_add(o, b.data, b.len);
	buf_free(&b);
}

void line_setup(const struct line_layout *l)
{
	layout = *l;
}

void line_set_time(const struct timespec *when)
{
	stamp_now = *when;
}

void line_set_ip(bool known, uint64_t ip, enum abi abi)
{
	line_ip.known = known;
	line_ip.ip = ip;
	line_ip.abi = abi;
}

/* "[00007f1b9350fb70] ", "[f7f6b5e9] ", "[????????????????] " */
static void put_ip(struct out *o)
{
	int digits = line_ip.abi == ABI_I386 ? 8 : 16;
	if (line_ip.known)
		out_printf(o, "[%0*" PRIx64 "] ", digits, line_ip.ip);
	else
		out_printf(o, "[%.*s] ", digits, "????????????????");
}

/* "07:02:45 ", "07:02:45.134519 ", "1795330965.142524 ", "     0.000258 ", or with -t and -r
 * both "07:02:58 (+     0.000234) "; fractions have 0, 3, 6 or 9 digits, cut, not rounded */
static void put_stamp(struct out *o)
{
	char frac[16];
	timespec_fraction(frac, sizeof(frac), stamp_now, layout.stamp_digits);
	if (layout.stamps == 2) {
		out_printf(o, "%ld%s ", (long)stamp_now.tv_sec, frac);
	} else if (layout.stamps) {
		struct tm tm;
		char hms[16];
		localtime_r(&stamp_now.tv_sec, &tm);
		strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
		out_printf(o, "%s%s ", hms, frac);
	}
	if (layout.relative) {
		if (!stamp_last.tv_sec && !stamp_last.tv_nsec)
			stamp_last = stamp_now;
		struct timespec d = timespec_sub(stamp_now, stamp_last);
		timespec_fraction(frac, sizeof(frac), d, layout.relative_digits);
		out_printf(o, layout.stamps ? "(+%6ld%s) " : "%6ld%s ", (long)d.tv_sec, frac);
		stamp_last = stamp_now;
	}
}

/* "[pid  1234] " or "1234  " (-o with -f), with "<comm>" after the pid under -Y; the -o form
 * is not padded then, as strace's is not. */
static void put_pid(struct out *o, const struct tracee *t, bool many)
{
	many = many || layout.always_pid;
	bool comm = layout.comm && t->comm[0];
	if (layout.prefix == PREFIX_NONE || (layout.prefix == PREFIX_STDERR && !many))
		return;
	size_t mark;
	struct buf *b = out_text_begin(o, &mark);
	if (layout.prefix == PREFIX_STDERR)
		buf_printf(b, "[pid %5d", t->pid);
	else
		buf_printf(b, comm ? "%d" : "%-5d", t->pid);
	if (comm)
		quote_comm(b, t->comm, opt.quote);
	buf_adds(b, layout.prefix == PREFIX_STDERR ? "] " : " ");
	out_text_end(o, mark);
}

void line_unfinish(struct tracee *t)
{
	struct out *o = t->out;
	if (o->owner != t)
		return;
	out_puts(o, " <unfinished ...>\n");
	o->owner = NULL;
}

void line_begin(struct tracee *t)
{
	line_begin_as(t, tracee_count() > 1);
}

void line_begin_as(struct tracee *t, bool many)
{
	struct out *o = t->out;
	if (o->owner && o->owner != t)
		line_unfinish((struct tracee *)o->owner);
	else if (o->owner == t)
		line_end(t);   /* a line left open by the same tracee: close it as it is */
	put_pid(o, t, many);
	if (layout.stamps || layout.relative)
		put_stamp(o);
	if (layout.syscall_number)
		out_printf(o, "[%4u] ", (unsigned)t->call.nr);
	if (layout.ip)
		put_ip(o);
	o->owner = t;
}

void line_resume(struct tracee *t, const char *name)
{
	if (t->out->owner == t)
		return;
	line_begin(t);
	out_printf(t->out, "<... %s resumed>", name);
}

void line_ret(struct tracee *t, const char *text)
{
	struct out *o = t->out;
	size_t col = o->col;
	if (col < (size_t)layout.column) {
		static const char spaces[] = "                                                                ";
		size_t pad = layout.column - col;
		while (pad > 0) {
			size_t n = pad < sizeof(spaces) - 1 ? pad : sizeof(spaces) - 1;
			out_add(o, spaces, n);
			pad -= n;
		}
	} else {
		out_add(o, " ", 1);
	}
	out_puts(o, "= ");
	out_puts(o, text);
	line_end(t);
}

void line_end(struct tracee *t)
{
	out_add(t->out, "\n", 1);
	if (t->out->owner == t)
		t->out->owner = NULL;
}

void line_full(struct tracee *t, const char *text)
{
	line_begin(t);
	out_puts(t->out, text);
	line_end(t);
}

void message(const char *fmt, ...)
{
	out_flush_all();
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fflush(stderr);
	va_end(ap);
}
