/* xlat: lookups in the generated name tables. */
#include "print/xlat.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "opt/options.h"

const char *xlat_name(const struct xlat_set *set, uint64_t val)
{
	for (size_t i = 0; i < set->size; i++)
		if (set->data[i].val == val)
			return set->data[i].str;
	return NULL;
}

void xlat_named(struct buf *b, const char *name, const char *num)
{
	if (!name || opt.xlat_style == XLAT_STYLE_RAW)
		buf_adds(b, num);
	else if (opt.xlat_style == XLAT_STYLE_VERBOSE)
		buf_printf(b, "%s /* %s */", num, name);
	else
		buf_adds(b, name);
}

/* The names of val's known bits joined by '|', then the unknown rest in hex; false (and
 * nothing written) when no bit has a name. */
static bool flag_names(struct buf *b, const struct xlat_set *set, uint64_t val)
{
	const char *sep = "";
	for (size_t i = 0; i < set->size && val; i++) {
		uint64_t bit = set->data[i].val;
		if (bit && (val & bit) == bit) {
			buf_adds(b, sep);
			buf_adds(b, set->data[i].str);
			val &= ~bit;
			sep = "|";
		}
	}
	if (val && *sep)
		buf_printf(b, "|%#" PRIx64, val);
	return *sep;
}

void xlat_flags(struct buf *b, const struct xlat_set *set, uint64_t val, const char *unknown)
{
	if (val == 0 || opt.xlat_style == XLAT_STYLE_RAW) {
		buf_printf(b, "%#" PRIx64, val);
		return;
	}
	if (opt.xlat_style == XLAT_STYLE_ABBREV && flag_names(b, set, val))
		return;
	buf_printf(b, "%#" PRIx64 " /* ", val);
	if (opt.xlat_style != XLAT_STYLE_VERBOSE || !flag_names(b, set, val))
		buf_adds(b, unknown);
	buf_adds(b, " */");
}

void xlat_value(struct buf *b, const struct xlat_set *set, uint64_t val, const char *unknown)
{
	const char *name = xlat_name(set, val);
	char num[24];
	snprintf(num, sizeof(num), "%#" PRIx64, val);
	if (!name && opt.xlat_style != XLAT_STYLE_RAW)
		buf_printf(b, "%s /* %s */", num, unknown);
	else
		xlat_named(b, name, num);
}

const char *signal_name(int sig)
{
	static char rt[32][12];
	if (sig == 32)
		return "SIGRTMIN";
	if (sig > 32 && sig <= 64) {
		char *s = rt[sig - 33];
		if (!s[0])
			snprintf(s, sizeof(rt[0]), "SIGRT_%d", sig - 32);
		return s;
	}
	return sig > 0 ? xlat_name(&xlat_signals, sig) : NULL;
}

void signal_print(struct buf *b, int sig)
{
	const char *name = signal_name(sig);
	if (name)
		buf_adds(b, name);
	else
		buf_printf(b, "%d", sig);
}

const char *errno_name(int err)
{
	return err > 0 ? xlat_name(&xlat_errnos, err) : NULL;
}

/* Kernel-internal errnos that userspace never sees, so libc has no text for them. */
static const struct xlat internal_texts[] = {
	{ 512, "To be restarted if SA_RESTART is set" },
	{ 513, "To be restarted" },
	{ 514, "To be restarted if no handler" },
	{ 516, "Interrupted by signal" },
};

const char *errno_text(int err)
{
	for (size_t i = 0; i < sizeof(internal_texts) / sizeof(internal_texts[0]); i++)
		if (internal_texts[i].val == (uint64_t)err)
			return internal_texts[i].str;
	return strerror(err);
}
