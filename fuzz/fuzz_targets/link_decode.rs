//! Share-link decoder: any text decodes without a panic or a hang, to a state that encodes to a
//! link which decodes back to the same state with nothing ignored.
#![no_main]

use descenso::numbers::RustNumbers;
use descenso::share::link::LinkState;
use descenso::landscape::presets::Preset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let fallback = Preset::find("rosenbrock").expect("the default preset exists");
    let (state, _ignored) = LinkState::decode(&query, fallback, &RustNumbers);
    let link = state.encode(&RustNumbers);
    let (again, ignored) = LinkState::decode(&link, fallback, &RustNumbers);
    assert_eq!(again, state, "decode(encode(state)) differs for link {link:?}");
    assert!(ignored.is_empty(), "a link the core wrote had ignored fields: {ignored:?} in {link:?}");
});
