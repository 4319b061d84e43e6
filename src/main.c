/* estrace: trace a command's process tree and print its syscalls exactly as strace does. */
#include "opt/options.h"
#include "trace/tracer.h"
#include "util/die.h"

int main(int argc, char **argv)
{
	progname = argv[0];   /* as invoked, path and all: strace's messages do the same */
	options_parse(argc, argv);
	tracer_init();
	if (opt.cmd)
		tracer_start(opt.cmd);
	tracer_attach_pids(opt.attach_pids, opt.nattach);
	tracer_run();
	tracer_exit();
}
