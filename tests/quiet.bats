#!/usr/bin/env bats
# -e quiet=SET, --quiet[=SET], --silent, --silence: which of the tracer's messages are hidden, and
# strace's refusal of -q together with a quiet set.

load common

# count_both PATTERN: the number of lines matching PATTERN in the trace and messages of each
# tracer must be equal; prints the count.
count_both() {
	local r o
	r=$(cat ref ref.stderr | grep -c -- "$1" || true)
	o=$(cat out out.stderr | grep -c -- "$1" || true)
	assert_equal "$r" "$o" "lines matching '$1'" || return 1
	echo "$r"
}

# quiet_case OPTS...: threads exec (attach message, superseded line, exit line) under -f -o.
quiet_case() {
	run_both -f "$@" -e trace=execve -- ./threads exec
	compare_all multi
}

@test "-e quiet=attach: no attach messages, even the ones -o hides anyway are shown otherwise" {
	quiet_case -e quiet=none
	assert_equal 1 "$(count_both 'Process [0-9]* attached')" "attach messages with quiet=none"
	quiet_case -e quiet=attach
	assert_equal 0 "$(count_both 'Process [0-9]* attached')" "attach messages"
	assert_equal 1 "$(count_both 'superseded by execve')" "superseded lines"
}

@test "-e quiet=exit (and its alias exits): no +++ exited lines, attach messages shown" {
	quiet_case -e quiet=exit
	assert_equal 0 "$(count_both 'exited with')" "exit lines"
	assert_equal 1 "$(count_both 'Process [0-9]* attached')" "attach messages"
	quiet_case -e quiet=exits
}

@test "-e quiet=thread-execve and its alias superseded" {
	quiet_case -e quiet=thread-execve
	assert_equal 0 "$(count_both 'superseded by execve')" "superseded lines"
	quiet_case -e quiet=superseded
	assert_equal 0 "$(count_both 'superseded by execve')" "superseded lines"
}

@test "quiet=personality, path-resolution, all, !attach, !!attach, ATTACH" {
	local s
	for s in personality path-resolution all '!attach' '!!attach' ATTACH exit,superseded; do
		quiet_case -e "quiet=$s"
		count_both 'Process [0-9]* attached' >/dev/null
	done
}

@test "--quiet, --silent, --silence: alone attach,personality; with a set, that set" {
	local o
	for o in --quiet --silent --silence --quiet=exit --silent=exit --silence=all -e\ silent=exit \
		-e\ silence=exit -e\ q=exit; do
		# shellcheck disable=SC2086
		quiet_case $o
		count_both 'Process [0-9]* attached' >/dev/null
		count_both 'exited with' >/dev/null
	done
}

@test "the last quiet set wins; --quiet after a set resets it" {
	quiet_case -e quiet=exit -e quiet=attach
	assert_equal 1 "$(count_both 'exited with')" "exit lines"
	quiet_case -e quiet=exit --quiet
	count_both 'exited with' >/dev/null
}

@test "-qqqq is -qqq" {
	quiet_case -qqqq
	assert_equal 0 "$(count_both 'superseded by execve')" "superseded lines"
}

@test "-q with a quiet set: strace's error, in either order" {
	cli_error -q -e quiet=exit -- ./exitwith exit 0
	cli_error -e quiet=none -qqq -- ./exitwith exit 0
	cli_error -q --quiet -- ./exitwith exit 0
	cli_error --silent=exit -qq -- ./exitwith exit 0
}

@test "the -q conflict comes after the summary and output checks, the bad value before" {
	cli_error -q -e quiet=exit -w -- ./exitwith exit 0
	cli_error -q -e quiet=exit -ff -o '|cat' -- ./exitwith exit 0
	cli_error -q -e quiet=exit -e status=foo -- ./exitwith exit 0
	cli_error -q -e quiet=exit
}

@test "bad quiet sets: strace's messages" {
	local s
	for s in foo '' '?exit' 'all,exit' 'exit,none' attaches detach '!,'; do
		cli_error -e "quiet=$s" -- ./exitwith exit 0
	done
	cli_error --quiet= -- ./exitwith exit 0
}
