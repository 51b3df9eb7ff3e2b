use engine::decimal::Dec;
use engine::trace::CancelOrigin;
use engine::value::JobId;
use yew::prelude::*;

use crate::components::job_tree::{kind_words, short_exception};
use crate::components::ui::{bool_text, on_click};
use crate::session::{format_time, unquote, Axis, Look, WIDTH};
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
    let tab_button = |tab: Tab, text: &'static str, testid: &'static str| {
        let selected = props.tab == tab;
        let onclick = on_click(&props.ondispatch, Action::SetTab(tab));
        html! {
            <button role="tab" class={classes!("tab", selected.then_some("current"))} aria-selected={bool_text(selected)}
                data-testid={testid} {onclick}>{ text }</button>
        }
    };
    let body = match props.tab {
        Tab::Details => html! { <JobDetails run={props.run.clone()} step={props.step} job={props.job} ondispatch={props.ondispatch.clone()} /> },
        Tab::Dump => html! { <Dump run={props.run.clone()} step={props.step} /> },
        Tab::Charts => html! { <Charts run={props.run.clone()} step={props.step} axis={props.axis} /> },
    };
    html! {
        <section class="panel area-tabs" aria-label="Details">
            <div class="tabs" role="tablist">
                { tab_button(Tab::Details, "Coroutine", "tab-details") }
                { tab_button(Tab::Dump, "DebugProbes", "tab-dump") }
                { tab_button(Tab::Charts, "Charts", "tab-charts") }
            </div>
            <div class="panel-body tab-body" role="tabpanel">{ body }</div>
        </section>
    }
}

#[derive(PartialEq, Properties)]
struct JobDetailsProps {
    run: RunRef,
    step: u64,
    job: Option<JobId>,
    ondispatch: Callback<Action>,
}

/// A coroutine at the step: state, kind, context, what it waits for, stack and locals.
#[component]
fn JobDetails(props: &JobDetailsProps) -> Html {
    let view = &props.run.rec.view;
    // Hooks first: the stack is rebuilt from checkpoints only when the step or coroutine changes.
    let info = props.job.and_then(|id| view.job_info(id));
    let strand_id = info.and_then(|j| j.strand);
    let frames = use_memo((props.run.clone(), props.step, strand_id), |(run, step, strand)| strand.map(|s| run.rec.stack_at(*step, s)).unwrap_or_default());
    let Some(id) = props.job else {
        return html! { <p class="empty">{ "Click a coroutine in the job tree (or focus it and press Enter) to see its state, context, stack and locals." }</p> };
    };
    let Some(job) = view.job_at(props.step, id) else {
        return html! { <p class="empty">{ "This coroutine does not exist yet at this step." }</p> };
    };
    let job = &job;
    let strand = job.strand.and_then(|s| view.strand_at(props.step, s));
    let strand = strand.as_ref();
    let look = Look::of(job, strand);
    let label_of = |j: JobId| view.job_info(j).map(|x| unquote(&x.label)).unwrap_or_else(|| format!("job {}", j.0));
    let link = |j: JobId| {
        let onclick = on_click(&props.ondispatch, Action::SelectJob(Some(j)));
        html! { <button class="link" {onclick}>{ label_of(j) }</button> }
    };
    let thread = strand.and_then(|s| s.thread).and_then(|t| view.thread_names.get(t.0 as usize)).cloned();
    // The tree's family of the job: its children, and the islands launched from it.
    let (children, counts) = view.children_at(props.step, Some(id), 30);
    let n_children: usize = counts.iter().map(|c| c.1).sum();
    let cancel = job.cancel.as_ref().map(|(cause, origin)| {
        let from = match origin {
            CancelOrigin::Parent(p) => html! { <>{ "from its parent " }{ link(*p) }</> },
            CancelOrigin::Child(c) => html! { <>{ "by the failure of its child " }{ link(*c) }</> },
            CancelOrigin::Explicit(Some(by)) => html! { <>{ "by cancel() in " }{ link(*by) }</> },
            CancelOrigin::Explicit(None) => html! { { "by cancel()" } },
            CancelOrigin::Timeout => html! { { "by its timeout" } },
        };
        html! { <><dt>{ "cancelled" }</dt><dd>{ from }{ format!(": {}", short_exception(cause)) }</dd></> }
    });
    let stack = frames.iter().map(|f| {
        let locals = f.locals.iter().map(|(n, v)| html! { <li><code>{ format!("{n} = {v}") }</code></li> });
        html! { <li><code>{ format!("{} (line {})", f.function, f.line) }</code><ul class="locals">{ for locals }</ul></li> }
    });
    html! {
        <div class="details" data-testid="details">
            <h4>
                <span class={classes!("glyph", format!("look-{}", look.word()))}>{ look.glyph() }</span>
                { format!(" {} — {}", unquote(&job.label), look.word()) }
            </h4>
            <dl>
                <dt>{ "kind" }</dt><dd>{ kind_words(job) }</dd>
                <dt>{ "job state" }</dt><dd>{ job.state.name() }</dd>
                <dt>{ "parent" }</dt>
                <dd>
                    { job.parent.map(link).unwrap_or_else(|| html! { { "none (a root)" } }) }
                    if let Some(scope) = job.detached_from {
                        <>{ " — launched from " }{ link(scope) }{ " but not its child: an island" }</>
                    }
                </dd>
                if !children.is_empty() {
                    <dt>{ "children" }</dt>
                    <dd>
                        { for children.iter().map(|c| html! { <>{ link(c.id) }{ if c.parent == Some(id) { " " } else { " (island) " } }</> }) }
                        if n_children > children.len() {
                            { format!("and {} more", n_children - children.len()) }
                        }
                    </dd>
                }
                <dt>{ "created" }</dt><dd>{ format!("line {}{}", job.created_line, info.map(|i| format!(", step {}", i.created_step)).unwrap_or_default()) }</dd>
                if let Some(d) = &job.dispatcher {
                    <dt>{ "dispatcher" }</dt><dd>{ d.clone() }</dd>
                }
                if !job.context.is_empty() {
                    <dt>{ "context" }</dt><dd><code>{ job.context.clone() }</code></dd>
                }
                if let Some(s) = strand {
                    <dt>{ "coroutine" }</dt>
                    <dd>{ format!("{:?}{}", s.state, s.line.map(|l| format!(" at line {l}")).unwrap_or_default()).to_lowercase() }</dd>
                    if !s.waiting.is_empty() {
                        <dt>{ "waiting for" }</dt><dd>{ s.waiting.clone() }</dd>
                    }
                }
                if let Some(t) = thread {
                    <dt>{ "thread" }</dt><dd>{ t }</dd>
                }
                { for cancel }
                if let Some(f) = &job.failure {
                    <dt>{ "failed with" }</dt><dd>{ f.clone() }</dd>
                }
            </dl>
            if !frames.is_empty() {
                <h5>{ "Stack and locals" }</h5>
                <ol class="stack">{ for stack }</ol>
            }
        </div>
    }
}

#[derive(PartialEq, Properties)]
struct DumpProps {
    run: RunRef,
    step: u64,
}

/// `DebugProbes.dumpCoroutines()` as it would print at the step.
#[component]
fn Dump(props: &DumpProps) -> Html {
    let text = use_memo((props.run.clone(), props.step), |(run, step)| run.rec.dump_at(*step));
    html! { <pre class="dump" data-testid="dump">{ (*text).clone() }</pre> }
}

#[derive(PartialEq, Properties)]
struct ChartsProps {
    run: RunRef,
    step: u64,
    axis: Axis,
}

/// Live coroutines, simulated memory and printed latencies across the run (on the lanes'
/// axis), and the leaks found at the end.
#[component]
fn Charts(props: &ChartsProps) -> Html {
    let run = &props.run;
    let view = &run.rec.view;
    let cursor_x = run.x_of(props.axis, props.step);
    let (live_now, bytes_now) = view.metrics_at(props.step);
    let metrics = run.metrics_on(props.axis);
    let max_live = metrics.iter().map(|m| m.1).max().unwrap_or(0).max(1);
    let max_bytes = metrics.iter().map(|m| m.2).max().unwrap_or(0).max(1);
    let paths = use_memo((props.run.clone(), props.axis), |_| {
        let line = |value: &dyn Fn(&(f64, u64, u64)) -> f64| {
            let mut d = String::from("M0,60");
            for m in metrics.iter() {
                d.push_str(&format!(" H{:.1} V{:.1}", Dec(m.0), Dec(60.0 - 56.0 * value(m))));
            }
            d.push_str(&format!(" H{}", Dec(WIDTH)));
            d
        };
        (line(&|m| m.1 as f64 / max_live as f64), line(&|m| m.2 as f64 / max_bytes as f64))
    });
    let (live, bytes) = (paths.0.clone(), paths.1.clone());
    let cursor = html! { <line class="cursor" x1={format!("{:.1}", Dec(cursor_x))} x2={format!("{:.1}", Dec(cursor_x))} y1="0" y2="64" /> };
    let latency = run.latency.iter().enumerate().map(|(i, s)| {
        let max = s.points.iter().map(|p| p.1).fold(1.0_f64, f64::max);
        let dots = s.points.iter().map(|(t, v, step)| {
            let (cx, cy) = (run.x_of(props.axis, *step), 60.0 - 56.0 * v / max);
            let seen = *step <= props.step;
            html! { <circle class={classes!("dot", seen.then_some("seen"))} cx={format!("{:.1}", Dec(cx))} cy={format!("{:.1}", Dec(cy))} r="3"><title>{ format!("{} ms, printed at {}", Dec(*v), format_time(*t)) }</title></circle> }
        });
        html! {
            <figure class="chart">
                <figcaption>{ format!("“{}” (ms), max {}", s.key, Dec(max)) }</figcaption>
                <svg viewBox={format!("0 0 {} 64", Dec(WIDTH))} preserveAspectRatio="none" class={format!("latency s{i}")} role="img" aria-label={format!("{} values of {}", s.points.len(), s.key)}>
                    { for dots }
                    { cursor.clone() }
                </svg>
            </figure>
        }
    }).collect::<Vec<Html>>();
    let leaks = view.leaks.iter().take(20).map(|l| html! { <li>{ format!("line {}: {}", l.line, l.explanation) }</li> });
    let across = match props.axis {
        Axis::Time => format!("0 … {} of virtual time", format_time(view.end_time)),
        Axis::Steps => format!("steps 0 … {}", view.n_steps),
    };
    html! {
        <div class="charts" data-testid="charts">
            <figure class="chart">
                <figcaption>{ format!("Live coroutines: {live_now} now, peak {max_live}") }</figcaption>
                <svg viewBox={format!("0 0 {} 64", Dec(WIDTH))} preserveAspectRatio="none" role="img" aria-label={format!("live coroutines across the run, peak {max_live}")}>
                    <path class="series live" d={live} />
                    { cursor.clone() }
                </svg>
            </figure>
            <figure class="chart">
                <figcaption>{ format!("Simulated memory of live coroutines: {} now, peak {}", bytes_text(bytes_now), bytes_text(max_bytes)) }</figcaption>
                <svg viewBox={format!("0 0 {} 64", Dec(WIDTH))} preserveAspectRatio="none" role="img" aria-label="memory across the run">
                    <path class="series bytes" d={bytes} />
                    { cursor }
                </svg>
            </figure>
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

fn bytes_text(b: u64) -> String {
    if b < 10_000 {
        format!("{b} B")
    } else if b < 10_000_000 {
        format!("{} KB", b / 1024)
    } else {
        format!("{} MB", b >> 20)
    }
}
