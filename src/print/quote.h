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
/* Append a file descriptor's path for -y, unquoted: the same escapes, and '<' and '>' escaped
 * like unprintable bytes so that the "3</path>" brackets stay unambiguous. */
void quote_fd_path(struct buf *out, const char *s, size_t len, enum quote_style style);

#endif
