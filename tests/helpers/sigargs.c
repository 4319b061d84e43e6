/* sigargs: the signal-sending calls with pid and signal arguments no libc wrapper would pass:
 * negative, past SIGRTMAX, and with garbage in the upper half of the register. Every signal
 * number is invalid or 0, so nothing is ever delivered, whatever the pid means (-1: everyone). */
#include "helpers.h"
#include <signal.h>

#define HIGH 0xffffffff00000000L   /* upper-half garbage: the kernel reads an int */

int
main(void)
{
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_signo = -5;
	si.si_code = SI_QUEUE;
	si.si_pid = -3;
	si.si_uid = -4;

	syscall(SYS_kill, 0xcafef00dL, 0xdeadbeefL);
	syscall(SYS_kill, -1159983635L, -889262067L);
	syscall(SYS_kill, HIGH | 999999999L, HIGH);
	syscall(SYS_kill, 999999999L, 65L);
	syscall(SYS_kill, 999999999L, 64L);
	syscall(SYS_kill, 999999999L, 0x7fffffffL);
	syscall(SYS_tkill, -1L, -64206L);
	syscall(SYS_tkill, -1L, 0xfffffffffffe0532L);
	syscall(SYS_tgkill, -1L, -2L, -3L);
	syscall(SYS_tgkill, 0x1ffffffffL, 0x1fffffffeL, 0x1fffffffdL);
	syscall(SYS_rt_sigqueueinfo, 999999999L, -5L, &si);
	syscall(SYS_rt_sigqueueinfo, -1L, -5L, NULL);
	syscall(SYS_rt_tgsigqueueinfo, -1L, -2L, -5L, &si);
	syscall(SYS_pidfd_send_signal, -1L, -5L, NULL, 0L);
	syscall(SYS_pidfd_send_signal, HIGH | 0xffffffffL, HIGH | 0xfffffffbL, NULL, 0L);
	return 0;
}
