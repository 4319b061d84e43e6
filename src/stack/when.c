/* when: at which stop of a syscall its stack is taken (see stack.h). */
#include "stack/stack.h"

bool stack_at_entry(enum sc_id id)
{
	switch (id) {
	case SC_execve: case SC_execveat:
	case SC_clone: case SC_clone3: case SC_fork: case SC_vfork:
	case SC_exit: case SC_exit_group:
		return true;
	default:
		return false;
	}
}
