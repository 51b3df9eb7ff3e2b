use engine::decimal::Dec;
use engine::trace::{CancelOrigin, EventKind};
use engine::value::JobId;
use engine::views::JobView;
use yew::prelude::*;

use crate::session::{hue_of_job, unquote, Look};
use crate::components::ui::{bool_text, on_click};
use crate::{browser, Action, RunRef};

/// Children drawn under one parent before the others are summed up in one row.
pub const MAX_CHILDREN: usize = 8;

/// Rows drawn before the rest of the tree is summed up in one row.
pub const MAX_ROWS: usize = 120;

const ROW: f64 = 28.0;
const INDENT: f64 = 22.0;
/// Room at the left for the toggles of the roots.
const LEFT: f64 = 34.0;
/// Depth beyond which children are drawn no further right.
const MAX_INDENT_DEPTH: usize = 14;

/// One row of the drawn tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// A job, or a summary of those not drawn.
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
    /// A job at the step, how many children it has then, and whether they are shown.
    Job(JobView, usize, bool),
    /// Jobs not drawn, counted by state; `true` when their parent's children are hidden.
    More(Vec<(Look, usize)>, bool),
}

/// A family at the step: its first children, and how many there are in each state.
pub type Family = (Vec<JobView>, Vec<(Look, usize)>);

/// The family of a job (or the roots, for `None`) with at most so many children listed
/// (`RunView::children_at`).
pub type Children<'a> = dyn Fn(Option<JobId>, usize) -> Family + 'a;

/// Lays the tree out as indented rows, reading it family by family: children under their
/// parents in creation order, the first [`MAX_CHILDREN`] of each family and a row counting
/// the others, nothing under a collapsed job but the count of its children, and at most
/// [`MAX_ROWS`] rows before a last one counting the children not drawn. `path` is the
/// selected job and its ancestors, root first: each is drawn in its family even when it is not
/// among the first children, so the coroutine whose details are shown is always in the tree.
pub fn layout(children: &Children, collapsed: &[JobId], widened: &[JobId], path: &[JobView]) -> Vec<Row> {
    enum Todo {
        Job(JobView, usize, Option<usize>),
        More(Vec<(Look, usize)>, usize, Option<usize>, bool),
    }
    // A family: its first children (and the one on `path`), then the row counting the others.
    let push_family = |stack: &mut Vec<Todo>, (mut kids, mut counts): Family, depth: usize, parent_row: Option<usize>| {
        let family = kids.first().map(family_of);
        if let Some(on_path) = path.iter().find(|p| Some(family_of(p)) == family && !kids.iter().any(|k| k.id == p.id)) {
            kids.push(on_path.clone());
        }
        for k in &kids {
            add(&mut counts, k.look, 0);
            if let Some(c) = counts.iter_mut().find(|c| c.0 == k.look) {
                c.1 -= 1;
            }
        }
        counts.retain(|c| c.1 > 0);
        if !counts.is_empty() {
            stack.push(Todo::More(counts, depth, parent_row, false));
        }
        // Pushed in reverse so they come out in order.
        for k in kids.into_iter().rev() {
            stack.push(Todo::Job(k, depth, parent_row));
        }
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut stack: Vec<Todo> = Vec::new();
    let mut left_out: Vec<(Look, usize)> = Vec::new();
    push_family(&mut stack, children(None, MAX_CHILDREN.min(MAX_ROWS)), 0, None);
    while let Some(todo) = stack.pop() {
        let r = rows.len();
        if r >= MAX_ROWS {
            match todo {
                Todo::Job(j, ..) => add(&mut left_out, j.look, 1),
                Todo::More(counts, ..) => counts.into_iter().for_each(|(s, n)| add(&mut left_out, s, n)),
            }
            continue;
        }
        let (item, depth, parent_row) = match todo {
            Todo::Job(job, depth, parent_row) => {
                let open = !collapsed.contains(&job.id);
                let listed = MAX_CHILDREN * (1 + widened.iter().filter(|&&w| w == job.id).count());
                let family = children(Some(job.id), if open { listed.min(MAX_ROWS - r - 1) } else { 0 });
                let n = family.1.iter().map(|c| c.1).sum();
                if open {
                    push_family(&mut stack, family, depth + 1, Some(r));
                } else if n > 0 {
                    stack.push(Todo::More(family.1, depth + 1, Some(r), true));
                }
                (Item::Job(job, n, open), depth, parent_row)
            }
            Todo::More(counts, depth, parent_row, hidden) => (Item::More(counts, hidden), depth, parent_row),
        };
        rows.push(Row { item, depth, parent_row, island_of: None });
    }
    if !left_out.is_empty() {
        rows.push(Row { item: Item::More(left_out, false), depth: 0, parent_row: None, island_of: None });
    }
    for r in 0..rows.len() {
        if let Item::Job(job, ..) = &rows[r].item {
            let scope = job.detached_from;
            rows[r].island_of = rows.iter().position(|x| matches!(&x.item, Item::Job(j, ..) if Some(j.id) == scope));
        }
    }
    rows
}

/// The family a job is drawn in: its parent's, or for an island, the scope's it was
/// launched from.
fn family_of(job: &JobView) -> Option<JobId> {
    job.parent.or(job.detached_from)
}

/// Adds `n` jobs in a state to counts kept in state order.
fn add(counts: &mut Vec<(Look, usize)>, state: Look, n: usize) {
    match counts.binary_search_by_key(&state, |c| c.0) {
        Ok(i) => counts[i].1 += n,
        Err(i) => counts.insert(i, (state, n)),
    }
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

/// Where a job's failure goes, which decides whether it is drawn travelling up the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureRoute {
    /// It cancels the parent (and through it the siblings).
    Parent,
    /// A `coroutineScope`, `withContext` or `supervisorScope` throws it to its caller.
    Caller,
    /// A supervisor parent ignores it: it stays with the child (`await()`, or the handler).
    Supervisor,
    /// A root or an island has no parent to tell: it goes to the handler or to `await()`.
    Nowhere,
}

impl FailureRoute {
    /// The route of a failure of `job`, whose parent (when it has one) is `parent`.
    pub fn of(job: &JobView, parent: Option<&JobView>) -> FailureRoute {
        match (job.scoped, job.parent, parent) {
            (true, Some(_), _) => FailureRoute::Caller,
            (false, Some(_), Some(p)) if p.supervisor => FailureRoute::Supervisor,
            (false, Some(_), _) => FailureRoute::Parent,
            (_, None, _) => FailureRoute::Nowhere,
        }
    }

    /// Whether the failure goes up the edge to the parent's code.
    pub fn goes_up(self) -> bool {
        matches!(self, FailureRoute::Parent | FailureRoute::Caller)
    }
}

/// What travels along the edge into a job: a failure going up from a child, or a
/// cancellation coming down from the parent.
fn annotation(j: &JobView, route: FailureRoute, label_of: impl Fn(JobId) -> String) -> Option<(&'static str, String)> {
    if let Some(f) = &j.failure {
        let e = short_exception(f);
        return Some(match route {
            FailureRoute::Parent => ("fail", format!("↑ fails with {e}")),
            FailureRoute::Caller => ("fail", format!("↑ throws {e} to its caller")),
            FailureRoute::Supervisor => ("failed", format!("✖ failed with {e}; its supervisor parent carries on")),
            FailureRoute::Nowhere => ("failed", format!("✖ failed with {e}")),
        });
    }
    let (cause, origin) = j.cancel.as_ref()?;
    Some(match origin {
        CancelOrigin::Child(c) => ("fail", format!("cancelled by the failure of {}", label_of(*c))),
        CancelOrigin::Parent(_) => ("cancel", "↓ cancelled by its parent".to_string()),
        CancelOrigin::Explicit(_) => ("cancel", "⊘ cancel() called".to_string()),
        CancelOrigin::Timeout => ("cancel", format!("⏱ timed out: {}", short_exception(cause))),
    })
}

/// A row of the tree that the keyboard can reach, named so that it is found again when the
/// tree is drawn anew: the focus and the tree's one Tab stop stay on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeItem {
    /// A job's node.
    Job(JobId),
    /// The row counting the children of a job not listed (the roots', for `None`).
    More(Option<JobId>),
    /// The last row, counting the jobs the tree has no room for.
    Rest,
}

/// What the keyboard needs to know of one item of the tree, in the order drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct NavItem {
    /// The row it is.
    pub item: TreeItem,
    /// The index of its parent among the items.
    pub parent: Option<usize>,
    /// Whether its children are shown; `None` for an item without children.
    pub expanded: Option<bool>,
    /// Hides or shows its children, where the tree lets them be hidden.
    pub toggle: Option<Action>,
    /// What Enter and Space do, as a click.
    pub press: Option<Action>,
}

/// What a key pressed on an item of the tree does.
#[derive(Debug, Clone, PartialEq)]
pub enum TreeKey {
    /// Moves the focus to the item of this index.
    Focus(usize),
    /// Dispatches an action; the focus stays on the item.
    Dispatch(Action),
    /// Nothing: the key is not the tree's.
    Ignore,
}

/// The keys of a tree view (WAI-ARIA's tree pattern) on the item at `from`: ↑/↓ the item
/// above or below, → shows a hidden family or goes to the first child, ← hides a shown family
/// or goes to the parent, Home/End the first and last item, Enter and Space press it.
pub fn tree_key(items: &[NavItem], from: usize, key: &str) -> TreeKey {
    let Some(it) = items.get(from) else { return TreeKey::Ignore };
    let focus = |i: Option<usize>| i.map(TreeKey::Focus).unwrap_or(TreeKey::Ignore);
    let dispatch = |a: &Option<Action>| a.clone().map(TreeKey::Dispatch).unwrap_or(TreeKey::Ignore);
    match key {
        "ArrowDown" => focus(Some(from + 1).filter(|&i| i < items.len())),
        "ArrowUp" => focus(from.checked_sub(1)),
        "Home" => focus((!items.is_empty()).then_some(0)),
        "End" => focus(items.len().checked_sub(1)),
        "ArrowRight" => match it.expanded {
            Some(false) => dispatch(&it.toggle),
            // Children follow their parent at once.
            Some(true) => focus(Some(from + 1).filter(|&i| items.get(i).is_some_and(|c| c.parent == Some(from)))),
            None => TreeKey::Ignore,
        },
        "ArrowLeft" => match (it.expanded, &it.toggle) {
            (Some(true), Some(_)) => dispatch(&it.toggle),
            _ => focus(it.parent),
        },
        "Enter" | " " => dispatch(&it.press),
        _ => TreeKey::Ignore,
    }
}

/// The tree's items among the rows, and for each row its item's index: every row but the
/// count of a hidden family, which belongs to its collapsed parent (it says what ← hides).
pub fn nav_items(rows: &[Row], selected: Option<JobId>, toggles: bool) -> (Vec<NavItem>, Vec<Option<usize>>) {
    let mut items: Vec<NavItem> = Vec::new();
    let mut index: Vec<Option<usize>> = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let parent_job = row.parent_row.and_then(|p| match &rows[p].item {
            Item::Job(pj, ..) => Some(pj.id),
            Item::More(..) => None,
        });
        let parent = row.parent_row.and_then(|p| index[p]);
        let nav = match &row.item {
            Item::Job(job, n, open) => {
                // As a click: pressed again, the selected coroutine is no longer selected.
                let select = Action::SelectJob((selected != Some(job.id)).then_some(job.id));
                let toggle = (toggles && *n > 0).then_some(Action::ToggleChildren(job.id));
                NavItem { item: TreeItem::Job(job.id), parent, expanded: (*n > 0).then_some(*open), toggle, press: Some(select) }
            }
            Item::More(_, true) => {
                index.push(None);
                continue;
            }
            Item::More(..) => {
                let item = match parent_job {
                    Some(id) => TreeItem::More(Some(id)),
                    None if r + 1 == rows.len() && r >= MAX_ROWS => TreeItem::Rest,
                    None => TreeItem::More(None),
                };
                let press = parent_job.filter(|_| toggles).map(Action::ShowMoreChildren);
                NavItem { item, parent, expanded: None, toggle: None, press }
            }
        };
        index.push(Some(items.len()));
        items.push(nav);
    }
    (items, index)
}

/// The item that holds the tree's one Tab stop: the one focused last, else the selected
/// coroutine, else the first.
pub fn tab_stop(items: &[NavItem], focused: Option<TreeItem>, selected: Option<JobId>) -> usize {
    let at = |want: Option<TreeItem>| want.and_then(|w| items.iter().position(|i| i.item == w));
    at(focused).or_else(|| at(selected.map(TreeItem::Job))).unwrap_or(0)
}

/// Each item's size of its set of siblings and place in it, from 1 (`aria-setsize`,
/// `aria-posinset`).
pub fn set_places(items: &[NavItem]) -> Vec<(usize, usize)> {
    let slot = |i: &NavItem| i.parent.map_or(0, |p| p + 1);
    let mut sizes = vec![0; items.len() + 1];
    let places: Vec<usize> = items
        .iter()
        .map(|i| {
            sizes[slot(i)] += 1;
            sizes[slot(i)]
        })
        .collect();
    items.iter().zip(places).map(|(i, place)| (sizes[slot(i)], place)).collect()
}

pub struct JobTreeProps {
    /// The run.
    pub run: RunRef,
    /// The step on screen.
    pub step: u64,
    /// The coroutine whose details are shown.
    pub selected: Option<JobId>,
    /// Selects the coroutine clicked (clicked again: none) and hides or shows children.
    pub ondispatch: Callback<Action>,
    /// Jobs whose children are hidden.
    pub collapsed: Vec<JobId>,
    /// Jobs whose children are listed further: [`MAX_CHILDREN`] more per time each appears.
    pub widened: Vec<JobId>,
    /// Whether each job has a toggle to hide or show its children.
    pub toggles: bool,
    /// The item of the tree focused last, which keeps the tree's Tab stop.
    pub focused: Option<TreeItem>,
}

/// The job tree at the step, as SVG: one row per job, its state as shape, word and colour,
/// failures travelling up and cancellations down the edges, islands with a dashed link to
/// the scope that launched them, a toggle to hide or show each job's children, and the
/// children not drawn counted by state.
pub fn job_tree(props: &JobTreeProps) -> Html {
    let view = &props.run.rec.view;
    let step = props.step;
    let mut path: Vec<JobView> = Vec::new();
    let mut up = props.selected;
    while let Some(job) = up.and_then(|j| view.job_at(step, j)) {
        up = family_of(&job);
        path.insert(0, job);
    }
    let rows = layout(&|parent, limit| view.children_at(step, parent, limit), &props.collapsed, &props.widened, &path);
    let label_of = |id: JobId| view.job_info(id).map(|x| unquote(&x.label)).unwrap_or_else(|| format!("job {}", id.0));

    // What happens to which job in this very step: those edges are drawn as happening now.
    let mut now: Vec<JobId> = Vec::new();
    for e in view.events_of(step) {
        match &e.kind {
            EventKind::CancelRequested { job, .. } | EventKind::Failed { job, .. } => now.push(*job),
            _ => {}
        }
    }

    let (items, item_of_row) = nav_items(&rows, props.selected, props.toggles);
    let tab = tab_stop(&items, props.focused, props.selected);
    let places = set_places(&items);
    // What a tree item says to assistive technology of its place: level, siblings, and
    // the Tab stop the tree keeps on one item (a roving tabindex).
    let place_of = |r: usize| {
        item_of_row[r].map(|n| (n, (rows[r].depth + 1).to_string(), places[n].0.to_string(), places[n].1.to_string(), if n == tab { "0" } else { "-1" }))
    };

    let x_of = |depth: usize| LEFT + INDENT * depth.min(MAX_INDENT_DEPTH) as f64;
    let y_of = |row: usize| ROW * row as f64 + ROW / 2.0 + 4.0;
    let mut width: f64 = 320.0;
    let mut edges: Vec<Html> = Vec::new();
    let mut nodes: Vec<Html> = Vec::new();
    let mut toggles: Vec<Html> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let (x, y) = (x_of(row.depth), y_of(r));
        let route = match &row.item {
            Item::Job(job, ..) => {
                let parent = row.parent_row.and_then(|p| match &rows[p].item {
                    Item::Job(pj, ..) if Some(pj.id) == job.parent => Some(pj),
                    _ => None,
                });
                FailureRoute::of(job, parent)
            }
            Item::More(..) => FailureRoute::Nowhere,
        };
        if let Some(p) = row.parent_row {
            let (px, py) = (x_of(rows[p].depth), y_of(p));
            let (class, arrow) = match &row.item {
                Item::Job(job, ..) => {
                    let going = match (&job.failure, &job.cancel) {
                        (Some(_), _) if route.goes_up() => Some("fail"),
                        (Some(_), _) => None,
                        (None, Some((_, CancelOrigin::Parent(_)))) => Some("cancel"),
                        _ => None,
                    };
                    let is_now = now.contains(&job.id);
                    // An island without a parent hangs under the scope it was launched from.
                    let island = job.parent.is_none() && row.island_of == Some(p);
                    (classes!("edge", going, is_now.then_some("now"), island.then_some("island")), going)
                }
                Item::More(..) => (classes!("edge", "summary"), None),
            };
            let d = format!("M{},{} V{} H{}", Dec(px), Dec(py + 8.0), Dec(y), Dec(x - 9.0));
            edges.push(html! { <path class={class.clone()} d={d} /> });
            // Failure arrows point up the edge, cancellation arrows down.
            if let Some(kind) = arrow {
                let (ax, ay) = (px, y - 10.0);
                // Pointing up (the base below the tip) or down.
                let up = if kind == "fail" { 1.0 } else { -1.0 };
                let points = format!("{},{} {},{} {},{}", Dec(ax - 5.0), Dec(ay + 4.0 * up), Dec(ax + 5.0), Dec(ay + 4.0 * up), Dec(ax), Dec(ay - 5.0 * up));
                edges.push(html! { <polygon class={classes!("arrow", kind, class)} points={points} /> });
            }
        }
        if let Some(s) = row.island_of.filter(|&s| Some(s) != row.parent_row) {
            let (sx, sy) = (x_of(rows[s].depth), y_of(s));
            let (sy, y) = (Dec(sy), Dec(y));
            let d = format!("M{},{sy} C{},{sy} {},{y} {},{y}", Dec(sx - 9.0), Dec(sx - 40.0 - 4.0 * r as f64 % 30.0), Dec(x - 40.0), Dec(x - 9.0));
            edges.push(html! { <path class="edge island" d={d}><title>{ "launched from here, but not its child: an island" }</title></path> });
        }
        match &row.item {
            Item::Job(job, n_children, open) => {
                let strand = job.strand.and_then(|s| view.strand_at(step, s));
                let look = job.look;
                let label = unquote(&job.label);
                let kind = kind_words(job);
                let note = annotation(job, route, label_of);
                let island = job.detached_from.is_some();
                let waiting = strand.filter(|s| !s.waiting.is_empty() && look == Look::Suspended).map(|s| s.waiting);
                let text = format!("{label}  {}  {}", look.word(), kind);
                let note_text = note.as_ref().map(|n| n.1.clone()).or_else(|| job.detached_from.map(|s| format!("island: launched from {}, not its child", label_of(s))));
                width = width.max(x + 40.0 + 7.6 * (text.chars().count() + note_text.as_ref().map(|n| n.chars().count() + 2).unwrap_or(0)) as f64);
                let hue = format!("hue-{}", hue_of_job(job.id));
                let selected = props.selected == Some(job.id);
                let id = job.id;
                let select = Action::SelectJob(if selected { None } else { Some(id) });
                // A click selects without focusing, so the tree does not scroll to show the
                // whole node; the keyboard focuses (and scrolls to) nodes as usual.
                let onclick = on_click(&props.ondispatch, select);
                let aria = format!(
                    "{label}, {kind}, {}{}{}",
                    look.word(),
                    note_text.as_ref().map(|n| format!(", {n}")).unwrap_or_default(),
                    waiting.as_ref().map(|w| format!(", waiting: {w}")).unwrap_or_default()
                );
                let hit_width = 30.0 + 7.6 * (label.chars().count() + look.word().len() + kind.len() + 2) as f64 + 7.0 * note_text.as_ref().map(|n| n.chars().count() + 2).unwrap_or(0) as f64;
                if props.toggles && *n_children > 0 {
                    let (open, n) = (*open, *n_children);
                    let what = format!("{} the {n} {} of {label}", if open { "Hide" } else { "Show" }, if n == 1 { "child" } else { "children" });
                    let onclick = on_click(&props.ondispatch, Action::ToggleChildren(id));
                    // The pointer's way to fold a family; the keyboard and assistive technology
                    // fold it on the node itself (← and →, `aria-expanded`), so the toggle is
                    // neither a Tab stop nor a second control in the tree.
                    toggles.push(html! {
                        <g key={format!("t{}", id.0)} class="toggle" transform={translate(x - 22.0, y)}
                            data-testid="job-toggle" data-expanded={bool_text(open)} {onclick} onmousedown={no_focus()}>
                            <title>{ what }</title>
                            <rect x="-6" y="-6" width="12" height="12" rx="2" />
                            <text y="4" text-anchor="middle">{ if open { "−" } else { "+" } }</text>
                        </g>
                    });
                }
                let (n, level, set_size, pos, tabindex) = place_of(r).unwrap_or_default();
                // A family left hidden is counted in the name of its parent, whose hidden row is
                // not an item of the tree.
                let hidden = (!*open && *n_children > 0).then(|| format!(", {} {} hidden", n_children, if *n_children == 1 { "child" } else { "children" }));
                let aria = format!("{aria}{}", hidden.unwrap_or_default());
                nodes.push(html! {
                    <g key={format!("n{}", id.0)} class={classes!("node", format!("look-{}", look.word()), selected.then_some("selected"), island.then_some("island"))}
                        transform={translate(x, y)} {tabindex} role="treeitem" aria-selected={bool_text(selected)}
                        aria-expanded={(*n_children > 0).then_some(bool_text(*open))} aria-level={level} aria-setsize={set_size} aria-posinset={pos}
                        aria-label={aria.clone()} data-testid="job-node" data-state={look.word()} data-job={job.id.0.to_string()} data-item={n.to_string()}
                        {onclick} onmousedown={no_focus()}>
                        <title>{ aria }</title>
                        <rect class="hit" x="-12" y="-12" width={format!("{:.0}", Dec(hit_width))} height="24" rx="5" />
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
            Item::More(by_state, hidden) => {
                let count: usize = by_state.iter().map(|c| c.1).sum();
                let parts: Vec<String> = by_state.iter().map(|&(s, n)| format!("{n} {} {}", s.glyph(), s.word())).collect();
                let text = if *hidden {
                    format!("{count} {} hidden: {}", if count == 1 { "child" } else { "children" }, parts.join(", "))
                } else if row.parent_row.is_none() && r + 1 == rows.len() && r >= MAX_ROWS {
                    format!("… {count} more not drawn: {}", parts.join(", "))
                } else {
                    format!("… {count} more: {}", parts.join(", "))
                };
                width = width.max(x + 20.0 + 7.2 * text.chars().count() as f64);
                // Under a job, the row lists more of its children (or shows the hidden ones).
                let parent = row.parent_row.and_then(|p| match &rows[p].item {
                    Item::Job(pj, ..) if props.toggles => Some(pj.id),
                    _ => None,
                });
                let key = match item_of_row[r].map(|n| items[n].item) {
                    Some(TreeItem::More(Some(id))) => format!("m{}", id.0),
                    Some(TreeItem::More(None)) => "m".to_string(),
                    Some(_) => "rest".to_string(),
                    None => format!("h{}", row.parent_row.and_then(|p| match &rows[p].item { Item::Job(pj, ..) => Some(pj.id.0), _ => None }).unwrap_or(0)),
                };
                let hit = html! { <rect class="hit" x="-12" y="-12" width={format!("{:.0}", Dec(7.2 * text.chars().count() as f64 + 16.0))} height="24" rx="5" /> };
                match (parent, place_of(r)) {
                    // The count of a hidden family: the pointer shows it; the keyboard presses →
                    // on the parent, whose name counts it.
                    (Some(id), None) => nodes.push(html! {
                        <g {key} class="node more open" transform={translate(x, y)} data-testid="job-more" aria-hidden="true"
                            onclick={on_click(&props.ondispatch, Action::ToggleChildren(id))} onmousedown={no_focus()}>
                            <title>{ "show them" }</title>
                            <text class="label" x="-4" y="5">{ text }</text>
                        </g>
                    }),
                    (Some(id), Some((n, level, set_size, pos, tabindex))) => {
                        let hint = "list more of them";
                        nodes.push(html! {
                            <g {key} class="node more open" transform={translate(x, y)} data-testid="job-more" role="treeitem" {tabindex}
                                aria-level={level} aria-setsize={set_size} aria-posinset={pos} data-item={n.to_string()}
                                aria-label={format!("{text}: {hint}")} onclick={on_click(&props.ondispatch, Action::ShowMoreChildren(id))} onmousedown={no_focus()}>
                                <title>{ hint }</title>
                                { hit }
                                <text class="label" x="-4" y="5">{ text }</text>
                            </g>
                        });
                    }
                    (None, place) => {
                        let (n, level, set_size, pos, tabindex) = place.unwrap_or_default();
                        nodes.push(html! {
                            <g {key} class="node more" transform={translate(x, y)} data-testid="job-more" role="treeitem" {tabindex}
                                aria-level={level} aria-setsize={set_size} aria-posinset={pos} data-item={n.to_string()} aria-label={text.clone()}>
                                { hit }
                                <text class="label" x="-4" y="5">{ text }</text>
                            </g>
                        });
                    }
                }
            }
        }
    }
    let height = ROW * rows.len().max(1) as f64 + 10.0;
    let existing = view.jobs_created_by(step);
    let summary = format!("Job tree: {existing} coroutines and jobs at this step");
    let items = std::rc::Rc::new(items);
    let onkeydown = {
        let (items, ondispatch) = (items.clone(), props.ondispatch.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || e.shift_key() {
                return;
            }
            let Some(from) = browser::tree_item_of(&e) else { return };
            match tree_key(&items, from, &e.key()) {
                TreeKey::Focus(to) => browser::focus_tree_item(&e, to, false),
                TreeKey::Dispatch(action) => {
                    // A pressed row counting children gives way to those it lists: the focus
                    // goes to the item that takes its place once the tree is drawn again.
                    if matches!(items[from].item, TreeItem::More(_)) {
                        browser::focus_tree_item(&e, from, true);
                    }
                    ondispatch.emit(action);
                }
                TreeKey::Ignore => return,
            }
            e.prevent_default();
        })
    };
    // The item focused keeps the Tab stop, so Tab leaves the tree and Shift+Tab comes back to it.
    let onfocusin = {
        let (items, ondispatch, focused) = (items.clone(), props.ondispatch.clone(), props.focused);
        Callback::from(move |e: FocusEvent| {
            let item = browser::tree_item_of(&e).and_then(|n| items.get(n)).map(|i| i.item);
            if let Some(item) = item.filter(|&i| Some(i) != focused) {
                ondispatch.emit(Action::FocusTreeItem(item));
            }
        })
    };
    html! {
        <div class="tree-scroll">
            if existing == 0 {
                <p class="empty">{ "No coroutine yet: step forward." }</p>
            }
            <svg class="job-tree" width={format!("{:.0}", Dec(width))} height={format!("{:.0}", Dec(height))} role="tree" aria-label={summary}
                {onkeydown} {onfocusin}>
                <g class="edges" aria-hidden="true">{ for edges }</g>
                <g class="toggles" aria-hidden="true">{ for toggles }</g>
                <g class="nodes" role="none">{ for nodes }</g>
            </svg>
            <p class="legend" aria-hidden="true">
                { "● active  ◌ suspended  ◔ completing  ◐ cancelling  ⊘ cancelled  ✖ failed  ✔ completed  ○ new — " }
                <span class="fail">{ "▲ failure goes up" }</span>{ "  " }<span class="cancel">{ "▼ cancellation comes down" }</span>
                { "  ┄ island" }
            </p>
        </div>
    }
}

/// An SVG `translate(x,y)`.
#[inline(never)]
fn translate(x: f64, y: f64) -> String {
    format!("translate({},{})", Dec(x), Dec(y))
}

/// A press that does not focus (so the tree does not scroll to show the whole node).
#[inline(never)]
fn no_focus() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| e.prevent_default())
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
            look: Look::Active,
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

    /// `children_at` over a list of jobs, as the engine answers it: parent, else the scope an
    /// island was launched from.
    fn children_of(jobs: &[JobView]) -> impl Fn(Option<JobId>, usize) -> Family + '_ {
        move |parent, limit| {
            let family: Vec<&JobView> = jobs.iter().filter(|j| j.parent.or(j.detached_from) == parent).collect();
            let mut counts = Vec::new();
            for j in &family {
                add(&mut counts, j.look, 1);
            }
            (family.into_iter().take(limit).cloned().collect(), counts)
        }
    }

    fn ids(rows: &[Row]) -> Vec<(Option<u32>, usize, Option<usize>)> {
        rows.iter().map(|r| (if let Item::Job(j, ..) = &r.item { Some(j.id.0) } else { None }, r.depth, r.parent_row)).collect()
    }

    #[test]
    fn children_sit_under_their_parents() {
        let jobs = vec![job(1, None), job(2, Some(1)), job(3, Some(2)), job(4, Some(1))];
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        assert_eq!(ids(&rows), vec![(Some(1), 0, None), (Some(2), 1, Some(0)), (Some(3), 2, Some(1)), (Some(4), 1, Some(0))]);
        assert!(matches!(rows[0].item, Item::Job(_, 2, true)));
        assert!(matches!(rows[2].item, Item::Job(_, 0, true)));
    }

    #[test]
    fn big_families_are_counted_by_state() {
        let mut jobs = vec![job(1, None)];
        for i in 0..100_000 {
            jobs.push(job(i + 2, Some(1)));
        }
        jobs[500].state = JobState::Completed;
        jobs[500].look = Look::Completed;
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        assert_eq!(rows.len(), 1 + MAX_CHILDREN + 1);
        let Item::More(counts, false) = &rows.last().unwrap().item else { panic!("a row counting the others") };
        assert_eq!(counts, &vec![(Look::Active, 100_000 - MAX_CHILDREN - 1), (Look::Completed, 1)]);
        assert_eq!(rows.last().unwrap().parent_row, Some(0));
    }

    #[test]
    fn the_selected_job_is_drawn_past_the_first_children() {
        let mut jobs = vec![job(1, None)];
        jobs.extend((2..40).map(|i| job(i, Some(1))));
        jobs.push(job(40, Some(30)));
        let drawn = |rows: &[Row], id: u32| rows.iter().any(|r| matches!(&r.item, Item::Job(j, ..) if j.id == JobId(id)));
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        assert!(!drawn(&rows, 30) && !drawn(&rows, 40), "past the first {MAX_CHILDREN} children");
        let path: Vec<JobView> = [1, 30, 40].iter().map(|&i| jobs.iter().find(|j| j.id == JobId(i)).unwrap().clone()).collect();
        let rows = layout(&children_of(&jobs), &[], &[], &path);
        assert!(drawn(&rows, 30) && drawn(&rows, 40), "the selected job and its parent");
        let Some(Item::More(counts, false)) = rows.iter().find(|r| r.depth == 1 && matches!(r.item, Item::More(..))).map(|r| &r.item) else { panic!("a row counts the others") };
        assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), 38 - MAX_CHILDREN - 1, "the selected child is not counted twice");
    }

    #[test]
    fn a_widened_family_lists_more_children() {
        let mut jobs = vec![job(1, None)];
        for i in 0..30 {
            jobs.push(job(i + 2, Some(1)));
        }
        let listed = |widened: &[JobId]| layout(&children_of(&jobs), &[], widened, &[]).iter().filter(|r| matches!(&r.item, Item::Job(j, ..) if j.parent == Some(JobId(1)))).count();
        assert_eq!(listed(&[]), MAX_CHILDREN);
        assert_eq!(listed(&[JobId(1)]), 2 * MAX_CHILDREN);
        assert_eq!(listed(&[JobId(1), JobId(1), JobId(1), JobId(1)]), 30);
        let rows = layout(&children_of(&jobs), &[], &[JobId(1)], &[]);
        assert_eq!(rows.last().unwrap().item, Item::More(vec![(Look::Active, 30 - 2 * MAX_CHILDREN)], false));
    }

    #[test]
    fn a_collapsed_job_shows_only_the_count_of_its_children() {
        let jobs = vec![job(1, None), job(2, Some(1)), job(3, Some(2)), job(4, Some(1))];
        let rows = layout(&children_of(&jobs), &[JobId(1)], &[], &[]);
        assert_eq!(rows.len(), 2);
        assert!(matches!(rows[0].item, Item::Job(_, 2, false)));
        assert_eq!(rows[1].item, Item::More(vec![(Look::Active, 2)], true));
        assert_eq!((rows[1].depth, rows[1].parent_row), (1, Some(0)));
        // Collapsing a job without children changes nothing.
        assert_eq!(ids(&layout(&children_of(&jobs), &[JobId(3)], &[], &[])), ids(&layout(&children_of(&jobs), &[], &[], &[])));
    }

    #[test]
    fn deep_and_wide_trees_are_bounded() {
        let mut jobs = vec![job(1, None)];
        for i in 2..5000 {
            jobs.push(job(i, Some(i - 1)));
        }
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        assert_eq!(rows.len(), MAX_ROWS + 1);
        assert_eq!(rows.last().unwrap().item, Item::More(vec![(Look::Active, 1)], false));
        let mut wide = vec![job(1, None)];
        for a in 0..20 {
            wide.push(job(100 + a, Some(1)));
            for b in 0..20 {
                wide.push(job(10_000 + 100 * a + b, Some(100 + a)));
                for c in 0..20 {
                    wide.push(job(1_000_000 + 10_000 * a + 100 * b + c, Some(10_000 + 100 * a + b)));
                }
            }
        }
        let rows = layout(&children_of(&wide), &[], &[], &[]);
        assert_eq!(rows.len(), MAX_ROWS + 1);
        let Item::More(counts, false) = &rows.last().unwrap().item else { panic!("a last row counting the rest") };
        assert!(counts[0].1 > 0);
    }

    #[test]
    fn islands_link_back_to_their_scope() {
        let mut island = job(3, Some(2));
        island.detached_from = Some(JobId(1));
        let mut global = job(4, None);
        global.detached_from = Some(JobId(1));
        let jobs = vec![job(1, None), job(2, None), island, global];
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        assert_eq!(ids(&rows), vec![(Some(1), 0, None), (Some(4), 1, Some(0)), (Some(2), 0, None), (Some(3), 1, Some(2))]);
        assert_eq!(rows[3].island_of, Some(0));
        assert_eq!(rows[1].island_of, Some(0));
    }

    #[test]
    fn failures_go_up_only_to_a_parent_that_takes_them() {
        let failed = |parent: Option<u32>, scoped: bool| JobView { failure: Some("java.lang.IllegalStateException: B".into()), scoped, ..job(2, parent) };
        let plain = job(1, None);
        let supervisor = JobView { supervisor: true, ..job(1, None) };
        let route = |j: &JobView, p: Option<&JobView>| FailureRoute::of(j, p);
        assert_eq!(route(&failed(Some(1), false), Some(&plain)), FailureRoute::Parent);
        assert_eq!(route(&failed(Some(1), false), Some(&supervisor)), FailureRoute::Supervisor);
        assert_eq!(route(&failed(Some(1), true), Some(&supervisor)), FailureRoute::Caller);
        assert_eq!(route(&failed(None, false), None), FailureRoute::Nowhere);
        assert!(!FailureRoute::Supervisor.goes_up() && !FailureRoute::Nowhere.goes_up());
        let note = |r| annotation(&failed(Some(1), false), r, |id: JobId| format!("job{}", id.0)).unwrap();
        assert_eq!(note(FailureRoute::Parent), ("fail", "↑ fails with IllegalStateException(\"B\")".to_string()));
        assert_eq!(note(FailureRoute::Supervisor).0, "failed");
        assert!(note(FailureRoute::Supervisor).1.starts_with("✖ failed with IllegalStateException"));
    }

    #[test]
    fn the_tree_items_skip_a_hidden_family_and_know_their_parents() {
        let jobs = vec![job(1, None), job(2, Some(1)), job(3, Some(2)), job(4, Some(1))];
        let rows = layout(&children_of(&jobs), &[JobId(2)], &[], &[]);
        // 1, 2 (folded), the count of 2's hidden child, 4.
        assert_eq!(rows.len(), 4);
        let (items, index) = nav_items(&rows, None, true);
        assert_eq!(index, vec![Some(0), Some(1), None, Some(2)]);
        assert_eq!(items.iter().map(|i| i.item).collect::<Vec<_>>(), vec![TreeItem::Job(JobId(1)), TreeItem::Job(JobId(2)), TreeItem::Job(JobId(4))]);
        assert_eq!(items.iter().map(|i| i.parent).collect::<Vec<_>>(), vec![None, Some(0), Some(0)]);
        assert_eq!(items.iter().map(|i| i.expanded).collect::<Vec<_>>(), vec![Some(true), Some(false), None]);
        assert_eq!(set_places(&items), vec![(1, 1), (2, 1), (2, 2)]);
        assert_eq!(items[1].toggle, Some(Action::ToggleChildren(JobId(2))));
        // Without toggles (compare), no family folds.
        assert!(nav_items(&rows, None, false).0.iter().all(|i| i.toggle.is_none()));
    }

    #[test]
    fn the_arrows_move_through_the_tree_as_drawn() {
        let jobs = vec![job(1, None), job(2, Some(1)), job(3, Some(2)), job(4, Some(1))];
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        let (items, _) = nav_items(&rows, Some(JobId(3)), true);
        let key = |from: usize, k: &str| tree_key(&items, from, k);
        assert_eq!(key(0, "ArrowDown"), TreeKey::Focus(1));
        assert_eq!(key(3, "ArrowDown"), TreeKey::Ignore);
        assert_eq!(key(0, "ArrowUp"), TreeKey::Ignore);
        assert_eq!(key(2, "ArrowUp"), TreeKey::Focus(1));
        assert_eq!((key(2, "Home"), key(0, "End")), (TreeKey::Focus(0), TreeKey::Focus(3)));
        // → on a shown family goes to its first child; on a leaf, nowhere.
        assert_eq!(key(1, "ArrowRight"), TreeKey::Focus(2));
        assert_eq!(key(2, "ArrowRight"), TreeKey::Ignore);
        // ← on a shown family hides it; on a leaf, goes to the parent.
        assert_eq!(key(1, "ArrowLeft"), TreeKey::Dispatch(Action::ToggleChildren(JobId(2))));
        assert_eq!(key(3, "ArrowLeft"), TreeKey::Focus(0));
        assert_eq!(key(0, "Enter"), TreeKey::Dispatch(Action::SelectJob(Some(JobId(1)))));
        // Pressed again, the selected coroutine is let go, as a click does.
        assert_eq!(key(2, " "), TreeKey::Dispatch(Action::SelectJob(None)));
        assert_eq!(key(0, "x"), TreeKey::Ignore);
        // → on a hidden family shows it.
        let folded = layout(&children_of(&jobs), &[JobId(1)], &[], &[]);
        let (items, _) = nav_items(&folded, None, true);
        assert_eq!(tree_key(&items, 0, "ArrowRight"), TreeKey::Dispatch(Action::ToggleChildren(JobId(1))));
        assert_eq!(tree_key(&items, 0, "ArrowLeft"), TreeKey::Ignore);
    }

    #[test]
    fn a_row_counting_more_children_is_an_item_that_lists_them() {
        let mut jobs = vec![job(1, None)];
        jobs.extend((2..20).map(|i| job(i, Some(1))));
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        let (items, _) = nav_items(&rows, None, true);
        let last = items.last().unwrap();
        assert_eq!((last.item, last.parent), (TreeItem::More(Some(JobId(1))), Some(0)));
        assert_eq!(tree_key(&items, items.len() - 1, "Enter"), TreeKey::Dispatch(Action::ShowMoreChildren(JobId(1))));
        assert_eq!(set_places(&items).last(), Some(&(MAX_CHILDREN + 1, MAX_CHILDREN + 1)));
    }

    #[test]
    fn the_tab_stop_is_the_item_focused_else_the_selected_else_the_first() {
        let jobs = vec![job(1, None), job(2, Some(1)), job(3, Some(1))];
        let rows = layout(&children_of(&jobs), &[], &[], &[]);
        let (items, _) = nav_items(&rows, None, true);
        assert_eq!(tab_stop(&items, None, None), 0);
        assert_eq!(tab_stop(&items, None, Some(JobId(3))), 2);
        assert_eq!(tab_stop(&items, Some(TreeItem::Job(JobId(2))), Some(JobId(3))), 1);
        // An item no longer drawn gives way.
        assert_eq!(tab_stop(&items, Some(TreeItem::Job(JobId(9))), Some(JobId(3))), 2);
        assert_eq!(tab_stop(&items, Some(TreeItem::Rest), None), 0);
    }

    #[test]
    fn exceptions_read_short() {
        assert_eq!(short_exception("java.lang.IllegalStateException: B failed"), "IllegalStateException(\"B failed\")");
        assert_eq!(short_exception("kotlinx.coroutines.JobCancellationException: Parent job is Cancelling; job=X"), "JobCancellationException(\"Parent job is Cancelling\")");
        assert!(short_exception(&"x".repeat(500)).chars().count() <= 60);
    }
}
