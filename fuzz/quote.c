/* quote fuzz target: the string quoter, in each of its styles, for strings and -y fd paths.
 * The first input byte picks the style and the function, the rest is the string; corpus in
 * fuzz/corpus/quote/. See fuzz/README.
 *
 * Besides the sanitizers' checks, the output must keep the quoter's promises: printable ASCII
 * only, quotes around strings, no bare '<' or '>' in a path, hex wholly or not at all as -x and
 * -xx say, and it must read back (as C reads escapes) to exactly the input. */
#include "fuzz/harness.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "print/quote.h"
#include "util/buf.h"
#include "util/die.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int digit_value(char c, int base)
{
	int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 99;
	return v < base ? v : -1;
}

/* Read q[0..len) back as C escapes into out, counting the \xNN ones in *hexes; false on an
 * escape the quoter never writes. */
static bool unquote(const char *q, size_t len, struct buf *out, size_t *hexes)
{
	*hexes = 0;
	static const char letters[] = "\"\"\\\\t\tn\nv\vf\fr\r";
	for (size_t i = 0; i < len;) {
		if (q[i] != '\\') {
			buf_addc(out, q[i++]);
			continue;
		}
		if (++i == len)
			return false;
		const char *l = strchr(letters, q[i]);
		if (l && (l - letters) % 2 == 0) {
			buf_addc(out, l[1]);
			i++;
			continue;
		}
		bool hex = q[i] == 'x';
		int base = hex ? 16 : 8, max = hex ? 2 : 3, n = 0, v = 0;
		i += hex;
		for (; n < max && i < len && digit_value(q[i], base) >= 0; n++, i++)
			v = v * base + digit_value(q[i], base);
		if (n == 0 || (hex && n != 2) || v > 255)
			return false;
		buf_addc(out, (char)v);
		*hexes += hex;
	}
	return true;
}

static bool needs_octal(unsigned char c)
{
	return c < 0x20 ? !strchr("\t\n\v\f\r", c) || !c : c >= 0x7f;
}

static void check_output(const char *s, size_t len, enum quote_style style, bool path,
			 const struct buf *q)
{
	size_t open = !path, body = q->len - 2 * open;
	fuzz_check(q->len >= 2 * open);
	fuzz_check(!open || (q->data[0] == '"' && q->data[q->len - 1] == '"'));
	for (size_t i = 0; i < q->len; i++)
		fuzz_check(q->data[i] >= 0x20 && q->data[i] < 0x7f);
	fuzz_check(!path || !memchr(q->data, '<', q->len));
	fuzz_check(!path || !memchr(q->data, '>', q->len));
	size_t octal = 0, brackets = 0, hexes;
	for (size_t i = 0; i < len; i++) {
		octal += needs_octal((unsigned char)s[i]);
		brackets += path && (s[i] == '<' || s[i] == '>');
	}
	bool wholly_hex = style == QUOTE_HEX_ALL || (style == QUOTE_HEX_NONPRINT && octal);
	struct buf back;
	buf_init(&back);
	fuzz_check(unquote(q->data + open, body, &back, &hexes));
	fuzz_check(back.len == len && memcmp(back.data, s, len) == 0);
	/* -xx and -x (when needed) wholly in hex; non-ascii-chars: hex where C style has octal,
	 * and for a path's brackets */
	fuzz_check(hexes == (wholly_hex ? len : style == QUOTE_HEX_CHARS ? octal + brackets : 0));
	buf_free(&back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	enum quote_style style = (enum quote_style)(data[0] & 3);
	bool path = data[0] & 4;
	/* a copy of exactly the string, so that a read past its end is caught */
	size_t len = size - 1;
	char *s = xmalloc(len);
	memcpy(s, data + 1, len);
	struct buf q;
	buf_init(&q);
	if (path)
		quote_bracketed(&q, s, len, style);
	else
		quote_string(&q, s, len, style);
	check_output(s, len, style, path, &q);
	buf_free(&q);
	free(s);
	return 0;
}
