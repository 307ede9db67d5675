// Morsel's service worker, served at /sw.js by web.InstallableApp, which puts in the version and the content-hashed
// names of the shell's files (ADR 0033). It keeps what a learner needs to go on reading without a network:
// - the shell (styles, scripts, icons): kept at install, and any other /static file the first time it is asked for;
//   their names carry a hash of their content, so a kept copy is never stale;
// - Today and every lesson page the learner opens (opening a lesson starts it): asked of the network first, and the
//   kept copy answers only when the network does not. A step the learner has not opened is answered with the lesson's
//   latest page, which holds every step (offline.js shows the right one);
// - each opened lesson's media and captions, up to MEDIA_BUDGET per lesson; media are named by id and never change,
//   so a kept copy answers first, also for the range requests of audio and video.
// Answers given offline are queued by offline.js in the page, not here. Signing in or out forgets everything but the
// shell, the queue included: another person may sign in on this device next.
const VERSION = /*VERSION*/'0';
const SHELL = /*SHELL*/[];
const STATIC = 'morsel-static-' + VERSION;
const PAGES = 'morsel-pages-v1';
const MEDIA = 'morsel-media-v1';
const MEDIA_BUDGET = 20 * 1024 * 1024;
const QUEUE = 'morsel-offline';
const LESSON = /^\/lessons\/([0-9a-f-]{36})$/;
const CAPTIONS = /^\/lessons\/[0-9a-f-]{36}\/versions\/\d+\/transcripts\/\d+\.vtt$/;
const MEDIA_LINK = /(?:src|href)="(\/media\/[0-9a-f-]{36}|\/lessons\/[0-9a-f-]{36}\/versions\/\d+\/transcripts\/\d+\.vtt)"/g;

self.addEventListener('install', (event) => {
  // One missing file must not keep the worker from installing: the rest is kept as it is asked for.
  event.waitUntil(caches.open(STATIC)
    .then((cache) => Promise.all(SHELL.map((path) => cache.add(path).catch(() => undefined))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('morsel-') && ![STATIC, PAGES, MEDIA].includes(name))
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && (url.pathname === '/sign-out' || url.pathname === '/sign-in')) {
    event.waitUntil(forget());
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/static/')) {
    event.respondWith(keptFirst(STATIC, request));
  }
  else if (url.pathname.startsWith('/webjars/')) {
    event.respondWith(networkFirst(STATIC, request));
  }
  else if (url.pathname.startsWith('/media/') || CAPTIONS.test(url.pathname)) {
    event.respondWith(media(request, url));
  }
  else if (url.pathname === '/today' || LESSON.test(url.pathname)) {
    event.respondWith(page(event, url));
  }
});

async function keptFirst(name, request) {
  const cache = await caches.open(name);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(name, request) {
  const cache = await caches.open(name);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  }
  catch (offline) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw offline;
  }
}

/** A page from the network, kept for later; without a network, the kept copy, marked as such. */
async function page(event, url) {
  const cache = await caches.open(PAGES);
  const key = url.pathname + url.search;
  let response;
  try {
    response = await fetch(event.request);
  }
  catch (offline) {
    const kept = (await cache.match(key)) || (await cache.match(url.pathname));
    if (!kept) return unavailable();
    const headers = new Headers(kept.headers);
    headers.set('Morsel-Kept-Copy', '1');
    return new Response(kept.body, { status: 200, headers });
  }
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 200 && !response.redirected && type.startsWith('text/html')) {
    const copy = response.clone();
    event.waitUntil(copy.text().then(async (html) => {
      const kept = () => new Response(html, { headers: { 'Content-Type': type } });
      await cache.put(key, kept());
      const lesson = LESSON.exec(url.pathname);
      if (lesson) {
        // The lesson's latest page answers for any of its steps not opened yet.
        await cache.put(url.pathname, kept());
        await keepMedia(lesson[1], html);
      }
    }));
  }
  return response;
}

/** The lesson's media and captions not kept yet, as long as they fit in what is left of its budget. */
async function keepMedia(lesson, html) {
  const cache = await caches.open(MEDIA);
  const ledger = '/offline/lessons/' + lesson;
  const noted = await cache.match(ledger);
  let used = noted ? (await noted.json()).bytes : 0;
  for (const [, path] of html.matchAll(MEDIA_LINK)) {
    if (await cache.match(path)) continue;
    let response;
    try {
      response = await fetch(path, { credentials: 'same-origin' });
    }
    catch (offline) {
      break;
    }
    if (response.status !== 200) continue;
    if (used + Number(response.headers.get('Content-Length') || 0) > MEDIA_BUDGET) {
      if (response.body) response.body.cancel();
      continue;
    }
    const body = await response.blob();
    if (used + body.size > MEDIA_BUDGET) continue;
    used += body.size;
    await cache.put(path, new Response(body, { headers: {
      'Content-Type': response.headers.get('Content-Type') || 'application/octet-stream',
      'Content-Length': String(body.size) } }));
  }
  await cache.put(ledger, new Response(JSON.stringify({ bytes: used }), { headers: { 'Content-Type': 'application/json' } }));
}

/** A kept medium, whole or the range asked for (audio and video ask for ranges); else the network's. */
async function media(request, url) {
  const kept = await (await caches.open(MEDIA)).match(url.pathname);
  if (!kept) return fetch(request);
  const range = /^bytes=(\d*)-(\d*)$/.exec((request.headers.get('Range') || '').trim());
  if (!range || (range[1] === '' && range[2] === '')) return kept;
  const body = await kept.blob();
  const size = body.size;
  let start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
  if (start > end || start >= size) {
    return new Response(null, { status: 416, headers: { 'Content-Range': 'bytes */' + size } });
  }
  return new Response(body.slice(start, end + 1), { status: 206, headers: {
    'Content-Type': kept.headers.get('Content-Type') || 'application/octet-stream',
    'Content-Range': 'bytes ' + start + '-' + end + '/' + size,
    'Content-Length': String(end - start + 1),
    'Accept-Ranges': 'bytes' } });
}

function unavailable() {
  return new Response('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Morsel</title></head>'
    + '<body><main><h1>You are offline</h1><p>This page was not kept on this device. Lessons you have opened '
    + 'can be read offline; this one opens when you are back online.</p></main></body></html>',
  { status: 503, headers: { 'Content-Type': 'text/html;charset=UTF-8' } });
}

/** Everything kept of the person signed in: pages, media and queued answers. The shell stays. */
async function forget() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith('morsel-') && name !== STATIC).map((name) => caches.delete(name)));
  await new Promise((resolve) => {
    const deleting = indexedDB.deleteDatabase(QUEUE);
    deleting.onsuccess = deleting.onerror = deleting.onblocked = () => resolve();
  });
}
