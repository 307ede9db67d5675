// After htmx swaps in an answer, moves the focus to what it says: the lesson's end when the answer completed the
// lesson, else what to fix, else the verdict, else (trying again) the question's first field. A keyboard or screen
// reader user hears it at once, without hunting for it. Without JavaScript the page reloads at the same place.
let swapped = [];
document.addEventListener('htmx:load', (event) => {
  // htmx also announces the page itself once loaded: the learner's place on it is theirs, not ours to move.
  if (event.detail.elt === document.body) return;
  swapped.push(event.detail.elt);
  if (swapped.length > 1) return;
  setTimeout(() => {
    const all = swapped.filter((element) => element.isConnected && element.querySelector);
    swapped = [];
    const find = (selector) => all.map((element) => element.matches(selector) ? element : element.querySelector(selector))
      .find(Boolean);
    const target = find('#lesson-end [data-focus]') || find('[data-focus]') || find('.feedback')
      || find('input:not([type=hidden]), select, textarea');
    if (target) target.focus();
  });
});
