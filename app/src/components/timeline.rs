use engine::decimal::Dec;
use yew::prelude::*;

use crate::components::cached::{Cached, Part};
use crate::components::ui::{bool_text, on_click};
use crate::{Action, RunRef, SPEEDS};

pub struct TimelineProps {
    /// The step on screen, counted from 0.
    pub step: u64,
    /// The last step of the run.
    pub last: u64,
    /// Nothing is left to step through (in compare mode, on either side).
    pub at_end: bool,
    /// Virtual time at the step, in words.
    pub time: String,
    /// Whether the run is advancing on its own.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// The run, for its event marks and narration.
    pub run: Option<RunRef>,
    /// Every control dispatches an action.
    pub ondispatch: Callback<Action>,
}

/// The run's transport controls, the scrubber with its events, the position, and the
/// narration of the step for screen readers.
pub fn timeline(props: &TimelineProps) -> Html {
    // A control with nothing to do says so (`aria-disabled`) but stays focusable: a disabled
    // button would drop the focus of the learner who just pressed it (at the end, ▶|) to the
    // page. Pressed anyway, its action changes nothing.
    let button = |action: Action, text: &'static str, label: &'static str, testid: &'static str, disabled: bool| {
        let onclick = on_click(&props.ondispatch, action);
        html! {
            <button class="control" data-testid={testid} title={label} aria-label={label} aria-disabled={bool_text(disabled)} {onclick}>{ text }</button>
        }
    };
    let at_start = props.step == 0;
    let at_end = props.at_end;
    let onscrub = props.ondispatch.reform(|e: InputEvent| {
        let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
        Action::Seek(value.parse().unwrap_or(0))
    });
    let onspeed = props.ondispatch.reform(|e: Event| {
        let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Action::SetSpeed(value.parse().unwrap_or(1))
    });
    let speeds = SPEEDS.iter().enumerate().map(|(i, s)| {
        html! { <option value={i.to_string()} selected={i == props.speed}>{ format!("{s}×") }</option> }
    });
    let marks = props.run.as_ref().map(|r| html! { <Cached part={Part::Marks(r.clone())} /> });
    let narration = props.run.as_ref().map(|r| {
        let what = r.rec.view.narrate(props.step);
        let what = if what.is_empty() { "only bookkeeping (queues, memory)".to_string() } else { what };
        format!("Step {} of {}, {}: {what}", props.step, props.last, props.time)
    });
    html! {
        <section class="timeline area-timeline" aria-label="Timeline">
            <div class="transport" data-testid="timeline">
                { button(Action::ToStart, "|◀", "Jump to the start (Home)", "to-start", at_start) }
                { button(Action::EventBack, "◀◀", "Previous event (Shift+←)", "event-back", at_start) }
                { button(Action::StepBack, "◀", "Step back (←)", "step-back", at_start) }
                <button
                    class="control play"
                    data-testid="play"
                    title="Play or pause (Space)"
                    aria-pressed={bool_text(props.playing)}
                    onclick={on_click(&props.ondispatch, Action::TogglePlay)}
                >{ if props.playing { "❚❚ Pause" } else { "▶ Play" } }</button>
                { button(Action::StepForward, "▶", "Step forward (→)", "step-forward", at_end) }
                { button(Action::EventForward, "▶▶", "Next event (Shift+→)", "event-forward", at_end) }
                { button(Action::ToEnd, "▶|", "Jump to the end (End)", "to-end", at_end) }
                <label class="speed">
                    <span class="sr-only">{ "Speed" }</span>
                    <select data-testid="speed" onchange={onspeed} aria-label="Playing speed">{ for speeds }</select>
                </label>
                <div class="scrub">
                    <input type="range" min="0" max={props.last.to_string()} step="1" value={props.step.to_string()}
                        oninput={onscrub} data-testid="scrub" aria-label="Scrub through the run"
                        aria-valuetext={format!("step {} of {}, {}", props.step, props.last, props.time)} />
                    { for marks }
                </div>
                <span class="where">
                    <output class="position">{ format!("step {}", props.step) }</output>
                    <span class="of">{ format!(" / {}", props.last) }</span>
                    <span class="time">{ format!(" · {}", props.time) }</span>
                </span>
            </div>
            // While playing, the narration is not read out at every frame.
            <p class="narration" data-testid="narration" aria-live={if props.playing { "off" } else { "polite" }} aria-atomic="true"
                title={narration.clone().unwrap_or_default()}>{ narration.unwrap_or_default() }</p>
        </section>
    }
}

/// The marks' coordinates: [`WIDTH`](crate::session::WIDTH) across, 10 down.
const MARKS_VIEW_BOX: &str = "0 0 1000 10";

/// Ticks under the scrubber where failures, cancellations and output happen; drawn once per
/// run, not at every step (by [`Cached`]).
pub fn marks(run: &RunRef) -> Html {
    let ticks = run.marks.iter().map(|(x, kind)| {
        let x = Dec(*x).to_string();
        html! { <line class={classes!("mark", *kind)} x1={x.clone()} x2={x} y1="0" y2="10" /> }
    });
    html! {
        <svg class="marks" viewBox={MARKS_VIEW_BOX} preserveAspectRatio="none" aria-hidden="true">{ for ticks }</svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::WIDTH;

    #[test]
    fn marks_span_the_width() {
        assert_eq!(MARKS_VIEW_BOX, format!("0 0 {} 10", Dec(WIDTH)));
    }
}
