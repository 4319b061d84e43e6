#!/usr/bin/env bats
# execve with NULL and invalid pointers: NULL argv/envp, unmapped arrays,
# an unreadable element, arrays and strings that run into an unmapped page.
# The helper (execbad) places the pointers; exact single-process comparison
# with and without -v.

load common

# check_mode MODE [expected substring]: compare with and without -v.
check_mode() {
	local mode=$1 want=${2-}
	run_both -e trace=execve,exit_group -- ./execbad "$mode"
	compare_all single
	[[ -z $want ]] || assert_contains out.norm "$want"
	run_both -v -e trace=execve,exit_group -- ./execbad "$mode"
	compare_all single
}

@test "execve: NULL argv" {
	check_mode null-argv 'execve("/bin/true", NULL, 0xADDR /* 2 vars */) = 0'
}

@test "execve: NULL envp" {
	check_mode null-envp 'execve("/bin/true", ["true", "x"], NULL) = 0'
}

@test "execve: NULL argv and envp" {
	check_mode null-both 'execve("/bin/true", NULL, NULL)'
}

@test "execve: empty argv and envp arrays" {
	check_mode empty-argv 'execve("/bin/true", [], 0xADDR /* 0 vars */)'
}

@test "execve: argv pointer to an unmapped page (EFAULT)" {
	check_mode bad-argv 'execve("/bin/true", 0xADDR, 0xADDR /* 2 vars */) = -1 EFAULT (Bad address)'
	assert_equal 14 "$OUT_STATUS" "tracer exit status"
}

@test "execve: envp pointer to an unmapped page (EFAULT)" {
	check_mode bad-envp 'execve("/bin/true", ["true", "x"], 0xADDR) = -1 EFAULT (Bad address)'
}

@test "execve: pathname pointer to an unmapped page (EFAULT)" {
	check_mode bad-path 'execve(0xADDR, ["true", "x"], 0xADDR /* 2 vars */) = -1 EFAULT (Bad address)'
}

@test "execve: unreadable argv element is printed as its address" {
	check_mode bad-elem '["true", 0xADDR, "after"]'
}

@test "execve: unreadable envp element (count without -v, address with -v)" {
	check_mode bad-env-elem '0xADDR /* 3 vars */'
	assert_contains out.norm '["A=1", 0xADDR, "C=3"]'
}

@test "execve: argv array not terminated before an unmapped page" {
	check_mode unterminated-argv '["true", "one", "two", ... /* 0xADDR */]'
}

@test "execve: envp array not terminated before an unmapped page" {
	check_mode unterminated-envp '0xADDR /* 2 vars, unterminated */'
	assert_contains out.norm '["A=1", "B=2", ... /* 0xADDR */]'
}

@test "execve: argv string not terminated before an unmapped page" {
	check_mode unterminated-string '["true", 0xADDR]'
}

@test "execve: pathname not terminated before an unmapped page" {
	check_mode unterminated-path 'execve(0xADDR, ["true", "x"]'
}

@test "execve: bad pointers in a forked child (-f)" {
	run_both -f -s 64 -e trace=execve,exit_group -e signal=none -- /bin/sh -c './execbad bad-elem; ./execbad unterminated-argv; exit 0'
	compare_all multi
}

@test "execve: 1100 strings across pages with a bad pointer among them (batched reads)" {
	run_both -s 10000 -e trace=execve,exit_group -- ./execbad batch-layout
	compare_all single
	assert_contains out.norm '"last!", "LLLLLLLLLL'
}

@test "execve: 190 KB of strings end to end with an unmapped page among them" {
	run_both -s 2000 -e trace=execve,exit_group -- ./execbad span-hole
	compare_all single
	# strings before and after the hole in full, those in it as addresses
	assert_contains out.norm '"aaaaaaaaaa'
	assert_contains out.norm '"hhhhhhhhhh'
	assert_contains out.norm ', 0xADDR, '
}
