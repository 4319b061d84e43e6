#!/usr/bin/env bats
# Presentation options, side by side with strace 6.1: -n, -X, -e raw=/abbrev=/verbose=,
# --strings-in-hex, -y/--decode-fds, -Y/--decode-pids, the timestamp precisions, and
# --always-show-pid (strace 6.9+, so estrace only).

load common

# mask_stamps FILE...: the digits of a leading time stamp and of a trailing "<duration>"
# become N, in place, so lines still compare (and the return column is still checked).
mask_stamps() {
	perl -pi -e 's{^([\d:.]+ (?:\(\+ *[\d.]+\) )?| *[\d.]+ )}{(my $x = $1) =~ tr/0-9/N/; $x}e;
		s{<([\d.]+)>$}{(my $x = $1) =~ tr/0-9/N/; "<$x>"}e' "$@"
}

# mask FILES PERL-SUBST...: apply substitutions in place (values that differ run to run and
# that the shared normaliser does not know: hex pids, pipe inodes).
mask() {
	local files=() e=()
	while [[ $1 != -- ]]; do files+=("$1"); shift; done
	shift
	for x in "$@"; do e+=(-e "$x"); done
	perl -pi "${e[@]}" "${files[@]}"
}

@test "-n: the syscall number after the pid prefix, on signal and exit lines too (-f -o)" {
	run_both -n -f -e trace=%process -- ./procs fork 2
	compare_all multi
	assert_contains out "[  61] wait4("
	assert_contains out "[ 231] +++ exited with 0 +++"
}

@test "-n on stderr, with -tt before it" {
	run_both --stderr -n -f -e trace=%process -- ./procs waitid 3
	compare_trace stderr
	run_both -n -tt -e trace=execve,exit_group -- ./exitwith exit 0
	mask_stamps ref out
	compare_trace single
	grep -qE '^[N:.]+ \[  59\] execve\(' out || fail_msg "stamp then number:" "$(cat out)"
}

@test "-X raw: flags, signals, si_code and idtype as numbers; status lines keep names" {
	run_both -X raw -f -e trace=%process -- ./procs waitid 2
	compare_all multi
	run_both -X raw -f -e trace=%process -- ./signals tgkill 10
	compare_all multi
	assert_contains out "flags=0x1200000|17"
	assert_contains out "WTERMSIG(s) == SIGUSR1"
}

@test "-X verbose and --const-print-style=verbose: number and name" {
	run_both -X verbose -f -e trace=%process -- ./signals self-sigqueue 10
	compare_all multi
	run_both --const-print-style=verbose -f -e trace=%process -- ./procs waitid 2
	compare_all multi
	assert_contains out "0x4 /* WEXITED */"
}

@test "-X on AT_FDCWD and execveat flags, known and unknown" {
	local x
	for x in raw verbose abbrev; do
		run_both -X "$x" -e trace=%process -- ./execbad execveat-badflags /bin/true
		compare_all single
		run_both -X "$x" -e trace=%process -- ./execbad execveat-cwd /bin/true
		compare_all single
	done
}

@test "-e raw=all and --raw=SET: arguments and return values in hex" {
	run_both -e raw=all -f -e trace=%process -- ./signals tgkill 10
	mask ref out -- 's/\b0x[0-9a-f]{3,4}\b/0xPID/g'
	compare_all multi
	run_both --raw=wait4,clone -f -e trace=%process -- ./procs fork 1
	mask ref out -- 's/\b0x[0-9a-f]{3,4}\b/0xPID/g'
	compare_all multi
	grep -qE 'wait4\(0xPID, 0x[0-9a-f]+, 0, 0' out || fail_msg "wait4 not raw:" "$(cat out)"
	run_both -e raw=all -e trace=execve,getpid,exit_group -- ./exitwith exit 0
	compare_all single
}

@test "-e raw=: a call the kernel would restart is a plain error with libc's text" {
	run_both -f -e trace=pause,wait4 -e raw=pause -e signal=none -- ./signals kill 10 handled
	compare_all multi
	assert_contains out.norm 'pause() = -1 ERESTARTNOHAND (Unknown error 514)'
	run_both -f -e trace=pause -e signal=none -- ./signals kill 10 handled
	compare_all multi
	assert_contains out.norm 'pause() = ? ERESTARTNOHAND (To be restarted if no handler)'
}

@test "-e verbose=none: argv, statuses, siginfo and clone3's struct as addresses" {
	run_both -e verbose=none -f -e trace=%process -- ./procs waitid 2
	compare_all multi
	run_both --verbose=none -f -e trace=%process -- ./threads join
	compare_all multi
	run_both -e verbose=none -f -e trace=%process -- ./signals self-sigqueue 10
	compare_all multi
}

@test "-e abbrev=none is -v; abbrev=SET leaves the others abbreviated" {
	run_both -e abbrev=none -e trace=execve -- ./exitwith exit 0
	compare_all single
	assert_contains out '["PATH=/usr/bin:/bin"]'
	run_both --abbrev=wait4 -f -e trace=%process -- ./procs fork 0
	compare_all multi
}

@test "--strings-in-hex: none, non-ascii-chars, non-ascii, all" {
	local v
	for v in none non-ascii-chars non-ascii all Non-Ascii-Chars; do
		run_both "--strings-in-hex=$v" -e trace=execve -- /bin/true plain $'\377\001x' $'tab\t' $'oct\0018'
		compare_all single
	done
	run_both --strings-in-hex -e trace=execve -- /bin/true plain
	compare_all single
	assert_contains out '"\x70\x6c\x61\x69\x6e"'
}

@test "--absolute-timestamps formats and precisions" {
	local v
	for v in unix,ms ns format:unix,precision:s time,us precision:ms,format:time none unix; do
		run_both "--absolute-timestamps=$v" -e trace=execve,exit_group -- ./exitwith exit 0
		mask_stamps ref out
		compare_all single
	done
}

@test "--relative-timestamps and --syscall-times precisions; -r after the long form" {
	local v
	for v in s ms us ns; do
		run_both -t "--relative-timestamps=$v" "--syscall-times=$v" -e trace=execve,exit_group -- ./exitwith exit 0
		mask_stamps ref out
		compare_all single
	done
	run_both --relative-timestamps=ms -r -e trace=execve,exit_group -- ./exitwith exit 0
	mask_stamps ref out
	compare_all single
}

@test "-y: the path of an execveat dirfd (/bin resolves to its target)" {
	run_both -y -e trace=%process -- ./execbad execveat-dirfd /bin/true
	compare_all single
	assert_contains out "execveat(3</"
}

@test "-y, -yy, --decode-fds=dev/pidfd: devices, pipes, escaped and deleted paths, pidfds" {
	local o
	for o in -y -yy --decode-fds=dev --decode-fds=pidfd --decode-fds=path,dev '--decode-fds=!pidfd' "-y -x" "-y -xx" "-y --strings-in-hex=non-ascii-chars" "-y -X raw" "-y -e raw=all"; do
		# shellcheck disable=SC2086
		run_both $o -e trace=execveat,pidfd_send_signal -- ./fdkinds
		mask ref out -- 's/^execveat\(4<[^>]*>/execveat(4<PIPE>/'
		compare_all single
	done
	run_both -y -e trace=execveat -- ./fdkinds
	assert_contains out '/a\74b\76\"c>(deleted)'
}

@test "-Y: names after pids, in the prefix, in si_pid (stderr and -o -f)" {
	run_both --stderr -Y -f -e trace=%process -- ./signals tgkill 10
	compare_trace stderr
	assert_contains out "[pid "
	grep -q 'tgkill([0-9]*<signals>, [0-9]*<signals>, SIGUSR1)' out || fail_msg "no names:" "$(cat out)"
	run_both -Y -f -e trace=%process -- ./procs waitid 2
	compare_all multi
	run_both --decode-pids=comm -f -e trace=%process -- ./procs fork 1
	compare_all multi
}

@test "-Y: command names are quoted as -y quotes a path (escapes, < and > in octal, cut at a newline), in the prefix too" {
	local esc=$'a\033[2Jb"q\\' brackets=$'f<b>\t\n\x01' name
	run_both -Y -f -e trace=kill,getpid,wait4,exit_group -- ./procname "$esc" "$brackets"
	compare_all multi
	assert_contains out.norm '{<a\33[2Jb\"q\\>} kill(PID<f\74b\76\t>, 0) = 0'
	run_both --stderr -Y -f -e trace=kill,getpid,wait4,exit_group -- ./procname "$esc" "$brackets"
	compare_trace stderr
	assert_contains out '<a\33[2Jb\"q\\>] kill('
	assert_contains out '<f\74b\76\t>] exit_group(0)'
	for name in 'f<b>' $'f<b>\x01\xe9' $'\x01234' '' $'\n' $'\\<7'; do
		for o in "" -x -xx --strings-in-hex=non-ascii-chars; do
			# shellcheck disable=SC2086
			run_both -Y $o -e trace=kill,getpid -- ./procname "$name" "$name"
			compare_all single
		done
	done
	run_both -Y -e trace=kill -- ./procname x $'\x01234'
	compare_all single
	assert_contains out.norm 'kill(PID<\001234>, 0)'
}

@test "--always-show-pid: the prefix with one tracee, on stderr and in a -o file" {
	require_estrace
	run_out --stderr --always-show-pid -e trace=execve,exit_group -- ./exitwith exit 0
	grep -qE '^\[pid +[0-9]+\] execve\(' out || fail_msg "no [pid N] prefix:" "$(cat out)"
	grep -qE '^\[pid +[0-9]+\] \+\+\+ exited with 0 \+\+\+$' out || fail_msg "no prefix on +++:" "$(cat out)"
	run_out --always-show-pid -e trace=execve,exit_group -- ./exitwith exit 0
	grep -qE '^[0-9]+ +execve\(' out || fail_msg "no PID prefix in the -o file:" "$(cat out)"
	run_out --always-show-pid -ff -e trace=execve -- ./exitwith exit 0
	! grep -q '^[0-9]' out.* || fail_msg "-ff files got a prefix"
}
