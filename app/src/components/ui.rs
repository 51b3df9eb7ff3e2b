//! Small pieces the page repeats: the callbacks behind its controls and the buttons that
//! switch an option. Every control dispatches an [`Action`] through one callback, so the
//! page builds its callbacks from a few closures instead of one kind per control.

use yew::prelude::*;

use crate::Action;

/// A click that dispatches `action`.
#[inline(never)]
pub fn on_click(ondispatch: &Callback<Action>, action: Action) -> Callback<MouseEvent> {
    ondispatch.reform(move |_: MouseEvent| action.clone())
}

/// `"true"` or `"false"`, for `aria-*` attributes.
pub fn bool_text(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// A small button that switches an option on (the lanes' axis, how compared runs step
/// together): pressed and marked `current` when on.
#[inline(never)]
pub fn option_button(ondispatch: &Callback<Action>, pressed: bool, text: &'static str, action: Action) -> Html {
    html! {
        <button class={classes!("control", "small", pressed.then_some("current"))} aria-pressed={bool_text(pressed)}
            onclick={on_click(ondispatch, action)}>{ text }</button>
    }
}
