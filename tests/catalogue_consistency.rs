//! Consistency of the built-in product-management catalogue (issue #14): content rules that the
//! schema cannot state, checked on `data/ladder.yaml` read as plain data, each shown failing on a
//! broken copy; and the real binary's `check --strict` on the built-in catalogue.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use assert_cmd::Command;
use serde_json::{Value, json};

/// Role ids the tests, the README and the design card use.
const REQUIRED_IDS: [&str; 25] = [
    "associate-pm",
    "product-manager",
    "technical-pm",
    "product-owner",
    "senior-pm",
    "lead-pm",
    "principal-pm",
    "senior-principal-pm",
    "group-pm",
    "director-pm",
    "senior-director-pm",
    "head-of-product",
    "head-of-product-ops",
    "vp-product",
    "svp-product",
    "cpo",
    "ceo",
    "director-ux",
    "head-of-product-analytics",
    "director-product-marketing",
    "software-engineer",
    "designer",
    "data-analyst",
    "consultant",
    "product-marketing-manager",
];

const SIZES: [&str; 3] = ["startup", "scaleup", "enterprise"];

/// The built-in catalogue, read as data (the same YAML the binary embeds).
fn data() -> Value {
    let text = std::fs::read_to_string("data/ladder.yaml").expect("data/ladder.yaml is readable");
    serde_saphyr::from_str(&text).expect("data/ladder.yaml is YAML")
}

fn roles(c: &Value) -> Vec<&Value> {
    c["roles"]
        .as_array()
        .map(|r| r.iter().collect())
        .unwrap_or_default()
}

fn by_id(c: &Value) -> BTreeMap<&str, &Value> {
    roles(c)
        .into_iter()
        .filter_map(|r| Some((r["id"].as_str()?, r)))
        .collect()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn id(role: &Value) -> &str {
    role["id"].as_str().unwrap_or("?")
}

fn role_mut<'a>(c: &'a mut Value, wanted: &str) -> &'a mut Value {
    c["roles"]
        .as_array_mut()
        .and_then(|r| r.iter_mut().find(|r| r["id"] == wanted))
        .unwrap_or_else(|| panic!("no role {wanted}"))
}

/// Everything a role says in words: summary, responsibilities and expectation texts.
fn card_text(role: &Value) -> String {
    let mut text = role["summary"].as_str().unwrap_or("").to_owned();
    for line in strs(&role["responsibilities"]) {
        text.push('\n');
        text.push_str(line);
    }
    for e in role["expectations"].as_array().into_iter().flatten() {
        text.push('\n');
        text.push_str(e["text"].as_str().unwrap_or(""));
    }
    text
}

fn assert_clean(rule: fn(&Value) -> Vec<String>) {
    let problems = rule(&data());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn assert_breaks(rule: fn(&Value) -> Vec<String>, break_it: impl FnOnce(&mut Value)) {
    let mut copy = data();
    break_it(&mut copy);
    assert!(!rule(&copy).is_empty(), "the rule accepts a broken copy");
}

// ---- the rules ----

/// At least 20 roles, every required id present, each described and citing a source.
fn rule_every_role_is_present_and_described(c: &Value) -> Vec<String> {
    let ids = by_id(c);
    let mut problems: Vec<String> = REQUIRED_IDS
        .iter()
        .filter(|id| !ids.contains_key(*id))
        .map(|id| format!("role `{id}` missing"))
        .collect();
    if ids.len() < 20 {
        problems.push(format!("only {} roles", ids.len()));
    }
    for role in roles(c) {
        if role["summary"].as_str().is_none_or(|s| s.trim().is_empty()) {
            problems.push(format!("{}: no summary", id(role)));
        }
        if strs(&role["responsibilities"]).len() < 2 {
            problems.push(format!("{}: fewer than two responsibilities", id(role)));
        }
        if role["expectations"].as_array().is_none_or(Vec::is_empty) && role["includes"].is_null() {
            problems.push(format!("{}: no expectations", id(role)));
        }
        if strs(&role["sources"]).is_empty() {
            problems.push(format!("{}: cites no source", id(role)));
        }
    }
    problems
}

/// Every time figure is of a known kind, sourced and/or estimated (a note when both), cites
/// known sources that the role also lists, and gives the sources' words in a note when it cites
/// more than one (so disagreements are shown) or is an estimate (so its basis is shown).
fn rule_every_figure_says_its_kind_and_source(c: &Value) -> Vec<String> {
    let known: BTreeSet<&str> = c["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str())
        .collect();
    let mut problems = Vec::new();
    for role in roles(c) {
        let Some(time) = role["time"].as_object() else {
            continue;
        };
        let cited: BTreeSet<&str> = strs(&role["sources"]).into_iter().collect();
        for (kind, figure) in time {
            let at = format!("{}: time.{kind}", id(role));
            if kind != "in_role" && kind != "experience" {
                problems.push(format!("{at}: unknown kind"));
            }
            let sources = strs(&figure["sources"]);
            let estimate = figure["estimate"] == true;
            let note = figure["note"]
                .as_str()
                .is_some_and(|n| !n.trim().is_empty());
            if sources.is_empty() && !estimate {
                problems.push(format!("{at}: neither sourced nor an estimate"));
            }
            if (sources.len() > 1 || estimate) && !note {
                problems.push(format!(
                    "{at}: no note giving the sources' words or the basis"
                ));
            }
            for source in sources {
                if !known.contains(source) {
                    problems.push(format!("{at}: unknown source `{source}`"));
                }
                if !cited.contains(source) {
                    problems.push(format!("{at}: `{source}` is not in the role's sources"));
                }
            }
            let min = figure["min"].as_f64();
            let max = figure["max"].as_f64();
            if min.is_none_or(|m| !(0.0..=50.0).contains(&m)) || max.is_some_and(|m| Some(m) < min)
            {
                problems.push(format!("{at}: min {min:?}, max {max:?}"));
            }
        }
    }
    problems
}

/// The roles a role reports to, directly or through others.
fn managers_above<'a>(ids: &BTreeMap<&'a str, &'a Value>, start: &str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<&str> = ids
        .get(start)
        .map(|r| strs(&r["reports_to"]))
        .unwrap_or_default()
        .into();
    while let Some(at) = queue.pop_front() {
        if seen.insert(at)
            && let Some(role) = ids.get(at)
        {
            queue.extend(strs(&role["reports_to"]));
        }
    }
    seen
}

/// No role is called, at some company size, what a role above it is called at that size (the
/// head of product once "reported to" a VP of Product at an enterprise).
fn rule_no_title_by_size_is_circular(c: &Value) -> Vec<String> {
    let ids = by_id(c);
    let title_at = |role: &Value, size: &str| -> String {
        role["titles_by_company_size"][size]
            .as_str()
            .or(role["title"].as_str())
            .unwrap_or("")
            .to_lowercase()
    };
    let mut problems = Vec::new();
    for role in roles(c) {
        for above in managers_above(&ids, id(role)) {
            for size in SIZES {
                let (mine, theirs) = (title_at(role, size), title_at(ids[above], size));
                if mine == theirs {
                    problems.push(format!(
                        "{} and {above} are both `{mine}` at {size}",
                        id(role)
                    ));
                }
            }
        }
    }
    problems
}

/// Reporting lines run to people managers: a manager is on a `manages: true` track, or says in
/// its card that it line-manages (informal leadership is not a reporting line).
fn rule_reporting_lines_run_to_managers(c: &Value) -> Vec<String> {
    let managing: BTreeSet<&str> = c["tracks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["manages"] == true)
        .filter_map(|t| t["id"].as_str())
        .collect();
    let ids = by_id(c);
    let mut problems = Vec::new();
    for role in roles(c) {
        for manager in strs(&role["reports_to"]) {
            let Some(m) = ids.get(manager) else {
                problems.push(format!("{}: reports to unknown `{manager}`", id(role)));
                continue;
            };
            let on_managing_track = m["track"].as_str().is_some_and(|t| managing.contains(t));
            if !on_managing_track && !card_text(m).to_lowercase().contains("line-manage") {
                problems.push(format!(
                    "{} reports to {manager}, whose card says nothing of line-managing",
                    id(role)
                ));
            }
        }
    }
    problems
}

/// Where each role can go, through moves.
fn reachable_from(c: &Value, start: &str) -> BTreeSet<String> {
    let ids = by_id(c);
    let mut seen = BTreeSet::from([start.to_owned()]);
    let mut queue = VecDeque::from([start.to_owned()]);
    while let Some(at) = queue.pop_front() {
        let moves = ids.get(at.as_str()).map(|r| &r["moves"]);
        for m in moves.and_then(Value::as_array).into_iter().flatten() {
            if let Some(to) = m["to"].as_str()
                && seen.insert(to.to_owned())
            {
                queue.push_back(to.to_owned());
            }
        }
    }
    seen
}

/// Engineers, designers, analysts, consultants and product marketers have a sourced move into
/// APM or PM; design and product-marketing leaders reach the CPO; the IC and management tracks
/// are joined both ways; every role but the entry roles is reached from one.
fn rule_the_routes_people_ask_about_exist(c: &Value) -> Vec<String> {
    let ids = by_id(c);
    let mut problems = Vec::new();
    for entry in [
        "software-engineer",
        "designer",
        "data-analyst",
        "consultant",
        "product-marketing-manager",
    ] {
        let sourced_in = ids
            .get(entry)
            .and_then(|r| r["moves"].as_array())
            .is_some_and(|moves| {
                moves.iter().any(|m| {
                    (m["to"] == "associate-pm" || m["to"] == "product-manager")
                        && m["source"].is_string()
                })
            });
        if !sourced_in {
            problems.push(format!("{entry}: no sourced move into APM or PM"));
        }
    }
    for leader in ["director-ux", "director-product-marketing"] {
        if !reachable_from(c, leader).contains("cpo") {
            problems.push(format!("{leader}: no route to the CPO"));
        }
    }
    let track = |rid: &str| ids.get(rid).and_then(|r| r["track"].as_str()).unwrap_or("");
    let mut switches = BTreeSet::new();
    for role in roles(c) {
        for m in role["moves"].as_array().into_iter().flatten() {
            switches.insert((track(id(role)), track(m["to"].as_str().unwrap_or(""))));
        }
    }
    for way in [("ic", "management"), ("management", "ic")] {
        if !switches.contains(&way) {
            problems.push(format!(
                "no move from the {} track to the {} track",
                way.0, way.1
            ));
        }
    }
    let mut reached = BTreeSet::new();
    for role in roles(c).into_iter().filter(|r| r["entry"] == true) {
        reached.extend(reachable_from(c, id(role)));
    }
    for role in roles(c) {
        if !reached.contains(id(role)) {
            problems.push(format!("{}: no entry role leads to it", id(role)));
        }
    }
    problems
}

/// Head of product's two meanings, as two roles that point to each other: the top job of a
/// small company (reports to the CEO), and the rung between director and VP at a larger one
/// (ranked between them, reporting to a VP); so that no route joins the two meanings.
fn rule_head_of_product_shows_both_meanings(c: &Value) -> Vec<String> {
    let ids = by_id(c);
    let rank = |rid: &str| -> Option<f64> {
        let level = ids.get(rid)?["level"].as_str()?;
        c["levels"].as_array()?.iter().find(|l| l["id"] == level)?["rank"].as_f64()
    };
    let mut problems = Vec::new();
    let (Some(top), Some(rung)) = (ids.get("head-of-product"), ids.get("head-of-product-rung"))
    else {
        return vec!["no head-of-product and head-of-product-rung".into()];
    };
    if !strs(&top["reports_to"]).contains(&"ceo") {
        problems.push("head-of-product (the top job) does not report to the CEO".into());
    }
    if !strs(&rung["reports_to"]).contains(&"vp-product") {
        problems.push("head-of-product-rung does not report to a VP".into());
    }
    if !(rank("director-pm") < rank("head-of-product-rung")
        && rank("head-of-product-rung") < rank("vp-product"))
    {
        problems.push("head-of-product-rung is not ranked between director and VP".into());
    }
    for (id, card, words, other) in [
        (
            "head-of-product",
            top,
            "top product job",
            "head-of-product-rung",
        ),
        (
            "head-of-product-rung",
            rung,
            "between director and vp",
            "head-of-product",
        ),
    ] {
        let text = card_text(card).to_lowercase();
        if !text.contains(words) {
            problems.push(format!("{id}'s card never says `{words}`"));
        }
        if !text.contains(other) {
            problems.push(format!("{id}'s card does not point to {other}"));
        }
    }
    if !strs(&top["aliases"]).contains(&"Head") {
        problems.push("`head` no longer names the head of product (`compare vp head`)".into());
    }
    problems
}

/// Leaders' cards say what their sources say about pricing and OKRs (so `search` finds them).
fn rule_leaders_cards_cover_pricing_and_goals(c: &Value) -> Vec<String> {
    let ids = by_id(c);
    let mut problems = Vec::new();
    for (rid, word) in [
        ("director-pm", "pricing"),
        ("senior-director-pm", "pricing"),
        ("senior-director-pm", "okr"),
        ("head-of-product-ops", "okr"),
        ("vp-product", "commercial"),
        ("cpo", "pricing"),
    ] {
        if !ids
            .get(rid)
            .is_some_and(|r| card_text(r).to_lowercase().contains(word))
        {
            problems.push(format!("{rid}: the card never mentions `{word}`"));
        }
    }
    problems
}

/// Every source is cited by a role, a figure or a move, and says where to find it.
fn rule_every_source_is_cited_and_findable(c: &Value) -> Vec<String> {
    let mut cited = BTreeSet::new();
    for role in roles(c) {
        cited.extend(strs(&role["sources"]));
        for figure in role["time"]
            .as_object()
            .into_iter()
            .flat_map(|t| t.values())
        {
            cited.extend(strs(&figure["sources"]));
        }
        for m in role["moves"].as_array().into_iter().flatten() {
            cited.extend(m["source"].as_str());
        }
    }
    let mut problems = Vec::new();
    for source in c["sources"].as_array().into_iter().flatten() {
        let sid = source["id"].as_str().unwrap_or("?");
        if !cited.contains(sid) {
            problems.push(format!("{sid}: cited by nothing"));
        }
        if source["url"].is_null() && source["publisher"].is_null() {
            problems.push(format!("{sid}: neither a url nor a publisher"));
        }
        if let Some(url) = source["url"].as_str()
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            problems.push(format!("{sid}: `{url}` is not a web address"));
        }
    }
    problems
}

// ---- the built-in catalogue passes every rule ----

#[test]
fn the_built_in_catalogue_holds_every_role_described() {
    assert_clean(rule_every_role_is_present_and_described);
}

#[test]
fn every_time_figure_says_its_kind_and_its_sources() {
    assert_clean(rule_every_figure_says_its_kind_and_source);
}

#[test]
fn no_title_by_company_size_is_circular() {
    assert_clean(rule_no_title_by_size_is_circular);
}

#[test]
fn reporting_lines_run_to_people_managers() {
    assert_clean(rule_reporting_lines_run_to_managers);
}

#[test]
fn the_routes_people_ask_about_exist() {
    assert_clean(rule_the_routes_people_ask_about_exist);
}

#[test]
fn head_of_product_shows_both_of_its_meanings() {
    assert_clean(rule_head_of_product_shows_both_meanings);
}

#[test]
fn leaders_cards_cover_pricing_and_goals() {
    assert_clean(rule_leaders_cards_cover_pricing_and_goals);
}

#[test]
fn every_source_is_cited_and_findable() {
    assert_clean(rule_every_source_is_cited_and_findable);
}

#[test]
fn ladder_check_accepts_the_built_in_catalogue_without_a_warning() {
    Command::cargo_bin("ladder")
        .expect("the binary is built")
        .env_remove("LADDER_CATALOGUE")
        .args(["check", "data/ladder.yaml"])
        .assert()
        .success()
        .stderr("");
}

// ---- and each rule rejects a broken copy ----

#[test]
fn a_missing_role_or_an_undescribed_one_is_caught() {
    assert_breaks(rule_every_role_is_present_and_described, |c| {
        if let Some(roles) = c["roles"].as_array_mut() {
            roles.retain(|r| r["id"] != "technical-pm");
        }
    });
    assert_breaks(rule_every_role_is_present_and_described, |c| {
        role_mut(c, "cpo")["sources"] = json!([]);
    });
}

#[test]
fn a_figure_without_kind_source_or_note_is_caught() {
    assert_breaks(rule_every_figure_says_its_kind_and_source, |c| {
        let time = &mut role_mut(c, "senior-pm")["time"];
        time["tenure"] = time["in_role"].clone();
    });
    assert_breaks(rule_every_figure_says_its_kind_and_source, |c| {
        role_mut(c, "group-pm")["time"]["in_role"]["sources"] = json!([]);
    });
    assert_breaks(rule_every_figure_says_its_kind_and_source, |c| {
        role_mut(c, "senior-pm")["time"]["experience"]["note"] = Value::Null;
    });
    assert_breaks(rule_every_figure_says_its_kind_and_source, |c| {
        role_mut(c, "cpo")["time"]["experience"]["sources"] = json!(["planes-2023"]);
        role_mut(c, "cpo")["sources"] = json!(["gitlab-cpo"]);
    });
}

#[test]
fn a_circular_title_is_caught() {
    assert_breaks(rule_no_title_by_size_is_circular, |c| {
        role_mut(c, "head-of-product-rung")["titles_by_company_size"]["enterprise"] =
            json!("VP of Product Management");
    });
}

#[test]
fn a_reporting_line_to_an_informal_leader_is_caught() {
    assert_breaks(rule_reporting_lines_run_to_managers, |c| {
        role_mut(c, "product-manager")["reports_to"] = json!(["principal-pm"]);
    });
}

#[test]
fn a_missing_route_is_caught() {
    assert_breaks(rule_the_routes_people_ask_about_exist, |c| {
        role_mut(c, "designer")["moves"] = json!([]);
    });
    assert_breaks(rule_the_routes_people_ask_about_exist, |c| {
        role_mut(c, "director-ux")["moves"] = json!([]);
    });
    assert_breaks(rule_the_routes_people_ask_about_exist, |c| {
        role_mut(c, "group-pm")["moves"] = json!([{"to": "director-pm"}]);
    });
}

#[test]
fn a_head_of_product_with_one_meaning_is_caught() {
    assert_breaks(rule_head_of_product_shows_both_meanings, |c| {
        role_mut(c, "head-of-product")["reports_to"] = json!(["vp-product"]);
    });
    assert_breaks(rule_head_of_product_shows_both_meanings, |c| {
        role_mut(c, "head-of-product-rung")["level"] = json!("vp");
    });
    assert_breaks(rule_head_of_product_shows_both_meanings, |c| {
        role_mut(c, "head-of-product-rung")["summary"] = json!("A rung between director and VP.");
    });
}

#[test]
fn a_leader_silent_on_pricing_is_caught() {
    assert_breaks(rule_leaders_cards_cover_pricing_and_goals, |c| {
        let cpo = role_mut(c, "cpo");
        cpo["summary"] = json!("Runs product.");
        cpo["responsibilities"] = json!([]);
        cpo["expectations"] = json!([]);
    });
}

#[test]
fn an_uncited_or_unfindable_source_is_caught() {
    assert_breaks(rule_every_source_is_cited_and_findable, |c| {
        if let Some(sources) = c["sources"].as_array_mut() {
            sources.push(json!({"id": "orphan", "title": "Nobody cites me", "publisher": "X"}));
        }
    });
    assert_breaks(rule_every_source_is_cited_and_findable, |c| {
        c["sources"][0]["url"] = json!("ftp://example.com");
    });
}
