use yew::prelude::*;

use crate::browser;
use crate::Action;

pub struct ShareBoxProps {
    /// The link's hash, without `#`.
    pub hash: String,
    /// The code was too long for a link and was left out.
    pub code_left_out: bool,
    /// What became of the last "Copy link" (see [`crate::ShareLink::copied`]).
    pub copied: Option<bool>,
    /// The link's text field, selected by [`use_share_select`].
    pub input: NodeRef,
    /// Hides the box.
    pub ondispatch: Callback<Action>,
}

/// The text field of the share link, focused and selected whenever a new link shows.
#[hook]
pub fn use_share_select(hash: Option<String>) -> NodeRef {
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(hash, move |_| {
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = i.focus();
                i.select();
            }
        });
    }
    input
}

/// The share link, selected and ready to copy.
pub fn share_box(props: &ShareBoxProps) -> Html {
    let url = format!("{}#{}", browser::page_address(), props.hash);
    // Closing, by the button or Escape, gives the focus back to the Share button.
    let close = |d: &Callback<Action>| {
        d.emit(Action::CloseShare);
        browser::focus("[data-testid=share]");
    };
    let d = props.ondispatch.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            close(&d);
        }
    });
    let d = props.ondispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| close(&d));
    let d = props.ondispatch.clone();
    let link = url.clone();
    let oncopy = Callback::from(move |_: MouseEvent| {
        let d = d.clone();
        browser::copy_text(&link, move |ok| {
            if !ok {
                browser::select_text("[data-testid=share-link]");
            }
            d.emit(Action::LinkCopied(ok));
        });
    });
    // Said aloud as well: the button's text changes where the focus already is.
    let status = match props.copied {
        Some(true) => "Copied to the clipboard.",
        Some(false) => "The browser refused the clipboard: the link is selected, copy it with Ctrl+C (⌘C).",
        None => "",
    };
    html! {
        <div class="share-box" role="dialog" aria-label="Share link" {onkeydown}>
            <label for="share-link">{ "This link opens the lesson with your code, parameters and step:" }</label>
            <input id="share-link" ref={props.input.clone()} readonly=true value={url} data-testid="share-link" />
            if props.code_left_out {
                <p class="warning">{ "Your code is too long for a link: the link has the scenario's own code." }</p>
            }
            <button class="control" data-testid="copy-link" onclick={oncopy}>{ if props.copied == Some(true) { "Copied ✓" } else { "Copy link" } }</button>
            <button class="control" {onclick}>{ "Close" }</button>
            <p class="share-status" role="status" data-testid="copy-status">{ status }</p>
        </div>
    }
}
