#!/usr/bin/env bats
# -e trace=%CLASS: each class shows the same syscalls as strace's. tests/helpers/allcalls calls every
# x86_64 syscall number once (each fails with ENOSYS before it runs); -e raw=all prints them all the
# same way, so the traces differ only if a class has different members.

load common

# compare_class SPEC: the trace of allcalls under -e trace=SPEC, compared with strace's.
compare_class() {
	run_both -e raw=all -e trace="$1" -- ./allcalls
	compare_all single || fail_msg "class $1"
}

@test "%file %process %network %net %signal %ipc %desc %memory" {
	for c in %file %process %network %net %signal %ipc %desc %memory; do
		compare_class "$c"
	done
}

@test "%creds %clock %pure" {
	for c in %creds %clock %pure; do
		compare_class "$c"
	done
}

@test "%stat %lstat %fstat %%stat %statfs %fstatfs %%statfs" {
	for c in %stat %lstat %fstat %%stat %statfs %fstatfs %%statfs; do
		compare_class "$c"
	done
}

@test "classes without %: file process network signal ipc desc memory" {
	for c in file process network signal ipc desc memory; do
		compare_class "$c"
	done
}

@test "!%desc and a union of classes and names" {
	compare_class '!%desc,set_tid_address'   # its tid would differ
	compare_class '%ipc,%clock,getpid,?nosuchcall'
}
