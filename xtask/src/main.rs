//! Project automation: `cargo xtask eval` (accuracy harness) and
//! `cargo xtask bench` (whole-process comparisons). To be implemented.

fn main() -> anyhow::Result<()> {
    anyhow::bail!("xtask: no tasks implemented yet")
}
