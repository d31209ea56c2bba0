//! Native figures for a step on all the weights of a network (bench/network.mjs runs this
//! beside the browser's figures): for each network setup token given (the link's `net=`),
//! each method's seconds per step at the runs' start, by `explore::network::step_times` on
//! `std::time::Instant`. Prints `token N id seconds id seconds …` lines.
//! Run: cargo run --release -p descenso --example network_steps -- moons_h6.4_pts200_m.gd.newton
#![allow(missing_docs)]

// Native only (`Instant` panics in wasm); the wasm test run still compiles the examples.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use descenso::explore::network::{step_times, Setup};
    use std::time::Instant;

    let origin = Instant::now();
    let mut clock = || origin.elapsed().as_secs_f64();
    for token in std::env::args().skip(1) {
        let Some(setup) = Setup::parse(&token, |t| t.parse::<f64>().ok()) else {
            eprintln!("not a network setup: {token}");
            std::process::exit(2);
        };
        let times = step_times(&setup, &mut clock).unwrap_or_else(|e| {
            eprintln!("{token}: {e:?}");
            std::process::exit(2);
        });
        let n = setup.training().dimension();
        let rows: Vec<String> = setup
            .methods
            .iter()
            .zip(&times)
            .map(|(id, t)| format!("{id} {t}"))
            .collect();
        println!("{token} {n} {}", rows.join(" "));
    }
}
