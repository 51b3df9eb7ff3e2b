use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct CodePaneProps {
    /// The Kotlin source of the current scenario.
    pub source: AttrValue,
}

/// The scenario's source, one numbered line per row.
#[component]
pub fn CodePane(props: &CodePaneProps) -> Html {
    let lines = props.source.lines().map(|line| {
        html! { <li class="code-line"><code>{ line.to_owned() }</code></li> }
    });
    html! {
        <section class="panel area-code" aria-label="Code">
            <h3 class="panel-title">{ "Code" }</h3>
            <ol class="code" data-testid="code">{ for lines }</ol>
        </section>
    }
}
