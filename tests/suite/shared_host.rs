//! A host shared by a team, with real users (see trust_support/team.rs): the setup the README
//! recommends works for two colleagues, and a user outside the group reads nothing.

use crate::trust_support;

use trust_support::team::{self, owner};

#[test]
fn the_readme_group_folder_lets_colleagues_share_a_database_and_keeps_others_out() {
    let Some(t) = team::team() else { return };
    let db = t.shared.join("kaltim.db");
    t.alice.pantau_on(&db).arg("init").assert().success();
    assert_eq!(owner(&db), t.alice.uid);
    let out = t
        .bob
        .pantau_on(&db)
        .args(["report", "--by", "region"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = t.eve.pantau_on(&db).args(["report"]).output().unwrap();
    assert!(
        !out.status.success(),
        "a user outside the group must not read the database"
    );
}
