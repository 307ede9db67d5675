// Morsel offline (ADR 0033): registers the service worker (/sw.js), which keeps the lessons a learner opens, and
// queues the answers given while offline on this device (IndexedDB), each with its idempotency key and the time it
// was given; they are sent, oldest first, once the device is back online, and the server stores each once however
// often it arrives. Without JavaScript none of this runs and every form posts as it always has.
(() => {
  if (!('serviceWorker' in navigator) || !('indexedDB' in window)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);

  const DB = 'morsel-offline';
  const STORE = 'answers';
  const ANSWER = /^\/lessons\/[0-9a-f-]{36}\/answers\/[^/?#]+$/;

  function open() {
    return new Promise((resolve, reject) => {
      const opening = indexedDB.open(DB, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'key' });
      opening.onsuccess = () => {
        const db = opening.result;
        // Signing out deletes the database (sw.js): let it.
        db.onversionchange = () => db.close();
        resolve(db);
      };
      opening.onerror = () => reject(opening.error);
    });
  }

  async function inStore(mode, work) {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const asked = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(asked ? asked.result : undefined);
        transaction.onerror = (event) => { event.preventDefault(); reject(transaction.error); };
        transaction.onabort = () => reject(transaction.error);
      });
    }
    finally {
      db.close();
    }
  }

  function answerPath(config) {
    if (!config || config.verb !== 'post') return null;
    const path = new URL(config.path, location.href).pathname;
    return ANSWER.test(path) ? path : null;
  }

  function interactionOf(path) {
    return document.getElementById('interaction-' + decodeURIComponent(path.split('/').pop()));
  }

  /** Keeps the answer on this device, once: the same form queued twice keeps its first time. */
  async function queue(form, path) {
    const fields = new URLSearchParams(new FormData(form));
    if (!fields.get('answerKey')) fields.set('answerKey', crypto.randomUUID());
    const now = Date.now();
    fields.set('answeredAt', String(now));
    try {
      await inStore('readwrite', (store) => store.add({ key: fields.get('answerKey'), path, body: fields.toString(), at: now }));
    }
    catch (known) {
      // Queued already under this key.
    }
    showQueued(interactionOf(path), true);
    retryLater();
  }

  /** The learner's picks stay in view, fixed, with a note that the answer waits on this device. */
  function showQueued(section, focus) {
    if (!section || section.classList.contains('queued')) return;
    const form = section.querySelector('form');
    if (!form) return;
    section.classList.add('queued');
    form.querySelectorAll('input, select, textarea, button').forEach((field) => { field.disabled = true; });
    const submit = form.querySelector('button[type=submit]');
    if (submit) submit.hidden = true;
    const player = document.getElementById('player');
    const note = document.createElement('p');
    note.className = 'feedback queued-note';
    note.tabIndex = -1;
    note.textContent = (player && player.dataset.offlineSaved) || 'Saved on this device.';
    section.append(note);
    if (!focus) return;
    note.focus();
    const region = document.getElementById('player-announcer');
    if (region) {
      region.textContent = '';
      setTimeout(() => { region.textContent = note.textContent; }, 50);
    }
  }

  document.addEventListener('htmx:beforeRequest', (event) => {
    const path = answerPath(event.detail.requestConfig);
    if (!path || navigator.onLine) return;
    event.preventDefault();
    queue(event.detail.elt, path);
  });

  // Online as far as the browser knew, but the answer never reached the server.
  document.addEventListener('htmx:sendError', (event) => {
    const path = answerPath(event.detail.requestConfig);
    if (path) queue(event.detail.elt, path);
  });

  let sending = false;

  // An answer that waits is tried again after a while, and again later and later while it keeps waiting: the browser's
  // online event comes only when the device itself was offline (not when the server was out of reach), and not from
  // every browser. An answer that reaches the server, or the online event, starts the waits short again.
  const FIRST_RETRY = 5000;
  const LAST_RETRY = 60000;
  let retryIn = FIRST_RETRY;
  let retry = null;

  function retryLater() {
    if (retry !== null) return;
    retry = setTimeout(() => { retry = null; send().catch(() => undefined); }, retryIn);
    retryIn = Math.min(retryIn * 2, LAST_RETRY);
  }

  /** Sends the queued answers, oldest first, each until the server has it; what it answers shows in place. */
  async function send() {
    if (sending) return;
    sending = true;
    try {
      if (!navigator.onLine) return;
      const queued = (await inStore('readonly', (store) => store.getAll())) || [];
      queued.sort((one, other) => one.at - other.at);
      for (const answer of queued) {
        let response;
        try {
          response = await fetch(answer.path, { method: 'POST', body: new URLSearchParams(answer.body),
            headers: { 'HX-Request': 'true' }, credentials: 'same-origin', redirect: 'manual' });
        }
        catch (offline) {
          return;
        }
        // Signed out (a redirect to sign in), refused for its session, or the server failing: try again later.
        if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403
          || response.status >= 500) return;
        // Stored, stored before (the same key), or refused for good (too old): either way it leaves the queue.
        await inStore('readwrite', (store) => store.delete(answer.key));
        retryIn = FIRST_RETRY;
        if (response.ok) showAnswered(answer.path, await response.text());
      }
    }
    finally {
      sending = false;
      const waiting = await inStore('readonly', (store) => store.count()).catch(() => 0);
      if (waiting > 0) retryLater();
    }
  }

  function showAnswered(path, html) {
    const shown = interactionOf(path);
    if (!shown || !shown.classList.contains('queued')) return;
    const template = document.createElement('template');
    template.innerHTML = html;
    const answered = template.content.getElementById(shown.id);
    if (!answered) return;
    shown.replaceWith(answered);
    if (window.htmx) window.htmx.process(answered);
  }

  /** A page kept by the worker may show a form whose answer is queued: it shows it queued. */
  async function markQueued() {
    if (!document.querySelector('.interaction form')) return;
    const queued = (await inStore('readonly', (store) => store.getAll())) || [];
    queued.forEach((answer) => showQueued(interactionOf(answer.path), false));
  }

  /**
   * A kept page answers for any step of its lesson, with the step it was kept at marked current: the step asked for
   * is made current instead, as the server would have.
   */
  function showStep(root, step) {
    const player = root.getElementById('player');
    const target = root.getElementById('step-' + step);
    if (!player || !target || target.classList.contains('current')) return;
    player.querySelectorAll('.step.current').forEach((other) => other.classList.remove('current'));
    target.classList.add('current');
    const label = root.getElementById('player-progress-label');
    const place = target.querySelector('.step-nav .muted');
    if (label && place) label.textContent = place.textContent;
    const bar = player.querySelector('.focus-progress progress');
    if (bar) bar.setAttribute('value', String(Number(step) + 1));
  }

  function stepIn(path) {
    return new URL(path, location.href).searchParams.get('step');
  }

  document.addEventListener('htmx:beforeSwap', (event) => {
    const xhr = event.detail.xhr;
    if (!xhr || xhr.getResponseHeader('Morsel-Kept-Copy') !== '1') return;
    const step = stepIn(event.detail.requestConfig.path);
    if (step === null) return;
    const kept = new DOMParser().parseFromString(event.detail.serverResponse, 'text/html');
    showStep(kept, step);
    event.detail.serverResponse = '<!DOCTYPE html>' + kept.documentElement.outerHTML;
  });

  document.addEventListener('htmx:afterSettle', () => { markQueued().catch(() => undefined); });

  const step = stepIn(location.href);
  if (step !== null) showStep(document, step);
  window.addEventListener('online', () => { retryIn = FIRST_RETRY; send().catch(() => undefined); });
  // Marked first, so that an answer sent now is shown answered, not queued.
  markQueued().catch(() => undefined).then(send).catch(() => undefined);
})();
