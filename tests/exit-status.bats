#!/usr/bin/env bats
# The tracer exits with the traced command's status: exit codes as-is;
# when the command is killed by a signal the tracer kills itself with the
# same signal (and never dumps core itself).  runstatus reports exactly how
# a process ended ("exited N" / "killed by SIGX [(core dumped)]").

load common

# run_status_both ARGS...: run "runstatus TRACER -o FILE ARGS" for both
# tracers; sets REF_HOW/OUT_HOW to runstatus's report.
run_status_both() {
	REF_HOW=$(run_clean ./runstatus "$STRACE" -o ref "$@" 2>ref.stderr)
	OUT_HOW=$(run_clean ./runstatus "$ESTRACE" -o out "$@" 2>out.stderr)
	if [[ $REF_HOW != "$OUT_HOW" ]]; then
		fail_msg "tracer ended differently: strace '$REF_HOW', tracer under test '$OUT_HOW'"
		return 1
	fi
}

@test "exit status 0" {
	run_both -e trace=exit_group -- ./exitwith exit 0
	compare_all single
	assert_equal 0 "$OUT_STATUS" "tracer exit status"
}

@test "exit status 3" {
	run_both -e trace=exit_group -- ./exitwith exit 3
	compare_all single
	assert_equal 3 "$OUT_STATUS" "tracer exit status"
	assert_contains out '+++ exited with 3 +++'
}

@test "exit status 255" {
	run_both -e trace=exit_group -- ./exitwith exit 255
	compare_all single
	assert_equal 255 "$OUT_STATUS" "tracer exit status"
}

@test "exit(2) of a single-threaded process: exit(4) = ?" {
	run_both -e trace=%process -- ./exitwith exit1 4
	compare_all single
	assert_equal 4 "$OUT_STATUS" "tracer exit status"
	assert_contains out.norm 'exit(4)                                 = ?'
}

@test "killed by SIGKILL from itself: kill(...) = ?, tracer killed by SIGKILL" {
	# getpid reveals the pid for normalisation
	run_both -e trace=%process,getpid -- ./exitwith signal 9
	compare_all single
	assert_contains out.norm 'kill(PID, SIGKILL)                      = ?'
	assert_contains out '+++ killed by SIGKILL +++'
	run_status_both ./exitwith signal 9
	assert_equal "killed by SIGKILL" "$OUT_HOW" "how the tracer ended"
}

@test "killed by SIGTERM: tracer killed by SIGTERM" {
	run_both -e trace=%process -- ./exitwith signal 15
	compare_all single
	run_status_both ./exitwith signal 15
	assert_equal "killed by SIGTERM" "$OUT_HOW" "how the tracer ended"
}

@test "SIGSEGV with core dumps off: killed by SIGSEGV, tracer too" {
	ulimit -Sc 0
	run_both -e trace=none -- ./exitwith segv
	compare_all single
	assert_contains out.norm '--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---'
	assert_contains out '+++ killed by SIGSEGV +++'
	assert_equal 139 "$OUT_STATUS" "tracer exit status as seen by the shell"
	run_status_both ./exitwith segv
	assert_equal "killed by SIGSEGV" "$OUT_HOW" "how the tracer ended"
}

@test "SIGSEGV with core dumps on: (core dumped), the tracer itself dumps no core" {
	ulimit -Sc unlimited 2>/dev/null || skip "cannot raise the core size limit"
	[[ $(cat /proc/sys/kernel/core_pattern) != \|* ]] || skip "core_pattern is a pipe"
	run_both -e trace=none -- ./exitwith segv
	compare_all single
	assert_contains out '+++ killed by SIGSEGV (core dumped) +++'
	run_status_both ./exitwith segv
	assert_equal "killed by SIGSEGV" "$OUT_HOW" "how the tracer ended"
}

@test "abort(3): SIGABRT via tgkill, tracer killed by SIGABRT" {
	ulimit -Sc 0
	run_both -e trace=%process -- ./exitwith abort
	compare_all single
	assert_contains out.norm 'si_code=SI_TKILL'
	run_status_both ./exitwith abort
	assert_equal "killed by SIGABRT" "$OUT_HOW" "how the tracer ended"
}

@test "a killed child does not change the status: leader exits 0 (-f)" {
	run_both -f -e trace=%process -- ./signals kill 9
	compare_all multi
	assert_equal 0 "$OUT_STATUS" "tracer exit status"
}

@test "-f: the tracer waits for a child that outlives the leader, exits with the leader's status" {
	run_both -f -e trace=execve,exit_group -e signal=none -- /bin/sh -c '(sleep 0.3; exit 4) & exit 5'
	compare_all multi
	assert_equal 5 "$OUT_STATUS" "tracer exit status"
	assert_contains out.norm 'exit_group(4) = ?'
}

@test "a failing command in a shell: sh -c 'exit 7' with -f" {
	run_both -f -e trace=%process -e signal=none -- /bin/sh -c '/bin/true; exit 7'
	compare_all multi
	assert_equal 7 "$OUT_STATUS" "tracer exit status"
}
