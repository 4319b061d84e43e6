#!/usr/bin/env bats
# estrace under valgrind (memcheck) on a few representative traces: no invalid read or write,
# no use of an uninitialised value, no definite leak. Under valgrind the seccomp-bpf filter
# cannot be installed (valgrind does not know seccomp), so these runs also take the path that
# traces without it. Skipped for an ASan build (--enable-sanitizers), which valgrind cannot run
# and which checks the same things itself.

load common

setup() {
	common_setup
	require_estrace
	VALGRIND=$(command -v valgrind) || skip "valgrind not installed (bootstrap --install-deps)"
	if ldd "$ESTRACE" | grep -q libasan; then
		skip "estrace is built with ASan, which valgrind cannot run"
	fi
	# the tests run commands with an empty environment: the wrapper carries every path
	cat >vg-estrace <<-EOF
	#!/bin/sh
	exec "$VALGRIND" -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite \\
		--show-leak-kinds=definite --child-silent-after-fork=yes \\
		--log-file="$T/valgrind.log" "$ESTRACE" "\$@"
	EOF
	chmod +x vg-estrace
}

# vg OPTS... -- CMD...: estrace OPTS -o out CMD under valgrind (run_tracer: out, out.stderr,
# OUT_STATUS); fails with valgrind's report on any error. The commands exit 0.
vg() {
	TRACE_TIMEOUT=180 run_tracer "$T/vg-estrace" out estrace "$@"
	if [[ $OUT_STATUS != 0 ]] || grep -q '^==[0-9]*==' valgrind.log; then
		fail_msg "exit status $OUT_STATUS; valgrind:" "$(head -n 80 valgrind.log)" \
			"estrace stderr:" "$(head -n 20 out.stderr)"
	fi
}

@test "valgrind: -f -o FILE, a shell pipeline" {
	vg -f -- /bin/sh -c 'echo hi | cat'
	assert_contains out 'execve("/usr/bin/cat", ["cat"]'
	assert_contains out '+++ exited with 0 +++'
}

@test "valgrind: -ff, one file per process" {
	vg -ff -e trace=%process,write -- /bin/sh -c 'echo hi | cat'
	(($(ff_files out | wc -l) == 3)) || fail_msg "expected 3 out.PID files:" "$(ls)"
}

@test "valgrind: -c -f, the summary table" {
	vg -c -f -- /bin/sh -c 'echo hi | cat'
	assert_contains out 'total'
	assert_contains out 'execve'
}

@test "valgrind: -k, stack traces read from the tracee" {
	"$ESTRACE" -k true 2>/dev/null || skip "estrace is built without libunwind"
	vg -k -e trace=execve -- ./stackchain exec
	assert_contains out ' > '
}

@test "valgrind: -kk, and -k of an i386 tracee: libdw's unwinder" {
	"$ESTRACE" -V | grep -q 'stack-trace=libdw' || skip "estrace is built without libdw"
	vg -kk -e trace=execve -- ./stackchain exec
	assert_contains out '(chain_c+0x'
	require_i386
	vg -k -f -e trace=execve -- ./stackchain32 fork
	assert_contains out '(chain_c+0x'
}

@test "valgrind: -yy -s 16 -x, strings and fds through every printer" {
	vg -f -yy -s 16 -x -e trace=%process,%desc -- /bin/sh -c 'printf "\1\2\3" | cat >/dev/null'
	assert_contains out 'execve('
}
