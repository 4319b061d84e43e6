/* quote: strace's string quoting. Bytes 0x20..0x7e other than '"' and '\\' print as they are;
 * \t \n \v \f \r and the two specials get C escapes; every other byte is octal with as few
 * digits as possible, or exactly three when the next byte is an octal digit. */
#include "print/quote.h"

#include <stdbool.h>
#include <string.h>
#ifdef __SSE2__
# include <emmintrin.h>
#endif

static const char hexdigits[] = "0123456789abcdef";

/* The escape letter for a byte with a one-letter escape, or 0. */
static char letter_escape(unsigned char c)
{
	switch (c) {
	case '"': return '"';
	case '\\': return '\\';
	case '\t': return 't';
	case '\n': return 'n';
	case '\v': return 'v';
	case '\f': return 'f';
	case '\r': return 'r';
	default: return 0;
	}
}

static bool plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

static bool needs_octal(unsigned char c)
{
	return !plain(c) && !letter_escape(c);
}

static void quote_hex(struct buf *out, const unsigned char *s, size_t len)
{
	char *p = buf_tail(out, len * 4);
	for (size_t i = 0; i < len; i++) {
		*p++ = '\\';
		*p++ = 'x';
		*p++ = hexdigits[s[i] >> 4];
		*p++ = hexdigits[s[i] & 15];
	}
	buf_commit(out, len * 4);
}

/* --strings-in-hex=non-ascii-chars: always two hex digits, so no next-byte rule */
static size_t put_hex(char *p, unsigned char c)
{
	p[0] = '\\';
	p[1] = 'x';
	p[2] = hexdigits[c >> 4];
	p[3] = hexdigits[c & 15];
	return 4;
}

static size_t put_octal(char *p, unsigned char c, bool next_is_digit)
{
	size_t n = 0;
	p[n++] = '\\';
	if (next_is_digit || c >= 0100)
		p[n++] = '0' + (c >> 6);
	if (next_is_digit || c >= 010)
		p[n++] = '0' + ((c >> 3) & 7);
	p[n++] = '0' + (c & 7);
	return n;
}

/* Byte classes, built once: 0 plain, else the escape letter, or 1 for octal. */
static unsigned char byte_class[256];

static void init_classes(void)
{
	for (int c = 0; c < 256; c++)
		byte_class[c] = plain(c) ? 0 : letter_escape(c) ? (unsigned char)letter_escape(c) : 1;
}

/* The end of the run of plain bytes that starts at s[i]. */
static size_t plain_run(const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	/* 16 bytes a step: a byte needs quoting when it is below 0x20 or from 0x7f up (a signed
	 * compare catches 0x80..0xff with the control bytes), or is '"' or '\\' */
	const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
	const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
	while (i + 16 <= len) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		__m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)),
					   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
		int mask = _mm_movemask_epi8(bad);
		if (mask)
			return i + __builtin_ctz(mask);
		i += 16;
	}
#endif
	while (i < len && byte_class[s[i]] == 0)
		i++;
	return i;
}

static void quote_c(struct buf *out, const unsigned char *s, size_t len, bool hexchars)
{
	if (!byte_class[0])
		init_classes();
	/* worst case 4 bytes out per byte in; reserve once */
	char *start = buf_tail(out, len * 4);
	char *p = start;
	size_t i = 0;
	while (i < len) {
		size_t run = plain_run(s, i, len);
		memcpy(p, s + i, run - i);   /* plain bytes: most of any argv */
		p += run - i;
		if (run == len)
			break;
		unsigned char c = s[run], cls = byte_class[c];
		if (cls != 1) {
			*p++ = '\\';
			*p++ = cls;
		} else if (hexchars) {
			p += put_hex(p, c);
		} else {
			bool next_digit = run + 1 < len && s[run + 1] >= '0' && s[run + 1] <= '7';
			p += put_octal(p, c, next_digit);
		}
		i = run + 1;
	}
	buf_commit(out, p - start);
}

/* Whether a string goes wholly in hex under style. */
static bool all_hex(const unsigned char *s, size_t len, enum quote_style style)
{
	bool hex = style == QUOTE_HEX_ALL;
	if (style == QUOTE_HEX_NONPRINT)
		for (size_t i = 0; i < len && !hex; i++)
			hex = needs_octal(s[i]);
	return hex;
}

void quote_string(struct buf *out, const char *str, size_t len, enum quote_style style)
{
	const unsigned char *s = (const unsigned char *)str;
	buf_addc(out, '"');
	if (all_hex(s, len, style))
		quote_hex(out, s, len);
	else
		quote_c(out, s, len, style == QUOTE_HEX_CHARS);
	buf_addc(out, '"');
}

void quote_bracketed(struct buf *out, const char *str, size_t len, enum quote_style style)
{
	const unsigned char *s = (const unsigned char *)str;
	if (all_hex(s, len, style)) {
		quote_hex(out, s, len);
		return;
	}
	/* the run between brackets goes through quote_c; a bracket is escaped here */
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && s[end] != '<' && s[end] != '>')
			end++;
		quote_c(out, s + i, end - i, style == QUOTE_HEX_CHARS);
		if (end == len)
			break;
		char esc[4];
		bool next_digit = end + 1 < len && s[end + 1] >= '0' && s[end + 1] <= '7';
		size_t n = style == QUOTE_HEX_CHARS ? put_hex(esc, s[end]) : put_octal(esc, s[end], next_digit);
		buf_add(out, esc, n);
		i = end + 1;
	}
}

void quote_comm(struct buf *out, const char *comm, enum quote_style style)
{
	if (!comm[0])
		return;
	buf_addc(out, '<');
	quote_bracketed(out, comm, strlen(comm), style);
	buf_addc(out, '>');
}
