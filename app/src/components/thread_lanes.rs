use engine::decimal::Dec;
use engine::views::Activity;
use yew::prelude::*;

use crate::session::{format_time, Axis, Bar, WIDTH};
use crate::components::cached::{Cached, Part};
use crate::components::ui::option_button;
use crate::{Action, RunRef};

pub struct ThreadLanesProps {
    /// The run.
    pub run: RunRef,
    /// The step on screen.
    pub step: u64,
    /// Virtual time or steps across.
    pub axis: Axis,
    /// The learner picked the other axis.
    pub ondispatch: Callback<Action>,
}

/// What a lane says in words, for screen readers and the keyboard's focus: the thread, what it
/// does at the step (`now`, none before the thread exists), the bar under the cursor (its
/// title: coroutine, line, state, when) and how many bars the lane has.
pub fn lane_label(name: &str, now: Option<&str>, bar: Option<&Bar>, n_bars: usize) -> String {
    let now = now.unwrap_or("not started");
    let bar = bar.map(|b| format!(" ({})", b.title)).unwrap_or_default();
    let bars = match n_bars {
        0 => "no bars".to_string(),
        1 => "1 bar".to_string(),
        n => format!("{n} bars"),
    };
    format!("{name}: {now} at this step{bar}; {bars} over the run")
}

/// The bar of a lane under the cursor at `x`, the latest when two meet there.
pub fn bar_at(bars: &[Bar], x: f64) -> Option<&Bar> {
    bars.iter().rev().find(|b| b.x0 <= x && x <= b.x1)
}

/// One row per thread, grouped by dispatcher: running solid, blocked hatched, idle empty, in
/// each coroutine's colour; queue depths under them; a cursor at the step. Each row is one Tab
/// stop that says what its thread does at the step, which the bars tell the pointer only.
pub fn thread_lanes(props: &ThreadLanesProps) -> Html {
    let run = &props.run;
    let view = &run.rec.view;
    let x = run.x_of(props.axis, props.step);
    let cursor = format!("left: {:.3}%", Dec(x / WIDTH * 100.0));
    let threads_now = view.threads_at(props.step);
    let lanes = run.lanes_on(props.axis);
    let mut index = 0;
    let groups = lanes.groups.iter().map(|g| {
        let rows = g.rows.iter().map(|row| {
            let activity = threads_now.iter().find(|t| t.1 == row.name).map(|t| &t.2);
            let now = activity.map(|a| match a {
                Activity::Idle => "idle".to_string(),
                Activity::Running(s) => format!("running {}", run.strand_label(*s)),
                Activity::Blocked(s, why) => format!("blocked with {}: {why}", run.strand_label(*s)),
            });
            let busy = activity.is_some_and(|a| !matches!(a, Activity::Idle));
            let label = lane_label(&row.name, now.as_deref(), bar_at(&row.bars, x).filter(|_| busy), row.bars.len());
            let (head, tail) = split_name(&row.name);
            index += 1;
            html! {
                <div class="lane" data-testid="lane" role="group" tabindex="0" aria-label={label.clone()}>
                    <span class="lane-name" title={row.name.clone()} aria-hidden="true"><span>{ head }</span><span class="tail">{ tail }</span></span>
                    <Cached part={Part::LaneTrack(props.run.clone(), props.axis, index - 1)} />
                    <span class="lane-now" aria-hidden="true">{ label }</span>
                </div>
            }
        });
        html! {
            <div class="lane-group" role="group" aria-label={g.name.clone()}>
                <div class="lane-group-name" aria-hidden="true">{ g.name.clone() }</div>
                { for rows }
            </div>
        }
    });
    let queues_now: Vec<String> = view
        .queues
        .iter()
        .map(|(_, name, points)| {
            let n = points.partition_point(|p| p.0 <= props.step);
            let depth = if n == 0 { 0 } else { points[n - 1].2 };
            format!("{} {depth}", short_name(name))
        })
        .collect();
    let axis_button = |axis: Axis, text: &'static str| option_button(&props.ondispatch, props.axis == axis, text, Action::SetAxis(axis));
    let end = match props.axis {
        Axis::Time => format_time(view.end_time),
        Axis::Steps => format!("step {}", view.n_steps),
    };
    html! {
        <div class="lanes">
            <div class="lanes-head">
                <span class="axis-label">{ "across: " }</span>
                { axis_button(Axis::Time, "virtual time") }
                { axis_button(Axis::Steps, "steps") }
                <span class="axis-end">{ format!("0 … {end}") }</span>
            </div>
            <div class="lanes-body">
                <div class="lane-rows">
                    { for groups }
                    <Cached part={Part::Queues(props.run.clone(), props.axis)} />
                </div>
                <div class="lanes-cursor-track" aria-hidden="true"><div class="lanes-cursor" style={cursor} data-testid="lanes-cursor"></div></div>
            </div>
            if !queues_now.is_empty() {
                <p class="queues-now" data-testid="queues-now">{ format!("queued now: {}", queues_now.join(", ")) }</p>
            }
        </div>
    }
}

/// The bars of the lane at `index` (in the order drawn), which change only with the run and the
/// axis, not with the step (drawn by [`Cached`]). Each bar is an image named by its title, so
/// a screen reader reads every bar as a pointer does; none is a Tab stop.
pub fn lane_track(run: &RunRef, axis: Axis, index: usize) -> Html {
    let lanes = run.lanes_on(axis);
    let pct = |x: f64| x / WIDTH * 100.0;
    let Some(row) = lanes.groups.iter().flat_map(|g| &g.rows).nth(index) else { return Html::default() };
    let bars = row.bars.iter().map(|b| {
        let hue = b.hue.map(|h| format!("hue-{h}")).unwrap_or_else(|| "hue-none".into());
        let style = format!("left: {:.3}%; width: max({:.3}%, 2px)", Dec(pct(b.x0)), Dec(pct(b.x1 - b.x0)));
        html! { <div class={classes!("bar", hue, b.blocked.then_some("blocked"))} {style} title={b.title.clone()} role="img" aria-label={b.title.clone()}></div> }
    });
    html! { <div class="lane-track">{ for bars }</div> }
}

/// The queues' depths over the run, which change only with the run and the axis (drawn by
/// [`Cached`]).
pub fn queue_rows(run: &RunRef, axis: Axis) -> Html {
    let lanes = run.lanes_on(axis);
    let queues = lanes.queues.iter().map(|q| {
        let (name, points, max) = (&q.name, &q.points, &q.max);
        let mut d = String::from("M0,20");
        let mut last_y = 20.0;
        let y_of = |depth: u32| 20.0 - 18.0 * depth as f64 / *max as f64;
        for (x, deepest, after) in points {
            d.push_str(&format!(" L{:.1},{:.1} L{:.1},{:.1}", Dec(*x), Dec(last_y), Dec(*x), Dec(y_of(*deepest))));
            last_y = y_of(*after);
            d.push_str(&format!(" L{:.1},{:.1}", Dec(*x), Dec(last_y)));
        }
        d.push_str(&format!(" L{},{:.1} L{},20 Z", Dec(WIDTH), Dec(last_y), Dec(WIDTH)));
        html! {
            <div class="lane queue" data-testid="queue">
                <span class="lane-name" title={format!("Tasks waiting in the queue of {name}")}>{ format!("queue {}", short_name(name)) }</span>
                <div class="lane-track">
                    <svg viewBox={QUEUE_VIEW_BOX} preserveAspectRatio="none" class="queue-chart" aria-hidden="true">
                        <path {d} />
                    </svg>
                    <span class="queue-max">{ format!("max {max}") }</span>
                </div>
            </div>
        }
    });
    html! { <>{ for queues }</> }
}

/// The queue charts' coordinates: [`WIDTH`] across, 20 down.
const QUEUE_VIEW_BOX: &str = "0 0 1000 20";

/// A dispatcher's name without the hash code the JVM puts after `@`.
fn short_name(name: &str) -> &str {
    name.split('@').next().unwrap_or(name)
}

/// A thread's name cut before the part that tells it from the other threads of its pool
/// (`worker-3` of `DefaultDispatcher-worker-3`, `thread-1` of `pool-1-thread-1`): when the
/// name must be shortened, the start gives way.
fn split_name(name: &str) -> (&str, &str) {
    let mut dashes = name.rmatch_indices('-').map(|(i, _)| i + 1);
    let last = dashes.next();
    name.split_at(dashes.next().or(last).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_what_tells_threads_apart() {
        assert_eq!(split_name("DefaultDispatcher-worker-3"), ("DefaultDispatcher-", "worker-3"));
        assert_eq!(split_name("pool-1-thread-1"), ("pool-1-", "thread-1"));
        assert_eq!(split_name("db-x"), ("db-", "x"));
        assert_eq!(split_name("main"), ("", "main"));
    }

    #[test]
    fn a_lane_says_what_its_thread_does_at_the_step() {
        let bar = |x0: f64, x1: f64, title: &str| Bar { x0, x1, blocked: false, hue: None, title: title.to_string() };
        let bars = vec![bar(0.0, 10.0, "a, line 3: running on w-1, 0 ms – 1 ms"), bar(10.0, 20.0, "b"), bar(50.0, 60.0, "c")];
        assert_eq!(bar_at(&bars, 5.0).map(|b| b.title.as_str()), Some("a, line 3: running on w-1, 0 ms – 1 ms"));
        assert_eq!(bar_at(&bars, 10.0).map(|b| b.title.as_str()), Some("b"), "the later of two bars that meet");
        assert_eq!(bar_at(&bars, 30.0), None);
        assert_eq!(
            lane_label("w-1", Some("running a"), bar_at(&bars, 5.0), 3),
            "w-1: running a at this step (a, line 3: running on w-1, 0 ms – 1 ms); 3 bars over the run"
        );
        assert_eq!(lane_label("main", Some("idle"), None, 1), "main: idle at this step; 1 bar over the run");
        assert_eq!(lane_label("pool-1-thread-1", None, None, 0), "pool-1-thread-1: not started at this step; no bars over the run");
    }

    #[test]
    fn queues_span_the_width() {
        assert_eq!(QUEUE_VIEW_BOX, format!("0 0 {} 20", Dec(WIDTH)));
    }
}
