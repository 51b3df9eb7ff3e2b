use yew::prelude::*;

use crate::RunRef;

/// Lines shown at most; the earlier ones are counted.
const MAX_LINES: usize = 300;

pub struct ConsoleProps {
    /// The run.
    pub run: Option<RunRef>,
    /// The step on screen.
    pub step: u64,
}

/// What the program printed by the step; the line printed at this very step stands out.
pub fn console(props: &ConsoleProps) -> Html {
    let lines = props.run.as_ref().map(|r| r.rec.view.console_at(props.step)).unwrap_or(&[]);
    let hidden = lines.len().saturating_sub(MAX_LINES);
    let shown = lines[hidden..].iter().map(|(step, text, stderr)| {
        let now = *step == props.step;
        html! { <li class={classes!(stderr.then_some("stderr"), now.then_some("now"))} title={format!("printed at step {step}")}>{ text.clone() }</li> }
    });
    html! {
        <section class="panel area-console" aria-label="Console">
            <h3 class="panel-title">{ "Console" }<span class="hint">{ format!(" — {} line{} so far", lines.len(), if lines.len() == 1 { "" } else { "s" }) }</span></h3>
            // The box is laid out from the bottom up, so it shows the newest lines without scrolling.
            <div class="panel-body console" data-testid="console">
                <div>
                    if hidden > 0 {
                        <p class="more">{ format!("… {hidden} earlier line{}", if hidden == 1 { "" } else { "s" }) }</p>
                    }
                    if lines.is_empty() {
                        <p class="empty">{ "Nothing printed yet." }</p>
                    }
                    <ol class="console-lines">{ for shown }</ol>
                </div>
            </div>
        </section>
    }
}
