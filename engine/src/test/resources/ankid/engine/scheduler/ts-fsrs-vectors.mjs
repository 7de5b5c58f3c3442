// Generates ts-fsrs-vectors.jsonl: random review histories run through ts-fsrs 5.4.2 (FSRS-6),
// an independent implementation used to cross-check Fsrs.java.
// Usage: npm install ts-fsrs@5.4.2 && node ts-fsrs-vectors.mjs > ts-fsrs-vectors.jsonl
import { FSRSAlgorithm, generatorParameters, default_w, CLAMP_PARAMETERS } from 'ts-fsrs';

let seed = 20261127;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

for (let n = 0; n < 300; n++) {
  let w = [...default_w];
  if (n % 3 !== 0) {
    const clamps = CLAMP_PARAMETERS(2.0);
    w = w.map((v, i) => {
      const [lo, hi] = clamps[i];
      const x = v * (0.6 + 0.8 * rand());
      return Math.fround(Math.min(hi, Math.max(lo, x)));
    });
  }
  const algo = new FSRSAlgorithm(generatorParameters({ w, enable_short_term: true }));
  let state = null;
  const steps = [];
  const len = 1 + Math.floor(rand() * 12);
  for (let i = 0; i < len; i++) {
    const g = 1 + Math.floor(rand() * 4);
    const t = i === 0 ? 0 : (rand() < 0.25 ? 0 : Math.floor(rand() * 60));
    state = algo.next_state(state, t, g);
    const rt = Math.floor(rand() * 30);
    const r = algo.forgetting_curve(rt, state.stability);
    steps.push({ g, t, s: state.stability, d: state.difficulty, rt, r });
  }
  console.log(JSON.stringify({ w, steps }));
}
