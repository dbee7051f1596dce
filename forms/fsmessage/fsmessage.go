// Package fsmessage says in Chinese why reading or writing a file failed,
// for the messages of every file sureform reads (filings, rosters, college
// workbooks, edition definitions) and writes (package atomicfile).
package fsmessage

import (
	"errors"
	"io/fs"
	"syscall"
)

// ErrIsDir and ErrLinkLoop are the errors of a path that is a folder where
// a file is wanted, and of a chain of links that does not end; callers
// that detect them themselves wrap these so the messages below name them.
var (
	ErrIsDir    = errors.New("is a directory")
	ErrLinkLoop = errors.New("too many levels of symbolic links")
)

// Read says why a file could not be read: 文件不存在, 没有读取权限 ….
func Read(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	return common(err)
}

// Write says why a file could not be written: the folder is missing, no
// permission, the disk is full or read-only ….
func Write(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		return "磁盘或文件夹是只读的"
	}
	return common(err)
}

// common words the failures reading and writing share, and otherwise the
// system's own reason, marked as such; an error that is not the system's
// (a writer's own message) is returned as it is.
func common(err error) string {
	switch {
	case errors.Is(err, ErrIsDir), errors.Is(err, syscall.EISDIR):
		return "这是一个文件夹，不是文件"
	case errors.Is(err, ErrLinkLoop), errors.Is(err, syscall.ELOOP):
		return "符号链接层数过多（可能是循环链接）"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名太长，请换一个短一些的文件名"
	}
	var pe *fs.PathError
	var errno syscall.Errno
	switch {
	case errors.As(err, &pe):
		return "系统错误（" + pe.Err.Error() + "）"
	case errors.As(err, &errno):
		return "系统错误（" + errno.Error() + "）"
	}
	return err.Error()
}
