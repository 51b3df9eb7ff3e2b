use std::rc::Rc;

use lessons::LessonInfo;
use yew::prelude::*;

use crate::components::ui::on_click;
use crate::Action;

pub struct LessonListProps {
    /// The course, in order.
    pub lessons: Rc<Vec<LessonInfo>>,
    /// Index of the lesson on screen.
    pub selected: usize,
    /// Ids of the lessons whose question the learner has checked.
    pub progress: Rc<crate::sorted::SortedSet>,
    /// Selects the lesson the learner picked.
    pub ondispatch: Callback<Action>,
}

/// The course's lessons, numbered, with the current one marked and the done ones ticked.
pub fn lesson_list(props: &LessonListProps) -> Html {
    let done = props.lessons.iter().filter(|l| props.progress.contains(l.id)).count();
    let items = props.lessons.iter().enumerate().map(|(idx, lesson)| {
        let onclick = on_click(&props.ondispatch, Action::SelectLesson(idx));
        let is_current = idx == props.selected;
        let is_done = props.progress.contains(lesson.id);
        html! {
            <li key={lesson.id}>
                <button
                    class={classes!("lesson-link", is_current.then_some("current"), is_done.then_some("done"))}
                    aria-current={is_current.then_some("page")}
                    {onclick}
                >
                    <span class="lesson-number">{ idx + 1 }</span>
                    <span class="lesson-name">{ lesson.title }</span>
                    if is_done {
                        <span class="lesson-done" title="Answered" aria-label="answered">{ "✓" }</span>
                    }
                </button>
            </li>
        }
    });
    html! {
        <>
            <ol class="lessons" data-testid="lesson-list">{ for items }</ol>
            <p class="progress" data-testid="progress">{ format!("{done} of {} answered", props.lessons.len()) }</p>
        </>
    }
}
