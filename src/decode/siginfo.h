/* siginfo: strace's rendering of a siginfo_t, for signal lines and waitid. */
#ifndef ESTRACE_SIGINFO_H
#define ESTRACE_SIGINFO_H

#include "sysent.h"
#include "util/buf.h"

#define SIGINFO_SIZE 128

/* raw: SIGINFO_SIZE bytes in the layout of abi */
void render_siginfo(struct buf *b, const unsigned char *raw, enum abi abi);

#endif
