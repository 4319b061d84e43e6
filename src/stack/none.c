/* none: the stack backend of a build without libunwind; -k is refused at option parsing. */
#include "stack/stack.h"

const char *stack_unavailable(void)
{
	return "estrace was built without libunwind (configure --without-libunwind)";
}

const char *stack_features(void)
{
	return "";
}

void stack_capture(pid_t pid, unsigned limit, bool entry, struct buf *frames) {}
void stack_forget(pid_t pid) {}
