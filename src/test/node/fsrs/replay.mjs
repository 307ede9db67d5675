// Replays review histories through ts-fsrs, the FSRS-6 reference implementation.
//
//   node replay.mjs histories.json cards.json   writes, per history, the card after every review
//   node replay.mjs histories.json --time N     replays all histories N times and prints steps per second
//
// A history is {"parameters": {w, request_retention, learning_steps, relearning_steps, maximum_interval,
// enable_short_term, enable_fuzz}, "reviews": [[epochMillis, rating], ...]}; a card is
// [state, dueEpochMillis, stability, difficulty, scheduledDays].
import { readFileSync, writeFileSync } from 'node:fs';
import { createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';

const [input, output, count] = process.argv.slice(2);
const histories = JSON.parse(readFileSync(input, 'utf8'));
const schedulers = histories.map((h) => fsrs(generatorParameters(h.parameters)));

function replay(history, scheduler, keep) {
  const reviews = history.reviews;
  let card = createEmptyCard(new Date(reviews[0][0]));
  const cards = keep ? [] : null;
  for (const [at, rating] of reviews) {
    card = scheduler.next(card, new Date(at), rating).card;
    if (keep) {
      cards.push([card.state, card.due.getTime(), card.stability, card.difficulty, card.scheduled_days]);
    }
  }
  return cards;
}

if (output === '--time') {
  const rounds = Number(count ?? 1);
  const steps = histories.reduce((sum, h) => sum + h.reviews.length, 0);
  // Warm-up rounds let V8 optimise as it would in a long-running process.
  for (let i = 0; i < Math.max(1, Math.floor(rounds / 5)); i++) {
    histories.forEach((h, j) => replay(h, schedulers[j], false));
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    histories.forEach((h, j) => replay(h, schedulers[j], false));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ steps: steps * rounds, seconds, stepsPerSecond: (steps * rounds) / seconds }));
} else {
  writeFileSync(output, JSON.stringify(histories.map((h, j) => replay(h, schedulers[j], true))));
}
