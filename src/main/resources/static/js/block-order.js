// Drag and drop for the studio's block list: a block dropped on another takes its place, and the editor's hidden
// order form sends where from and where to (htmx swaps the editor in). Without this script, or from the keyboard, the
// Up and Down buttons beside each block do the same one place at a time.
const enhance = (root) => root.querySelectorAll('ol[data-reorder]:not([data-enhanced])').forEach((list) => {
  list.dataset.enhanced = 'true';
  const form = document.getElementById(list.dataset.reorder);
  if (!form) return;
  let dragged = null;
  [...list.children].forEach((item) => {
    item.draggable = true;
    item.classList.add('draggable');
    item.addEventListener('dragstart', (event) => {
      dragged = item;
      item.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', item.dataset.index);
    });
    item.addEventListener('dragend', () => {
      item.classList.remove('dragging');
      list.querySelectorAll('.drop-target').forEach((target) => target.classList.remove('drop-target'));
      dragged = null;
    });
    item.addEventListener('dragover', (event) => {
      if (!dragged || dragged === item) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      item.classList.add('drop-target');
    });
    item.addEventListener('dragleave', () => item.classList.remove('drop-target'));
    item.addEventListener('drop', (event) => {
      event.preventDefault();
      if (!dragged || dragged === item) return;
      form.elements.from.value = dragged.dataset.index;
      form.elements.to.value = item.dataset.index;
      form.requestSubmit();
    });
  });
});
enhance(document);
document.addEventListener('htmx:load', (event) => enhance(event.detail.elt));
