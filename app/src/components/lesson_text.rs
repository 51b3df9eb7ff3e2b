use std::rc::Rc;

use engine::lang::params::ParamValue;
use lessons::Evaluation;
use yew::prelude::*;

use crate::markdown::{self, Block, Inline};
use crate::components::ui::on_click;
use crate::Action;

/// The lesson's text, from its Markdown, as elements and text nodes (never as HTML); drawn
/// by [`Cached`](crate::components::cached::Cached), so only when the lesson changes.
pub fn lesson_text(lesson: &str) -> Html {
    let blocks = lessons::lesson(lesson).map(|l| markdown::parse(&l.text)).unwrap_or_default();
    // The title is already the page's heading.
    let body = blocks.iter().filter(|b| !matches!(b, Block::Heading(1, _))).map(block);
    html! {
        <details class="lesson-text" open=true data-testid="lesson-text">
            <summary>{ "The lesson" }</summary>
            <div class="prose">{ for body }</div>
        </details>
    }
}

fn block(b: &Block) -> Html {
    match b {
        Block::Heading(level, text) => {
            let inner = inlines(text);
            match level {
                1 | 2 => html! { <h3>{ inner }</h3> },
                3 => html! { <h4>{ inner }</h4> },
                _ => html! { <h5>{ inner }</h5> },
            }
        }
        Block::Paragraph(text) => html! { <p>{ inlines(text) }</p> },
        Block::List(ordered, items) => {
            let items = items.iter().map(|i| html! { <li>{ inlines(i) }</li> });
            if *ordered {
                html! { <ol>{ for items }</ol> }
            } else {
                html! { <ul>{ for items }</ul> }
            }
        }
        Block::Quote(text) => html! { <blockquote>{ inlines(text) }</blockquote> },
        Block::Code(_, text) => html! { <pre class="prose-code"><code>{ text.clone() }</code></pre> },
    }
}

fn inlines(items: &[Inline]) -> Html {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(t) => html! { { t.clone() } },
            Inline::Code(t) => html! { <code>{ t.clone() }</code> },
            Inline::Strong(inner) => html! { <strong>{ inlines(inner) }</strong> },
            Inline::Emphasis(inner) => html! { <em>{ inlines(inner) }</em> },
            Inline::Link(inner, Some(url)) => html! { <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ inlines(inner) }</a> },
            Inline::Link(inner, None) => inlines(inner),
        })
        .collect()
}

/// A lesson evaluation, compared by identity.
#[derive(Debug, Clone)]
pub struct EvalRef(pub Rc<Evaluation>);

impl PartialEq for EvalRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

pub struct QuestionsProps {
    /// The lesson's id.
    pub lesson: String,
    /// The variant's id: questions are asked per variant.
    pub variant: String,
    /// Every parameter's value in the run on screen, for `{name}` in the texts.
    pub values: Vec<(String, ParamValue)>,
    /// The learner's predictions: question id → choice id.
    pub answers: crate::sorted::SortedMap<String>,
    /// The run's answers are shown.
    pub revealed: bool,
    /// The checks on the run, once revealed (or why they could not run).
    pub evaluation: Option<Result<EvalRef, String>>,
    /// The code on screen runs: otherwise the answers cannot be checked.
    pub runs: bool,
    /// Predictions, the reveal, and "show me" jumps.
    pub ondispatch: Callback<Action>,
}

/// The "predict, then run" questions: pick an answer, run, and see what the run says.
pub fn questions(props: &QuestionsProps) -> Html {
    let Some(lesson) = lessons::lesson(&props.lesson) else { return Html::default() };
    let evaluation = match &props.evaluation {
        Some(Ok(e)) => Some(e.0.clone()),
        _ => None,
    };
    let questions = lesson.questions_for(&props.variant).map(|q| {
        let picked = props.answers.get(&q.id);
        let outcome = evaluation.as_ref().and_then(|e| e.questions.iter().find(|o| o.id == q.id));
        let right = outcome.and_then(|o| o.answer.clone());
        let choices = q.choices.iter().map(|c| {
            let (qid, cid) = (q.id.clone(), c.id.clone());
            let onchange = props.ondispatch.reform(move |_: Event| Action::Answer(qid.clone(), cid.clone()));
            let checked = picked == Some(&c.id);
            let verdict = verdict(right.as_deref(), &c.id, checked);
            html! {
                <li class={classes!("choice", verdict.map(|v| v.0))}>
                    <label>
                        <input type="radio" name={format!("q-{}", q.id)} value={c.id.clone()} {checked}
                            disabled={props.revealed} {onchange} data-testid={format!("choice-{}", c.id)} />
                        <span>{ lessons::render(&c.text, &props.values) }</span>
                    </label>
                    if let Some((_, text)) = verdict {
                        <span class="verdict">{ text }</span>
                    }
                </li>
            }
        });
        let detail = outcome.and_then(|o| o.choices.iter().find(|c| Some(&c.id) == right.as_ref())).map(|c| {
            let checks = c.checks.iter().map(|k| html! { <li><code>{ k.check.clone() }</code>{ " — " }{ k.detail.clone() }</li> });
            html! { <details class="checks"><summary>{ "How the run shows it" }</summary><ul>{ for checks }</ul></details> }
        });
        let summary = match (props.revealed && outcome.is_some(), picked, &right) {
            (true, Some(p), Some(r)) if p == r => Some(("good", "You predicted it.")),
            (true, Some(_), Some(_)) => Some(("bad", "The run disagrees with your prediction: step through it to see why.")),
            (true, None, Some(_)) => Some(("good", "Here is what the run did.")),
            (true, _, None) => Some(("bad", "The run fits none of the answers exactly.")),
            _ => None,
        };
        html! {
            <fieldset class="question" data-testid="question">
                <legend>{ lessons::render(&q.text, &props.values) }</legend>
                <ul class="choices">{ for choices }</ul>
                if let Some((class, text)) = summary {
                    <p class={classes!("summary", class)} data-testid="verdict" tabindex="-1">{ text }</p>
                }
                { for detail }
            </fieldset>
        }
    });
    // The run reveals every answer at once: each question waits for its prediction first.
    let unanswered = lesson.questions_for(&props.variant).filter(|q| props.answers.get(&q.id).is_none()).count();
    let onreveal = on_click(&props.ondispatch, Action::Reveal);
    // In the order of the run: a pointer to no step comes last.
    let mut notices: Vec<_> = evaluation.iter().flat_map(|e| e.notices.clone()).map(|n| (notice_jump(&n.targets), n)).collect();
    notices.sort_by_key(|((step, _), _)| step.unwrap_or(u64::MAX));
    let notices = notices.into_iter().map(|((step, job), n)| {
        // A pointer may name the coroutine in one target and the step in another
        // (`coroutine "A", step when "A" is cancelled`): the button shows both.
        let jump = (step.is_some() || job.is_some()).then(|| {
            let (action, what) = match step {
                Some(s) => (Action::Show(s, job), format!("Show step {s}")),
                None => (Action::SelectJob(job), "Show it".to_string()),
            };
            let onclick = on_click(&props.ondispatch, action);
            html! { <button class="control small" data-testid="notice-show" {onclick}>{ what }</button> }
        });
        // A line has no step to seek to: the notice names it, for the gutter's numbers.
        let line = n.targets.iter().find_map(|t| t.line).map(|l| format!("(line {l}) "));
        html! { <li>{ n.text.clone() }{ " " }{ for line }{ for jump }</li> }
    });
    let error = match &props.evaluation {
        Some(Err(e)) => Some(html! { <p class="summary bad" tabindex="-1">{ format!("The answers are not checked: {e}.") }</p> }),
        _ => None,
    };
    html! {
        <div class={classes!("questions", props.revealed.then_some("revealed"))} aria-label="Predict, then run" data-testid="questions">
            <h3 class="panel-title">{ "Predict, then run" }</h3>
            { for questions }
            if !props.revealed {
                <button class="control primary" data-testid="reveal" onclick={onreveal} disabled={unanswered > 0 || !props.runs}
                    title={match unanswered { 0 => "Run to the end and compare", 1 => "Pick an answer first", _ => "Pick an answer to each question first" }}>
                    { if props.runs { "Run and check" } else { "Fix the code to check" } }
                </button>
            }
            { for error }
            if props.revealed && evaluation.as_ref().is_some_and(|e| !e.notices.is_empty()) {
                <div class="notices"><h4>{ "What to notice" }</h4><ul>{ for notices }</ul></div>
            }
        </div>
    }
}

/// How a choice is marked once the run is checked: the run's answer, and the learner's pick
/// when it is another. A run that fits no answer (edited code) proves no pick wrong.
fn verdict(right: Option<&str>, choice: &str, picked: bool) -> Option<(&'static str, &'static str)> {
    match right {
        Some(r) if r == choice => Some(("right", "✔ what the run did")),
        Some(_) if picked => Some(("wrong", "✖ not this time")),
        _ => None,
    }
}

/// Where a "what to notice" button goes: the first step its targets name, and the first
/// coroutine (a target naming no step only selects the coroutine).
fn notice_jump(targets: &[lessons::TargetAt]) -> (Option<u64>, Option<engine::value::JobId>) {
    let step = targets.iter().find_map(|t| t.step);
    let job = targets.iter().find_map(|t| t.jobs.first().copied());
    (step, job)
}

#[cfg(test)]
mod tests {
    use super::{notice_jump, verdict};

    #[test]
    fn a_pick_is_wrong_only_when_the_run_has_another_answer() {
        assert_eq!(verdict(Some("a"), "a", true).map(|v| v.0), Some("right"));
        assert_eq!(verdict(Some("a"), "a", false).map(|v| v.0), Some("right"));
        assert_eq!(verdict(Some("a"), "b", true).map(|v| v.0), Some("wrong"));
        assert_eq!(verdict(Some("a"), "b", false), None);
        assert_eq!(verdict(None, "b", true), None, "edited code that fits no answer");
    }
    use yew::Reducible;

    #[test]
    fn a_notice_jumps_to_the_step_and_coroutine_its_targets_name() {
        let state = crate::State::boot(crate::Boot::default());
        let state = std::rc::Rc::new(state).reduce(crate::Action::Answer("q1".into(), "cancelled".into())).reduce(crate::Action::Reveal);
        let eval = state.evaluation.clone().unwrap().unwrap();
        let notice = eval.notices.iter().find(|n| n.text.starts_with("When B fails while A is still running")).unwrap();
        let (step, job) = notice_jump(&notice.targets);
        let a = notice.targets[0].jobs[0];
        assert_eq!(job, Some(a));
        let step = step.expect("the step where A is cancelled");
        assert!(step > 0);
        let view = &state.run.clone().unwrap().rec.view;
        let state_of = |s: u64| view.job_at(s, a).map(|j| j.state);
        assert_ne!(state_of(step - 1), state_of(step), "A changes state at the step shown");
    }
}
