//! Coroutine Lab's web front end.
//!
//! All page state lives in one reducer, [`State`], and changes only through an [`Action`].
//! The components in [`components`] receive data and `on<verb>` callbacks, never the state.
//! This crate is the only one that knows about the DOM.

pub mod components;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use lessons::LessonInfo;
use yew::prelude::*;

use components::code_pane::CodePane;
use components::lesson_list::LessonList;
use components::panel::Panel;
use components::timeline::Timeline;

/// How long a step stays on screen while playing.
const PLAY_INTERVAL: Duration = Duration::from_millis(600);

/// Everything the page shows, in one value.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The course, in order.
    pub lessons: Rc<Vec<LessonInfo>>,
    /// Index into `lessons` of the lesson on screen.
    pub selected: usize,
    /// The step of the run on screen, counted from 0.
    pub step: usize,
    /// Whether the run is advancing on its own.
    pub playing: bool,
}

/// Every way the page can change.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show the lesson at this index, from its first step.
    SelectLesson(usize),
    StepForward,
    StepBack,
    TogglePlay,
}

impl State {
    pub fn new(lessons: Vec<LessonInfo>) -> Self {
        State {
            lessons: Rc::new(lessons),
            selected: 0,
            step: 0,
            playing: false,
        }
    }

    /// The lesson on screen, if the course has any.
    pub fn lesson(&self) -> Option<&LessonInfo> {
        self.lessons.get(self.selected)
    }
}

impl Default for State {
    fn default() -> Self {
        State::new(lessons::catalog())
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            // An index outside the course is ignored rather than trusted.
            Action::SelectLesson(idx) if idx < self.lessons.len() => {
                next.selected = idx;
                next.step = 0;
                next.playing = false;
            }
            Action::SelectLesson(_) => return self,
            Action::StepForward => next.step += 1,
            // Stepping back pauses: playing on would undo the step a moment later.
            Action::StepBack => {
                next.step = next.step.saturating_sub(1);
                next.playing = false;
            }
            Action::TogglePlay => next.playing = !next.playing,
        }
        Rc::new(next)
    }
}

/// The whole page: header, lesson list, and the panels of the lesson on screen.
#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    use_autoplay(state.playing, state.dispatcher());

    let make_callback = |action: fn() -> Action| {
        let dispatcher = state.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(action()))
    };
    let onselect = {
        let dispatcher = state.dispatcher();
        Callback::from(move |idx| dispatcher.dispatch(Action::SelectLesson(idx)))
    };
    let title = state
        .lesson()
        .map(|lesson| lesson.title)
        .unwrap_or_default();

    html! {
        <div class="page">
            <header class="masthead">
                <h1>{ "Coroutine Lab" }</h1>
                <p class="tagline">{ "Kotlin coroutines in production, step by step" }</p>
            </header>
            <aside class="sidebar">
                <LessonList lessons={state.lessons.clone()} selected={state.selected} {onselect} />
                <Panel title="Parameters" testid="params" class="area-params" />
            </aside>
            <main class="lesson-view">
                <h2 class="lesson-title" data-testid="lesson-title">{ title }</h2>
                <div class="workbench">
                    <CodePane source="" />
                    <Panel title="Job tree" testid="job-tree" class="area-tree" />
                    <Panel title="Threads" testid="thread-lanes" class="area-threads" />
                    <Timeline
                        step={state.step}
                        playing={state.playing}
                        onstep_back={make_callback(|| Action::StepBack)}
                        onstep_forward={make_callback(|| Action::StepForward)}
                        ontoggle_play={make_callback(|| Action::TogglePlay)}
                    />
                    <Panel title="Console" testid="console" class="area-console" />
                </div>
            </main>
        </div>
    }
}

/// Steps forward every [`PLAY_INTERVAL`] while `playing` is true.
#[hook]
fn use_autoplay(playing: bool, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(playing, move |&playing| {
        // The timer task cannot be aborted from outside, so it checks this flag, which the
        // cleanup clears when playing stops or the page goes away.
        let running = Rc::new(Cell::new(playing));
        if playing {
            let running = running.clone();
            yew::platform::spawn_local(async move {
                loop {
                    yew::platform::time::sleep(PLAY_INTERVAL).await;
                    if !running.get() {
                        break;
                    }
                    dispatcher.dispatch(Action::StepForward);
                }
            });
        }
        move || running.set(false)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce_all(actions: &[Action]) -> Rc<State> {
        actions
            .iter()
            .cloned()
            .fold(Rc::new(State::default()), |state, action| {
                state.reduce(action)
            })
    }

    #[test]
    fn starts_on_the_first_lesson_at_step_zero() {
        let state = State::default();
        assert_eq!(state.lesson().map(|l| l.id), Some(lessons::catalog()[0].id));
        assert_eq!((state.step, state.playing), (0, false));
    }

    #[test]
    fn selecting_a_lesson_shows_it_from_the_start() {
        let state = reduce_all(&[
            Action::StepForward,
            Action::TogglePlay,
            Action::SelectLesson(2),
        ]);
        assert_eq!(state.lesson().map(|l| l.id), Some(lessons::catalog()[2].id));
        assert_eq!((state.step, state.playing), (0, false));
    }

    #[test]
    fn selecting_past_the_end_changes_nothing() {
        let before = reduce_all(&[Action::SelectLesson(1)]);
        let after = before
            .clone()
            .reduce(Action::SelectLesson(before.lessons.len()));
        assert_eq!(after, before);
    }

    #[test]
    fn stepping_back_stops_at_zero_and_pauses() {
        let state = reduce_all(&[
            Action::StepForward,
            Action::StepForward,
            Action::TogglePlay,
            Action::StepBack,
        ]);
        assert_eq!((state.step, state.playing), (1, false));
        let state = reduce_all(&[Action::StepBack, Action::StepBack]);
        assert_eq!(state.step, 0);
    }
}
