//! Shared by the tests that drive outside tools (Graphviz, man): whether the tool is there.

use std::process::{Command, Stdio};

/// Whether an outside tool the test drives is installed. In CI (`CI` set, where `.ci/run` installs
/// it) a missing tool fails the test; on a developer's machine the test is skipped with a note.
pub fn have(tool: &str, package: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{tool}` is missing in CI: .ci/run should have installed {package}"
        );
        eprintln!(
            "skipped: `{tool}` is not installed (apt-get install {package}; .ci/run does it)"
        );
    }
    found
}
