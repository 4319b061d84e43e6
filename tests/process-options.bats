#!/usr/bin/env bats
# Options about the process the tracer starts: -E (environment), -u (user), -D/-DD/-DDD
# (the tracer as a detached grandchild), side by side with strace 6.1; and the newer strace
# options estrace implements from their documentation: --argv0 (6.3), --syscall-limit (6.3),
# --kill-on-exit (6.6).  The traced commands print their ids, environment and relations.

load common

setup() {
	common_setup
	PUB=
}

teardown() {
	[[ -z $PUB ]] || rm -rf "$PUB"
}

# make_pub: a directory every user may enter ($PUB), for programs run under -u.
make_pub() {
	PUB=$(mktemp -d /tmp/estrace-procopts.XXXXXX)
	chmod 755 "$PUB"
}

# A shell function: true while the shell that defines it is traced.
TRACED='traced() { while IFS= read -r l; do case $l in TracerPid:*[!0-9]0) return 1;; TracerPid:*) return 0;; esac; done </proc/$$/status; }'

# Print the credentials of the shell itself, from /proc (no program is exec'd).
CREDS='while IFS= read -r l; do case $l in Uid:*|Gid:*|Groups:*) echo "$l";; esac; done </proc/$$/status'

# ---------------------------------------------------------------------------
# -E

@test "-E: set, replace in place, add at the end, remove; in order, repeated (execve -v and env)" {
	run_both -v -e trace=execve -E A=1 -E B=2 -E PATH=/bin:/usr/bin -E A -E C=3 -E B=4 -E C=5 \
		-E =x -E '' -E 'D=1=2' -E E= -- /usr/bin/env
	compare_all single
	assert_contains out.stdout "D=1=2"
}

@test "-E PATH=: the command is still found on the tracer's own PATH" {
	run_both -e trace=execve -E PATH=/nonexistent -- env
	compare_all single
	assert_contains out.stdout "PATH=/nonexistent"
}

@test "-E reaches the command only, not the -o '|CMD' shell" {
	run_clean "$STRACE" -E ZZ=1 -o '|env >ref.env' /bin/true </dev/null || true
	run_clean "$ESTRACE" -E ZZ=1 -o '|env >out.env' /bin/true </dev/null || true
	assert_same_text "environment of the output shell" ref.env out.env
	refute_contains out.env ZZ
}

@test "-E and --env= without a value: strace's errors" {
	cli_error -E
	cli_error --env
	cli_error -E X=1
}

# ---------------------------------------------------------------------------
# -u

@test "-u nobody: the command's uid, gid and groups (-f, so estrace's filter is on)" {
	run_both -s 1000 -f -e trace=execve -u nobody -- /bin/sh -c "$CREDS; id"
	compare_all multi
	assert_contains out.stdout "Uid:	65534	65534	65534	65534"
}

@test "--user=: the long form" {
	run_both -s 1000 -e trace=execve --user=daemon -- /bin/sh -c "$CREDS"
	compare_all single
}

# The set-id copies of sh: each prints its real, effective, saved and file-system ids.
make_setid_shells() {
	make_pub
	cp /bin/dash "$PUB/suid-root"
	chmod 4755 "$PUB/suid-root"
	cp /bin/dash "$PUB/sgid-daemon"
	chown root:daemon "$PUB/sgid-daemon"
	chmod 2755 "$PUB/sgid-daemon"
	cp /bin/dash "$PUB/suid-sgid-daemon"
	chown daemon:daemon "$PUB/suid-sgid-daemon"
	chmod 6755 "$PUB/suid-sgid-daemon"
}

@test "-u with set-uid and set-gid programs: effective ids as strace -u sets them" {
	make_setid_shells
	local p
	for p in suid-root sgid-daemon suid-sgid-daemon; do
		run_both -s 1000 -e trace=execve -u nobody -- "$PUB/$p" -p -c "$CREDS"
		compare_all single
	done
	assert_contains out.stdout "Uid:	65534	1	1	1"
}

@test "-u with a set-uid program under estrace's filter (-f): ids as strace, filter in place, no no_new_privs" {
	require_estrace
	make_setid_shells
	run_out -f -e trace=execve -u nobody -- "$PUB/suid-root" -p -c \
		"$CREDS"'; grep -E "^(NoNewPrivs|Seccomp):" /proc/$$/status'
	assert_equal 0 "$OUT_STATUS" "estrace status"
	assert_contains out.stdout "Uid:	65534	0	0	0"
	assert_contains out.stdout "NoNewPrivs:	0"
	assert_contains out.stdout "Seccomp:	2"
}

# with_users TRACER NAME ARGV0 OPTS... -- CMD: run_tracer in a private mount namespace whose
# /etc/passwd and /etc/group know a user estest (4242) in two more groups.
with_users() {
	cp /etc/passwd passwd
	cp /etc/group group
	echo 'estest:x:4242:4242::/nonexistent:/bin/sh' >>passwd
	printf '%s\n' estest:x:4242: esone:x:4243:nobody,estest estwo:x:4244:estest >>group
	cat >ns-tracer <<-EOF
		#!/bin/sh
		exec unshare -m sh -c 'mount --bind "$T/passwd" /etc/passwd && mount --bind "$T/group" /etc/group && exec "\$0" "\$@"' "$1" "\$@"
	EOF
	chmod +x ns-tracer
	run_tracer "$T/ns-tracer" "${@:2}"
}

@test "-u: supplementary groups come from the group database" {
	with_users "$STRACE" ref strace -s 1000 -e trace=execve -u estest -- /bin/sh -c "$CREDS"
	with_users "$ESTRACE" out estrace -s 1000 -e trace=execve -u estest -- /bin/sh -c "$CREDS"
	compare_all single
	assert_contains out.stdout "Groups:	4242 4243 4244"
}

@test "-u: unknown user, numeric uid, uid:gid and empty name are not found" {
	cli_error -u no-such-user-here -- /bin/true
	assert_contains out.stderr.norm "TRACER: Cannot find user 'no-such-user-here'"
	cli_error -u 0 -- /bin/true
	cli_error -u 65534:65534 -- /bin/true
	cli_error --user= -- /bin/true
	cli_error -u
}

@test "-u: checked after the summary checks and warnings, before -o '|CMD' with -ff" {
	cli_error -u nosuchuser -w -- /bin/true
	cli_error -u nosuchuser -A -- /bin/true
	cli_error -u nosuchuser -r -c -- /bin/true
	cli_error -u nosuchuser -S calls -- /bin/true
	cli_error -u nosuchuser -o '|cat' -ff -- /bin/true
	cli_error -u nosuchuser -- /nonexistent/command
	cli_error -u nosuchuser -p 1
}

# as_nobody: $PUB/as-nobody TRACER ARGS runs a copy of strace or estrace as the user nobody,
# found on PATH as tracers are (strace names itself after its argv[0]).
as_nobody() {
	make_pub
	mkdir "$PUB/bin"
	chmod 755 "$PUB/bin"
	ln -s "$STRACE" "$PUB/bin/strace"
	cp "$ESTRACE" "$PUB/bin/estrace"
	printf '#!/bin/sh\nPATH=%s:$PATH exec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"\n' \
		"$PUB/bin" >"$PUB/as-nobody"
	chmod 755 "$PUB/as-nobody"
}

@test "-u when not root: strace's message, after the warnings" {
	as_nobody
	local opts
	for opts in "-u nobody" "-u nosuchuser -A" "-u root -o |cat -ff"; do
		# shellcheck disable=SC2086
		run_tracer "$PUB/as-nobody" ref strace --stderr strace $opts -- /bin/true
		# shellcheck disable=SC2086
		run_tracer "$PUB/as-nobody" out estrace --stderr estrace $opts -- /bin/true
		assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)"
		compare_status
		compare_messages
	done
	assert_contains out.stderr.norm "TRACER: You must be root to use the -u/--username option"
}

# ---------------------------------------------------------------------------
# -D

# run_daemonized TRACER NAME ARGV0 [--stderr] OPTS... -- CMD: as run_tracer, and waits for the
# detached tracer as well: its stderr is a pipe, at its end only once the tracer has exited.
run_daemonized() {
	local tracer=$1 name=$2 argv0=$3
	shift 3
	local out=(-o "$name")
	if [[ $1 == --stderr ]]; then
		out=()
		shift
	fi
	rm -f "$name" "$name.stdout" "$name.stderr" "$name.rc"
	: >stdin.txt   # not /dev/null, which the tracer may hold as well
	{
		local st=0
		run_clean --argv0 "$argv0" "$tracer" "${out[@]}" "$@" 2>&1 >"$name.stdout" <stdin.txt || st=$?
		echo "$st" >"$name.rc"
	} | cat >"$name.stderr"
	[[ ${#out[@]} -gt 0 ]] || cp "$name.stderr" "$name"
	local var
	var=$(tr '[:lower:]' '[:upper:]' <<<"$name")_STATUS
	printf -v "$var" '%s' "$(cat "$name.rc")"
}

daemonized_both() {
	run_daemonized "$STRACE" ref strace "$@"
	run_daemonized "$ESTRACE" out "$(tracer_name)" "$@"
}

# What the command sees of itself and of its tracer (found by TracerPid): who its parent is,
# whether it shares the tracer's process group, session and standard input and output.
RELATIONS='tp=$(sed -n "s/^TracerPid:[[:space:]]*//p" /proc/$$/status)
read -r _ _ _ ppid pgrp sid _ </proc/$$/stat
read -r _ _ _ tppid tpgrp tsid _ </proc/$tp/stat
same() { [ "$1" = "$2" ] && echo same || echo other; }
echo "command parent: $(cat /proc/$ppid/comm)"
echo "tracer is the command'"'"'s child: $(same $tppid $$)"
echo "process group: $(same $tpgrp $pgrp)"
echo "session: $(same $tsid $sid)"
for fd in 0 1 2; do echo "fd $fd: $(same "$(readlink /proc/$tp/fd/$fd)" "$(readlink /proc/$$/fd/$fd)")"; done'

@test "-D, -DD, -DDD: the command stays the caller's child; the tracer's group and session" {
	local d
	for d in -D -DD -DDD; do
		daemonized_both "$d" -s 1000 -e trace=execve -- /bin/sh -c "$RELATIONS"
		compare_all single
		cp out.stdout "out.stdout$d"
	done
	assert_contains out.stdout-D "command parent: timeout"
	assert_contains out.stdout-D "process group: same"
	assert_contains out.stdout-DD "process group: other"
	assert_contains out.stdout-DD "session: same"
	assert_contains out.stdout-DDD "session: other"
}

@test "--daemonize=MODE: grandchild, pgroup, pgrp, session, any case; the last one counts" {
	local mode
	for mode in --daemonize --daemonize=grandchild --daemonize=PGroup --daemonize=pgrp \
		--daemonize=Session "--daemonize=session --daemonize=pgroup"; do
		# shellcheck disable=SC2086
		daemonized_both $mode -s 1000 -e trace=execve -- /bin/sh -c "$RELATIONS"
		compare_all single
	done
}

@test "-D: the command's exit status and signal death are the caller's; \$! is the command" {
	# sh's SIGCHLD may come before or after it enters wait4: signal lines are left out
	daemonized_both -D -f -e trace=execve,wait4 -e signal=none -- /bin/sh -c '/bin/true; exit 3'
	compare_all multi
	assert_equal 3 "$OUT_STATUS" "status"
	daemonized_both -D -e trace=execve -- /bin/sh -c 'kill -USR1 $$'
	compare_all single
	local tracer name st
	for tracer in "$STRACE" "$ESTRACE"; do
		name=${tracer##*/}
		st=0
		(close_extra_fds; exec "$tracer" -D -o "$name.trace" /bin/sh -c 'echo $$ >pid') &
		wait $! || st=$?
		assert_equal "$!" "$(cat pid)" "$name: the command's pid"
		assert_equal 0 "$st" "$name: status"
	done
}

@test "-D without -o: 'Process N attached' for the command, as strace" {
	daemonized_both --stderr -D -e trace=execve -- /bin/true
	compare_status
	compare_trace stderr
	grep -q "^$(tracer_name): Process [0-9]* attached\$" out.stderr ||
		fail_msg "no 'Process N attached' in:" "$(cat out.stderr)"
}

@test "-D: the tracer blocks fatal signals by default (-I4); -I1 and -I2 let SIGTERM detach it" {
	# the command signals its tracer, then execs: still traced
	daemonized_both -D -s 1000 -e trace=execve -- /bin/sh -c \
		'tp=$(sed -n "s/^TracerPid:[[:space:]]*//p" /proc/$$/status)
		kill -INT $tp; kill -TERM $tp; kill -HUP $tp; kill -QUIT $tp; kill -TSTP $tp
		exec /bin/echo alive'
	compare_all single
	assert_contains out 'execve("/bin/echo"'
	# with -I1 and -I2 the tracer detaches; the command waits for that, then execs untraced
	# (at -I2 the tracer's signal is not passed on to a command that is not its child)
	local level
	for level in -I1 -I2; do
		daemonized_both -D "$level" -s 1000 -e trace=execve -- /bin/sh -c \
			"$TRACED"'
			tp=$(sed -n "s/^TracerPid:[[:space:]]*//p" /proc/$$/status)
			kill -TERM $tp
			while traced; do :; done
			exec /bin/echo alive'
		compare_all single
		refute_contains out 'execve("/bin/echo"'
		assert_equal alive "$(cat out.stdout)" "the command's output ($level)"
	done
}

@test "-D: the output command of -o '|CMD' gets the whole trace" {
	local t tracer
	for t in ref out; do
		if [[ $t == ref ]]; then tracer=$STRACE; else tracer=$ESTRACE; fi
		{ run_clean "$tracer" -D -e trace=execve -o "|cat >$t" /bin/sh -c 'exit 0' 2>&1 </dev/null; } | cat >"$t.stderr"
	done
	compare_trace single
}

@test "-D and --daemonize: bad values and combinations, strace's errors" {
	cli_error -DDDD -- /bin/true
	assert_contains out.stderr.norm "TRACER: Too many -D's (4), maximum supported -D count is 3"
	cli_error -DDD -D -- /bin/true
	cli_error --daemonize=foo -- /bin/true
	cli_error --daemonize= -- /bin/true
	cli_error --daemonize=2 -- /bin/true
	cli_error -D --daemonize=session -- /bin/true
	assert_contains out.stderr.norm "TRACER: -D and --daemonize cannot be provided simultaneously"
	cli_error --daemonize=pgroup -D -- /bin/true
	cli_error -D --daemonize -- /bin/true
	cli_error -D --daemonize=foo -- /bin/true
	cli_error -D -p 1
	assert_contains out.stderr.norm "TRACER: PROG [ARGS] must be specified with -D/--daemonize"
	cli_error -DDDD -p 1
	cli_error -DDDD
	cli_error -DDDD -w -- /bin/true
	cli_error -D -w -p 1
}

# ---------------------------------------------------------------------------
# --argv0 (strace 6.3+)

@test "--argv0=NAME: the command's argv[0]; the program is still found by the command name" {
	require_estrace
	run_out -e trace=execve --argv0=renamed -- sh -c 'echo "$0"'
	assert_equal 0 "$OUT_STATUS" "status"
	assert_equal renamed "$(cat out.stdout)" "the command's \$0"
	assert_contains out 'execve("/usr/bin/sh", ["renamed", "-c", "echo \"$0\""]'
	run_out -e trace=execve --argv0= -- /bin/sh -c 'echo "[$0]"'
	assert_equal "[]" "$(cat out.stdout)" "an empty argv[0]"
}

# ---------------------------------------------------------------------------
# --syscall-limit (strace 6.3+)

@test "--syscall-limit=N: after N shown syscalls every tracee is detached and runs on" {
	require_estrace
	run_out -f -e trace=execve --syscall-limit=3 -- /bin/sh -c \
		'/bin/true; /bin/true; /bin/true; /bin/true; exit 0'
	assert_equal 0 "$OUT_STATUS" "estrace status"
	assert_equal 3 "$(grep -c 'execve(' out)" "execve lines"
	# detached, not killed: the filter was not used, so the command runs to its end
	run_out -f -e trace=execve --syscall-limit=1 -- /bin/sh -c \
		"$TRACED"'
		while traced; do :; done; grep -E "^Seccomp:" /proc/$$/status >seccomp'
	local i
	for ((i = 0; i < 100; i++)); do
		[[ -s seccomp ]] && break
		sleep 0.1
	done
	assert_equal "Seccomp:	0" "$(cat seccomp)" "the detached command"
}

@test "--syscall-limit: 'Process N detached' messages unless -q; an explicit --seccomp-bpf is refused" {
	require_estrace
	run_out --stderr -f --seccomp-bpf -e trace=execve --syscall-limit=1 -- /bin/sh -c 'exit 0'
	assert_contains out.stderr "estrace: --seccomp-bpf is not used with --syscall-limit"
	assert_contains out.stderr "estrace: Process "
	assert_contains out.stderr " detached"
}

@test "--syscall-limit: bad values" {
	require_estrace
	local v
	for v in 0 -1 abc '' 1x 99999999999999999999999; do
		run_out --stderr --syscall-limit="$v" -- /bin/true
		assert_equal 1 "$OUT_STATUS" "status for '$v'"
		assert_equal "estrace: invalid --syscall-limit argument: '$v'
Try 'estrace -h' for more information." "$(cat out.stderr)"
	done
}

# ---------------------------------------------------------------------------
# --kill-on-exit (strace 6.6+)

# start_sleeper OPTS...: the tracer (no filter: no -f) on a shell that execs sleep, in the
# background; sets TRACER_PID and SLEEP_PID once the sleep runs.
start_sleeper() {
	(close_extra_fds; exec "$ESTRACE" "$@" -e trace=execve -o trace.txt /bin/sh -c 'echo $$ >sleeper; exec /bin/sleep 30') &
	TRACER_PID=$!
	local i
	for ((i = 0; i < 100; i++)); do
		SLEEP_PID=$(cat sleeper 2>/dev/null || true)
		[[ -n $SLEEP_PID && $(cat "/proc/$SLEEP_PID/comm" 2>/dev/null) == sleep ]] && return 0
		sleep 0.1
	done
	fail_msg "the traced sleep did not start"
}

@test "--kill-on-exit: the tracees die with estrace on SIGTERM, instead of being detached" {
	require_estrace
	start_sleeper -I2
	kill -TERM "$TRACER_PID"
	wait "$TRACER_PID" || true
	grep -q '^TracerPid:[[:space:]]*0$' "/proc/$SLEEP_PID/status" ||
		fail_msg "without --kill-on-exit the sleep should be detached" || return 1
	kill "$SLEEP_PID"
	start_sleeper -I2 --kill-on-exit
	kill -TERM "$TRACER_PID"
	local st=0
	wait "$TRACER_PID" || st=$?
	assert_equal 143 "$st" "estrace status"
	local i
	for ((i = 0; i < 50; i++)); do
		[[ -d /proc/$SLEEP_PID ]] || return 0
		grep -q '^State:.*Z' "/proc/$SLEEP_PID/status" 2>/dev/null && return 0
		sleep 0.1
	done
	fail_msg "the sleep outlived estrace"
}

@test "--kill-on-exit with -p: refused" {
	require_estrace
	run_out --stderr --kill-on-exit -p 1
	assert_equal 1 "$OUT_STATUS" "status"
	assert_equal "estrace: --kill-on-exit and -p/--attach are mutually exclusive options" "$(cat out.stderr)"
}
