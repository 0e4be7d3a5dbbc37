//! Synthetic catalogues of any size, seeded and deterministic, for benchmarks and load tests.
//!
//! Shared by `examples/gen.rs` (the command-line generator) and `benches/catalogue.rs` (which
//! generates in process), so that both measure the same shape. It is not part of the library.
//!
//! The shape follows real ladders: a handful of tracks, levels 1 to 10 with fewer roles higher
//! up, 5-8 responsibilities and 3-6 skills a role, 1-3 promotions (`next`, strictly higher level)
//! for every role below the top, a lateral move at the same level for about one role in four,
//! one reporting line to a higher level (so never a cycle), unique aliases, tenure that cites a
//! source or is marked an estimate, and titles by company size. Every catalogue it writes is
//! valid.

use std::fmt::Write as _;

/// The top level of a generated ladder.
pub const TOP_LEVEL: u32 = 10;

/// A small, fast, seedable generator (splitmix64): enough for test data, not for secrets.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// One generated role, with references as indexes into [`Synthetic::roles`].
pub struct Role {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub track: usize,
    pub level: u32,
    pub summary: String,
    pub responsibilities: Vec<String>,
    pub skills: Vec<String>,
    pub reports_to: Option<usize>,
    /// Tenure in tenths of a year.
    pub tenure: (u32, u32),
    /// A source index, or `None` for an estimate.
    pub tenure_source: Option<usize>,
    pub next: Vec<usize>,
    pub lateral: Vec<usize>,
    /// People join the role from outside the ladder: it is on level 1, or no move leads to it.
    pub entry: bool,
    /// Titles at a startup, a scale-up and an enterprise, for about half the roles.
    pub titles: Option<[String; 3]>,
    pub sources: Vec<usize>,
}

/// A generated catalogue, and a pair of roles with a route between them.
pub struct Synthetic {
    pub tracks: Vec<(&'static str, &'static str, &'static str)>,
    pub sources: Vec<(String, String)>,
    pub roles: Vec<Role>,
    /// A level-1 role and a top-level role it can reach: a `ladder path` worth timing.
    pub route: (usize, usize),
}

/// (id, name, the person noun of its roles, the function noun of its leaders)
const TRACKS: &[(&str, &str, &str)] = &[
    ("product", "Product management", "Product Manager"),
    ("engineering", "Software engineering", "Software Engineer"),
    ("design", "Product design", "Product Designer"),
    ("data", "Data science", "Data Scientist"),
    ("platform", "Platform engineering", "Platform Engineer"),
    ("security", "Security", "Security Engineer"),
    ("research", "User research", "User Researcher"),
    ("marketing", "Product marketing", "Product Marketer"),
    ("sales", "Sales engineering", "Sales Engineer"),
    ("support", "Customer support", "Support Specialist"),
    ("operations", "Operations", "Operations Analyst"),
    ("finance", "Finance", "Financial Analyst"),
];

const FUNCTIONS: &[&str] = &[
    "Product",
    "Engineering",
    "Design",
    "Data",
    "Platform",
    "Security",
    "Research",
    "Marketing",
    "Sales Engineering",
    "Support",
    "Operations",
    "Finance",
];

/// How the title of each level starts (index 0 is level 1).
const SENIORITY: &[&str] = &[
    "Associate",
    "",
    "Senior",
    "Staff",
    "Principal",
    "Lead",
    "Head of",
    "Director of",
    "VP of",
    "Chief",
];

const VERBS: &[&str] = &[
    "Owns",
    "Plans",
    "Leads",
    "Reviews",
    "Improves",
    "Measures",
    "Shapes",
    "Coordinates",
    "Documents",
    "Prioritises",
    "Delivers",
    "Mentors people on",
];

const OBJECTS: &[&str] = &[
    "the quarterly roadmap",
    "customer interviews",
    "release planning",
    "the team backlog",
    "incident reviews",
    "hiring loops",
    "the budget",
    "service level objectives",
    "design critiques",
    "onboarding material",
    "pricing experiments",
    "the technical strategy",
    "partner integrations",
    "the research agenda",
];

const SCOPES: &[&str] = &[
    "for one feature area",
    "across two or three teams",
    "for a product line",
    "across the whole function",
    "with engineering and design",
    "with sales and support",
    "for the company",
];

const SKILLS: &[&str] = &[
    "prioritisation",
    "written communication",
    "data analysis",
    "stakeholder management",
    "roadmapping",
    "user research",
    "system design",
    "coaching",
    "hiring",
    "budgeting",
    "negotiation",
    "experimentation",
    "incident response",
    "public speaking",
    "strategy",
    "facilitation",
];

/// Generates a catalogue of `count` roles from `seed`.
pub fn generate(count: usize, seed: u64) -> Synthetic {
    let mut rng = Rng::new(seed);
    let track_count = (3 + count / 2_000).min(TRACKS.len());
    let tracks: Vec<_> = TRACKS.iter().take(track_count).copied().collect();
    let source_count = (5 + count / 500).min(200);
    let sources: Vec<(String, String)> = (0..source_count)
        .map(|i| {
            (
                format!("survey-{}", i + 1),
                format!("Career survey number {}", i + 1),
            )
        })
        .collect();

    // Roles per level: a pyramid, weights 10 down to 1, and every level used once there are ten.
    let levels = TOP_LEVEL.min(count as u32).max(1);
    let weights: Vec<usize> = (1..=levels).map(|l| (levels - l + 1) as usize).collect();
    let total: usize = weights.iter().sum();
    let mut per_level: Vec<usize> = weights.iter().map(|w| (count * w / total).max(1)).collect();
    let assigned: usize = per_level.iter().sum();
    if assigned < count {
        per_level[0] += count - assigned;
    } else {
        let mut extra = assigned - count;
        for slot in per_level.iter_mut() {
            let take = extra.min(slot.saturating_sub(1));
            *slot -= take;
            extra -= take;
        }
    }
    // Roles are laid out level by level; `first[l]` is the index of the first role at level l+1.
    let mut first = Vec::with_capacity(per_level.len() + 1);
    let mut at = 0;
    for &n in &per_level {
        first.push(at);
        at += n;
    }
    first.push(at);
    let level_range = |level: u32| first[level as usize - 1]..first[level as usize];

    let mut roles = Vec::with_capacity(count);
    for (level_ix, &n) in per_level.iter().enumerate() {
        let level = level_ix as u32 + 1;
        for _ in 0..n {
            let number = roles.len() + 1;
            let track = rng.below(tracks.len());
            let (_, _, person) = tracks[track];
            let function = FUNCTIONS[track];
            let seniority = SENIORITY[level_ix];
            let base = match level {
                1..=6 if seniority.is_empty() => person.to_owned(),
                1..=6 => format!("{seniority} {person}"),
                10 => format!("Chief {function} Officer"),
                _ => format!("{seniority} {function}"),
            };
            let title = format!("{base} {number}");
            let initials: String = base
                .split(' ')
                .filter_map(|w| w.chars().next())
                .filter(char::is_ascii_uppercase)
                .collect();
            let mut aliases = vec![format!("{initials} {number}")];
            if rng.chance(40) {
                aliases.push(format!("{base} number {number}"));
            }
            let responsibilities = (0..rng.between(5, 8))
                .map(|_| {
                    let verb = rng.pick(VERBS);
                    let object = rng.pick(OBJECTS);
                    if rng.chance(30) {
                        format!("{verb} {object} {}.", rng.pick(SCOPES))
                    } else {
                        format!("{verb} {object}.")
                    }
                })
                .collect();
            let mut skills: Vec<String> = Vec::new();
            let wanted = rng.between(3, 6);
            while skills.len() < wanted {
                let skill = (*rng.pick(SKILLS)).to_owned();
                if !skills.contains(&skill) {
                    skills.push(skill);
                }
            }
            let min = rng.between(5, 30) as u32;
            let max = min + rng.between(5, 30) as u32;
            let tenure_source = rng.chance(60).then(|| rng.below(sources.len()));
            let role_sources = (0..rng.between(1, 3))
                .map(|_| rng.below(sources.len()))
                .fold(Vec::new(), |mut list, s| {
                    if !list.contains(&s) {
                        list.push(s);
                    }
                    list
                });
            roles.push(Role {
                id: kebab(&title),
                summary: format!(
                    "{} {} {}.",
                    rng.pick(VERBS),
                    rng.pick(OBJECTS),
                    rng.pick(SCOPES)
                ),
                title,
                aliases,
                track,
                level,
                responsibilities,
                skills,
                reports_to: None,
                tenure: (min, max),
                tenure_source,
                next: Vec::new(),
                lateral: Vec::new(),
                entry: level == 1,
                titles: rng.chance(50).then(|| {
                    [
                        format!("{base} (startup)"),
                        format!("{base} (scale-up)"),
                        format!("{base} (enterprise)"),
                    ]
                }),
                sources: role_sources,
            });
        }
    }

    // Edges: promotions and reporting lines go up, lateral moves stay level. The first promotion
    // and the manager stay on the role's own track when a few tries find one there, as in real
    // ladders; the other moves go anywhere.
    let track_of: Vec<usize> = roles.iter().map(|role| role.track).collect();
    let on_track = |rng: &mut Rng, range: std::ops::Range<usize>, track: usize| {
        let mut pick = rng.between(range.start, range.end - 1);
        for _ in 0..4 {
            if track_of[pick] == track {
                break;
            }
            pick = rng.between(range.start, range.end - 1);
        }
        pick
    };
    for (ix, role) in roles.iter_mut().enumerate() {
        let level = role.level;
        if level < levels {
            let mut next = vec![on_track(&mut rng, level_range(level + 1), role.track)];
            for _ in 1..rng.between(1, 3) {
                let up = (level + 1 + rng.below(2) as u32).min(levels);
                let range = level_range(up);
                let target = rng.between(range.start, range.end - 1);
                if !next.contains(&target) {
                    next.push(target);
                }
            }
            role.next = next;
            let boss = level_range((level + 1 + rng.below(2) as u32).min(levels));
            role.reports_to = Some(on_track(&mut rng, boss, role.track));
        }
        let same = level_range(level);
        if same.len() > 1 && rng.chance(25) {
            let target = rng.between(same.start, same.end - 1);
            if target != ix {
                role.lateral.push(target);
            }
        }
    }

    // A role no move leads to is an entry role, so that `ladder check` has nothing to warn about.
    let mut led_to = vec![false; roles.len()];
    for role in &roles {
        for &to in role.next.iter().chain(&role.lateral) {
            led_to[to] = true;
        }
    }
    for (role, led_to) in roles.iter_mut().zip(led_to) {
        role.entry |= !led_to;
    }

    // A route worth timing: from the first level-1 role, follow first promotions to the top.
    let start = 0;
    let mut end = start;
    while let Some(&up) = roles[end].next.first() {
        end = up;
    }
    Synthetic {
        tracks: tracks
            .iter()
            .map(|&(id, name, person)| (id, name, person))
            .collect(),
        sources,
        roles,
        route: (start, end),
    }
}

fn kebab(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

impl Synthetic {
    /// The catalogue as YAML, in the layout of `data/ladder.yaml`.
    pub fn to_yaml(&self) -> String {
        let mut out = String::with_capacity(self.roles.len() * 1_100 + 4_096);
        let (from, to) = self.route;
        let _ = writeln!(
            out,
            "# A synthetic catalogue of {} roles (examples/gen.rs); a route worth timing:\n\
             #   ladder --catalogue FILE path {} {}",
            self.roles.len(),
            self.roles[from].id,
            self.roles[to].id
        );
        let _ = writeln!(
            out,
            "version: 1\nname: Synthetic ladder of {} roles",
            self.roles.len()
        );
        out.push_str("description: Generated for benchmarks; every figure is made up.\n");
        out.push_str("\nsources:\n");
        for (id, title) in &self.sources {
            let _ = writeln!(
                out,
                "  - id: {id}\n    title: {title}\n    publisher: Synthetic Press\n    published: \"2024\""
            );
        }
        out.push_str("\ntracks:\n");
        for (id, name, person) in &self.tracks {
            let _ = writeln!(
                out,
                "  - id: {id}\n    name: {name}\n    description: Where every {person} grows."
            );
        }
        out.push_str("\nroles:\n");
        for role in &self.roles {
            let _ = writeln!(out, "  - id: {}\n    title: {}", role.id, role.title);
            let _ = writeln!(out, "    aliases: [{}]", role.aliases.join(", "));
            let _ = writeln!(
                out,
                "    track: {}\n    level: {}",
                self.tracks[role.track].0, role.level
            );
            if role.entry {
                out.push_str("    entry: true\n");
            }
            let _ = writeln!(out, "    summary: {}", role.summary);
            out.push_str("    responsibilities:\n");
            for item in &role.responsibilities {
                let _ = writeln!(out, "      - {item}");
            }
            let _ = writeln!(out, "    skills: [{}]", role.skills.join(", "));
            if let Some(boss) = role.reports_to {
                let _ = writeln!(out, "    reports_to: [{}]", self.roles[boss].id);
            }
            let _ = writeln!(
                out,
                "    tenure:\n      min: {}\n      max: {}",
                tenths(role.tenure.0),
                tenths(role.tenure.1)
            );
            match role.tenure_source {
                Some(source) => {
                    let _ = writeln!(out, "      source: {}", self.sources[source].0);
                }
                None => out.push_str(
                    "      estimate: true\n      note: No survey covers this role; a guess.\n",
                ),
            }
            if !role.next.is_empty() {
                let _ = writeln!(out, "    next: [{}]", self.ids(&role.next).join(", "));
            }
            if !role.lateral.is_empty() {
                let _ = writeln!(out, "    lateral: [{}]", self.ids(&role.lateral).join(", "));
            }
            if let Some([startup, scaleup, enterprise]) = &role.titles {
                let _ = writeln!(
                    out,
                    "    titles_by_company_size:\n      startup: {startup}\n      scaleup: {scaleup}\n      enterprise: {enterprise}"
                );
            }
            let sources: Vec<&str> = role
                .sources
                .iter()
                .map(|&s| self.sources[s].0.as_str())
                .collect();
            let _ = writeln!(out, "    sources: [{}]", sources.join(", "));
        }
        out
    }

    /// The same catalogue as JSON (the `.json` twin), one role a line.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(self.roles.len() * 1_200 + 4_096);
        let _ = write!(
            out,
            "{{\"version\":1,\"name\":{},\"description\":\"Generated for benchmarks; every figure is made up.\",\n\"sources\":[",
            quote(&format!("Synthetic ladder of {} roles", self.roles.len()))
        );
        for (i, (id, title)) in self.sources.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(
                out,
                "{comma}\n{{\"id\":{},\"title\":{},\"publisher\":\"Synthetic Press\",\"published\":\"2024\"}}",
                quote(id),
                quote(title)
            );
        }
        out.push_str("],\n\"tracks\":[");
        for (i, (id, name, person)) in self.tracks.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(
                out,
                "{comma}\n{{\"id\":{},\"name\":{},\"description\":{}}}",
                quote(id),
                quote(name),
                quote(&format!("Where every {person} grows."))
            );
        }
        out.push_str("],\n\"roles\":[");
        for (i, role) in self.roles.iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(
                out,
                "{comma}\n{{\"id\":{},\"title\":{},\"aliases\":{},\"track\":{},\"level\":{}",
                quote(&role.id),
                quote(&role.title),
                list(&role.aliases),
                quote(self.tracks[role.track].0),
                role.level
            );
            if role.entry {
                out.push_str(",\"entry\":true");
            }
            let _ = write!(
                out,
                ",\"summary\":{},\"responsibilities\":{},\"skills\":{}",
                quote(&role.summary),
                list(&role.responsibilities),
                list(&role.skills)
            );
            if let Some(boss) = role.reports_to {
                let _ = write!(out, ",\"reports_to\":[{}]", quote(&self.roles[boss].id));
            }
            let _ = write!(
                out,
                ",\"tenure\":{{\"min\":{},\"max\":{}",
                tenths(role.tenure.0),
                tenths(role.tenure.1)
            );
            match role.tenure_source {
                Some(source) => {
                    let _ = write!(out, ",\"source\":{}}}", quote(&self.sources[source].0));
                }
                None => out.push_str(
                    ",\"estimate\":true,\"note\":\"No survey covers this role; a guess.\"}",
                ),
            }
            if !role.next.is_empty() {
                let _ = write!(out, ",\"next\":{}", list(&self.ids(&role.next)));
            }
            if !role.lateral.is_empty() {
                let _ = write!(out, ",\"lateral\":{}", list(&self.ids(&role.lateral)));
            }
            if let Some([startup, scaleup, enterprise]) = &role.titles {
                let _ = write!(
                    out,
                    ",\"titles_by_company_size\":{{\"startup\":{},\"scaleup\":{},\"enterprise\":{}}}",
                    quote(startup),
                    quote(scaleup),
                    quote(enterprise)
                );
            }
            let sources: Vec<&str> = role
                .sources
                .iter()
                .map(|&s| self.sources[s].0.as_str())
                .collect();
            let _ = write!(out, ",\"sources\":{}}}", list(&sources));
        }
        out.push_str("\n]}\n");
        out
    }

    /// The ids of some roles.
    pub fn ids(&self, roles: &[usize]) -> Vec<&str> {
        roles.iter().map(|&ix| self.roles[ix].id.as_str()).collect()
    }
}

/// Tenths of a year as a YAML/JSON number: `15` -> `1.5`, `20` -> `2`.
fn tenths(value: u32) -> String {
    if value.is_multiple_of(10) {
        (value / 10).to_string()
    } else {
        format!("{}.{}", value / 10, value % 10)
    }
}

/// A JSON string; generated text has no quotes, backslashes or control characters to escape.
fn quote(text: &str) -> String {
    debug_assert!(!text.contains(['"', '\\', '\n']));
    format!("\"{text}\"")
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", quoted.join(","))
}
