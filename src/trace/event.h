/* event: one wait status of one tracee, from capture (tracee stopped) to render (resumed). */
#ifndef ESTRACE_EVENT_H
#define ESTRACE_EVENT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <sys/types.h>

#include "decode/siginfo.h"
#include "trace/tracee.h"

enum event_kind {
	EV_NOTHING,        /* handled, nothing to print */
	EV_ENTRY,          /* syscall entry of a shown syscall */
	EV_EXIT,           /* syscall exit of a shown syscall */
	EV_SIGNAL,         /* signal-delivery stop */
	EV_GROUP_STOP,     /* "--- stopped by SIG ---" */
	EV_EXEC_SWITCH,    /* exec by a non-leader thread: the leader is superseded */
	EV_EXITING,        /* the thread has begun to exit: its call in flight ends "= ?" */
	EV_DEATH,
};

enum resume_how {
	RESUME_NONE,       /* dead, or left stopped */
	RESUME_SYSCALL,    /* run to the next stop that matters (PTRACE_CONT under the filter) */
	RESUME_LISTEN,     /* stay in group-stop, but report SIGCONT and deaths */
	RESUME_DETACH,     /* leave it (-b execve); render says so */
};

struct event {
	pid_t pid;
	int status;
	struct tracee *t;
	enum event_kind kind;
	enum resume_how how;
	int inject_sig;            /* signal to deliver on resume */
	int other;                 /* EV_GROUP_STOP: the signal; EV_EXEC_SWITCH: the old tid */
	enum abi personality;      /* the ABI the tracee was seen to switch to, or ABI_COUNT */
	unsigned char siginfo[SIGINFO_SIZE];
	struct timespec when;      /* when the stop was reaped (with -t, -r, -T, -c or -C) */
	struct timespec clock;     /* -c/-C: the summary's clock at this stop (stats_clock) */
	bool ip_known;             /* -i: where the tracee stopped, and in which ABI */
	uint64_t ip;
	enum abi ip_abi;
};

/* Turn a wait status into an event, reading from the stopped tracee what rendering needs. */
void event_capture(struct event *ev);
/* Resume the tracee as the event says. */
void event_resume(struct event *ev);
/* Print the event. The tracee may already be running (or gone). */
void event_render(struct event *ev);

/* t is being detached: under a status filter that shows detached calls, print its call in
 * flight, which then ends " <detached ...>" as any open line does. */
void event_detaching(struct tracee *t);

#endif
