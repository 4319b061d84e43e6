/* pathexec SEARCHPATH NAME [ARGS]: execvpe(NAME) with PATH=SEARCHPATH.
 * glibc tries every directory in turn, so the trace shows one failed
 * execve per entry before the successful one (or the final error). */
#include "helpers.h"

extern char **environ;

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: pathexec SEARCHPATH NAME [ARGS]\n");
		return 2;
	}
	setenv("PATH", argv[1], 1);
	execvpe(argv[2], argv + 2, environ);
	return errno == ENOENT ? 127 : 126;
}
