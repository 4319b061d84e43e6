/* fdkinds: execveat and pidfd_send_signal on descriptors of every kind -y tells apart, each
 * call failing or harmless: /dev/null (a device), a pipe, a directory whose name needs escapes
 * ("a<b>\"c"), a deleted directory, a pidfd, and a closed descriptor. */
#include "helpers.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

static char *const argv_x[] = { "x", NULL };

static void at(int fd, const char *path)
{
	syscall(SYS_execveat, fd, path, argv_x, argv_x, 0);
}

int
main(void)
{
	static const char dir[] = "a<b>\"c";
	int null = open("/dev/null", O_RDONLY);
	at(null, "x");
	int p[2];
	if (pipe(p))
		die("pipe");
	at(p[0], "x");
	if (mkdir(dir, 0755))
		die("mkdir");
	int d = open(dir, O_RDONLY | O_DIRECTORY);
	at(d, "nonexistent");
	rmdir(dir);
	at(d, "nonexistent");
	int pf = syscall(SYS_pidfd_open, getpid(), 0);
	if (pf >= 0)
		syscall(SYS_pidfd_send_signal, pf, 0, NULL, 0);
	at(77, "nonexistent");
	return 0;
}
