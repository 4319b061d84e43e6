#!/usr/bin/env bats
# Bad input, systematically: every option that takes a value given a bad one, malformed -e
# expressions, unwritable -o paths and output commands, commands that cannot run, processes that
# cannot be attached.  Each gets strace's message (program name aside) and exit status 1, and
# nothing is started or left behind: the command would create a marker file, and no process
# keeps the marker's path (unique to the test) in its command line -- neither the tracer, nor a
# tracee before or after its exec.  tests/cli-errors.bats has the first cases of each kind.

load common

setup() {
	common_setup
	MARK=$T/marker
	KEEP=()
}

teardown() {
	local p
	for p in "${KEEP[@]}"; do
		kill -9 "$p" 2>/dev/null || true
	done
}

# no_leftover: no process has $MARK in its command line.  A tracee killed as the tracer left
# may take a moment to go: poll, within a bound.
no_leftover() {
	local i
	for ((i = 0; i < 200; i++)); do
		pgrep -f -- "$MARK" >/dev/null || return 0
		sleep 0.05
	done
	fail_msg "left behind: $(pgrep -a -f -- "$MARK")"
}

# refused OPTS...: both tracers refuse OPTS, with a command that would create $MARK.
refused() {
	rm -f "$MARK"
	cli_error "$@" -- /bin/sh -c 'touch "$0"' "$MARK" || return 1
	[[ ! -e $MARK ]] || fail_msg "the command ran: $*" || return 1
	no_leftover
}

# refused_each: the same for many cases at once, one a line on stdin, each the tracer's options in
# shell quoting. The messages and statuses of all cases are compared together (files ref.all,
# out.all, normalised *.all.norm).
refused_each() {
	local line t st
	local -a args
	rm -f "$MARK"
	: >ref.all
	: >out.all
	# run_clean's argv[0] setting costs a perl per run: a link with the tracer's name is cheaper
	mkdir -p ref.bin out.bin
	ln -sf "$STRACE" ref.bin/strace
	ln -sf "$ESTRACE" "out.bin/$(tracer_name)"
	while IFS= read -r line; do
		eval "args=($line)"
		for t in ref out; do
			printf '== %s: status ' "$line" >>"$t.all"
			st=0
			(close_extra_fds; exec env -i PATH="$T/$t.bin:/usr/bin:/bin" "$TIMEOUT_BIN" -k 10 \
				"$TRACE_TIMEOUT" "$( [[ $t == ref ]] && echo strace || tracer_name)" "${args[@]}" \
				-- /bin/sh -c 'touch "$0"' "$MARK") </dev/null >"$t.stdout" 2>"$t.stderr" || st=$?
			printf '%s\n' "$st" >>"$t.all"
			cat "$t.stdout" "$t.stderr" >>"$t.all"
		done
	done
	normalize text ref.all >ref.all.norm
	normalize text out.all >out.all.norm
	! grep -v ': status 1$' <(grep '^== ' ref.all) >&2 || fail_msg "strace accepted these (bad test?)" || return 1
	assert_same_text "messages and statuses" ref.all.norm out.all.norm || return 1
	[[ ! -e $MARK ]] || fail_msg "the command ran" || return 1
	no_leftover
}

@test "options taking a number: non-numbers, signs, spaces, overflow, trailing garbage" {
	local o v
	refused_each < <(for o in -s --string-limit -a --columns -I --interruptible; do
		for v in 12x 0x10 '' '5 ' 4294967296 -99999999999999999999; do
			if [[ $o == --* ]]; then printf '%q\n' "$o=$v"; else printf '%q %q\n' "$o" "$v"; fi
		done
	done)
	assert_contains out.all.norm "TRACER: invalid --interruptible argument: '5 '"
}

@test "the message names the option as it was spelled, abbreviations spelled out" {
	refused_each <<-'EOF'
		--col=-1
		--string-l=x
		--interr=0
	EOF
	assert_contains out.all.norm "TRACER: invalid --columns argument: '-1'"
}

@test "-s: at most 2^30-1, as strace; -I: 1 to 4" {
	refused_each <<-'EOF'
		-s 1073741824
		--string-limit=2147483647
		-I 0
		-I 5
	EOF
	run_both -s 1073741823 -e trace=execve -- ./exitwith exit 0
	compare_all single
}

@test "options taking a keyword: unknown, negated, in a list" {
	local o v
	refused_each < <(for o in -X --const-print-style --strings-in-hex --decode-fds --decode-pids \
		--absolute-timestamps --relative-timestamps --syscall-times -S --summary-sort-by \
		-U --summary-columns -b --detach-on --daemonize; do
		for v in '!' 'all,nosuch'; do
			if [[ $o == --* ]]; then printf '%q\n' "$o=$v"; else printf '%q %q\n' "$o" "$v"; fi
		done
	done)
}

@test "-e: unknown qualifiers, empty and odd expressions" {
	refused_each < <(for e in '' '=' '!' '!!' ',' 'foo=bar' 'trace' 'trace==execve' 'Trace=execve' \
		'trace=execve=' ' execve' 'execve,,nosuch'; do printf -- '-e %q\n' "$e"; done)
}

@test "-e raw=, abbrev=, verbose= and their short names: bad syscall sets" {
	local q s
	refused_each < <(for q in raw x abbrev verbose v; do
		for s in '' '!,' '%foo' '/[' 'none,execve' 99999; do printf -- '-e %q\n' "$q=$s"; done
	done)
}

@test "-e signal=: bad sets, as strace: empty, alone-only all/none, signs, spaces, numbers over 255" {
	local s
	refused_each < <(for s in '' ',' ',,' '!' '!!' '!,' 'all,9' '9,all' 'none,9' '9,none' ALL None \
		'foo,9' '9,foo' SIG SIGSIGKILL SIGRTMAX RT_0 'SIGRTMIN+1' 256 -1 +9 ' 9' '9 ' 0x9 \
		4294967305 99999999999999999999; do printf -- '-e %q\n' "signal=$s"; done
		echo --signal=
		echo -e signals=,
		echo -e s=ALL)
}

@test "-e signal=: what strace accepts: numbers to 255, leading zeros, !!, names in any case" {
	local s
	for s in 0 09 255 '!!CHLD' '!all' 'chld,9,' 'RT_32'; do
		run_both -e trace=none -e "signal=$s" -- ./procs fork 1
		compare_all single
	done
}

@test "-o: a directory, a path under a file, an empty path, a directory in /proc" {
	: >afile
	mkdir adir
	local o
	refused_each <<-'EOF'
		-o adir
		-o afile/x
		-o ''
		-A -o /proc/self/fd/
	EOF
	assert_contains out.all.norm "TRACER: Can't fopen '/proc/self/fd/': Is a directory"
}

@test "-ff -o under a file: the tracee dies before its exec, as strace's does" {
	: >afile
	refused -ff -o afile/x
	assert_contains out.stderr.norm "Can't fopen 'afile/x."
}

@test "commands that cannot run: a directory, no exec bit, bad ELF, bad #!, empty, a device" {
	mkdir adir
	printf 'touch "%s"\n' "$MARK" >noexec
	chmod 644 noexec
	printf '\177ELF not really' >badelf
	printf '#!/nonexistent/interpreter\n' >badshebang
	printf '#!\n' >emptyshebang
	: >empty
	chmod 755 badelf badshebang emptyshebang empty
	local c
	for c in ./adir ./noexec ./badelf ./badshebang ./emptyshebang ./empty /dev/null /proc/self; do
		run_both -s 4096 -e trace=execve -- "$c" "$MARK"
		assert_equal 1 "$REF_STATUS" "strace exit status for $c (bad test?)"
		compare_all single
		compare_messages
		[[ ! -e $MARK ]] || fail_msg "$c ran"
		no_leftover
	done
}

@test "commands not found: a directory or a file without exec bit on PATH, a name under a file" {
	mkdir -p bin/adir
	printf 'true\n' >bin/noexec
	chmod 644 bin/noexec
	: >afile
	local c
	RUN_ENV=(PATH="$T/bin:/usr/bin:/bin")
	for c in adir ./afile/x afile/ '' ' '; do
		cli_error -- "$c" "$MARK"
		no_leftover
	done
	# found on PATH but not executable: strace runs it anyway, and exec fails
	cli_error -- noexec "$MARK"
	assert_contains out.stderr.norm "TRACER: Can't stat 'noexec': No such file or directory"
	# one with an execute bit, but not for this user: strace runs it anyway, and exec fails
	RUN_ENV=(PATH="$T/bin:/usr/bin:/bin")
	printf 'true\n' >bin/notmine
	chmod 700 bin/notmine
	chown 0:0 bin/notmine
	run_both -u nobody -s 4096 -e trace=execve -- notmine "$MARK"
	assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)"
	compare_all single
	compare_messages
	assert_contains out.stderr.norm "TRACER: exec: Permission denied"
}

# ---------------------------------------------------------------------------
# -p

# A zombie: attachme-like parent that never reaps its child.  Sets ZOMBIE (the pid).
make_zombie() {
	perl -e 'my $p = fork // die; exit 0 unless $p; open(my $f, ">", "zombie.tmp") or die;
		print $f "$p\n"; close $f; rename "zombie.tmp", "zombie"; sleep 60' &
	KEEP+=("$!")
	local i
	for ((i = 0; i < 400; i++)); do
		if [[ -s zombie ]]; then
			ZOMBIE=$(cat zombie)
			[[ $(awk '/^State:/ { print $2 }' "/proc/$ZOMBIE/status" 2>/dev/null) == Z ]] && return 0
		fi
		sleep 0.05
	done
	fail_msg "no zombie"
}

# The pid of a kernel thread (PF_KTHREAD in /proc/PID/stat's flags), or nothing.
kernel_thread() {
	local f
	for f in /proc/[0-9]*/stat; do
		perl -e 'local $/; my $s = <STDIN>; $s =~ s/^.*\) //s; my @f = split / /, $s;
			exit(($f[6] & 0x00200000) ? 0 : 1)' <"$f" 2>/dev/null || continue
		f=${f#/proc/}
		echo "${f%/stat}"
		return 0
	done
}

@test "-p: a zombie, a kernel thread, a pid over any pid_max: strace's attach errors, exit 1" {
	make_zombie
	cli_error -p "$ZOMBIE"
	assert_contains out.stderr.norm "TRACER: attach: ptrace(PTRACE_SEIZE, $ZOMBIE): Operation not permitted"
	local k
	k=$(kernel_thread)
	[[ -n $k ]] || skip "no kernel thread visible here (a pid namespace?)"
	cli_error -p "$k"
	cli_error -p "$k,$ZOMBIE"
	cli_error -p 4194304
	cli_error -p "4194303 $k $ZOMBIE"
	cli_error -f -p "$k"
}

@test "-p: a parse error after a good pid: the process is never attached, nor stopped" {
	sleep 60 &
	KEEP+=("$!")
	local good=$! o
	for o in "-p $good -p x" "-p $good -e trace=nosuch" "-p $good -s x" "-p $good -o $T" \
		"-p $good,1x"; do
		# shellcheck disable=SC2086
		cli_error $o
		grep -q '^TracerPid:[[:space:]]*0$' "/proc/$good/status" || fail_msg "$o: traced"
		grep -Eq '^State:[[:space:]]*S' "/proc/$good/status" || fail_msg "$o: $(grep State "/proc/$good/status")"
	done
}

@test "-p: when nothing could be attached, the -o '|CMD' command still reads to its end first" {
	run_ref --stderr -o "|cat >/dev/null; sleep 0.2; echo done >$T/ref.piped" -p 4194303
	run_out --stderr -o "|cat >/dev/null; sleep 0.2; echo done >$T/out.piped" -p 4194303
	assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)"
	compare_status
	# the tracer returned only after its output command ended
	assert_equal done "$(cat ref.piped)" "strace's output command (bad test?)"
	assert_equal done "$(cat out.piped 2>/dev/null)" "the output command had ended"
}

@test "estrace: -p with its own pid: refused (strace's message is a joke, estrace's says why)" {
	require_estrace
	local st=0
	(exec -a estrace "$ESTRACE" -p "$BASHPID") 2>err || st=$?
	assert_equal 1 "$st" "exit status"
	[[ $(cat err) =~ ^estrace:\ cannot\ trace\ itself\ \(-p\ [0-9]+\)$ ]] || fail_msg "message: $(cat err)"
}

# ---------------------------------------------------------------------------
# the trace output cannot be written

# Output-write errors are not usage errors: tracing goes on and the status is the command's.
# strace repeats the message at every line it could not write, estrace says it once.

# write_error_said STATUS MESSAGE: both exited with STATUS and said MESSAGE (estrace once only).
write_error_said() {
	assert_equal "$1" "$REF_STATUS" "strace status (bad test?)"
	compare_status
	normalize text ref.stderr | sort -u >ref.msgs
	normalize text out.stderr | sort -u >out.msgs
	assert_same_text "write error messages" ref.msgs out.msgs
	assert_contains out.msgs "$2"
	if ! is_self_check; then
		assert_equal 1 "$(grep -cF "${2#TRACER: }" out.stderr)" "times said"
	fi
}

@test "-o /dev/full: the status is the command's, the write error is said (estrace: once)" {
	run_both --stderr -o /dev/full -e trace=execve -- ./exitwith exit 3
	write_error_said 3 "TRACER: /dev/full: No space left on device"
}

@test "-o '|CMD' whose command closes its input: Broken pipe, said; the command's status" {
	# the traced command execs once the output command has closed its end
	local wait='for i in $(seq 400); do [ -e ready ] && exec ./exitwith exit 4; sleep 0.05; done'
	rm -f ready
	run_ref --stderr -o "!exec 0<&-; : >$T/ready" -e trace=execve -- /bin/sh -c "$wait"
	rm -f ready
	run_out --stderr -o "!exec 0<&-; : >$T/ready" -e trace=execve -- /bin/sh -c "$wait"
	write_error_said 4 "TRACER: !exec 0<&-; : >$T/ready: Broken pipe"
}

@test "estrace: -e read=, write=, fault=, inject=, kvm=: not supported, said plainly" {
	require_estrace
	local q
	for q in read r write w fault inject kvm; do
		rm -f "$MARK"
		run_out --stderr -e "$q=1" -- /bin/sh -c 'touch "$0"' "$MARK"
		assert_equal 1 "$OUT_STATUS" "status for $q="
		assert_equal "estrace: -e $q= is not supported" "$(cat out.stderr)" "message for $q="
		[[ ! -e $MARK ]] || fail_msg "the command ran"
	done
}
