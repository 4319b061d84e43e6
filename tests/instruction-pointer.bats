#!/usr/bin/env bats
# -i / --instruction-pointer: "[%016lx] " (x86_64) or "[%08lx] " (i386 personality) after the pid,
# time and syscall-number prefixes of every syscall, signal and stop line, "[????????????????] "
# on exit lines. Addresses move from run to run with ASLR, but not within their page: all but
# the last three hex digits are masked, so the offsets, the widths and the column still count.

load common

# mask_ips KEEP FILE...: in each "[hex] " of 8 or more digits, every digit but the last KEEP
# is x.
mask_ips() {
	local keep=$1
	shift
	perl -pi -e 's{\[([0-9a-f]{8,16})\] }{"[" . ("x" x (length($1) - '"$keep"')) . substr($1, length($1) - '"$keep"') . "] "}ge' "$@"
}

# compare_ips MODE [KEEP]: the traces after mask_ips (KEEP digits, default 3), with status and
# command output.
compare_ips() {
	mask_ips "${2:-3}" ref out
	compare_all "$1"
}

@test "-i: the instruction pointer before each syscall line, '?' on exit lines" {
	run_both -i -e trace=execve,getuid,exit_group -- ./calls getuid:2
	compare_ips single
	grep -qE '^\[[x0-9a-f]{16}\] getuid\(\) += [0-9]+$' out || fail_msg "no [ip] getuid line:" "$(cat out)"
	assert_contains out '[????????????????] +++ exited with 0 +++'
}

@test "--instruction-pointer: signal and stop lines, -f, with -tt and -n before it" {
	run_both --instruction-pointer -f -e trace=%process -- ./procs tree 2
	compare_ips multi
	run_both -i -e trace=kill,exit_group -- ./signals self-kill 10
	compare_ips single
	grep -qE '^\[[x0-9a-f]{16}\] --- SIGUSR1' out || fail_msg "no [ip] signal line:" "$(cat out)"
	# a busy child is stopped anywhere: only the shape of its ip can be compared
	run_both -i -f -e trace=none -- ./stopcont
	compare_ips multi 0
	grep -qE '^[0-9]+ +\[[x0-9a-f]{16}\] --- SIGSTOP' out || fail_msg "no [ip] signal line:" "$(cat out)"
	grep -qE '^[0-9]+ +\[[x0-9a-f]{16}\] --- stopped by SIGSTOP' out || fail_msg "no [ip] stop line:" "$(cat out)"
	run_both -i -tt -n -e trace=getuid,exit_group -- ./calls getuid:1
	perl -pi -e 's/^\d\d:\d\d:\d\d\.\d{6} /TIME /' ref out
	compare_ips single
	grep -qE '^TIME \[ *[0-9]+\] \[[x0-9a-f]{16}\] getuid' out || fail_msg "prefix order:" "$(cat out)"
}

@test "-i to stderr with -f: unfinished and resumed lines carry the ip" {
	run_both --stderr -i -f -e trace=wait4,exit_group,clone -- ./procs fork 1
	compare_ips stderr
}

@test "-i: an exec from a thread: the superseded and resumed lines show the new image's ip" {
	run_both -i -f -e trace=execve -- ./threads exec
	compare_ips multi
	grep -qE '^[0-9]+ +\[[x0-9a-f]{16}\] \+\+\+ superseded' out || fail_msg "no [ip] on superseded:" "$(cat out)"
}

@test "-i: i386 syscalls of a 64-bit process print the ip with 8 or more digits" {
	run_both -q -i -e trace=getpid -- ./calls getpid_i386:1 getpid:1 getpid_i386:1
	perl -pi -e 's/(getpid\(\) += )\d+$/$1PID/' ref out
	compare_ips single
	assert_equal 2 "$(grep -cE '^\[[x0-9a-f]{8,12}\] getpid\(\)  ' out)" "i386 getpid lines"
}
