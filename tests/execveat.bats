#!/usr/bin/env bats
# execveat: AT_EMPTY_PATH with an fd, AT_FDCWD, a directory fd, flags with
# an unknown bit, a bad fd.

load common

check_execveat() {
	local mode=$1 want=$2
	run_both -e trace=execve,execveat,exit_group -- ./execbad "$mode"
	compare_all single
	assert_contains out.norm "$want"
	run_both -v -e trace=execveat -- ./execbad "$mode"
	compare_all single
}

@test "execveat: fd with empty path and AT_EMPTY_PATH" {
	check_execveat execveat-fd 'execveat(3, "", ["true", "x"], 0xADDR /* 2 vars */, AT_EMPTY_PATH) = 0'
}

@test "execveat: AT_FDCWD with an absolute path, flags 0" {
	check_execveat execveat-cwd 'execveat(AT_FDCWD, "/bin/true", ["true", "x"], 0xADDR /* 2 vars */, 0) = 0'
}

@test "execveat: path relative to a directory fd" {
	check_execveat execveat-dirfd 'execveat(3, "true", ["true", "x"]'
}

@test "execveat: unknown flag bit printed in hex (EINVAL)" {
	check_execveat execveat-badflags 'AT_SYMLINK_NOFOLLOW|0xADDR) = -1 EINVAL (Invalid argument)'
	# the normaliser hides hex values of 5+ digits: check the raw value
	assert_contains out ', AT_SYMLINK_NOFOLLOW|0x80000000) = -1 EINVAL'
}

@test "execveat: several known flags and an unknown one" {
	check_execveat execveat-allflags 'AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|0x4000) = -1 EINVAL (Invalid argument)'
}

@test "execveat: bad file descriptor (EBADF)" {
	check_execveat execveat-badfd 'execveat(99, "true", ["true", "x"]'
}

@test "execveat from a forked child (-f)" {
	run_both -f -e trace=execveat,exit_group -e signal=none -- /bin/sh -c './execbad execveat-fd; ./execbad execveat-badflags; exit 0'
	compare_all multi
}
