// Translation-memory match lookup at scale (issue 14): p50/p95 of one segment's exact + fuzzy
// lookup among N stored segments, through the index the CMS uses (cms/src/translation/
// memory-index.ts, from the CMS build). Not included: the one `max(id)` query the CMS makes
// before each lookup to pick up rows written by another process.
// Standalone: node scripts/bench/memory.mjs [segments] (after the CMS build).
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const rootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Words of the seed articles' register (frequent, so trigram postings are skewed as in real
// text) and a long tail of made-up words from Mongolian syllables (a real memory's vocabulary).
const COMMON = (
  'манай компани жижиг дунд үйлдвэр гэрчилгээ мэргэшсэн боловсронгуй онцлогтой шинэлэг технологи ' +
  'бүтээгдэхүүн чанар стандарт хөгжил хот аймаг сард оны авлаа зориулсан тусгай төв хороо хурал'
).split(' ');
const SYLLABLES = 'ба бо га гэ да дэ ла лэ ма мө на нө ра рү са сү та тө ха хү ца чи ша шү ар ол ун ээ ийн'.split(' ');

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same data. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function measureMemoryLookup({ segments = 100_000, lookups = 1_000 } = {}) {
  const { MemoryIndex } = require(path.join(rootDir, 'cms', 'dist', 'src', 'translation', 'memory-index.js'));
  const next = random(14);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const rare = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''),
  );
  const WORDS = [...COMMON, ...rare];
  const word = () => (next() < 0.4 ? pick(COMMON) : pick(WORDS));
  const sentence = () => {
    const length = 6 + Math.floor(next() * 20);
    const words = Array.from({ length }, word);
    return `${words.join(' ')} ${Math.floor(next() * 3000)}.`;
  };
  const sources = Array.from({ length: segments }, sentence);
  const built = performance.now();
  const index = new MemoryIndex();
  for (const [i, source] of sources.entries()) index.add(source, `译文 ${i}`);
  const buildS = (performance.now() - built) / 1000;

  // A third exact, a third edited (a word changed), a third new sentences.
  const times = [];
  let fuzzyHits = 0;
  for (let i = 0; i < lookups; i += 1) {
    const base = sources[Math.floor(next() * sources.length)];
    const query = i % 3 === 0 ? base : i % 3 === 1 ? base.replace(/^\S+/, word()) : sentence();
    const start = performance.now();
    const matches = index.lookup(query);
    times.push(performance.now() - start);
    if (i % 3 === 1 && matches.length > 0) fuzzyHits += 1;
  }
  // Recall under heavier edits (three words replaced): the lookup walks a bounded number of
  // postings, and this share shows what that bound costs.
  let heavyHits = 0;
  const heavyLookups = Math.ceil(lookups / 3);
  for (let i = 0; i < heavyLookups; i += 1) {
    const base = Math.floor(next() * sources.length);
    const words = sources[base].split(' ');
    for (let edit = 0; edit < 3; edit += 1) words[Math.floor(next() * words.length)] = word();
    if (index.lookup(words.join(' ')).some((match) => match.target === `译文 ${base}`)) heavyHits += 1;
  }
  times.sort((a, b) => a - b);
  const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 100) / 100;
  return {
    segments,
    lookups,
    buildS: Math.round(buildS * 10) / 10,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: at(1),
    editedFoundShare: Math.round((fuzzyHits / Math.ceil(lookups / 3)) * 100) / 100,
    threeWordEditFoundShare: Math.round((heavyHits / heavyLookups) * 100) / 100,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(measureMemoryLookup({ segments: Number(process.argv[2] ?? 100_000) }), null, 2));
}
