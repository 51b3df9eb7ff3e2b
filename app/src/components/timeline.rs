use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct TimelineProps {
    /// The step on screen, counted from 0.
    pub step: usize,
    /// Whether the run is advancing on its own.
    pub playing: bool,
    pub onstep_back: Callback<()>,
    pub onstep_forward: Callback<()>,
    pub ontoggle_play: Callback<()>,
}

/// The run's transport controls and the current position.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let onstep_back = props.onstep_back.reform(|_: MouseEvent| ());
    let onstep_forward = props.onstep_forward.reform(|_: MouseEvent| ());
    let ontoggle_play = props.ontoggle_play.reform(|_: MouseEvent| ());
    html! {
        <section class="timeline area-timeline" data-testid="timeline" aria-label="Timeline">
            <button
                class="control"
                data-testid="step-back"
                title="Step back"
                aria-label="Step back"
                disabled={props.step == 0}
                onclick={onstep_back}
            >{ "◀" }</button>
            <button
                class="control play"
                data-testid="play"
                aria-pressed={if props.playing { "true" } else { "false" }}
                onclick={ontoggle_play}
            >{ if props.playing { "❚❚ Pause" } else { "▶ Play" } }</button>
            <button
                class="control"
                data-testid="step-forward"
                title="Step forward"
                aria-label="Step forward"
                onclick={onstep_forward}
            >{ "▶" }</button>
            <output class="position" aria-live="polite">{ format!("step {}", props.step) }</output>
        </section>
    }
}
