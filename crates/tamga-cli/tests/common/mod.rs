//! Shared by the CLI integration tests: running the real `tamga` binary.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the binary with exactly these arguments, `stdin` fed to it if given
/// (an empty, closed stdin otherwise), and waits for it.
pub fn run_tamga(
    args: impl IntoIterator<Item = impl AsRef<OsStr>>,
    stdin: Option<&[u8]>,
) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tamga"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tamga runs");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(bytes) = stdin {
        input.write_all(bytes).expect("write stdin");
    }
    drop(input);
    child.wait_with_output().expect("tamga finishes")
}
