/* quote: the one owner of strace's string quoting and escaping rules. */
#ifndef ESTRACE_QUOTE_H
#define ESTRACE_QUOTE_H

#include <stddef.h>

#include "util/buf.h"

enum quote_style {
	QUOTE_C,          /* \" \\ \t \n \v \f \r, octal for the rest of the unprintable bytes */
	QUOTE_HEX_NONPRINT, /* -x: the whole string as \xNN if any byte needs an octal escape */
	QUOTE_HEX_ALL,    /* -xx: every string wholly as \xNN */
	QUOTE_HEX_CHARS,  /* --strings-in-hex=non-ascii-chars: \xNN where QUOTE_C has octal */
};

/* Append s[0..len) in double quotes. */
void quote_string(struct buf *out, const char *s, size_t len, enum quote_style style);
/* Append text that goes between angle brackets, unquoted: -y's paths ("3</path>") and -Y's
 * command names ("1234<comm>"). The same escapes, and '<' and '>' escaped like unprintable
 * bytes so that the brackets stay unambiguous. */
void quote_bracketed(struct buf *out, const char *s, size_t len, enum quote_style style);
/* -Y's "<comm>" after a pid (the NUL-terminated name quoted as above); nothing for "". */
void quote_comm(struct buf *out, const char *comm, enum quote_style style);

#endif
