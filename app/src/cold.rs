//! Loading the page's cold code: the part of the engine no lesson runs.
//!
//! The page's build (`tools/page-split`) moves every function the lessons never call into a
//! second module, `*_cold.wasm`, beside the page's own, and leaves in its place a stub that
//! calls [`__corolab_cold_loader`] the first time any of them runs. Most learners never need
//! it; one who edits a program into a corner of Kotlin no lesson reaches downloads it once.
//!
//! The load is synchronous because the engine is: a stub runs in the middle of a run of the
//! simulator, which cannot wait for a promise. The cold module shares the page's memory,
//! tables and globals, so once it is in, the program goes on as if it had always been there.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function load(page) {
  if (page.__corolab_cold_ready.value) return;
  // The cold module sits beside the page's module, which the preload link names.
  const link = document.querySelector('link[rel="preload"][href$="_bg.wasm"]');
  if (!link) throw new Error('Coroutine Lab cannot find its module to load the rest of its code');
  const url = new URL(link.getAttribute('href'), document.baseURI).href.replace(/_bg\.wasm$/, '_cold.wasm');
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  // A synchronous request cannot ask for an ArrayBuffer; this charset keeps each byte as
  // the low byte of one character.
  request.overrideMimeType('text/plain; charset=x-user-defined');
  request.send();
  if (request.status !== 200) throw new Error('Coroutine Lab could not load ' + url + ' (' + request.status + ')');
  const text = request.responseText;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  new WebAssembly.Instance(new WebAssembly.Module(bytes), { p: page });
  page.__corolab_cold_ready.value = 1;
}
"#)]
extern "C" {
    fn load(page: JsValue);
}

/// Loads the cold module, which imports what it shares from the page module's exports. Only
/// the stubs of a split build call it, through this export; in a build that was not split it
/// is never called. It and all it calls stay in the page's module (`tools/page-split`).
#[wasm_bindgen]
pub fn __corolab_cold_loader() {
    load(wasm_bindgen::exports());
}
