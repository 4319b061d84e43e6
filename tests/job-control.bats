#!/usr/bin/env bats
# Job control in a pseudo-terminal (tests/helpers/jobctl: a terminal, a shell that is the session
# leader, and its jobs). A job stopped by ^Z (SIGTSTP), by reading or writing the terminal from the
# background (SIGTTIN, SIGTTOU with TOSTOP) or by SIGSTOP to its process group must stop as a
# whole, be seen stopped by its shell (wait4 WUNTRACED), stay stopped, and go on after `fg`
# (tcsetpgrp and SIGCONT to the group), with the helper as the shell and with a real bash -i. The
# helper prints what the shell saw; the trace must be strace's.

load common

# jobctl_case MODE N SIG OPTS...: both tracers on `jobctl MODE`; the shell's observations for a
# job of N processes stopped by SIG; the traces equal strace's.
jobctl_case() {
	local mode=$1 n=$2 sig=$3 layout=multi
	shift 3
	[[ " $* " == *" -ff "* ]] && layout=ff
	[[ $1 == --stderr ]] && layout=stderr
	run_both "$@" -- ./jobctl "$mode"
	compare_all "$layout"
	local expected="stopped by $sig: $n of $n
stayed stopped: yes
continued: $n of $n
exited 0: $n of $n"
	[[ $mode == ttou ]] && expected+=$'\n'"the terminal got the job's text: yes"
	assert_equal "$expected" "$(cat out.stdout)" "the shell's observations"
	assert_equal 0 "$OUT_STATUS" "status"
	if [[ " $* " == *" signal=none "* ]]; then
		refute_contains out.norm '---'
	else
		assert_contains out.norm "--- stopped by $sig ---"
	fi
}

@test "^Z stops a foreground job of two processes; fg resumes both (-f)" {
	jobctl_case tstp 2 SIGTSTP -f -e trace=%process
	assert_contains out.norm '--- SIGTSTP {si_signo=SIGTSTP, si_code=SI_KERNEL} ---'
	assert_contains out.norm '[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTSTP}], WSTOPPED, NULL) = PID'
	assert_contains out.norm '[{WIFCONTINUED(s)}], WCONTINUED, NULL) = PID'
}

@test "a background job that reads the terminal is stopped by SIGTTIN; fg lets it read (-f)" {
	jobctl_case ttin 1 SIGTTIN -f -e trace=%process
	assert_contains out.norm '--- SIGTTIN {si_signo=SIGTTIN, si_code=SI_KERNEL} ---'
}

@test "with TOSTOP, a background job that writes is stopped by SIGTTOU; fg lets it write (-f)" {
	jobctl_case ttou 1 SIGTTOU -f -e trace=%process
	assert_contains out.norm '--- SIGTTOU {si_signo=SIGTTOU, si_code=SI_KERNEL} ---'
}

@test "SIGSTOP to the process group of a background job stops its three processes (-f)" {
	jobctl_case group 3 SIGSTOP -f -e trace=%process
}

@test "job control with -ff and in the stderr layout" {
	jobctl_case tstp 2 SIGTSTP -ff -e trace=%process
	jobctl_case group 3 SIGSTOP --stderr -f -e trace=%process
}

@test "job control with signal lines left out (-e signal=none): the stops are the same (-f)" {
	jobctl_case tstp 2 SIGTSTP -f -e trace=%process -e signal=none
	jobctl_case ttin 1 SIGTTIN -f -e trace=%process -e signal=none
	jobctl_case ttou 1 SIGTTOU -f -e trace=%process -e signal=none
}

@test "an interactive bash in the terminal: ^Z stops cat, bash says Stopped, fg resumes it (-f)" {
	# bash's own waits and SIGCHLDs follow its timing: the trace is of execs, exits and cat's stop
	run_both -f -e trace=execve,exit_group -e signal=SIGTSTP,SIGCONT -- ./jobctl bash
	compare_all multi
	assert_equal "bash said Stopped: yes
cat stayed stopped: yes
cat ran after fg: yes
bash exited 0: yes" "$(cat out.stdout)" "the terminal's observations"
	assert_contains out.norm '--- SIGTSTP {si_signo=SIGTSTP, si_code=SI_KERNEL} ---'
	assert_contains out.norm '--- stopped by SIGTSTP ---'
	assert_contains out.norm '--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=PID, si_uid=0} ---'
}
