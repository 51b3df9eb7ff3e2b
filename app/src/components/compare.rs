use yew::prelude::*;

use crate::components::job_tree::{job_tree, JobTreeProps, TreeItem};
use crate::components::ui::option_button;
use crate::session::format_time;
use crate::{Action, RunRef, Sync};

pub struct CompareViewProps {
    /// The lesson's id.
    pub lesson: String,
    /// The run on screen (the learner's code and parameters).
    pub left: RunRef,
    /// Its variant.
    pub left_variant: usize,
    /// The other run, or why it did not run.
    pub right: Result<RunRef, String>,
    /// Its variant (the same as the left one: the scenario as written, default parameters).
    pub right_variant: usize,
    /// The step of each side.
    pub left_step: u64,
    /// The step of the other side, by time or by step.
    pub right_step: u64,
    /// How the sides step together.
    pub sync: Sync,
    /// The job trees' item focused last.
    pub tree_focus: Option<TreeItem>,
    /// The learner picked the other variant or how to step together.
    pub ondispatch: Callback<Action>,
}

/// Two variants side by side, stepping together, with what differs in their outcomes marked.
pub fn compare_view(props: &CompareViewProps) -> Html {
    let Some(lesson) = lessons::lesson(&props.lesson) else { return Html::default() };
    let label = |i: usize| lesson.variants.get(i).map(|v| v.label.clone()).unwrap_or_default();
    let right_label = if props.right_variant == props.left_variant {
        format!("{} — as written, default parameters", label(props.right_variant))
    } else {
        label(props.right_variant)
    };
    let options = lesson.variants.iter().enumerate().map(|(i, v)| {
        let text = if i == props.left_variant { format!("{} (as written, default parameters)", v.label) } else { v.label.clone() };
        html! { <option value={i.to_string()} selected={i == props.right_variant}>{ text }</option> }
    });
    let onchange = props.ondispatch.reform(|e: Event| Action::CompareWith(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0)));
    let sync_button = |sync: Sync, text: &'static str| option_button(&props.ondispatch, props.sync == sync, text, Action::SetSync(sync));
    // The trees only show: of what they dispatch, only where the keyboard's focus is goes on,
    // so each keeps one Tab stop on the item focused.
    let tree_dispatch = {
        let ondispatch = props.ondispatch.clone();
        Callback::from(move |a: Action| {
            if matches!(a, Action::FocusTreeItem(_)) {
                ondispatch.emit(a);
            }
        })
    };

    let left_out = outputs(&props.left);
    let right_out = props.right.as_ref().map(outputs).unwrap_or_default();
    let left_summary = props.left.outcome_summary();
    let right_summary = props.right.as_ref().map(|r| r.outcome_summary()).unwrap_or_default();
    let differs = |i: usize| match (left_summary.get(i), right_summary.get(i)) {
        (Some(a), Some(b)) => a.1 != b.1,
        _ => true,
    };
    let any_difference = (0..left_summary.len()).any(differs) || left_out != right_out;

    let side = |run: &RunRef, step: u64, title: String, summary: &[(&'static str, String)], other_out: &[String], testid: &'static str| {
        let rows = summary.iter().enumerate().map(|(i, (k, v))| {
            html! { <tr class={classes!(differs(i).then_some("differs"))}><th>{ *k }</th><td>{ v.clone() }</td></tr> }
        });
        let printed = run.rec.view.console_at(step);
        let lines = printed.iter().rev().take(200).rev().map(|(_, text, stderr)| {
            let unique = other_out.binary_search(text).is_err();
            html! { <li class={classes!(stderr.then_some("stderr"), unique.then_some("differs"))} title={if unique { "the other side never prints this line" } else { "" }}>{ text.clone() }</li> }
        });
        html! {
            <div class="side" data-testid={testid}>
                <h3>{ title }</h3>
                <p class="side-position">{ format!("step {step} of {}, t = {}", run.last(), format_time(run.time_at(step))) }</p>
                <table class="outcome"><tbody>{ for rows }</tbody></table>
                <div class="side-tree">{ job_tree(&JobTreeProps { run: run.clone(), step, selected: None, ondispatch: tree_dispatch.clone(), collapsed: Vec::new(), widened: Vec::new(), toggles: false, focused: props.tree_focus }) }</div>
                // Nothing printed yet: a word in the console's place, not an empty dark bar.
                if printed.is_empty() {
                    <p class="side-console empty">{ "Nothing printed yet." }</p>
                } else {
                    <ol class="console-lines side-console">{ for lines }</ol>
                }
            </div>
        }
    };
    let right = match &props.right {
        Ok(r) => side(r, props.right_step, right_label, &right_summary, &left_out, "compare-right"),
        Err(e) => html! { <div class="side" data-testid="compare-right"><h3>{ right_label }</h3><p class="failure">{ format!("It did not run: {e}") }</p></div> },
    };
    html! {
        <section class="panel area-compare" aria-label="Compare" data-testid="compare-view">
            <div class="compare-head">
                <label>{ "Compare with " }<select data-testid="compare-with" {onchange}>{ for options }</select></label>
                <span class="sync">{ "step together by " }{ sync_button(Sync::ByTime, "virtual time") }{ sync_button(Sync::ByStep, "step") }</span>
                <span class={classes!("verdict", any_difference.then_some("differs"))} data-testid="compare-verdict">
                    { if any_difference { "The outcomes differ (marked)" } else { "Same outcome" } }
                </span>
            </div>
            <div class="compare-cols">
                { side(&props.left, props.left_step, format!("{} — yours", label(props.left_variant)), &left_summary, &right_out, "compare-left") }
                { right }
            </div>
        </section>
    }
}

/// Every line a run prints, each once, in order.
fn outputs(run: &RunRef) -> Vec<String> {
    let mut lines: Vec<String> = run.rec.view.console.iter().map(|(_, t, _)| t.clone()).collect();
    engine::order::sort_by(&mut lines, |a, b| a.cmp(b));
    lines.dedup();
    lines
}
