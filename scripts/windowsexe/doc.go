// Package windowsexe holds the check of the packaged Windows executable
// (scripts/build-windows.sh): that it is a 64-bit PE32+ GUI-subsystem
// program carrying the icon, version information and manifest, with the
// version from FyneApp.toml. The check is a test that runs only when
// SUREFORM_WINDOWS_EXE names the executable, as .ci/run does after building
// it:
//
//	SUREFORM_WINDOWS_EXE=dist/学生会改革自评填报.exe go test ./scripts/windowsexe/
package windowsexe
