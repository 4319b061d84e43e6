#!/usr/bin/env bats
# Command-line errors, -h and -V.  Error messages must have strace's
# wording with the tracer's own name ("strace: ..." -> "estrace: ..."),
# exit status 1 and no trace.  Both tracers run with argv[0] set to their
# plain name.

load common

@test "unknown syscall name in -e trace=" {
	cli_error -e trace=nosuchcall -- /bin/true
	assert_contains out.stderr.norm "TRACER: invalid system call 'nosuchcall'"
}

@test "unknown syscall among valid ones in -e trace=" {
	cli_error -e trace=execve,nosuchcall,exit_group -- /bin/true
}

@test "empty -e trace=" {
	cli_error -e trace= -- /bin/true
}

@test "bad -s value: not a number" {
	cli_error -s abc -- /bin/true
	assert_contains out.stderr.norm "TRACER: invalid -s argument: 'abc'"
	assert_contains out.stderr.norm "Try 'TRACER -h' for more information."
}

@test "bad -s value: negative" {
	cli_error -s -1 -- /bin/true
}

@test "bad -s value: too large" {
	cli_error -s 99999999999 -- /bin/true
}

@test "unknown short option" {
	cli_error -j -- /bin/true
	assert_contains out.stderr.norm "TRACER: invalid option -- 'j'"
}

@test "unknown long option" {
	cli_error --no-such-option -- /bin/true
	assert_contains out.stderr.norm "TRACER: unrecognized option '--no-such-option'"
}

@test "option missing its argument: -o" {
	cli_error -o
}

@test "option missing its argument: -s" {
	cli_error -s
}

@test "missing command with a slash: Can't stat" {
	cli_error -- ./no-such-program arg
	assert_contains out.stderr.norm "TRACER: Can't stat './no-such-program': No such file or directory"
}

@test "missing command searched in PATH: Can't stat" {
	cli_error -- no-such-program-anywhere
}

@test "no command at all" {
	cli_error -f
	assert_contains out.stderr.norm "TRACER: must have PROG [ARGS] or -p PID"
}

@test "no arguments at all" {
	cli_error --
}

@test "-o into a missing directory: Can't fopen" {
	run_ref --stderr -o /nonexistent/dir/file -- /bin/true
	run_out --stderr -o /nonexistent/dir/file -- /bin/true
	assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)"
	compare_status
	compare_messages
}

@test "command that cannot be executed: execve fails, 'exec:' message, exit 1" {
	printf 'not a program\n' >notexec
	chmod 644 notexec
	run_both -e trace=execve -- ./notexec
	assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)"
	compare_all single
	compare_messages
	assert_contains out.norm 'execve("./notexec", ["./notexec"], 0xADDR /* 1 var */) = -1 EACCES (Permission denied)'
	assert_contains out.stderr.norm 'TRACER: exec: Permission denied'
}

@test "-h: usage on stdout, exit 0, lists the supported options" {
	run_both --stderr -h -- 
	assert_equal 0 "$OUT_STATUS" "tracer exit status"
	assert_equal "" "$(cat out.stderr)" "tracer stderr"
	local opt
	grep -q "^Usage: $(tracer_name) " out.stdout || fail_msg "no 'Usage: $(tracer_name) ...' line" "$(head -n 3 out.stdout)"
	for opt in -e -f -ff -o -q -qq -s -v -V -h; do
		grep -Eq -- "(^|[[ ,])$opt([] ,=]|\$)" out.stdout || fail_msg "-h output does not mention $opt"
	done
	grep -q 'trace=' out.stdout
	grep -q 'signal=' out.stdout
}

@test "-V: version line, exit 0" {
	run_both --stderr -V --
	assert_equal 0 "$OUT_STATUS" "tracer exit status"
	local first
	first=$(head -n 1 out.stdout)
	[[ $first == "$(tracer_name) -- version "[0-9]* ]] || fail_msg "first line of -V: '$first'"
}

# ---------------------------------------------------------------------------
# estrace-only: messages carry estrace's own name

@test "estrace: error messages start with 'estrace: '" {
	require_estrace
	run_out --stderr -e trace=nosuchcall -- /bin/true
	assert_equal 1 "$OUT_STATUS" "exit status"
	assert_equal "estrace: invalid system call 'nosuchcall'" "$(head -n 1 out.stderr)" "message"
	run_out --stderr -s abc -- /bin/true
	assert_equal "estrace: invalid -s argument: 'abc'" "$(head -n 1 out.stderr)" "message"
	assert_equal "Try 'estrace -h' for more information." "$(sed -n 2p out.stderr)" "hint"
	run_out --stderr -- ./no-such-program
	assert_equal "estrace: Can't stat './no-such-program': No such file or directory" "$(cat out.stderr)" "message"
}

@test "estrace: attach messages say 'estrace: Process N attached'" {
	require_estrace
	run_out --stderr -f -e trace=%process -- ./procs fork 1
	grep -Eq '(^|[^a-z])estrace: Process [0-9]+ attached$' out
	! grep -q '[^e]strace: ' out
}

@test "presentation options: bad values" {
	cli_error -X foo -- /bin/true
	cli_error -X RAW -- /bin/true
	cli_error --const-print-style= -- /bin/true
	cli_error --strings-in-hex=foo -- /bin/true
	cli_error --absolute-timestamps=foo -- /bin/true
	cli_error --absolute-timestamps=format: -- /bin/true
	cli_error --absolute-timestamps=precision:unix -- /bin/true
	cli_error --absolute-timestamps=10ms -- /bin/true
	cli_error --relative-timestamps= -- /bin/true
	cli_error --syscall-times=precision:ms -- /bin/true
	cli_error --decode-fds=foo -- /bin/true
	cli_error --decode-fds=path,none -- /bin/true
	cli_error -e decode-fds= -- /bin/true
	cli_error --decode-pids=foo -- /bin/true
	cli_error --decode-pids=comm,all -- /bin/true
	cli_error -e raw=nosuchcall -- /bin/true
	cli_error --abbrev= -- /bin/true
	cli_error -e verbose=all,nosuchcall -- /bin/true
	cli_error --syscall-number=1 -- /bin/true
	assert_contains out.stderr.norm "TRACER: option '--syscall-number' doesn't allow an argument"
}

@test "presentation options: combinations strace refuses" {
	cli_error -x --strings-in-hex=all -- /bin/true
	cli_error --strings-in-hex=none -x -- /bin/true
	cli_error -t --absolute-timestamps=unix -- /bin/true
	cli_error --absolute-timestamps -tt -- /bin/true
	cli_error -y --decode-fds=path -- /bin/true
	cli_error -e decode-fds=path -yy -- /bin/true
	assert_contains out.stderr.norm "TRACER: -y and --decode-fds cannot be provided simultaneously"
}

@test "an ambiguous long option prefix names the options it could be" {
	run_both --stderr --out=x -- /bin/true
	assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)"
	compare_status
	local f
	for f in ref out; do   # the same names; their order is each tracer's table order
		head -n 1 "$f.stderr" | sed -E "s/^e?strace: //; s/possibilities: .*//" >"$f.head"
		head -n 1 "$f.stderr" | sed -E "s/.*possibilities: //" | tr ' ' '\n' | sort >"$f.names"
	done
	assert_same_text "message" ref.head out.head
	assert_same_text "possibilities" ref.names out.names
	assert_contains out.names "'--output-append-mode'"
}

# as_named NAME OPTS...: run both tracers, each invoked as NAME (a path to a link to it, made
# here), with stderr in ref.stderr / out.stderr; NAME's "strace" part becomes each tracer's name.
as_named() {
	local name=$1 f st
	shift
	mkdir -p ref.dir/sub out.dir/sub
	ln -sf "$STRACE" "ref.dir/sub/strace"
	ln -sf "$ESTRACE" "out.dir/sub/$(tracer_name)"
	for f in ref out; do
		local tracer_as=${name//TRACER/$f.dir/sub/$([[ $f == ref ]] && echo strace || tracer_name)}
		st=0
		(cd "$T" && run_clean --argv0 "$tracer_as" "$T/$f.dir/sub/$([[ $f == ref ]] && echo strace || tracer_name)" "$@" \
			</dev/null >"$f.stdout" 2>"$f.stderr") || st=$?
		printf -v "${f^^}_STATUS" '%s' "$st"
		sed -i "s|$f\.dir/sub/e\?strace|DIR/TRACER|g" "$f.stderr"
	done
	compare_status
	assert_same_text "messages as $name $*" ref.stderr out.stderr
}

@test "messages name the tracer as it was invoked: by a path, a relative path, a link" {
	local name
	for name in "$T/TRACER" "./TRACER" "TRACER"; do
		as_named "$name" -s abc -- /bin/true
		as_named "$name" -e trace=nosuchcall -- /bin/true
		as_named "$name" -- ./no-such-program
		as_named "$name" --seccomp-bpf -e trace=none -- /bin/true
		as_named "$name" -f -e trace=none -e signal=none -qq -- /bin/sh -c '/bin/true & wait'
	done
	as_named "$T/TRACER" -e trace=none -- ./no-such-program
	assert_contains out.stderr "DIR/TRACER: Can't stat './no-such-program'"
	printf 'not a program\n' >notexec
	chmod 644 notexec
	as_named "$T/TRACER" -e trace=none -- ./notexec
	assert_contains out.stderr "DIR/TRACER: exec: Permission denied"
}

@test "-h and -V name the tracer plainly, whatever argv[0] is" {
	as_named "$T/TRACER" -V
	[[ $(head -n 1 out.stdout) == "$(tracer_name) -- version "* ]] ||
		fail_msg "first line of -V: $(head -n 1 out.stdout)" || return 1
	as_named "$T/TRACER" -h
	grep -q "^Usage: $(tracer_name) " out.stdout || fail_msg "no 'Usage: $(tracer_name) ...' line" "$(head -n 3 out.stdout)"
}

@test "a command name of PATH_MAX bytes or more: exec: File name too long, with or without a slash" {
	local long
	long=$(printf 'a%.0s' {1..4096})
	cli_error -e trace=execve -- "$long"
	assert_equal "TRACER: exec: File name too long" "$(cat out.stderr.norm)" "message"
	cli_error -e trace=execve -- "./${long:2}"
	cli_error -e trace=execve -- "/${long:1}" arg
	cli_error -e trace=execve -- "${long:1}"   # 4095 bytes: not found
	assert_contains out.stderr.norm "TRACER: Can't stat 'aaaa"
	cli_error -o /nonexistent/dir/file -- "$long"
	cli_error -D -- "$long"
}

@test "-I by name: anywhere, waiting, never, never_tstp, any case; bad names refused" {
	local v
	for v in anywhere waiting never never_tstp NEVER_TSTP Waiting 1 4 " 2"; do
		run_both -I "$v" -e trace=exit_group -- ./exitwith exit 0
		compare_all single || fail_msg "with -I '$v'" || return 1
	done
	run_both --interruptible=never -e trace=exit_group -- ./exitwith exit 0
	compare_all single
	for v in never-tstp neverTstp 0 5 foo "" 2x; do
		cli_error -I "$v" -- /bin/true
	done
	cli_error --interruptible=foo -- /bin/true
}

@test "-I never_tstp blocks SIGTSTP as -I 4 does; -I anywhere lets SIGTERM kill the tracer" {
	require_estrace
	run_out -I never_tstp -e trace=none -- /bin/sh -c 'kill -TSTP $PPID; kill -TERM $PPID; echo alive'
	assert_equal 0 "$OUT_STATUS" "estrace status with -I never_tstp"
	assert_equal alive "$(cat out.stdout)" "the command"
	run_out -I anywhere -e trace=none -- /bin/sh -c 'kill -TERM $PPID; sleep 1; echo alive'
	assert_equal 143 "$OUT_STATUS" "estrace status with -I anywhere"
}

@test "--secontext and -e secontext=: refused at once, no SELinux support" {
	local opts
	for opts in --secontext --secontext=full "-e secontext=full"; do
		# shellcheck disable=SC2086
		run_both --stderr -s abc $opts -- /bin/true
		compare_status
		compare_messages
		# shellcheck disable=SC2086
		run_both --stderr $opts -s abc -- /bin/true
		assert_equal 1 "$REF_STATUS" "strace status (bad test?)"
		compare_status
		assert_equal 1 "$(wc -l <out.stderr)" "message lines"
		assert_contains out.stderr "SELinux context printing (--secontext option) is not supported"
	done
}

@test "--pidns-translation: accepted; in one pid namespace the trace is strace's" {
	run_both --pidns-translation -f -e trace=%process,getpid -- ./procs tree 2
	compare_all multi
	cli_error --pidns-translation=1 -- /bin/true
}

@test "--tips: strace's argument syntax; bad values refused with its message" {
	local a
	for a in "" 5 random id:random format:full FULL compact full,3 id:3,format:none ID:3 \
		id:3,id:4 "id: 3" 3, ,3 none id:3,format:none,format:compact id:1000; do
		run_both --tips="$a" -e trace=none -- /bin/true
		compare_status || fail_msg "with --tips='$a'" || return 1
	done
	for a in id:-1 x id: format: id:99999999999999999999 id:4294967296 format:big; do
		cli_error --tips="$a" -- /bin/true
	done
}

@test "--tips: a tip on stderr after the trace and the summary; none with format:none" {
	require_estrace
	run_out --stderr --tips=id:2 -e trace=exit_group -- /bin/true
	assert_equal 0 "$OUT_STATUS" "status"
	head -n 2 out.stderr | grep -q '^exit_group(0) ' || fail_msg "the trace does not come first:" "$(cat out.stderr)"
	grep -q '^ *| .* |$' out.stderr || fail_msg "no tip box:" "$(cat out.stderr)"
	local tip2
	tip2=$(sed -n '3,$p' out.stderr)
	run_out --tips=id:2 -c -e trace=getuid -- ./calls getuid:1   # -o out: the tip stays on stderr
	assert_equal "$tip2" "$(cat out.stderr)" "the same tip, alone on stderr"
	grep -q ' total$' out || fail_msg "no summary:" "$(cat out)"
	run_out --stderr --tips=id:2,format:none -e trace=exit_group -- /bin/true
	assert_equal 2 "$(wc -l <out.stderr)" "lines with format:none"
	run_out --stderr --tips=id:3 -e trace=none -- /bin/true
	[[ $(sed -n '2,$p' out.stderr) != "$tip2" ]] || fail_msg "tips 2 and 3 are the same"
	run_out --stderr --tips=id:2,format:full -e trace=none -- /bin/true
	[[ $(wc -l <out.stderr) -gt $(wc -l <<<"$tip2") ]] || fail_msg "format:full is not fuller:" "$(cat out.stderr)"
}
