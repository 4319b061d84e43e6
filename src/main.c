/* estrace: trace a command's process tree and print its syscalls exactly as strace does. */
#include <string.h>

#include "opt/options.h"
#include "trace/tracer.h"
#include "util/die.h"

int main(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');
	progname = slash ? slash + 1 : argv[0];
	options_parse(argc, argv);
	tracer_init();
	tracer_start(opt.cmd);
	tracer_run();
	tracer_exit();
}
