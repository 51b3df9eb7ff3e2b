use engine::decimal::Dec;
use yew::prelude::*;

use crate::session::{format_time, Axis, WIDTH};
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

/// One row per thread, grouped by dispatcher: running solid, blocked hatched, idle empty, in
/// each coroutine's colour; queue depths under them; a cursor at the step.
pub fn thread_lanes(props: &ThreadLanesProps) -> Html {
    let run = &props.run;
    let view = &run.rec.view;
    let cursor = format!("left: {:.3}%", Dec(run.x_of(props.axis, props.step) / WIDTH * 100.0));
    let threads_now = view.threads_at(props.step);
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
                <Cached part={Part::LaneRows(props.run.clone(), props.axis)} />
                <div class="lanes-cursor-track" aria-hidden="true"><div class="lanes-cursor" style={cursor} data-testid="lanes-cursor"></div></div>
            </div>
            if !queues_now.is_empty() {
                <p class="queues-now" data-testid="queues-now">{ format!("queued now: {}", queues_now.join(", ")) }</p>
            }
            <ul class="sr-only">
                { for threads_now.iter().map(|(_, name, activity)| {
                    let what = match activity {
                        engine::views::Activity::Idle => "idle".to_string(),
                        engine::views::Activity::Running(s) => format!("running {}", run.strand_label(*s)),
                        engine::views::Activity::Blocked(s, why) => format!("blocked with {}: {why}", run.strand_label(*s)),
                    };
                    html! { <li>{ format!("{name}: {what}") }</li> }
                }) }
            </ul>
        </div>
    }
}

/// The lanes themselves, which change only with the run and the axis, not with the step
/// (drawn by [`Cached`]).
pub fn lane_rows(run: &RunRef, axis: Axis) -> Html {
    let lanes = run.lanes_on(axis);
    let pct = |x: f64| x / WIDTH * 100.0;
    let groups = lanes.groups.iter().map(|g| {
        let rows = g.rows.iter().map(|row| {
            let bars = row.bars.iter().map(|b| {
                let hue = b.hue.map(|h| format!("hue-{h}")).unwrap_or_else(|| "hue-none".into());
                let style = format!("left: {:.3}%; width: max({:.3}%, 2px)", Dec(pct(b.x0)), Dec(pct(b.x1 - b.x0)));
                html! { <div class={classes!("bar", hue, b.blocked.then_some("blocked"))} {style} title={b.title.clone()}></div> }
            });
            let (head, tail) = split_name(&row.name);
            html! {
                <div class="lane" data-testid="lane">
                    <span class="lane-name" title={row.name.clone()}><span>{ head }</span><span class="tail">{ tail }</span></span>
                    <div class="lane-track">{ for bars }</div>
                </div>
            }
        });
        html! {
            <div class="lane-group">
                <div class="lane-group-name">{ g.name.clone() }</div>
                { for rows }
            </div>
        }
    });
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
    html! {
        <div class="lane-rows">
            { for groups }
            { for queues }
        </div>
    }
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
    fn queues_span_the_width() {
        assert_eq!(QUEUE_VIEW_BOX, format!("0 0 {} 20", Dec(WIDTH)));
    }
}
