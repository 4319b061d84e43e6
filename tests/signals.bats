#!/usr/bin/env bats
# Signals sent to children and to self, and their "--- SIG... {...} ---"
# lines: si_code SI_USER (kill), SI_TKILL (tkill/tgkill), SI_QUEUE
# (rt_sigqueueinfo), SIGCHLD with CLD_EXITED/CLD_KILLED/CLD_DUMPED.
# The helper keeps SIGCHLD blocked until wait4 returns, so the order is
# fixed.

load common

@test "kill(2) SIGUSR1 to a child with a handler: SI_USER (-f)" {
	run_both -f -e trace=%process -- ./signals kill 10 handled
	compare_all multi
	assert_contains out.norm '--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, si_uid=0} ---'
	assert_contains out.norm 'kill(PID, SIGUSR1) = 0'
}

@test "kill(2) SIGUSR1 to a child without handler: killed by SIGUSR1, CLD_KILLED (-f)" {
	run_both -f -e trace=%process -- ./signals kill 10
	compare_all multi
	assert_contains out.norm '+++ killed by SIGUSR1 +++'
	assert_contains out.norm 'si_code=CLD_KILLED, si_pid=PID, si_uid=0, si_status=SIGUSR1,'
}

@test "kill(2) SIGKILL to a child: no signal line, killed by SIGKILL (-f)" {
	run_both -f -e trace=%process -- ./signals kill 9
	compare_all multi
	assert_contains out.norm '+++ killed by SIGKILL +++'
}

@test "kill(2) SIGTERM to a child (-f)" {
	run_both -f -e trace=%process -- ./signals kill 15
	compare_all multi
}

@test "tkill(2) SIGUSR1: SI_TKILL (-f)" {
	run_both -f -e trace=%process -- ./signals tkill 10 handled
	compare_all multi
	assert_contains out.norm 'si_code=SI_TKILL'
}

@test "tgkill(2) SIGUSR2: SI_TKILL (-f)" {
	run_both -f -e trace=%process -- ./signals tgkill 12 handled
	compare_all multi
	assert_contains out.norm 'tgkill(PID, PID, SIGUSR2) = 0'
}

@test "sigqueue(3) SIGUSR1 with a value: SI_QUEUE, si_int/si_ptr (-f)" {
	run_both -f -e trace=%process -- ./signals sigqueue 10 handled
	compare_all multi
	assert_contains out.norm '--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=PID, si_uid=0, si_int=42, si_ptr=0x2a} ---'
}

@test "sigqueue(3) real-time signal SIGRTMIN+2 (-f)" {
	run_both -f -e trace=%process -- ./signals sigqueue 36 handled
	compare_all multi
}

@test "signal sent to self with kill, raise and sigqueue (single)" {
	run_both -e trace=%process,getpid -- ./signals self-kill 10
	compare_all single
	run_both -e trace=%process -- ./signals self-raise 12
	compare_all single
	run_both -e trace=%process -- ./signals self-sigqueue 10
	compare_all single
}

@test "siginfo of every si_code strace tells apart, for each kind of signal, in each -X style" {
	local x
	for x in raw verbose abbrev; do
		run_both -X "$x" -e trace=none -- ./signals siginfo-matrix
		compare_all single
	done
	assert_contains out.norm 'SIGUSR1, si_code=SI_SIGIO, si_band=30064771114, si_fd=9} ---'
	assert_contains out.norm 'SIGUSR1, si_code=SI_ASYNCIO, si_pid=PID, si_uid=7, si_int=9, si_ptr=0xADDR} ---'
	assert_contains out.norm 'SIGUSR1, si_code=SI_KERNEL, si_pid=PID, si_uid=0, si_int=600, si_ptr=0xADDR} ---'
	assert_contains out.norm 'SIGCHLD, si_code=SI_KERNEL, si_pid=0, si_uid=0, si_status=-3, si_utime=N'
	assert_contains out.norm 'si_code=SEGV_BNDERR, si_addr=0xADDR, si_lower=0x5, si_upper=0x6} ---'
	assert_contains out.norm 'si_code=SEGV_PKUERR, si_addr=0xADDR, si_pkey=5} ---'
	assert_contains out.norm 'si_code=BUS_MCEERR_AR, si_addr=NULL, si_addr_lsb=0xfffd} ---'
	assert_contains out.norm 'si_syscall=__NR_mmap, si_arch=AUDIT_ARCH_X86_64} ---'
	assert_contains out.norm 'si_syscall=9 /* link */, si_arch=AUDIT_ARCH_I386} ---'
	assert_contains out.norm 'si_syscall=600, si_arch=0x1234 /* AUDIT_ARCH_??? */} ---'
}

@test "a real SIGSYS, from a seccomp filter's trap: the call and the arch by name" {
	run_both -e trace=none -- ./signals seccomp-trap
	compare_all single
	assert_contains out.norm '--- SIGSYS {si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0xADDR, si_syscall=__NR_getppid, si_arch=AUDIT_ARCH_X86_64} ---'
}

@test "a real SIGIO, from a pipe with O_ASYNC: POLL_IN, si_band, si_fd" {
	run_both -e trace=none -- ./signals sigio
	compare_all single
	assert_contains out.norm '--- SIGIO {si_signo=SIGIO, si_code=POLL_IN, si_band=65, si_fd=3} ---'
}

@test "child dies of SIGSEGV with core dumps off: CLD_KILLED (-f)" {
	ulimit -c 0
	run_both -f -e trace=%process -- ./signals kill 11
	compare_all multi
	assert_contains out.norm '+++ killed by SIGSEGV +++'
}

@test "child dies of SIGQUIT with core dumps on: CLD_DUMPED, (core dumped) (-f)" {
	ulimit -c unlimited 2>/dev/null || skip "cannot raise the core size limit"
	[[ $(cat /proc/sys/kernel/core_pattern) != \|* ]] || skip "core_pattern is a pipe"
	run_both -f -e trace=%process -- ./signals kill 3
	compare_all multi
	assert_contains out.norm '+++ killed by SIGQUIT (core dumped) +++'
	assert_contains out.norm 'si_code=CLD_DUMPED'
}

@test "signals in the stderr layout (-f)" {
	run_both --stderr -f -e trace=%process -- ./signals kill 10 handled
	compare_all stderr
}

@test "signals with -ff" {
	run_both -ff -e trace=%process -- ./signals tgkill 10
	compare_all ff
}

@test "SIGCHLD of a child that used CPU: si_utime=N /* S.SS s */ in clock ticks" {
	run_both -e trace=none -- ./cpuchild
	compare_status
	local f ticks secs hund
	for f in ref out; do
		grep -q -- '--- SIGCHLD {' "$f" || fail_msg "$f: no SIGCHLD line" || return 1
		[[ $(grep -- '--- SIGCHLD {' "$f") =~ si_utime=([0-9]+)\ /\*\ ([0-9]+)\.([0-9]{2})\ s\ \*/, ]] ||
			fail_msg "$f: si_utime without its seconds comment:" "$(cat "$f")" || return 1
		ticks=${BASH_REMATCH[1]} secs=${BASH_REMATCH[2]} hund=${BASH_REMATCH[3]}
		assert_equal "$ticks" "$((10#$secs * 100 + 10#$hund))" "$f: ticks vs seconds (100 Hz)"
	done
}

@test "signal and pid arguments are signed ints: negative, past SIGRTMAX, upper-half garbage, in each -X style" {
	local x
	for x in abbrev raw verbose; do
		run_both -X "$x" -Y -e trace=%signal,pidfd_send_signal -e signal=none -- ./sigargs
		compare_all single
	done
	run_both -e trace=%signal,pidfd_send_signal -- ./sigargs
	compare_all single
	assert_contains out.norm 'kill(-889262067, -559038737) '
	assert_contains out.norm 'kill(-1159983635, -889262067) '
	assert_contains out.norm 'tkill(-1, -64206) '
	assert_contains out.norm 'tgkill(-1, -2, -3) '
	assert_contains out.norm 'rt_sigqueueinfo(999999999, -5, {si_signo=-5, si_code=SI_QUEUE, si_pid=-3, si_uid=4294967292}) = -1 '
	assert_contains out.norm 'pidfd_send_signal(-1, -5, NULL, 0) '
}
