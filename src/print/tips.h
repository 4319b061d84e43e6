/* tips: --tips, a tip about estrace printed on stderr as estrace ends (strace 6.1 prints its
 * own; estrace's are about estrace, in a plain box). */
#ifndef ESTRACE_TIPS_H
#define ESTRACE_TIPS_H

enum tips_format { TIPS_NONE, TIPS_COMPACT, TIPS_FULL };

/* Parse --tips's value (NULL: given bare) into opt.tips_format and opt.tip_id; a bad one is a
 * usage error with strace's message. */
void tips_parse(const char *arg);
/* Print the tip opt asks for, if any. */
void tips_show(void);

#endif
