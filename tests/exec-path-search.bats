#!/usr/bin/env bats
# PATH searches: by the tracer itself (which command it runs) and by the
# traced program (failed execve attempts with ENOENT/EACCES/ENOTDIR).

load common

# Directories: noexec/ holds a non-executable "true" and "helper",
# notdir is a regular file used as a PATH entry.
make_path_dirs() {
	mkdir -p noexec bin
	printf '#!/bin/sh\nexit 0\n' >noexec/true
	chmod 644 noexec/true
	cp noexec/true noexec/missing-elsewhere
	: >notdir
}

@test "path search by the tracer: skips missing dirs and non-executable files" {
	make_path_dirs
	RUN_ENV=(PATH="/nonexistent:$T/noexec:$T/notdir:/usr/bin:/bin")
	run_both -e trace=execve -- true x
	compare_all single
	assert_contains out 'execve("/usr/bin/true", ["true", "x"], 0x'
}

@test "path search by the tracer: empty PATH entry means the current directory" {
	RUN_ENV=(PATH=":/usr/bin")
	run_both -e trace=execve,exit_group -- procs echild
	compare_all single
	assert_contains out "execve(\"$T/procs\", [\"procs\", \"echild\"]"
}

@test "path search by the tracer: a name with a slash is not searched" {
	mkdir -p sub
	ln -s "$HELPERS/exitwith" sub/exitwith
	RUN_ENV=(PATH=/nonexistent)
	run_both -e trace=execve,exit_group -- sub/exitwith exit 4
	compare_all single
	assert_equal 4 "$OUT_STATUS" "tracer exit status"
}

@test "path search in the tracee: sh 'exec' tries each PATH entry (ENOENT, EACCES, ENOTDIR)" {
	make_path_dirs
	RUN_ENV=(PATH="/nonexistent:$T/noexec:$T/notdir:/usr/bin:/bin")
	run_both -e trace=execve -- /bin/sh -c 'exec true'
	compare_all single
	assert_contains out ') = -1 ENOENT (No such file or directory)'
	assert_contains out ') = -1 EACCES (Permission denied)'
	assert_contains out ') = -1 ENOTDIR (Not a directory)'
}

@test "path search in the tracee: execvpe, every candidate fails (exit 126)" {
	make_path_dirs
	run_both -s 4096 -e trace=execve,exit_group -- ./pathexec "/nonexistent:$T/noexec:$T/notdir" true a b
	compare_all single
	assert_equal 126 "$OUT_STATUS" "tracer exit status"
}

@test "path search in the tracee: execvpe, command not found anywhere (exit 127)" {
	make_path_dirs
	run_both -s 4096 -e trace=execve,exit_group -- ./pathexec "/nonexistent:$T/noexec:/usr/bin" no-such-command
	compare_all single
	assert_equal 127 "$OUT_STATUS" "tracer exit status"
}

@test "path search in a forked child: env (glibc execvp) finds true late in PATH (-f)" {
	make_path_dirs
	RUN_ENV=(PATH="/nonexistent:$T/noexec:/usr/bin:/bin")
	run_both -f -e trace=execve,exit_group -e signal=none -- /bin/sh -c 'env true; exit 3'
	compare_all multi
	assert_equal 3 "$OUT_STATUS" "tracer exit status"
	assert_contains out.norm "execve(\"$T/noexec/true\", [\"true\"], 0xADDR /* 2 vars */) = -1 EACCES (Permission denied)"
}
