/* tracee: the record of one traced thread, and the table of all of them (O(1) by pid).
 *
 * Lifetime sections: identity and output are set at attach; the syscall state changes at every
 * stop; abi is reset at exec. A record is created when the tracer first hears of the thread
 * (its parent's fork event or its own first stop, whichever comes first) and freed at its death. */
#ifndef ESTRACE_TRACEE_H
#define ESTRACE_TRACEE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "decode/call.h"

struct out;

struct tracee {
	/* identity, set at attach */
	pid_t pid;
	struct out *out;          /* shared, or this thread's own -ff file */
	bool own_out;             /* out belongs to this tracee (-ff) */
	bool is_command;          /* the process estrace started */
	char comm[16];            /* -Y: its command name at its latest stop */

	/* stop state */
	bool attached;            /* its first (attach) stop has been seen */
	bool startup;             /* the command before its first execve: its stops are not shown */
	bool execd;               /* has exec'd at least once */
	bool in_syscall;          /* between syscall entry and exit */
	bool traced_call;         /* the syscall in flight is printed */
	bool entry_printed;       /* its entry part has been written */
	bool entry_many;          /* status filter: more than one tracee was alive at its entry */
	bool frames_due;          /* -k: its call was cut short at its exit event; the frames
	                           * follow its "+++" line, as strace's do */
	enum abi abi;             /* its personality, as last seen; ABI_COUNT: not known yet */
	enum sc_id prev_id;       /* its previous printed call, which restart_syscall resumes;
	                           * SC_COUNT: none yet */

	struct call call;         /* the syscall in flight */

	struct tracee *hash_next;
};

struct tracee *tracee_find(pid_t pid);
/* A new record for pid (which must not be in the table). */
struct tracee *tracee_add(pid_t pid);
void tracee_remove(struct tracee *t);
size_t tracee_count(void);
/* Calls fn on every tracee; fn may remove the tracee it is given. */
void tracee_foreach(void (*fn)(struct tracee *t, void *arg), void *arg);

#endif
