use yew::prelude::*;

pub struct PanelProps {
    /// Heading shown at the top of the panel.
    pub title: &'static str,
    /// The `data-testid` hook of the panel's body, stable for tests and later wiring.
    pub testid: &'static str,
    /// The CSS class naming the panel's place in the page grid.
    pub class: &'static str,
    /// What the panel holds.
    pub children: Html,
}

/// A titled box of the lesson screen: job tree, thread lanes. A plain function, not a
/// component: what it holds changes whenever it is drawn again.
pub fn panel(props: PanelProps) -> Html {
    html! {
        <section class={format!("panel {}", props.class)} aria-label={props.title}>
            <h3 class="panel-title">{ props.title }</h3>
            <div class="panel-body" data-testid={props.testid}>
                { props.children }
            </div>
        </section>
    }
}
