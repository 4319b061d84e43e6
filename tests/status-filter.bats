#!/usr/bin/env bats
# -e status=SET, --status=SET, -z/--successful-only, -Z/--failed-only: only calls that ended as
# SET says are printed, each whole at its end, never split into <unfinished ...> / <... resumed>.

load common

# no_split FILE: no line of FILE is an unfinished or resumed part.
no_split() {
	! grep -E 'unfinished \.\.\.>|resumed>' "$1" || fail_msg "a split line in $1"
}

@test "-z (-f): the parent's wait4, blocked while its child's exit_group runs, printed whole" {
	# the child's exit_group (unfinished, not shown) comes while the parent sleeps in wait4
	run_both -f -z -e trace=%process -- ./procs fork 3
	compare_all multi
	no_split out
	grep -qE '^[0-9]+ +wait4\([0-9]+, \[\{WIFEXITED\(s\) && WEXITSTATUS\(s\) == 3\}\], 0, NULL\) += [0-9]+$' out ||
		fail_msg "no whole wait4 line" "$(cat out)"
	! grep -q exit_group out
}

@test "--successful-only and -e status=successful: same trace as -z (-f)" {
	run_both -f --successful-only -e trace=%process -- ./procs tree 1
	compare_all multi
	no_split out
	run_both -f -e status=successful -e trace=%process -- ./procs tree 1
	compare_all multi
}

@test "-Z (-f): only failed calls" {
	run_both -f -Z -e trace=%process -- ./procs echild
	compare_all multi
	grep -q ECHILD out
	! grep -qE '\) += [0-9]+$' out
}

@test "--failed-only and --status=failed, one process" {
	run_both --failed-only -e trace=wait4,waitid -- ./procs echild
	compare_all single
	run_both --status=failed -e trace=wait4,waitid -- ./procs echild
	compare_all single
}

@test "status=unfinished: exit_group lines (-f)" {
	run_both -f -e status=unfinished -e trace=%process -- ./procs tree 1
	compare_all multi
	no_split out
	assert_equal 3 "$(grep -cE '^[0-9]+ +exit_group\([0-9]\) += \?$' out)" "exit_group lines"
}

# strace 6.1 splits the exit_group line here, continuing it on a line of its own without a pid
# prefix; estrace keeps to the whole-line rule.
@test "status=unfinished: a futex cut short by exit_group in another thread, whole (-f)" {
	require_estrace
	run_out -f -e status=unfinished -e trace=futex,exit_group,exit -- ./threads exit-group 3
	assert_equal 3 "$OUT_STATUS" "exit status"
	no_split out
	assert_equal 1 "$(grep -cE '^[0-9]+ +exit_group\(3\) += \?$' out)" "exit_group lines"
	assert_equal 1 "$(grep -cE '^[0-9]+ +futex\(.*\) += \?$' out)" "futex lines"
	assert_equal 4 "$(wc -l <out)" "lines"
}

@test "status=!unfinished and status=successful,failed hide exit_group (-f)" {
	run_both -f -e 'status=!unfinished' -e trace=%process -- ./procs fork 1
	compare_all multi
	! grep -q exit_group out
	run_both -f -e status=successful,failed -e trace=%process -- ./procs fork 1
	compare_all multi
}

# both_have PATTERN N LINES: in both traces, N lines match PATTERN, of LINES in all.
both_have() {
	local f
	for f in ref out; do
		assert_equal "$2" "$(grep -c -- "$1" $f || true)" "$f: lines matching '$1'"
		assert_equal "$3" "$(wc -l <$f)" "$f: lines"
	done
}

# (readv is not decoded by estrace: only its lines are counted)
@test "status=failed: ERESTARTSYS is a failure, successful: the restarted call" {
	run_both -e status=failed -e trace=readv -- ./calls intr-eintr
	compare_status
	both_have '^readv(.*= ? ERESTARTSYS (To be restarted' 1 4
	run_both -e status=successful -e trace=readv -- ./calls intr-restart
	compare_status
	both_have '^readv(.*= 1$' 1 4
}

@test "status=all and !none print as without a status filter, split lines included (-f)" {
	run_both -f -e status=all -e trace=%process -- ./procs fork 1
	compare_all multi
	run_both -f -e 'status=!none' -e trace=%process -- ./procs fork 1
	compare_all multi
}

@test "status=none and !all: only signal and exit lines (-f)" {
	run_both -f -e status=none -e trace=%process -- ./signals kill 10 handled
	compare_all multi
	! grep -Ev '^[0-9]+ +(\+\+\+|---) ' out
	run_both -f -e 'status=!all' -e trace=%process -- ./procs fork 1
	compare_all multi
}

@test "names in any case; the last status set wins; -e status=failed -z is -z" {
	run_both -f -e status=SUCCESSFUL,Failed -e trace=%process -- ./procs fork 1
	compare_all multi
	run_both -f -e status=failed -e status=successful -e trace=%process -- ./procs fork 1
	compare_all multi
	run_both -f -e status=failed -z -e trace=%process -- ./procs fork 1
	compare_all multi
}

@test "-z -Z: strace's warning, and the last one wins" {
	run_both --stderr -z -Z -e trace=wait4 -- ./procs echild
	compare_status
	assert_equal 1 "$(grep -c 'Only the last of -z/--successful-only/-Z/--failed-only' out.stderr)" "warnings"
	assert_equal 1 "$(grep -c 'Only the last of -z/--successful-only/-Z/--failed-only' ref.stderr)" "strace warnings"
	run_both -Z --successful-only -z -e trace=wait4 -- ./procs echild
	compare_all single
	compare_messages
}

@test "bad status sets: strace's messages" {
	local s
	for s in foo '' '?failed' 'all,failed' 'failed,none' '!' '!,' 'failed,bar'; do
		cli_error -e "status=$s" -- ./exitwith exit 0
	done
	cli_error --status=nope -- ./exitwith exit 0
}

@test "--successful-only takes no value" {
	cli_error --successful-only=x -- ./exitwith exit 0
}
