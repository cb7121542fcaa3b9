//! What the Debian package ships besides the binary is made by the binary: shell completions and
//! manual pages from the command-line definition (scripts/build-deb, scripts/test-deb).

use assert_cmd::Command;

use crate::sealed;

fn pantau() -> Command {
    sealed::pantau(&sealed::scratch_home())
}

fn stdout(args: &[&str]) -> String {
    let out = pantau().args(args).output().expect("it runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn each_shell_gets_a_completion_script_that_knows_every_subcommand_and_flag() {
    let bash = stdout(&["completions", "bash"]);
    assert!(bash.contains("complete -F _pantau"), "{}", &bash[..200]);
    let zsh = stdout(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef pantau"));
    let fish = stdout(&["completions", "fish"]);
    assert!(fish.contains("complete -c pantau"));
    for script in [&bash, &zsh, &fish] {
        for word in ["import", "backup", "skip-invalid", "read-only", "as-of"] {
            assert!(script.contains(word), "{word} missing");
        }
    }
    let out = pantau().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn manual_pages_exist_for_pantau_and_each_subcommand() {
    let main = stdout(&["man"]);
    assert!(main.contains(".TH pantau 1"), "{}", &main[..200]);
    let list = stdout(&["man", "--list"]);
    let subs: Vec<&str> = list.lines().collect();
    assert!(
        subs.contains(&"import") && subs.contains(&"doctor"),
        "{subs:?}"
    );
    assert!(
        !subs.contains(&"man") && !subs.contains(&"help"),
        "{subs:?}"
    );
    for sub in subs {
        let page = stdout(&["man", sub]);
        assert!(
            page.contains(&format!(".TH pantau\\-{sub} 1"))
                || page.contains(&format!(".TH pantau-{sub} 1")),
            "{sub}: {}",
            &page[..200]
        );
    }
    let out = pantau().args(["man", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there are: init"));
}
