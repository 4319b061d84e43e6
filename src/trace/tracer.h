/* tracer: starting the command, the event loop, and leaving as the command left. */
#ifndef ESTRACE_TRACER_H
#define ESTRACE_TRACER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "trace/tracee.h"

/* Open the outputs and set up estrace's own signal handling (-I). Under -D only the -o file
 * (so that an error reaches the caller), the rest is tracer_init_own's in the tracer. */
void tracer_init(void);
void tracer_init_own(void);
/* Fork and exec cmd (found on PATH as strace finds it) under ptrace, with -E, -u and --argv0
 * applied; dies with strace's messages when it cannot be found. Under -D the calling process
 * becomes the command and this returns in the tracer, its grandchild. */
void tracer_start(char **cmd);
/* Attach to running processes (-p; their threads with -f), saying so unless -q. Failures are
 * reported; with no command and nothing attached, estrace exits 1. */
void tracer_attach_pids(const int *pids, size_t n);
/* Leave: detach every tracee, leaving it running with the signal it was about to get; a tracee
 * holding estrace's seccomp filter is killed instead (it could not run untraced). */
void tracer_detach_all(void);
/* Trace until no tracee is left. */
void tracer_run(void);
/* Exit 1 when nothing could be traced, once the output command has read what was written. */
void tracer_fail(void) __attribute__((noreturn));
/* Exit with the command's status, or re-raise the signal that killed it. */
void tracer_exit(void) __attribute__((noreturn));

/* Shared between start.c, attach.c, loop.c and event.c */
long tracer_ptrace_options(bool filtered);  /* PTRACE_SEIZE options; filtered: the filter's too */
struct tracee *tracer_attach(pid_t pid);   /* a new tracee record with its output */
struct tracee *tracer_new_child(pid_t pid);/* the same, announced: "Process N attached" */
struct tracee *tracer_unknown(pid_t pid, int status); /* a wait status of a pid with no record */
void tracer_forget(struct tracee *t);      /* after its death */
void tracer_leave(struct tracee *t);       /* after PTRACE_DETACH: says so, then forgets it */
void tracer_disown_command(void);          /* the command was detached: ignore its death */
extern int command_status;                 /* wait status of the command; -1 while it lives */
extern bool seccomp_active;                /* the command installed estrace's filter */
extern pid_t command_pid;

#endif
