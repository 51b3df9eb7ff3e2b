use engine::lang::params::{ParamKind, ParamValue};
use yew::prelude::*;

use crate::Action;

pub struct ParamsPanelProps {
    /// The lesson's id.
    pub lesson: String,
    /// The variant's id: its `@param`s make the controls.
    pub variant: String,
    /// Every parameter's value in the run on screen.
    pub values: Vec<(String, ParamValue)>,
    /// The parameters the code on screen declares: the others have no control.
    pub declared: std::rc::Rc<Vec<String>>,
    /// A control changed: sets the parameter to its new value as text.
    pub ondispatch: Callback<Action>,
}

/// One control per parameter of the scenario: sliders for ranges, switches for Booleans,
/// lists for choices. The variant's pinned values are shown, not offered.
pub fn params_panel(props: &ParamsPanelProps) -> Html {
    let Some(variant) = lessons::lesson(&props.lesson).and_then(|l| l.variant(&props.variant)) else { return Html::default() };
    let shown: Vec<_> = variant.params.iter().filter(|p| p.runtime || props.declared.contains(&p.name)).collect();
    let controls = shown.iter().map(|p| {
        let value = props.values.iter().find(|(n, _)| *n == p.name).map(|(_, v)| v.clone()).unwrap_or_else(|| p.default.clone());
        let testid = format!("param-{}", p.name);
        let id = format!("param-{}-{}", props.variant, p.name);
        let name = p.name.clone();
        let control = match &p.kind {
            ParamKind::Range { min, max, step } => {
                let oninput = props.ondispatch.reform(move |e: InputEvent| Action::SetParam(name.clone(), e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
                let number = |v: &ParamValue| v.as_f64().map(|x| engine::decimal::Dec(x).to_string()).unwrap_or_default();
                html! {
                    <>
                        <input type="range" id={id.clone()} data-testid={testid} min={number(min)} max={number(max)} step={number(step)}
                            value={number(&value)} {oninput} aria-valuetext={value.to_string()} />
                        <output for={id.clone()} class="param-value">{ value.to_string() }</output>
                    </>
                }
            }
            ParamKind::Toggle => {
                let on = value == ParamValue::Bool(true);
                let onchange = props.ondispatch.reform(move |e: Event| {
                    let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                    Action::SetParam(name.clone(), checked.to_string())
                });
                html! { <input type="checkbox" id={id.clone()} data-testid={testid} checked={on} {onchange} /> }
            }
            ParamKind::Choice(options) => {
                let current = match &value {
                    ParamValue::Str(s) => s.clone(),
                    other => other.to_string(),
                };
                let onchange = props.ondispatch.reform(move |e: Event| Action::SetParam(name.clone(), e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
                let options = options.iter().map(|o| html! { <option value={o.clone()} selected={*o == current}>{ o.clone() }</option> });
                html! { <select id={id.clone()} data-testid={testid} {onchange}>{ for options }</select> }
            }
        };
        let changed = value != p.default;
        html! {
            <div class={classes!("param", changed.then_some("changed"))}>
                <label for={id}>{ p.label.clone() }</label>
                <div class="param-control">{ control }</div>
            </div>
        }
    });
    let pinned = variant.fixed.iter().map(|(n, v)| html! { <li><code>{ format!("{n} = {v}") }</code></li> });
    html! {
        <>
            if shown.is_empty() {
                <p class="empty">{ "This code has no parameters." }</p>
            }
            { for controls }
            if !variant.fixed.is_empty() {
                <div class="pinned"><span>{ "Set by this variant:" }</span><ul>{ for pinned }</ul></div>
            }
        </>
    }
}
