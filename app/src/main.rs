fn main() {
    // The page downloads each lesson's content when it first opens the lesson.
    lessons::content::fetch_with(app::cold::fetch_lesson);
    yew::Renderer::<app::App>::new().render();
}
