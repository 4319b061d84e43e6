#!/usr/bin/env bats
# i386 tracees: 32-bit programs (the helpers built with gcc -m32) traced as strace traces them,
# their personality lines, their -c table, and their -k stacks (which strace 6.1, unwinding
# with libunwind, cannot take). Each test first checks that this machine can run them.

load common

setup() {
	common_setup
	require_i386
}

@test "i386: 64 -> 32 -> 64 exec chain with its personality lines" {
	run_both --stderr -e trace=execve,exit_group -- ./stackchain32 exec
	compare_all single
	assert_contains out.norm '[ Process PID=PID runs in 32 bit mode. ]'
	assert_contains out.norm '[ Process PID=PID runs in 64 bit mode. ]'
	run_both --stderr -f -e trace=execve,exit_group -- ./stackchain32 exec
	compare_all single
	run_both -f --quiet=none -e trace=execve,exit_group -- ./stackchain32 exec
	compare_all multi
	assert_contains out.norm '[ Process PID=PID runs in 64 bit mode. ]'
	# a static i386 program, with and without the filter
	run_both --stderr -e trace=execve,exit_group -- ./stackchain32-static exec
	compare_all single
	assert_contains out.norm '[ Process PID=PID runs in 32 bit mode. ]'
	run_both --stderr -f -e trace=execve,exit_group -- ./stackchain32-static fork
	compare_all stderr
}

@test "i386: -q and --quiet=personality hide the personality lines" {
	local q
	for q in -q --quiet=personality; do
		run_both --stderr "$q" -e trace=execve -- ./stackchain32 exec
		compare_all single
		! grep -n 'runs in' out || fail_msg "a personality line with $q" || return 1
	done
}

@test "i386: a 32-bit shell's children are 32-bit too: no personality line for them (-f)" {
	run_both --stderr -f -e trace=%process -- ./procs32 fork 3
	compare_all stderr
	assert_equal 1 "$(grep -c 'runs in 32 bit mode' out)" "personality lines"
}

@test "i386: fork, vfork, posix_spawn, a process tree and waitid (-f)" {
	local mode
	for mode in fork vfork vfork-exec spawn tree waitid; do
		run_both -f -e trace=%process -- ./procs32 "$mode" 5
		compare_all multi || fail_msg "procs32 $mode" || return 1
	done
	assert_contains out.norm 'waitid(P_PID, PID, {si_signo=SIGCHLD, si_code=CLD_EXITED'
}

@test "i386: execve from a non-leader thread (-f and -ff)" {
	run_both -f -e trace=%process -- ./threads32 exec
	compare_all multi
	assert_contains out.norm '+++ superseded by execve in pid PID +++'
	run_both -ff -e trace=%process -- ./threads32 exec
	compare_all ff
}

@test "i386: clone3's tls is a struct user_desc, printed field by field" {
	local x
	for x in '' -Xraw -Xverbose -v -everbose=none; do
		run_both $x -e trace=clone3 -- ./cloneargs32 tls
		compare_all single || fail_msg "with '$x'" || return 1
	done
	run_both -e trace=clone3 -- ./cloneargs32 tls
	compare_all single
	assert_contains out.norm 'tls=0xADDR}'
	assert_contains out.norm 'tls={entry_number=-1, base_addr=0xADDR, limit=0xADDR, seg_32bit=0, contents=1,'
	assert_contains out.norm 'tls={entry_number=0, base_addr=00000000, limit=00000000, seg_32bit=0,'
}

@test "i386: NULL and invalid argv and envp pointers, a failing exec" {
	local mode
	for mode in null-argv null-envp null-both bad-argv bad-envp bad-path bad-elem bad-env-elem \
		unterminated-argv unterminated-envp unterminated-string; do
		run_both -e trace=execve,exit_group -- ./execbad32 "$mode"
		compare_all single || fail_msg "execbad32 $mode" || return 1
		run_both -v -e trace=execve,exit_group -- ./execbad32 "$mode"
		compare_all single || fail_msg "execbad32 -v $mode" || return 1
	done
}

@test "i386: -c prints a table for each personality, as strace" {
	run_both -f -c -S calls -U calls,errors,name -e trace=all -- ./stackchain32 fork
	compare_status
	grep -v ' attached$' ref >ref.tables
	grep -v ' attached$' out >out.tables
	assert_contains out.tables 'System call usage summary for 32 bit mode:'
	assert_same_text "summary tables" ref.tables out.tables
}

# i386_chain FILE: the symbol names of the frames after execve("/bin/true"), up to main, less
# the innermost one in the vDSO (__kernel_vsyscall, which has no symbol in strace's lines).
i386_chain() {
	frames_after_exec "$1" | grep -v '^ > \[vdso\]' | perl -ne '
		last unless /^ > [^(]*\((.*?)\+0x[0-9a-f]+\) \[0x[0-9a-f]+\]$/;
		print "$1 ";
		last if $1 eq "main";
	'
}

frames_after_exec() {
	perl -ne 'if ($in) { last unless /^ > /; print } $in = 1 if /execve\("\/bin\/true"/' "$1"
}

@test "i386 -k: the frames of an execve name the calls that led to it, dynamic and static" {
	require_estrace   # strace 6.1 (libunwind) prints no frames for i386 tracees
	local prog
	for prog in stackchain32 stackchain32-static; do
		run_out -k -e trace=execve -- ./$prog exec
		assert_equal 0 "$OUT_STATUS" "status"
		assert_equal "execve chain_c chain_b chain_a main " "$(i386_chain out)" "$prog frames"
		if frames_after_exec out | grep -E '\?\(\)|0x[0-9a-f]{9,}\]$'; then
			fail_msg "$prog: a frame with no file, or an address wider than 32 bits" || return 1
		fi
	done
}

@test "i386 -kk: each frame's source file and line" {
	require_estrace
	run_out -kk -e trace=execve -- ./stackchain32 exec
	assert_equal 0 "$OUT_STATUS" "status"
	perl -ne 'if ($in) { last unless /^ > /; print } $in = 1 if /execve\("\/bin\/true"/' out >frames
	assert_contains frames "(chain_c+0x"
	local line
	line=$(grep -F '(chain_c+0x' frames | sed -E 's/.* ([^ ]*stackchain\.c):([0-9]+)$/\2/')
	[[ $line =~ ^[0-9]+$ ]] || fail_msg "no source line in: $(grep -F '(chain_c+0x' frames)" || return 1
	[[ $(sed -n "${line}p" "$BATS_TEST_DIRNAME/helpers/stackchain.c") == *'execve(argv[0]'* ]] ||
		fail_msg "chain_c's line $line is not its execve call" || return 1
}

@test "i386 -k -f: a child's execve, and C++ names demangled" {
	require_estrace
	run_out -k -f -e trace=execve -- ./stackchain32 vfork
	assert_equal "execve chain_c chain_b chain_a main " "$(i386_chain out)" "vfork child's frames"
	run_out -k -e trace=execve -- ./stackchain32 cxx
	assert_equal "execve chain_c chain_b _Z_not_mangled ns::f3(int) [clone .cold] void ns::S::g<long>(long) ns::V::get() const chain_a main " \
		"$(i386_chain out)" "frames"
}

@test "i386 -i: 8-digit instruction pointers, 16 again after the exec back to 64-bit code" {
	local f
	for f in '' -f; do
		run_both --stderr $f -i -e trace=execve,exit_group -- ./stackchain32 exec
		# the ips move with ASLR, and the personality line's is where each tracer first saw
		# the new code: only their widths are compared
		perl -pi -e 's{^\[([0-9a-f]{8}|[0-9a-f]{16})\] }{"[" . ("x" x length($1)) . "] "}e' ref out
		compare_all single || fail_msg "with '$f'" || return 1
	done
	assert_contains out.norm '[xxxxxxxx] [ Process PID=PID runs in 32 bit mode. ]'
	assert_contains out '[????????????????] +++ exited with 0 +++'
}
