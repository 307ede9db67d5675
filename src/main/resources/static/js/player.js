// After htmx swaps in an answer, moves the focus to what it says: the lesson's end when the answer completed the
// lesson, else what to fix, else the verdict, else (trying again) the question's first field; and says it in the
// player's live region, so a screen reader announces it even where moving the focus is not read out. After a step
// link swaps the player, the focus goes to the new step and its place ("Step 2 of 4") is announced. A keyboard or
// screen reader user hears it at once, without hunting for it. Without JavaScript the page reloads at the same place.
let swapped = [];

function announce(text) {
  const region = document.getElementById('player-announcer');
  if (!region || !text) return;
  // Emptied first, so the same words said twice (two right answers) are announced twice.
  region.textContent = '';
  setTimeout(() => { region.textContent = text.replace(/\s+/g, ' ').trim(); }, 50);
}

document.addEventListener('htmx:load', (event) => {
  // htmx also announces the page itself once loaded: the learner's place on it is theirs, not ours to move.
  if (event.detail.elt === document.body) return;
  swapped.push(event.detail.elt);
  if (swapped.length > 1) return;
  setTimeout(() => {
    const all = swapped.filter((element) => element.isConnected && element.querySelector);
    swapped = [];
    const player = all.find((element) => element.id === 'player');
    if (player) {
      const step = player.querySelector('.step.current');
      if (step) step.focus({ preventScroll: true });
      const place = document.getElementById('player-progress-label');
      announce(place && place.textContent);
      return;
    }
    const find = (selector) => all.map((element) => element.matches(selector) ? element : element.querySelector(selector))
      .find(Boolean);
    const target = find('#lesson-end [data-focus]') || find('[data-focus]') || find('.feedback')
      || find('input:not([type=hidden]), select, textarea');
    if (target) target.focus();
    const said = find('#lesson-end') || find('.field-error') || find('.feedback');
    if (said) announce(said.querySelector('h2, .verdict, .outcome') ? [...said.querySelectorAll('h2, .verdict, .outcome')]
      .map((line) => line.textContent).join('. ') : said.textContent);
  });
});
