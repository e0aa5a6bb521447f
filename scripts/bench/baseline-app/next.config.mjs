// The bench's baseline (scripts/bench/baseline.mjs): bare Next with its defaults.
export default {};
