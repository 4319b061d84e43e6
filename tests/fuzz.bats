#!/usr/bin/env bats
# The libFuzzer targets of fuzz/ (see fuzz/README): each runs from its committed corpus with a
# fixed seed for a few seconds, and must end with no sanitizer report and no broken check; and
# fuzz/reset-check, the test of options_reset that the targets rely on. configure builds them
# when clang links a libFuzzer target: without clang these tests are skipped, but with a clang
# that cannot link one they fail.

load common

setup() {
	case ${FUZZ-} in
	yes) ;;
	broken)
		fail_msg "configure found a clang (FUZZ_CC) that cannot link a libFuzzer target:" \
			"see config.log" ;;
	*) skip "no clang that links libFuzzer targets (configure FUZZ_CC=...)" ;;
	esac
	CORPUS=$BATS_TEST_DIRNAME/../fuzz/corpus
	cd "$BATS_TEST_TMPDIR" || return 1
}

# fuzz TARGET: new inputs go to a scratch directory, not to the corpus; a crashing input is
# kept as $FUZZ_DIR/crash-SHA1 (or leak-, oom-, timeout-). The time limits are bounds, not
# measurements: a loaded machine only runs fewer inputs.
fuzz() {
	local target=$1
	mkdir -p new
	run "$TIMEOUT_BIN" -k 10 300 "$FUZZ_DIR/$target-fuzzer" -seed=1 -runs=500000 \
		-max_total_time=8 -max_len=256 -timeout=120 -close_fd_mask=1 \
		-artifact_prefix="$FUZZ_DIR/" new "$CORPUS/$target"
	if ((status != 0)) || [[ $output != *"Done "*" runs in "* ]]; then
		grep -v '^#' <<<"$output" | tail -n 60 >&2
		return 1
	fi
}

@test "fuzz: the option parser" {
	fuzz options
}

@test "fuzz: the -e expression parser" {
	fuzz expr
}

@test "fuzz: the string quoter, in every style, for strings and -y paths" {
	fuzz quote
}

# same_after FIRST... ::: SECOND...: SECOND parsed after FIRST and options_reset leaves what it
# leaves in a fresh process; FIRST alone leaves something else, so the reset had work to do.
# LeakSanitizer checks that the reset freed what FIRST allocated, unless FIRST dies: a parse
# that dies leaves its copy of an argument, as estrace's exit does.
same_after() {
	local i first second
	for ((i = 1; i <= $#; i++)); do
		[[ ${!i} == ::: ]] && break
	done
	first=("${@:1:i-1}")
	second=("${@:i+1}")
	"$FUZZ_DIR/reset-check" "${second[@]}" >fresh
	ASAN_OPTIONS=${LEAKS_OK:+detect_leaks=0} "$FUZZ_DIR/reset-check" "${first[@]}" >first
	ASAN_OPTIONS=${LEAKS_OK:+detect_leaks=0} "$FUZZ_DIR/reset-check" --first "$@" >after
	diff -u fresh after
	! cmp -s first fresh || fail_msg "the first command line leaves what the second does"
}

@test "options_reset: every option set, then a plain command line" {
	local user=()
	((EUID == 0)) && user=(-u nobody)   # -u needs root
	same_after -ff -o out -A -xx -yy -tt -T -r -s 10 -a 20 -qq -n -Y --always-show-pid \
		-e trace=open,read -e signal='!SIGCHLD' -e status=failed -e raw=all \
		-e abbrev=none -e verbose=none -X raw -I 1 -b execve --argv0=zz \
		-E X=1 -E Y "${user[@]}" --syscall-limit=3 --daemonize=pgrp \
		--stack-trace-frame-limit=3 -p 1,2 true ::: true
}

@test "options_reset: the summary options and attached pids" {
	same_after -C -w -S calls -U calls,name -p '1 2' -p 3 ::: -c true
}

@test "options_reset: after a usage error inside a cluster of short options" {
	LEAKS_OK=1 same_after -fj ::: -x true
	LEAKS_OK=1 same_after -fh ::: -f true
}

@test "options_reset: counts and sets kept while parsing start again from nothing" {
	LEAKS_OK=1 same_after -x -y -t -q -z -Z -e trace=nosuch true ::: -x -y -t -z true
	same_after --quiet=exit -e signal=none -e decode-fds=all -o f true ::: -q -o f true
	same_after --strings-in-hex --decode-fds --absolute-timestamps true ::: -x -y -t true
	same_after --follow-forks --output-separately -o f true ::: -f --output-separately -o f true
}
