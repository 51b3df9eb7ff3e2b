use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct PanelProps {
    /// Heading shown at the top of the panel.
    pub title: AttrValue,
    /// The `data-testid` hook of the panel's body, stable for tests and later wiring.
    pub testid: AttrValue,
    /// Extra CSS class naming the panel's place in the page grid.
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A titled box of the lesson screen: job tree, thread lanes, console, parameters.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    html! {
        <section class={classes!("panel", props.class.clone())} aria-label={props.title.clone()}>
            <h3 class="panel-title">{ props.title.clone() }</h3>
            <div class="panel-body" data-testid={props.testid.clone()}>
                { props.children.clone() }
            </div>
        </section>
    }
}
