use engine::decimal::Dec;
use engine::trace::CancelOrigin;
use engine::value::{JobId, StrandId};
use yew::prelude::*;

use crate::components::cached::{Cached, Part};
use crate::components::job_tree::{kind_words, short_exception};
use crate::components::ui::{bool_text, on_click};
use crate::session::{format_time, unquote, Axis, WIDTH};
use crate::{Action, RunRef, Tab};

pub struct DetailTabsProps {
    /// The run.
    pub run: RunRef,
    /// The step on screen.
    pub step: u64,
    /// The coroutine whose details are shown.
    pub job: Option<JobId>,
    /// The tab on screen.
    pub tab: Tab,
    /// Virtual time or steps across the charts, as across the lanes.
    pub axis: Axis,
    /// The learner picked a tab or a coroutine (from a parent or child link).
    pub ondispatch: Callback<Action>,
}

/// The lower tabs: a coroutine's details, the DebugProbes dump, and the charts.
pub fn detail_tabs(props: &DetailTabsProps) -> Html {
    // The tab list is one stop of Tab; ←/→ (and Home/End) move between its tabs, as screen
    // reader users expect of `role="tab"`, rather than step the program.
    const TABS: [(Tab, &str, &str); 3] = [(Tab::Details, "Coroutine", "tab-details"), (Tab::Dump, "DebugProbes", "tab-dump"), (Tab::Charts, "Charts", "tab-charts")];
    let tab_button = |at: usize| {
        let (tab, text, testid) = TABS[at];
        let selected = props.tab == tab;
        let onclick = on_click(&props.ondispatch, Action::SetTab(tab));
        let onkeydown = props.ondispatch.reform(move |e: KeyboardEvent| {
            let to = match e.key().as_str() {
                "ArrowRight" => (at + 1) % TABS.len(),
                "ArrowLeft" => (at + TABS.len() - 1) % TABS.len(),
                "Home" => 0,
                "End" => TABS.len() - 1,
                _ => return Action::SetTab(TABS[at].0),
            };
            e.prevent_default();
            crate::browser::focus(&format!(r#"[data-testid="{}"]"#, TABS[to].2));
            Action::SetTab(TABS[to].0)
        });
        html! {
            <button role="tab" class={classes!("tab", selected.then_some("current"))} aria-selected={bool_text(selected)}
                tabindex={if selected { "0" } else { "-1" }} data-testid={testid} {onclick} {onkeydown}>{ text }</button>
        }
    };
    let body = match props.tab {
        Tab::Details => job_details(&props.run, props.step, props.job, &props.ondispatch),
        Tab::Dump => html! { <pre class="dump" data-testid="dump">{ props.run.rec.dump_at(props.step) }</pre> },
        Tab::Charts => charts(&props.run, props.step, props.axis),
    };
    html! {
        <section class="panel area-tabs" aria-label="Details">
            <div class="tabs" role="tablist">
                { for (0..TABS.len()).map(tab_button) }
            </div>
            <div class="panel-body tab-body" role="tabpanel">{ body }</div>
        </section>
    }
}

/// A coroutine at the step: state, kind, context, what it waits for, stack and locals.
fn job_details(run: &RunRef, step: u64, job: Option<JobId>, ondispatch: &Callback<Action>) -> Html {
    let view = &run.rec.view;
    let info = job.and_then(|id| view.job_info(id));
    let strand_id = info.and_then(|j| j.strand);
    let Some(id) = job else {
        return html! { <p class="empty">{ "Click a coroutine in the job tree (or focus it and press Enter) to see its state, context, stack and locals." }</p> };
    };
    let Some(job) = view.job_at(step, id) else {
        return html! { <p class="empty">{ "This coroutine does not exist yet at this step." }</p> };
    };
    let job = &job;
    let strand = job.strand.and_then(|s| view.strand_at(step, s));
    let strand = strand.as_ref();
    let look = job.look;
    let label_of = |j: JobId| view.job_info(j).map(|x| unquote(&x.label)).unwrap_or_else(|| format!("job {}", j.0));
    let link = |j: JobId| {
        let onclick = on_click(ondispatch, Action::SelectJob(Some(j)));
        html! { <button class="link" {onclick}>{ label_of(j) }</button> }
    };
    let thread = strand.and_then(|s| s.thread).and_then(|t| view.thread_names.get(t.0 as usize)).cloned();
    // The tree's family of the job: its children, and the islands launched from it.
    let (children, counts) = view.children_at(step, Some(id), 30);
    let n_children: usize = counts.iter().map(|c| c.1).sum();
    let mut dl: Vec<Html> = Vec::new();
    term(&mut dl, "kind", kind_words(job).into());
    term(&mut dl, "job state", job.state.name().into());
    let mut parent = vec![job.parent.map(link).unwrap_or_else(|| "none (a root)".into())];
    if let Some(scope) = job.detached_from {
        parent.extend([" — launched from ".into(), link(scope), " but not its child: an island".into()]);
    }
    term(&mut dl, "parent", Html::from_iter(parent));
    if !children.is_empty() {
        let mut kids: Vec<Html> = Vec::new();
        for c in &children {
            kids.push(link(c.id));
            kids.push(if c.parent == Some(id) { " " } else { " (island) " }.into());
        }
        if n_children > children.len() {
            kids.push(format!("and {} more", n_children - children.len()).into());
        }
        term(&mut dl, "children", Html::from_iter(kids));
    }
    term(&mut dl, "created", format!("line {}{}", job.created_line, info.map(|i| format!(", step {}", i.created_step)).unwrap_or_default()).into());
    if let Some(d) = &job.dispatcher {
        term(&mut dl, "dispatcher", d.clone().into());
    }
    if !job.context.is_empty() {
        term(&mut dl, "context", html! { <code>{ job.context.clone() }</code> });
    }
    if let Some(s) = strand {
        term(&mut dl, "coroutine", format!("{:?}{}", s.state, s.line.map(|l| format!(" at line {l}")).unwrap_or_default()).to_ascii_lowercase().into());
        if !s.waiting.is_empty() {
            term(&mut dl, "waiting for", s.waiting.clone().into());
        }
    }
    if let Some(t) = thread {
        term(&mut dl, "thread", t.into());
    }
    if let Some((cause, origin)) = &job.cancel {
        let from = match origin {
            CancelOrigin::Parent(p) => Html::from_iter(["from its parent ".into(), link(*p)]),
            CancelOrigin::Child(c) => Html::from_iter(["by the failure of its child ".into(), link(*c)]),
            CancelOrigin::Explicit(Some(by)) => Html::from_iter(["by cancel() in ".into(), link(*by)]),
            CancelOrigin::Explicit(None) => "by cancel()".into(),
            CancelOrigin::Timeout => "by its timeout".into(),
        };
        term(&mut dl, "cancelled", Html::from_iter([from, format!(": {}", short_exception(cause)).into()]));
    }
    if let Some(f) = &job.failure {
        term(&mut dl, "failed with", f.clone().into());
    }
    html! {
        <div class="details" data-testid="details">
            <h4>
                <span class={classes!("glyph", format!("look-{}", look.word()))}>{ look.glyph() }</span>
                { format!(" {} — {}", unquote(&job.label), look.word()) }
            </h4>
            <dl>{ dl }</dl>
            // The stack is rebuilt from checkpoints only when the step or coroutine changes.
            if let Some(s) = strand_id {
                <Cached part={Part::Stack(run.clone(), step, s)} />
            }
        </div>
    }
}

/// A coroutine's stack and locals at a step (drawn by [`Cached`]).
pub fn stack(run: &RunRef, step: u64, strand: StrandId) -> Html {
    let frames = run.rec.stack_at(step, strand);
    if frames.is_empty() {
        return Html::default();
    }
    let mut stack: Vec<Html> = Vec::new();
    for f in frames.iter() {
        let locals: Vec<Html> = f.locals.iter().map(|(n, v)| code_item(format!("{n} = {v}"))).collect();
        stack.push(html! { <li><code>{ format!("{} (line {})", f.function, f.line) }</code><ul class="locals">{ locals }</ul></li> });
    }
    html! {
        <>
            <h5>{ "Stack and locals" }</h5>
            <ol class="stack">{ stack }</ol>
        </>
    }
}

/// One term of a description list and its description.
#[inline(never)]
fn term(dl: &mut Vec<Html>, term: &'static str, description: Html) {
    dl.push(html! { <dt>{ term }</dt> });
    dl.push(html! { <dd>{ description }</dd> });
}

/// A list item holding a line of code.
#[inline(never)]
pub fn code_item(text: String) -> Html {
    html! { <li><code>{ text }</code></li> }
}

/// The largest live coroutines and memory across the run on an axis (at least 1).
fn peaks(run: &RunRef, axis: Axis) -> (u64, u64) {
    let metrics = run.metrics_on(axis);
    let max_live = metrics.iter().map(|m| m.1).max().unwrap_or(0).max(1);
    let max_bytes = metrics.iter().map(|m| m.2).max().unwrap_or(0).max(1);
    (max_live, max_bytes)
}

/// The line of live coroutines (or of memory, for `bytes`) across the run on an axis; drawn
/// by [`Cached`], so only when the run or the axis changes.
pub fn series(run: &RunRef, axis: Axis, bytes: bool) -> Html {
    let metrics = run.metrics_on(axis);
    let (max_live, max_bytes) = peaks(run, axis);
    let mut d = String::from("M0,60");
    for m in metrics.iter() {
        let value = if bytes { m.2 as f64 / max_bytes as f64 } else { m.1 as f64 / max_live as f64 };
        d.push_str(&format!(" H{:.1} V{:.1}", Dec(m.0), Dec(60.0 - 56.0 * value)));
    }
    d.push_str(&format!(" H{}", Dec(WIDTH)));
    html! { <path class={if bytes { "series bytes" } else { "series live" }} {d} /> }
}

/// Live coroutines, simulated memory and printed latencies across the run (on the lanes'
/// axis), and the leaks found at the end.
fn charts(run: &RunRef, step: u64, axis: Axis) -> Html {
    let view = &run.rec.view;
    let cursor_x = run.x_of(axis, step);
    let (live_now, bytes_now) = view.metrics_at(step);
    let (max_live, max_bytes) = peaks(run, axis);
    let cursor_x = fixed1(cursor_x);
    let cursor = html! { <line class="cursor" x1={cursor_x.clone()} x2={cursor_x} y1="0" y2="64" /> };
    let latency = run.latency.iter().enumerate().map(|(i, s)| {
        let max = s.points.iter().map(|p| p.1).fold(1.0_f64, f64::max);
        let dots = s.points.iter().map(|(t, v, point_step)| {
            let (cx, cy) = (run.x_of(axis, *point_step), 60.0 - 56.0 * v / max);
            let seen = *point_step <= step;
            html! { <circle class={classes!("dot", seen.then_some("seen"))} cx={fixed1(cx)} cy={fixed1(cy)} r="3"><title>{ format!("{} ms, printed at {}", Dec(*v), format_time(*t)) }</title></circle> }
        });
        let dots: Vec<Html> = dots.collect();
        chart(format!("“{}” (ms), max {}", s.key, Dec(max)), Some(format!("latency s{i}")), format!("{} values of {}", s.points.len(), s.key), Html::from_iter([Html::from_iter(dots), cursor.clone()]))
    }).collect::<Vec<Html>>();
    let leaks = view.leaks.iter().take(20).map(|l| html! { <li>{ format!("line {}: {}", l.line, l.explanation) }</li> });
    let across = match axis {
        Axis::Time => format!("0 … {} of virtual time", format_time(view.end_time)),
        Axis::Steps => format!("steps 0 … {}", view.n_steps),
    };
    html! {
        <div class="charts" data-testid="charts">
            { chart(format!("Live coroutines: {live_now} now, peak {max_live}"), None, format!("live coroutines across the run, peak {max_live}"),
                Html::from_iter([html! { <Cached part={Part::Series(run.clone(), axis, false)} /> }, cursor.clone()])) }
            { chart(format!("Simulated memory of live coroutines: {} now, peak {}", bytes_text(bytes_now), bytes_text(max_bytes)), None, "memory across the run".into(),
                Html::from_iter([html! { <Cached part={Part::Series(run.clone(), axis, true)} /> }, cursor])) }
            { for latency }
            <p class="axis">{ across }</p>
            if !view.leaks.is_empty() {
                <div class="leaks" data-testid="leaks">
                    <h5>{ format!("Still alive when the program ended: {}", view.leaks.len()) }</h5>
                    <ul>{ for leaks }</ul>
                </div>
            }
        </div>
    }
}

/// A chart of the run: its caption, the class and label of its drawing, and what it draws.
#[inline(never)]
fn chart(caption: String, class: Option<String>, label: String, body: Html) -> Html {
    html! {
        <figure class="chart">
            <figcaption>{ caption }</figcaption>
            <svg viewBox={CHART_VIEW_BOX} preserveAspectRatio="none" {class} role="img" aria-label={label}>{ body }</svg>
        </figure>
    }
}

/// The charts' coordinates: [`WIDTH`] across, 64 down.
const CHART_VIEW_BOX: &str = "0 0 1000 64";

/// A coordinate with one decimal.
#[inline(never)]
pub fn fixed1(x: f64) -> String {
    format!("{:.1}", Dec(x))
}

fn bytes_text(b: u64) -> String {
    if b < 10_000 {
        format!("{b} B")
    } else if b < 10_000_000 {
        format!("{} KB", b / 1024)
    } else {
        format!("{} MB", b >> 20)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_span_the_width() {
        assert_eq!(CHART_VIEW_BOX, format!("0 0 {} 64", Dec(WIDTH)));
        assert_eq!(fixed1(12.345), "12.3");
    }
}
