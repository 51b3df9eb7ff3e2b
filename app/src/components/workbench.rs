use std::rc::Rc;

use engine::lang::{Diagnostic, Severity};
use engine::trace::EventKind;
use engine::value::JobId;
use yew::prelude::*;

use crate::components::code_pane::{CodePane, LineMarkers, Marker, MARKERS_LISTED};
use crate::components::console::{console, ConsoleProps};
use crate::components::details::{detail_tabs, DetailTabsProps};
use crate::components::job_tree::{job_tree, JobTreeProps, TreeItem};
use crate::components::panel::{panel, PanelProps};
use crate::components::thread_lanes::{thread_lanes, ThreadLanesProps};
use crate::session::{hue_of_job, unquote, Axis};
use crate::{Action, RunRef, Tab};

pub struct WorkbenchProps {
    /// The code on screen.
    pub source: AttrValue,
    /// Its diagnostics.
    pub problems: Rc<Vec<Diagnostic>>,
    /// Why the code on screen did not run, if it did not.
    pub failure: Option<String>,
    /// The latest run that worked.
    pub run: Option<RunRef>,
    /// The step on screen.
    pub step: u64,
    /// The lanes' axis.
    pub axis: Axis,
    /// The coroutine whose details are shown.
    pub job: Option<JobId>,
    /// Jobs whose children the tree hides.
    pub collapsed: Vec<JobId>,
    /// The tree's item focused last.
    pub tree_focus: Option<TreeItem>,
    /// Jobs whose children the tree lists further, once per press.
    pub widened: Vec<JobId>,
    /// The lower tab on screen.
    pub tab: Tab,
    /// Every control dispatches an action.
    pub ondispatch: Callback<Action>,
}

/// The panes of one run: code, job tree, thread lanes, console and the detail tabs.
pub fn workbench(props: &WorkbenchProps) -> Html {
    let run = props.run.as_ref();
    let step = props.step;
    let markers: Vec<LineMarkers> = run
        .map(|r| {
            r.rec
                .view
                .strands_by_line(step, MARKERS_LISTED)
                .into_iter()
                .map(|(line, count, first)| {
                    let first = first
                        .into_iter()
                        .map(|s| {
                            let mut state = format!("{:?}", s.state).to_ascii_lowercase();
                            if !s.waiting.is_empty() {
                                state.push_str(&format!(" ({})", s.waiting));
                            }
                            Marker { label: unquote(&s.label), hue: s.job.map(hue_of_job), state }
                        })
                        .collect();
                    LineMarkers { line, count, first }
                })
                .collect()
        })
        .unwrap_or_default();
    let current_line = run.and_then(|r| {
        r.rec.view.events_of(step).iter().find_map(|e| match e.kind {
            EventKind::Statement { line, .. } => Some(line),
            _ => None,
        })
    });
    // What went wrong in a run belongs to the code that ran: once the code on screen fails
    // to compile (or its values are refused), the run on screen is of earlier code, whose
    // lines are not these.
    let run_problems: Vec<(Severity, u32, String)> = run
        .filter(|_| props.failure.is_none())
        .map(|r| {
            let mut out = Vec::new();
            if let Some(m) = r.stopped_message() {
                out.push((Severity::Error, r.stopped_line(), m));
            }
            if let Some(e) = r.main_threw() {
                out.push((Severity::Error, r.main_threw_line().unwrap_or(0), format!("main threw {e}")));
            }
            for w in &r.rec.world.warnings {
                out.push((Severity::Warning, r.index.line(w.span.start), w.message.clone()));
            }
            out
        })
        .unwrap_or_default();
    let ondispatch = &props.ondispatch;
    let waiting = || html! { <p class="empty">{ "No run yet." }</p> };
    let tree = match run {
        Some(r) => job_tree(&JobTreeProps {
            run: r.clone(),
            step,
            selected: props.job,
            ondispatch: ondispatch.clone(),
            collapsed: props.collapsed.clone(),
            widened: props.widened.clone(),
            toggles: true,
            focused: props.tree_focus,
        }),
        None => waiting(),
    };
    let lanes = match run {
        Some(r) => thread_lanes(&ThreadLanesProps { run: r.clone(), step, axis: props.axis, ondispatch: ondispatch.clone() }),
        None => waiting(),
    };
    html! {
        <>
            <CodePane source={props.source.clone()} problems={props.problems.clone()} {run_problems} {markers} {current_line}
                failure={props.failure.clone()} ondispatch={ondispatch.clone()} />
            { panel(PanelProps { title: "Job tree", testid: "job-tree", class: "area-tree", children: tree }) }
            { panel(PanelProps { title: "Threads", testid: "thread-lanes", class: "area-threads", children: lanes }) }
            { console(&ConsoleProps { run: props.run.clone(), step }) }
            if let Some(r) = run {
                { detail_tabs(&DetailTabsProps { run: r.clone(), step, job: props.job, tab: props.tab, axis: props.axis, ondispatch: ondispatch.clone() }) }
            }
        </>
    }
}
