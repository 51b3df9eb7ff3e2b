use lessons::LessonInfo;
use std::rc::Rc;
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct LessonListProps {
    /// The course, in order.
    pub lessons: Rc<Vec<LessonInfo>>,
    /// Index of the lesson on screen.
    pub selected: usize,
    /// Called with the index of the lesson the learner picked.
    pub onselect: Callback<usize>,
}

/// The course's lessons, numbered, with the current one marked.
#[component]
pub fn LessonList(props: &LessonListProps) -> Html {
    let items = props.lessons.iter().enumerate().map(|(idx, lesson)| {
        let onclick = props.onselect.reform(move |_: MouseEvent| idx);
        let is_current = idx == props.selected;
        html! {
            <li key={lesson.id}>
                <button
                    class={classes!("lesson-link", is_current.then_some("current"))}
                    aria-current={is_current.then_some("page")}
                    {onclick}
                >
                    <span class="lesson-number">{ idx + 1 }</span>
                    <span class="lesson-name">{ lesson.title }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="lessons" aria-label="Lessons">
            <ol data-testid="lesson-list">{ for items }</ol>
        </nav>
    }
}
