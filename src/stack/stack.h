/* stack: the tracee's call stack at a syscall, for -k, as strace's frame lines
 * (" > FILE(SYMBOL+0xOFF) [0xADDR]"). One backend is built in (libunwind, or none); the
 * interface is the same for both and knows no ABI: frames are whatever the backend unwinds. */
#ifndef ESTRACE_STACK_H
#define ESTRACE_STACK_H

#include <stdbool.h>
#include <sys/types.h>

#include "sysent.h"
#include "util/buf.h"

/* NULL when this build can take stack traces, else why it cannot. */
const char *stack_unavailable(void);
/* NULL when this build can name each frame's source file and line (-kk), else why not. */
const char *stack_source_unavailable(void);
/* What -V lists of this build's -k, in strace's words (" stack-trace=libunwind
 * stack-demangle"), or "". */
const char *stack_features(void);
/* Unwind the stopped thread pid and append its frame lines (each ending "\n") to frames,
 * at most limit of them, with its source file and line when source is asked (-kk) and known.
 * strace's "unexpected_backtracing_error" line when the stack cannot be read. A frame with no
 * symbol prints "FILE()", or "FILE(+0x0)" when taken at a syscall's entry (entry): strace 6.1
 * prints the frames it keeps from entry to exit that way. */
void stack_capture(pid_t pid, unsigned limit, bool source, bool entry, struct buf *frames);
/* pid exec'd or is gone: what was cached about its address space is stale. */
void stack_forget(pid_t pid);

/* Whether the stack of syscall id is taken at its entry: a call that replaces its image (exec),
 * ends its thread (exit) or creates a child shows its caller's stack only there. The others are
 * taken at their exit, as strace does. */
bool stack_at_entry(enum sc_id id);

#endif
