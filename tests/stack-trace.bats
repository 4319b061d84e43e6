#!/usr/bin/env bats
# -k / --stack-trace: after a syscall line, one " > FILE(SYMBOL+0xOFF) [0xADDR]" line per frame,
# with no pid prefix. The helper stackchain execs through main -> chain_a -> chain_b -> chain_c,
# built so that every call keeps its frame: the chains of symbol names are compared with strace's
# (offsets and the frames below main depend on how each tracer resolves libc's local symbols).

load common

# frames_of FILE START NAME: the frame lines printed after the first call NAME whose line
# matches the regex START (after its "<... NAME resumed>" line when it was split).
frames_of() {
	perl -ne '
		BEGIN { ($start, $name) = splice(@ARGV, 0, 2) }
		if (!$in && /$start/) { $in = /<unfinished \.\.\.>$/ ? 1 : 2; next }
		if ($in == 1 && /<\.\.\. \Q$name\E resumed>/) { $in = 2; next }
		if ($in == 2) { last unless /^ > /; print }
	' "$2" "$3" "$1"
}

# chain_of FILE START NAME: the symbol names of the frames printed after the first call NAME
# whose line matches the regex START, up to main; the frames follow the line's end, which is
# the "<... NAME resumed>" line when the call was split.
chain_of() {
	frames_of "$@" | perl -ne '
		last unless /^ > [^(]*\((.*?)\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$/;
		print "$1\n";
		last if $1 eq "main";
	'
}

# assert_chain START NAME EXPECTED REF_FILE OUT_FILE: both chains equal, and equal to EXPECTED.
assert_chain() {
	local start=$1 name=$2 expected=$3 ref=$4 out=$5
	chain_of "$ref" "$start" "$name" >chain.ref
	chain_of "$out" "$start" "$name" >chain.out
	assert_same_text "frames of $name" chain.ref chain.out
	assert_equal "$expected" "$(tr '\n' ' ' <chain.out)" "frames of $name"
}

# No frame line carries a pid prefix, in any layout.
assert_frames_unprefixed() {
	assert_contains "$1" " > "
	if grep -Eq '^(\[pid +[0-9]+\] |[0-9]+ +)> ' "$1"; then
		fail_msg "a frame line with a pid prefix:" "$(grep -E '^(\[pid|[0-9]).*> ' "$1")"
	fi
}

CHAIN="execve chain_c chain_b chain_a main "

@test "-k: the frames of an execve name the calls that led to it" {
	run_both -k -e trace=execve -- ./stackchain exec
	compare_status
	assert_chain 'execve\("/bin/true"' execve "$CHAIN" ref out
	assert_frames_unprefixed out
}

@test "-k -f: a child's execve frames, to stderr, -o and -ff" {
	run_both --stderr -k -f -e trace=execve -- ./stackchain fork
	compare_status
	assert_chain 'execve\("/bin/true"' execve "$CHAIN" ref out
	assert_frames_unprefixed out
	run_both -k -f -e trace=execve,wait4 -- ./stackchain fork
	compare_status
	assert_chain 'execve\("/bin/true"' execve "$CHAIN" ref out
	assert_frames_unprefixed out
	run_both -k -ff -e trace=execve -- ./stackchain fork
	compare_status
	local rf of
	rf=$(grep -l 'execve("/bin/true"' $(ff_files ref))
	of=$(grep -l 'execve("/bin/true"' $(ff_files out))
	assert_chain 'execve\("/bin/true"' execve "$CHAIN" "$rf" "$of"
}

@test "-k: a split line's frames follow its resumed half (vfork)" {
	run_both -k -f -e trace=vfork,execve -- ./stackchain vfork
	compare_status
	assert_contains out "vfork( <unfinished ...>"
	chain_of ref 'vfork\(' vfork >chain.ref
	chain_of out 'vfork\(' vfork >chain.out
	assert_same_text "frames of vfork" chain.ref chain.out
	assert_equal main "$(tail -n 1 chain.out)" "the last frame of vfork"
	assert_chain 'execve\("/bin/true"' execve "$CHAIN" ref out
}

@test "-k: frames without a symbol, taken at entry and at exit, as strace prints them" {
	# /bin/sh's frames: a stripped program prints "FILE(+0x0)" from entry, "FILE()" from exit
	run_both -k -f -e trace=execve,wait4 -- /bin/sh -c '/bin/true; exit 3'
	compare_status
	frames_of ref 'execve\("/bin/true"' execve >frames.ref
	frames_of out 'execve\("/bin/true"' execve >frames.out
	assert_same_text "frames of execve, taken at entry" frames.ref frames.out
	frames_of ref 'wait4\(' wait4 >frames.ref
	frames_of out 'wait4\(' wait4 >frames.out
	assert_same_text "frames of wait4, taken at exit" frames.ref frames.out
	assert_contains frames.out " > "
}

# line_kinds FILE: one word per line (call, exited, frames for a run of frame lines), in order.
line_kinds() {
	perl -ne '
		$k = /^ > / ? "frames" : /\+\+\+ exited/ ? "exited" : "call";
		print "$k\n" unless $k eq "frames" && $last eq "frames";
		$last = $k;
	' "$1"
}

@test "-k: the frames of exit_group and of a thread's exit follow its +++ exited line" {
	run_both -k -e trace=exit_group -- ./exitwith exit 0
	compare_status
	line_kinds ref >kinds.ref
	line_kinds out >kinds.out
	assert_equal "call exited frames " "$(tr '\n' ' ' <kinds.ref)" "strace's order (bad test?)"
	assert_same_text "order of lines" kinds.ref kinds.out
	run_both -k -f -e trace=exit -- ./threads join
	compare_status
	line_kinds out >kinds.out
	line_kinds ref >kinds.ref
	assert_same_text "order of lines" kinds.ref kinds.out
	assert_contains kinds.out frames
}

@test "-k: a signal line is followed by the stack where the signal caught the thread" {
	run_both -k -e trace=none -- ./exitwith segv
	compare_status
	chain_of ref '^--- SIGSEGV ' SIGSEGV >chain.ref
	chain_of out '^--- SIGSEGV ' SIGSEGV >chain.out
	assert_same_text "frames of SIGSEGV" chain.ref chain.out
	assert_equal main "$(tail -n 1 chain.out)" "the frame the signal caught"
}

@test "-k: a 1000-character symbol name is printed whole" {
	run_both -k -e trace=execve -- ./stackchain long
	compare_status
	local long
	long=chain_long_$(printf 'x%.0s' {1..989})
	assert_chain 'execve\("/bin/true"' execve "execve chain_c chain_b $long chain_a main " ref out
}

@test "-k: C++ symbol names are demangled as strace demangles them" {
	# -V lists the optional features of the build, as strace's does
	"$ESTRACE" -V | grep -q '^Optional features enabled:.* stack-demangle' ||
		skip "$(tracer_name) was built without libiberty (configure --without-libiberty)"
	run_both -k -e trace=execve -- ./stackchain cxx
	compare_status
	assert_chain 'execve\("/bin/true"' execve "execve chain_c chain_b _Z_not_mangled ns::f3(int) [clone .cold] void ns::S::g<long>(long) ns::V::get() const chain_a main " ref out
}

# source_chain FILE: "SYMBOL FILE:LINE" for each frame of the helper's own chain after
# execve("/bin/true"), as -kk prints them (the directory of the source file dropped), a line each.
source_chain() {
	perl -ne '
		if ($in) {
			last unless /^ > /;
			print "$1 $2\n" if /\((chain_\w+|main)\+0x[0-9a-f]+\) \[0x[0-9a-f]+\] (?:.*\/)?([^\/ ]+:\d+)$/;
			last if /\(main\+/;
		}
		$in = 1 if /execve\("\/bin\/true"/;
	' "$1"
}

# assert_source_chain FILE: the frames of chain_c, chain_b, chain_a and main name, in this
# order, the lines of stackchain.c where each makes its call.
assert_source_chain() {
	local src=$BATS_TEST_DIRNAME/helpers/stackchain.c fn at line names=
	local -A callee=([chain_c]='execve(argv[0]' [chain_b]='chain_c();' [chain_a]='chain_b();' [main]='chain_a();')
	while read -r fn at; do
		names+="$fn "
		[[ $at == stackchain.c:* ]] || fail_msg "$fn: source $at, not in stackchain.c" || return 1
		line=$(sed -n "${at#stackchain.c:}p" "$src")
		[[ $line == *"${callee[$fn]}"* ]] ||
			fail_msg "$fn: $at is '$line', not its call of ${callee[$fn]}" || return 1
	done < <(source_chain "$1")
	assert_equal "chain_c chain_b chain_a main " "$names" "frames with a source line"
}

@test "-kk and --stack-trace=source: each frame's source file and line (newer strace, libdw)" {
	require_estrace   # strace 6.1 takes -kk as -k
	"$ESTRACE" -V | grep -q '^Optional features enabled:.* stack-trace=libdw' ||
		skip "$(tracer_name) was built without libdw (configure --without-libdw)"
	local k
	for k in -kk --stack-trace=source; do
		run_out $k -e trace=execve -- ./stackchain exec
		assert_equal 0 "$OUT_STATUS" "status"
		assert_source_chain out || fail_msg "with $k" || return 1
	done
}

@test "--stack-traces: strace 6.1's spelling of -k" {
	run_both --stack-traces -e trace=execve -- ./stackchain exec
	compare_status
	assert_chain 'execve\("/bin/true"' execve "$CHAIN" ref out
}

@test "--stack-trace=symbol and --stack-trace-frame-limit=N" {
	require_estrace
	run_out --stack-trace=symbol --stack-trace-frame-limit=2 -e trace=execve -- ./stackchain exec
	assert_equal 0 "$OUT_STATUS" "status"
	perl -ne 'if ($in) { last unless /^ > /; print } $in = 1 if /^execve\("\/bin\/true"/' out >frames
	assert_equal 2 "$(wc -l <frames)" "frames printed"
	assert_contains frames "(execve+0x"
	assert_contains frames "(chain_c+0x"
}

@test "-k: bad --stack-trace and frame-limit arguments are usage errors" {
	require_estrace
	local bad
	for bad in --stack-trace=sources --stack-trace-frame-limit=0 --stack-trace-frame-limit=x; do
		run_out --stderr "$bad" -- /bin/true
		assert_equal 1 "$OUT_STATUS" "status of $bad"
		assert_contains out.stderr "estrace: invalid --stack-trace"
		assert_contains out.stderr "Try 'estrace -h' for more information."
	done
}
