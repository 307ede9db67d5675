// Ordering by keyboard, touch or mouse: "Move up" / "Move down" buttons beside each item reorder the list and renumber
// the position fields the form sends. Without this script the learner sets the positions in the fields directly.
// Questions swapped in by htmx (trying again) get the buttons too.
const enhance = (root) => root.querySelectorAll('[data-ordering]:not([data-enhanced])').forEach((fieldset) => {
  fieldset.dataset.enhanced = 'true';
  const list = fieldset.querySelector('ol');
  const label = (key) => fieldset.closest('form').dataset[key] || key;
  const renumber = () => [...list.children].forEach((item, i) => {
    item.querySelector('select').value = String(i + 1);
  });
  [...list.children].forEach((item) => {
    const select = item.querySelector('select');
    select.hidden = true;
    const name = item.querySelector('label').textContent;
    const controls = document.createElement('span');
    controls.className = 'order-controls';
    for (const [direction, text] of [['up', '↑'], ['down', '↓']]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button secondary small';
      button.textContent = text;
      button.setAttribute('aria-label', `${label(direction === 'up' ? 'moveUp' : 'moveDown')}: ${name}`);
      button.addEventListener('click', () => {
        const sibling = direction === 'up' ? item.previousElementSibling : item.nextElementSibling;
        if (!sibling) return;
        if (direction === 'up') list.insertBefore(item, sibling); else list.insertBefore(sibling, item);
        renumber();
        button.focus();
        const live = fieldset.querySelector('[aria-live]');
        if (live) live.textContent = `${name}: ${[...list.children].indexOf(item) + 1}`;
      });
      controls.append(button);
    }
    item.append(controls);
  });
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  fieldset.append(live);
  renumber();
});
enhance(document);
document.addEventListener('htmx:load', (event) => enhance(event.detail.elt));
