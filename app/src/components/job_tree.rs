use std::collections::BTreeMap;

use engine::trace::{CancelOrigin, EventKind};
use engine::value::JobId;
use engine::views::{JobView, StrandView};
use yew::prelude::*;

use crate::session::{hue_of_job, unquote, Look};
use crate::RunRef;

/// Children shown under one parent before the rest are summed up in one row.
pub const MAX_CHILDREN: usize = 8;

/// Rows drawn before the rest of the tree is summed up in one row.
pub const MAX_ROWS: usize = 120;

const ROW: f64 = 28.0;
const INDENT: f64 = 22.0;
const LEFT: f64 = 14.0;
/// Depth beyond which children are drawn no further right.
const MAX_INDENT_DEPTH: usize = 14;

/// One row of the drawn tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// A job, or a summary of those left out.
    pub item: Item,
    /// Depth in the tree, 0 for roots.
    pub depth: usize,
    /// The row of its parent, if drawn.
    pub parent_row: Option<usize>,
    /// For an island, the row of the scope it was launched from (its would-be parent).
    pub island_of: Option<usize>,
}

/// What a row shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// The job with this index in the list given to [`layout`].
    Job(usize),
    /// Jobs left out: how many, and how many in each look.
    More(usize, Vec<(Look, usize)>),
}

/// Lays jobs out as an indented tree: children under their parents in creation order, roots
/// (and islands) at the left, with long families and big trees summed up.
pub fn layout(jobs: &[JobView], looks: &[Look]) -> Vec<Row> {
    let position: BTreeMap<JobId, usize> = jobs.iter().enumerate().map(|(i, j)| (j.id, i)).collect();
    let mut children: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, j) in jobs.iter().enumerate() {
        let parent = j.parent.and_then(|p| position.get(&p).copied());
        children.entry(parent).or_default().push(i);
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut row_of: BTreeMap<usize, usize> = BTreeMap::new();
    // Depth-first with an explicit stack: (job or summary, depth, parent row).
    enum Todo {
        Job(usize, usize, Option<usize>),
        More(Vec<usize>, usize, Option<usize>),
    }
    let mut stack: Vec<Todo> = Vec::new();
    let push_family = |stack: &mut Vec<Todo>, kids: &[usize], depth: usize, parent_row: Option<usize>| {
        let (shown, hidden): (Vec<usize>, Vec<usize>) = if kids.len() > MAX_CHILDREN {
            // The first ones and the newest one stay; the middle is summed up.
            let mut shown: Vec<usize> = kids[..MAX_CHILDREN - 2].to_vec();
            shown.push(kids[kids.len() - 1]);
            (shown, kids[MAX_CHILDREN - 2..kids.len() - 1].to_vec())
        } else {
            (kids.to_vec(), Vec::new())
        };
        // Pushed in reverse so they come out in order; the summary before the newest child.
        let n = shown.len();
        for (k, &c) in shown.iter().enumerate().rev() {
            stack.push(Todo::Job(c, depth, parent_row));
            if k == n - 1 && !hidden.is_empty() {
                stack.push(Todo::More(hidden.clone(), depth, parent_row));
            }
        }
    };
    let roots = children.get(&None).cloned().unwrap_or_default();
    push_family(&mut stack, &roots, 0, None);
    let mut left_out: Vec<usize> = Vec::new();
    while let Some(todo) = stack.pop() {
        if rows.len() >= MAX_ROWS {
            match todo {
                Todo::Job(j, _, _) => left_out.extend(subtree(j, &children)),
                Todo::More(js, _, _) => left_out.extend(js.iter().flat_map(|&j| subtree(j, &children))),
            }
            continue;
        }
        match todo {
            Todo::Job(j, depth, parent_row) => {
                let r = rows.len();
                row_of.insert(j, r);
                rows.push(Row { item: Item::Job(j), depth, parent_row, island_of: None });
                if let Some(kids) = children.get(&Some(j)) {
                    push_family(&mut stack, kids, depth + 1, Some(r));
                }
            }
            Todo::More(js, depth, parent_row) => {
                let all: Vec<usize> = js.iter().flat_map(|&j| subtree(j, &children)).collect();
                rows.push(Row { item: Item::More(all.len(), count_looks(&all, looks)), depth, parent_row, island_of: None });
            }
        }
    }
    if !left_out.is_empty() {
        rows.push(Row { item: Item::More(left_out.len(), count_looks(&left_out, looks)), depth: 0, parent_row: None, island_of: None });
    }
    for row in rows.iter_mut() {
        if let Item::Job(j) = row.item {
            row.island_of = jobs[j].detached_from.and_then(|s| position.get(&s)).and_then(|s| row_of.get(s)).copied();
        }
    }
    rows
}

/// A job and everything under it.
fn subtree(root: usize, children: &BTreeMap<Option<usize>, Vec<usize>>) -> Vec<usize> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        if let Some(kids) = children.get(&Some(out[i])) {
            out.extend(kids);
        }
        i += 1;
    }
    out
}

fn count_looks(jobs: &[usize], looks: &[Look]) -> Vec<(Look, usize)> {
    let mut counts: Vec<(Look, usize)> = Vec::new();
    for &j in jobs {
        let look = looks.get(j).copied().unwrap_or(Look::Active);
        match counts.iter_mut().find(|c| c.0 == look) {
            Some(c) => c.1 += 1,
            None => counts.push((look, 1)),
        }
    }
    counts
}

/// The kind of a job in words: builder, and what kind of scope or supervisor it is.
pub fn kind_words(j: &JobView) -> String {
    let mut out = j.builder.to_string();
    if j.supervisor && !j.builder.contains("upervisor") {
        out.push_str(" · supervisor");
    }
    if j.scoped && j.builder != "runBlocking" {
        out.push_str(" · scope");
    }
    out
}

/// The short form of an exception for a label: `IllegalStateException("B failed")`.
pub fn short_exception(e: &str) -> String {
    let (class, rest) = e.split_once(':').unwrap_or((e, ""));
    let simple = class.rsplit('.').next().unwrap_or(class).trim();
    let message = rest.split("; job=").next().unwrap_or("").trim();
    let mut out = if message.is_empty() { simple.to_string() } else { format!("{simple}(\"{message}\")") };
    if out.chars().count() > 60 {
        out = out.chars().take(57).collect::<String>() + "…";
    }
    out
}

/// What travels along the edge into a job: a failure going up from a child, or a
/// cancellation coming down from the parent.
fn annotation(j: &JobView, label_of: impl Fn(JobId) -> String) -> Option<(&'static str, String)> {
    if let Some(f) = &j.failure {
        return Some(("fail", format!("↑ fails with {}", short_exception(f))));
    }
    let (cause, origin) = j.cancel.as_ref()?;
    Some(match origin {
        CancelOrigin::Child(c) => ("fail", format!("cancelled by the failure of {}", label_of(*c))),
        CancelOrigin::Parent(_) => ("cancel", "↓ cancelled by its parent".to_string()),
        CancelOrigin::Explicit(_) => ("cancel", "⊘ cancel() called".to_string()),
        CancelOrigin::Timeout => ("cancel", format!("⏱ timed out: {}", short_exception(cause))),
    })
}

#[derive(PartialEq, Properties)]
pub struct JobTreeProps {
    /// The run.
    pub run: RunRef,
    /// The step on screen.
    pub step: u64,
    /// The coroutine whose details are shown.
    pub selected: Option<JobId>,
    /// Called with the coroutine clicked (again: none).
    pub onselect: Callback<Option<JobId>>,
}

/// The job tree at the step, as SVG: one row per job, its state as shape, word and colour,
/// failures travelling up and cancellations down the edges, islands apart with a dashed link
/// to the scope that launched them.
#[component]
pub fn JobTree(props: &JobTreeProps) -> Html {
    let view = &props.run.rec.view;
    let jobs = view.jobs_at(props.step);
    let strands = view.strands_at(props.step);
    let strand_of = |j: &JobView| -> Option<&StrandView> { j.strand.and_then(|s| strands.iter().find(|x| x.id == s)) };
    let looks: Vec<Look> = jobs.iter().map(|j| Look::of(j, strand_of(j))).collect();
    let rows = layout(&jobs, &looks);

    // What happens to which job in this very step: those edges are drawn as happening now.
    let mut now: Vec<JobId> = Vec::new();
    for e in view.events_of(props.step) {
        match &e.kind {
            EventKind::CancelRequested { job, .. } | EventKind::Failed { job, .. } => now.push(*job),
            _ => {}
        }
    }

    let x_of = |depth: usize| LEFT + INDENT * depth.min(MAX_INDENT_DEPTH) as f64;
    let y_of = |row: usize| ROW * row as f64 + ROW / 2.0 + 4.0;
    let mut width: f64 = 320.0;
    let mut edges: Vec<Html> = Vec::new();
    let mut nodes: Vec<Html> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let (x, y) = (x_of(row.depth), y_of(r));
        if let Some(p) = row.parent_row {
            let (px, py) = (x_of(rows[p].depth), y_of(p));
            let (class, arrow) = match &row.item {
                Item::Job(j) => {
                    let job = &jobs[*j];
                    let going = match (&job.failure, &job.cancel) {
                        (Some(_), _) => Some("fail"),
                        (None, Some((_, CancelOrigin::Parent(_)))) => Some("cancel"),
                        _ => None,
                    };
                    let is_now = now.contains(&job.id);
                    (classes!("edge", going, is_now.then_some("now")), going)
                }
                Item::More(..) => (classes!("edge", "summary"), None),
            };
            let d = format!("M{px},{} V{y} H{}", py + 8.0, x - 9.0);
            edges.push(html! { <path class={class.clone()} d={d} /> });
            // Failure arrows point up the edge, cancellation arrows down.
            if let Some(kind) = arrow {
                let (ax, ay) = (px, y - 10.0);
                let points = if kind == "fail" {
                    format!("{},{} {},{} {},{}", ax - 5.0, ay + 4.0, ax + 5.0, ay + 4.0, ax, ay - 5.0)
                } else {
                    format!("{},{} {},{} {},{}", ax - 5.0, ay - 4.0, ax + 5.0, ay - 4.0, ax, ay + 5.0)
                };
                edges.push(html! { <polygon class={classes!("arrow", kind, class)} points={points} /> });
            }
        }
        if let Some(s) = row.island_of {
            let (sx, sy) = (x_of(rows[s].depth), y_of(s));
            let d = format!("M{},{sy} C{},{sy} {},{y} {},{y}", sx - 9.0, sx - 40.0 - 4.0 * r as f64 % 30.0, x - 40.0, x - 9.0);
            edges.push(html! { <path class="edge island" d={d}><title>{ "launched from here, but not its child: an island" }</title></path> });
        }
        match &row.item {
            Item::Job(j) => {
                let job = &jobs[*j];
                let look = looks[*j];
                let label = unquote(&job.label);
                let kind = kind_words(job);
                let note = annotation(job, |c| jobs.iter().find(|x| x.id == c).map(|x| unquote(&x.label)).unwrap_or_else(|| format!("job {}", c.0)));
                let island = job.detached_from.is_some();
                let strand = strand_of(job);
                let waiting = strand.filter(|s| !s.waiting.is_empty() && look == Look::Suspended).map(|s| s.waiting.clone());
                let text = format!("{label}  {}  {}", look.word(), kind);
                let note_text = note.as_ref().map(|n| n.1.clone()).or_else(|| {
                    job.detached_from.map(|s| format!("island: launched from {}, not its child", jobs.iter().find(|x| x.id == s).map(|x| unquote(&x.label)).unwrap_or_default()))
                });
                width = width.max(x + 40.0 + 7.6 * (text.chars().count() + note_text.as_ref().map(|n| n.chars().count() + 2).unwrap_or(0)) as f64);
                let hue = format!("hue-{}", hue_of_job(job.id));
                let selected = props.selected == Some(job.id);
                let id = job.id;
                let onclick = props.onselect.reform(move |_: MouseEvent| if selected { None } else { Some(id) });
                // A click selects without focusing, so the tree does not scroll to show the
                // whole node; the keyboard focuses (and scrolls to) nodes as usual.
                let onkeydown = {
                    let onselect = props.onselect.clone();
                    Callback::from(move |e: KeyboardEvent| {
                        if e.key() == "Enter" || e.key() == " " {
                            e.prevent_default();
                            e.stop_propagation();
                            onselect.emit(if selected { None } else { Some(id) });
                        }
                    })
                };
                let aria = format!(
                    "{label}, {kind}, {}{}{}",
                    look.word(),
                    note_text.as_ref().map(|n| format!(", {n}")).unwrap_or_default(),
                    waiting.as_ref().map(|w| format!(", waiting: {w}")).unwrap_or_default()
                );
                let hit_width = 30.0 + 7.6 * (label.chars().count() + look.word().len() + kind.len() + 2) as f64 + 7.0 * note_text.as_ref().map(|n| n.chars().count() + 2).unwrap_or(0) as f64;
                nodes.push(html! {
                    <g class={classes!("node", format!("look-{}", look.word()), selected.then_some("selected"), island.then_some("island"))}
                        transform={format!("translate({x},{y})")} tabindex="0" role="button" aria-pressed={if selected { "true" } else { "false" }}
                        aria-label={aria.clone()} data-testid="job-node" data-state={look.word()} data-job={job.id.0.to_string()}
                        {onclick} {onkeydown} onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}>
                        <title>{ aria }</title>
                        <rect class="hit" x="-12" y="-12" width={format!("{hit_width:.0}")} height="24" rx="5" />
                        <rect class={classes!("swatch", hue)} x="-11" y="-9" width="4" height="18" rx="2" />
                        <text class="glyph" x="0" y="5" text-anchor="middle">{ look.glyph() }</text>
                        <text x="14" y="5">
                            <tspan class="label">{ label.clone() }</tspan>
                            <tspan class="state-word" dx="8">{ look.word() }</tspan>
                            <tspan class="kind" dx="8">{ kind.clone() }</tspan>
                            if let Some(n) = &note_text {
                                <tspan class={classes!("note", note.as_ref().map(|n| n.0), island.then_some("island"))} dx="10">{ n.clone() }</tspan>
                            }
                        </text>
                    </g>
                });
            }
            Item::More(count, by_look) => {
                let parts: Vec<String> = by_look.iter().map(|(l, n)| format!("{n} {} {}", l.glyph(), l.word())).collect();
                let text = format!("… {count} more: {}", parts.join(", "));
                width = width.max(x + 20.0 + 7.2 * text.chars().count() as f64);
                nodes.push(html! {
                    <g class="node more" transform={format!("translate({x},{y})")} data-testid="job-more">
                        <text class="label" x="-4" y="5">{ text }</text>
                    </g>
                });
            }
        }
    }
    let height = ROW * rows.len().max(1) as f64 + 10.0;
    let summary = format!("{} coroutines and jobs at this step", jobs.len());
    html! {
        <div class="tree-scroll">
            if jobs.is_empty() {
                <p class="empty">{ "No coroutine yet: step forward." }</p>
            }
            <svg class="job-tree" width={format!("{width:.0}")} height={format!("{height:.0}")} role="group" aria-label={summary}>
                <g class="edges">{ for edges }</g>
                <g class="nodes">{ for nodes }</g>
            </svg>
            <p class="legend" aria-hidden="true">
                { "● active  ◌ suspended  ◔ completing  ◐ cancelling  ⊘ cancelled  ✖ failed  ✔ completed  ○ new — " }
                <span class="fail">{ "▲ failure goes up" }</span>{ "  " }<span class="cancel">{ "▼ cancellation comes down" }</span>
                { "  ┄ island" }
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::job::JobState;

    fn job(id: u32, parent: Option<u32>) -> JobView {
        JobView {
            id: JobId(id),
            parent: parent.map(JobId),
            detached_from: None,
            builder: "launch",
            label: format!("job{id}"),
            state: JobState::Active,
            supervisor: false,
            scoped: false,
            cancel: None,
            failure: None,
            strand: None,
            created_line: 1,
            dispatcher: None,
            context: String::new(),
        }
    }

    #[test]
    fn children_sit_under_their_parents() {
        let jobs = vec![job(1, None), job(2, Some(1)), job(3, Some(2)), job(4, Some(1))];
        let looks = vec![Look::Active; 4];
        let rows = layout(&jobs, &looks);
        let order: Vec<(Item, usize, Option<usize>)> = rows.iter().map(|r| (r.item.clone(), r.depth, r.parent_row)).collect();
        assert_eq!(order, vec![(Item::Job(0), 0, None), (Item::Job(1), 1, Some(0)), (Item::Job(2), 2, Some(1)), (Item::Job(3), 1, Some(0))]);
    }

    #[test]
    fn big_families_are_summed_up() {
        let mut jobs = vec![job(1, None)];
        for i in 0..1000 {
            jobs.push(job(i + 2, Some(1)));
        }
        let mut looks = vec![Look::Suspended; jobs.len()];
        looks[500] = Look::Completed;
        let rows = layout(&jobs, &looks);
        assert_eq!(rows.len(), 1 + MAX_CHILDREN);
        let more = rows.iter().find_map(|r| if let Item::More(n, by) = &r.item { Some((*n, by.clone())) } else { None }).unwrap();
        assert_eq!(more.0, 1000 - (MAX_CHILDREN - 1));
        assert_eq!(more.1.iter().map(|c| c.1).sum::<usize>(), more.0);
        assert!(matches!(rows.last().unwrap().item, Item::Job(1000)), "the newest child stays in view");
    }

    #[test]
    fn deep_and_wide_trees_are_bounded() {
        let mut jobs = vec![job(1, None)];
        for i in 2..5000 {
            jobs.push(job(i, Some(i - 1)));
        }
        let looks = vec![Look::Active; jobs.len()];
        let rows = layout(&jobs, &looks);
        assert_eq!(rows.len(), MAX_ROWS + 1);
        assert!(matches!(rows.last().unwrap().item, Item::More(n, _) if n == 5000 - 1 - MAX_ROWS));
    }

    #[test]
    fn islands_link_back_to_their_scope() {
        let mut island = job(3, Some(2));
        island.detached_from = Some(JobId(1));
        let jobs = vec![job(1, None), job(2, None), island];
        let rows = layout(&jobs, &[Look::Active; 3]);
        let r = rows.iter().find(|r| r.item == Item::Job(2)).unwrap();
        assert_eq!(r.island_of, Some(0));
        assert_eq!(r.parent_row, Some(1));
    }

    #[test]
    fn exceptions_read_short() {
        assert_eq!(short_exception("java.lang.IllegalStateException: B failed"), "IllegalStateException(\"B failed\")");
        assert_eq!(short_exception("kotlinx.coroutines.JobCancellationException: Parent job is Cancelling; job=X"), "JobCancellationException(\"Parent job is Cancelling\")");
        assert!(short_exception(&"x".repeat(500)).chars().count() <= 60);
    }
}
