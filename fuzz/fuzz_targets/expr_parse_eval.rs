//! Typed functions: any text parses or fails with a position inside the text, without a panic
//! or a hang; a program that compiles evaluates (value, gradient, Hessian) without a panic.
#![no_main]

use descenso::landscape::typed::{Program, Typed};
use descenso::landscape::{Landscape, Point};
use descenso::numbers::RustNumbers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars = text.chars().count();
    for vars in [1, 2] {
        match Program::compile(&text, vars, &RustNumbers) {
            Ok(program) => {
                let typed = Typed::<2> { program };
                for p in [Point::<2>::new(0.0, 0.0), Point::<2>::new(-1.5, 2.25), Point::<2>::new(1e300, -1e-300)] {
                    typed.value(&p);
                    typed.gradient(&p);
                    typed.hessian(&p);
                }
            }
            Err(e) => assert!(e.start <= e.end && e.start <= chars.max(1) + 1, "{e:?} for {text:?}"),
        }
    }
});
