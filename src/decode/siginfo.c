/* siginfo: which fields strace shows depends on the signal and si_code; the layout on the ABI. */
#include "decode/siginfo.h"

#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "decode/decoder.h"
#include "decode/procinfo.h"
#include "opt/options.h"
#include "print/xlat.h"

/* The union's fields, read out of either ABI's layout. */
struct si {
	int signo, errno_, code;
	int32_t pid, uid, status, sival_int, syscall_nr, fd;
	uint32_t arch;
	uint64_t sival_ptr, addr, utime, stime, band, call_addr, timerid, overrun;
	const unsigned char *after_addr;   /* the union's rest, for put_fault */
};

static int32_t rd32(const unsigned char *p) { int32_t v; memcpy(&v, p, 4); return v; }
static uint64_t rdw(const unsigned char *p, size_t w)
{
	if (w == 4)
		return (uint32_t)rd32(p);
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static struct si si_load(const unsigned char *raw, enum abi abi)
{
	size_t w = abi == ABI_I386 ? 4 : 8;
	const unsigned char *u = raw + (w == 8 ? 16 : 12);   /* the union follows the 3 ints */
	struct si s = {
		.signo = rd32(raw), .errno_ = rd32(raw + 4), .code = rd32(raw + 8),
		.pid = rd32(u), .uid = rd32(u + 4),
		.timerid = (uint32_t)rd32(u), .overrun = (uint32_t)rd32(u + 4),
		.sival_int = rd32(u + 8), .sival_ptr = rdw(u + 8, w),
		.status = rd32(u + 8), .utime = rdw(u + 8 + w, w), .stime = rdw(u + 8 + 2 * w, w),
		.addr = rdw(u, w), .band = rdw(u, w), .fd = rd32(u + w),
		.call_addr = rdw(u, w), .syscall_nr = rd32(u + w), .arch = (uint32_t)rd32(u + w + 4),
		.after_addr = u + w,
	};
	return s;
}

/* signal-specific si_code names, for codes in (0, SI_KERNEL) */
static const struct xlat_set *codes_for(int signo)
{
	switch (signo) {
	case SIGCHLD: return &xlat_cld_codes;
	case SIGSEGV: return &xlat_segv_codes;
	case SIGBUS: return &xlat_bus_codes;
	case SIGILL: return &xlat_ill_codes;
	case SIGFPE: return &xlat_fpe_codes;
	case SIGTRAP: return &xlat_trap_codes;
	case SIGPOLL: return &xlat_poll_codes;
	case SIGSYS: return &xlat_sys_codes;
	default: return NULL;
	}
}

static bool fault_signal(int signo)
{
	return signo == SIGSEGV || signo == SIGBUS || signo == SIGILL || signo == SIGFPE ||
	       signo == SIGTRAP;
}

static void put_sival(struct buf *b, const struct si *s)
{
	buf_printf(b, ", si_int=%d, si_ptr=", s->sival_int);
	render_ptr(b, s->sival_ptr);
}

static void put_sender(struct buf *b, const struct si *s)
{
	buf_adds(b, ", si_pid=");
	render_pid(b, s->pid);
	buf_printf(b, ", si_uid=%u", (unsigned)s->uid);
}

/* clock ticks, with their value in seconds when not zero: "129 / * 1.29 s * /" */
static void put_ticks(struct buf *b, const char *name, uint64_t ticks)
{
	static long hz;
	if (!hz)
		hz = sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100;
	buf_printf(b, ", %s=%" PRIu64, name, ticks);
	if (ticks && opt.xlat_style != XLAT_STYLE_RAW)   /* -X raw: the number alone */
		buf_printf(b, " /* %" PRIu64 ".%02" PRIu64 " s */", ticks / hz, ticks % hz * 100 / hz);
}

static void put_sigchld(struct buf *b, const struct si *s)
{
	put_sender(b, s);
	buf_adds(b, ", si_status=");
	if (s->code == CLD_EXITED || s->status < 0)
		buf_printf(b, "%d", s->status);
	else
		render_signal(b, s->status);
	put_ticks(b, "si_utime", s->utime);
	put_ticks(b, "si_stime", s->stime);
}

/* The sender, when the kernel filled it in or the code says a process sent it. */
static void put_sender_if_any(struct buf *b, const struct si *s)
{
	if (s->pid || s->uid)
		put_sender(b, s);
}

/* A value, which strace leaves out when zero. */
static void put_sival_if_any(struct buf *b, const struct si *s)
{
	if (s->sival_int || s->sival_ptr)
		put_sival(b, s);
}

/* si_addr, and what some codes add after it: a short, or (past a pointer's width of padding)
 * a pair of bounds or a protection key. */
static void put_fault(struct buf *b, const struct si *s, enum abi abi)
{
	size_t w = abi == ABI_I386 ? 4 : 8;
	const unsigned char *rest = s->after_addr;
	buf_adds(b, ", si_addr=");
	render_ptr(b, s->addr);
	if (s->signo == SIGBUS && (s->code == BUS_MCEERR_AR || s->code == BUS_MCEERR_AO)) {
		uint16_t lsb;
		memcpy(&lsb, rest, sizeof(lsb));
		buf_printf(b, ", si_addr_lsb=%#x", lsb);
	} else if (s->signo == SIGSEGV && s->code == SEGV_BNDERR) {
		buf_adds(b, ", si_lower=");
		render_ptr(b, rdw(rest + w, w));
		buf_adds(b, ", si_upper=");
		render_ptr(b, rdw(rest + 2 * w, w));
	} else if (s->signo == SIGSEGV && s->code == SEGV_PKUERR) {
		buf_printf(b, ", si_pkey=%u", (unsigned)rd32(rest + w));
	}
}

/* si_syscall by name when si_arch is the tracee's own ("__NR_mmap", a constant as -X says), with
 * its name in a comment when it is estrace's other ABI ("9 / * link * /"), else a number. */
static void put_sigsys(struct buf *b, const struct si *s, enum abi abi)
{
	buf_adds(b, ", si_call_addr=");
	render_ptr(b, s->call_addr);
	uint32_t nr = (uint32_t)s->syscall_nr;
	enum sc_id id = SC_COUNT;
	bool own = s->arch == sysent_audit_arch(abi);
	for (int a = 0; a < ABI_COUNT; a++)
		if (s->arch == sysent_audit_arch(a))
			id = sysent_id((enum abi)a, nr);   /* x32's numbers (bit 30) are not known */
	char num[16], name[64];
	snprintf(num, sizeof(num), "%" PRIu32, nr);
	buf_adds(b, ", si_syscall=");
	if (id != SC_COUNT && own) {
		snprintf(name, sizeof(name), "__NR_%s", sysent[id].name);
		xlat_named(b, name, num);
	} else if (id != SC_COUNT && opt.xlat_style != XLAT_STYLE_RAW) {
		buf_printf(b, "%s /* %s */", num, sysent[id].name);
	} else {
		buf_adds(b, num);
	}
	buf_adds(b, ", si_arch=");
	xlat_value(b, &xlat_audit_arches, s->arch, "AUDIT_ARCH_???");
}

/* The fields after si_code. Codes a process can send (SI_USER, SI_QUEUE, ...) are negative and
 * name the sender; positive ones, SI_KERNEL among them, come from the kernel, and what they
 * carry depends on the signal. */
static void put_fields(struct buf *b, const struct si *s, enum abi abi)
{
	if (s->code == SI_USER || s->code == SI_TKILL) {
		put_sender(b, s);
	} else if (s->code == SI_TIMER) {
		buf_printf(b, ", si_timerid=%#" PRIx64 ", si_overrun=%" PRIu64, s->timerid, s->overrun);
		put_sival(b, s);
	} else if (s->code == SI_SIGIO || (s->code > 0 && s->signo == SIGPOLL &&
					   xlat_name(&xlat_poll_codes, (uint64_t)s->code))) {
		buf_printf(b, ", si_band=%" PRId64 ", si_fd=%d", (int64_t)s->band, s->fd);
	} else if (s->code < 0) {   /* SI_QUEUE, SI_MESGQ, SI_ASYNCIO, ..., and codes without a name */
		put_sender(b, s);
		put_sival_if_any(b, s);
	} else if (s->signo == SIGCHLD) {
		put_sigchld(b, s);
	} else if (fault_signal(s->signo)) {
		put_fault(b, s, abi);
	} else if (s->signo == SIGSYS) {
		put_sigsys(b, s, abi);
	} else if (s->signo != SIGPOLL) {
		put_sender_if_any(b, s);
		put_sival_if_any(b, s);
	}
}

void render_siginfo(struct buf *b, const unsigned char *raw, enum abi abi)
{
	struct si s = si_load(raw, abi);
	if (s.signo == 0) {
		buf_adds(b, "{}");
		return;
	}
	buf_adds(b, "{si_signo=");
	render_signal(b, s.signo);
	buf_adds(b, ", si_code=");
	const struct xlat_set *specific = codes_for(s.signo);
	const char *name = NULL;
	if (s.code > 0 && s.code < SI_KERNEL && specific)
		name = xlat_name(specific, (uint64_t)(int64_t)s.code);
	if (!name && (s.code <= 0 || s.code == SI_KERNEL))
		name = xlat_name(&xlat_si_codes, (uint64_t)(int64_t)s.code);
	char num[16];
	snprintf(num, sizeof(num), "%#x", s.code);
	xlat_named(b, name, num);
	if (s.errno_) {
		const char *e = errno_name(s.errno_);
		if (e)
			buf_printf(b, ", si_errno=%s", e);
		else
			buf_printf(b, ", si_errno=%d", s.errno_);
	}
	put_fields(b, &s, abi);
	buf_addc(b, '}');
}
