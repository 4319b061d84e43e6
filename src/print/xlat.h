/* xlat: value-to-name tables. Each set is generated from one list syscallent/xlat/NAME.in
 * (see print/tables.c); lookups here are the only way callers read them. */
#ifndef ESTRACE_XLAT_H
#define ESTRACE_XLAT_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* -X: how a named constant prints. */
enum xlat_style {
	XLAT_STYLE_ABBREV,   /* the name: SIGCHLD, WNOHANG|WSTOPPED (the default) */
	XLAT_STYLE_RAW,      /* the number: 17, 0x3 */
	XLAT_STYLE_VERBOSE,  /* both: 17 / * SIGCHLD * /, 0x3 / * WNOHANG|WSTOPPED * / */
};

struct xlat {
	uint64_t val;
	const char *str;
};

struct xlat_set {
	const struct xlat *data;
	size_t size;
};

extern const struct xlat_set xlat_clone_flags;
extern const struct xlat_set xlat_signals;
extern const struct xlat_set xlat_errnos;
extern const struct xlat_set xlat_at_flags;
extern const struct xlat_set xlat_wait_options;
extern const struct xlat_set xlat_idtypes;
extern const struct xlat_set xlat_si_codes;
extern const struct xlat_set xlat_cld_codes;
extern const struct xlat_set xlat_segv_codes;
extern const struct xlat_set xlat_bus_codes;
extern const struct xlat_set xlat_ill_codes;
extern const struct xlat_set xlat_fpe_codes;
extern const struct xlat_set xlat_trap_codes;
extern const struct xlat_set xlat_poll_codes;
extern const struct xlat_set xlat_sys_codes;
extern const struct xlat_set xlat_audit_arches;

/* The first name for val, or NULL. */
const char *xlat_name(const struct xlat_set *set, uint64_t val);
/* Flags as strace prints them: known bits by name in table order joined by '|', then any
 * unknown bits as one hex number; 0 prints "0"; only unknown bits: "0x2000 / * AT_??? * /",
 * with `unknown` ("AT_???") inside the comment. These and the printers below follow -X
 * (opt.xlat_style). */
void xlat_flags(struct buf *b, const struct xlat_set *set, uint64_t val, const char *unknown);
/* A name, or "0x4 / * P_??? * /" when val has none. */
void xlat_value(struct buf *b, const struct xlat_set *set, uint64_t val, const char *unknown);

/* A constant whose number is the text num ("-100", "0x1") and whose name may be NULL, in
 * the -X style; a nameless one prints as its number. */
void xlat_named(struct buf *b, const char *name, const char *num);

/* "SIGCHLD", "SIGRTMIN", "SIGRT_3"; NULL when sig has no name. */
const char *signal_name(int sig);
/* Append a signal name, or the number when it has none; for the lines strace always prints
 * by name (--- SIGCHLD, +++ killed by, WTERMSIG(s) ==), whatever -X says. */
void signal_print(struct buf *b, int sig);
/* "ENOENT"; NULL for an unknown errno. */
const char *errno_name(int err);
/* The text strace shows in parentheses after an errno name. */
const char *errno_text(int err);

#endif
