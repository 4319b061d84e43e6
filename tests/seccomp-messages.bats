#!/usr/bin/env bats
# What an explicit --seccomp-bpf says when it cannot be used (-b, -p, no -f, -e trace=all): strace
# 6.1's warnings, word for word, in its order, whatever -q says. The filter is estrace's default
# under -f; it warns only when asked for by name.

load common

# seccomp_lines NAME: the lines of NAME.stderr about the filter, program name normalised.
seccomp_lines() {
	normalize text "$1.stderr" | grep -i seccomp >"$1.seccomp" || true
}

# same_warnings MODE OPTS... -- CMD...: both tracers print the same filter warnings (and the same
# status, and trace compared in MODE unless MODE is "-") for OPTS.
same_warnings() {
	local mode=$1
	shift
	run_both "$@"
	compare_status
	[[ $mode == - ]] || compare_trace "$mode"
	seccomp_lines ref
	seccomp_lines out
	[[ -s ref.seccomp ]] || fail_msg "strace printed no seccomp warning (bad test?)" || return 1
	assert_same_text "seccomp warnings with $*" ref.seccomp out.seccomp
}

@test "--seccomp-bpf with -b: not enabled, strace's words, with or without -f, even with -q" {
	same_warnings multi --seccomp-bpf -f -b execve -e trace=execve -- /bin/sh -c '/bin/true; :'
	same_warnings single --seccomp-bpf -b execve -e trace=execve -- /bin/sh -c '/bin/true; :'
	same_warnings multi --seccomp-bpf -q -f -b execve -e trace=execve -- /bin/sh -c '/bin/true; :'
	assert_equal 1 "$(wc -l <out.seccomp)" "warning lines"
}

@test "--seccomp-bpf without -f: disabled, strace's words, even with -qq" {
	same_warnings single --seccomp-bpf -e trace=execve -- /bin/true
	same_warnings single --seccomp-bpf -qq -e trace=execve -- /bin/true
	same_warnings single --seccomp-bpf -e quiet=all -e trace=execve -- /bin/true
}

@test "--seccomp-bpf -f -e trace=all: nothing to filter, strace's words" {
	same_warnings - --seccomp-bpf -f -e trace=all -- /bin/true
	same_warnings - --seccomp-bpf -f -e 'trace=!none' -- /bin/true
}

@test "--seccomp-bpf with -p and no command: not enabled for attached processes; without -f both" {
	local name opts
	for opts in "-f" ""; do
		for name in ref out; do
			tracer_for "$name"
			/bin/sleep 0.5 &
			# shellcheck disable=SC2086
			run_tracer "$TRACER" "$name" "$ARGV0" --seccomp-bpf $opts -e trace=execve -p $!
			seccomp_lines "$name"
		done
		[[ -s ref.seccomp ]] || fail_msg "strace printed no seccomp warning (bad test?)" || return 1
		assert_same_text "seccomp warnings, -p $opts" ref.seccomp out.seccomp
	done
	assert_equal 2 "$(wc -l <out.seccomp)" "warnings without -f"
}

@test "the warnings come in strace's order among the others" {
	cli_error --seccomp-bpf -S calls -b execve -A -e trace=nosuchcall -- /bin/true
	run_both --seccomp-bpf -S calls -b execve -e trace=execve -- /bin/true
	compare_status
	compare_messages
	assert_equal 2 "$(wc -l <out.stderr)" "messages"
	run_both --seccomp-bpf -t -c -e trace=execve -- /bin/true
	compare_messages
	run_both --seccomp-bpf -f -t -c -e trace=all -- /bin/true
	compare_messages
	assert_equal 2 "$(wc -l <out.stderr)" "messages"
}

@test "estrace: with -b the filter is not installed, asked for or not" {
	require_estrace
	local opts
	for opts in "-f" "-f --seccomp-bpf"; do
		# shellcheck disable=SC2086
		run_out $opts -b execve -e trace=execve -- /bin/sh -c 'exec /bin/grep "^Seccomp:" /proc/self/status'
		assert_equal 0 "$OUT_STATUS" "estrace status"
		assert_equal "Seccomp:	0" "$(cat out.stdout)" "the command after -b's detach ($opts)"
	done
	# the measure works: without -b the command holds the filter
	run_out -f -e trace=execve -- /bin/sh -c 'exec /bin/grep "^Seccomp:" /proc/self/status'
	assert_equal "Seccomp:	2" "$(cat out.stdout)" "the command under the filter"
}
