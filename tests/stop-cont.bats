#!/usr/bin/env bats
# Group stop: SIGSTOP/SIGTSTP stop a traced child, which must really stay
# stopped (the helper checks /proc and a shared counter) until SIGCONT.

load common

@test "SIGSTOP: child stays stopped until SIGCONT (-f)" {
	run_both -f -e trace=%process -- ./stopcont
	compare_all multi
	assert_contains out.norm '--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER, si_pid=PID, si_uid=0} ---'
	assert_contains out.norm '--- stopped by SIGSTOP ---'
	assert_contains out.norm '--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=PID, si_uid=0} ---'
	assert_equal "child stopped: yes
child state stayed stopped: yes
child ran while stopped: no
child resumed: yes" "$(cat out.stdout)" "helper's observations"
}

@test "SIGTSTP: stopped by SIGTSTP, resumed by SIGCONT (-f)" {
	run_both -f -e trace=%process -- ./stopcont 20
	compare_all multi
	assert_contains out.norm '--- stopped by SIGTSTP ---'
	assert_equal 0 "$OUT_STATUS" "helper status (1 = child ran while stopped)"
}

@test "SIGSTOP with -e signal=none: no signal lines, still stopped (-f)" {
	run_both -f -e trace=%process -e signal=none -- ./stopcont
	compare_all multi
	! grep -q -- '---' out
	assert_equal 0 "$OUT_STATUS" "helper status (1 = child ran while stopped)"
}

@test "SIGSTOP in the stderr layout (-f)" {
	run_both --stderr -f -e trace=%process -- ./stopcont
	compare_all stderr
}

@test "a nanosleep stopped and continued goes on as restart_syscall, named after it (-f)" {
	run_both -f -e trace=clock_nanosleep,restart_syscall -e raw=clock_nanosleep -e signal=none -- ./procs sleep-stop
	compare_all multi
	assert_contains out.norm 'restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0'
	# the call it resumes is known only when it was printed
	run_both -f -e trace=restart_syscall -e signal=none -- ./procs sleep-stop
	compare_all multi
	assert_contains out.norm 'restart_syscall(<... resuming interrupted system call ...>) = 0'
	run_both -f -e trace=restart_syscall -e raw=all -e signal=none -- ./procs sleep-stop
	compare_all multi
	assert_contains out.norm 'restart_syscall() = 0'
}
