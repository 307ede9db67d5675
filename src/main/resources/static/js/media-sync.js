// Keeps a transcript beside its video or audio in step with playback: the cue being spoken is marked, and pressing a
// cue (mouse, touch, Enter or Space) seeks there. Without this script the transcript is still there to read.
// A link from search opens a step at the second a cue starts (?step=2&t=42): that step's player seeks there.
// A player of part of a file (data-range-start, data-range-end; its source carries the media fragment #t=start,end,
// which browsers honour without this script) stops at the part's end, and plays from its start when played again.
const linked = new URLSearchParams(window.location.search);
const startAt = parseFloat(linked.get('t'));
document.querySelectorAll('[data-media-sync]').forEach((block) => {
  const media = block.querySelector('video, audio');
  const cues = [...block.querySelectorAll('.cue')];
  if (!media || cues.length === 0) return;
  const starts = cues.map((cue) => parseFloat(cue.dataset.start));
  const rangeStart = parseFloat(media.dataset.rangeStart);
  const rangeEnd = parseFloat(media.dataset.rangeEnd);
  if (rangeEnd > rangeStart) {
    media.addEventListener('timeupdate', () => {
      if (media.currentTime >= rangeEnd && !media.paused) {
        media.pause();
        media.currentTime = rangeEnd;
      }
    });
    media.addEventListener('play', () => {
      if (media.currentTime < rangeStart || media.currentTime >= rangeEnd) media.currentTime = rangeStart;
    });
  }
  if (startAt >= 0 && block.closest('#step-' + linked.get('step'))) {
    const seek = () => { media.currentTime = startAt; };
    if (media.readyState >= 1) seek(); else media.addEventListener('loadedmetadata', seek, { once: true });
  }
  cues.forEach((cue, i) => cue.addEventListener('click', () => {
    media.currentTime = starts[i];
    media.play().catch(() => {});
  }));
  let current = -1;
  media.addEventListener('timeupdate', () => {
    let index = -1;
    for (let i = 0; i < starts.length && starts[i] <= media.currentTime; i++) index = i;
    if (index === current) return;
    if (current >= 0) cues[current].removeAttribute('aria-current');
    current = index;
    if (current >= 0) {
      cues[current].setAttribute('aria-current', 'true');
      cues[current].scrollIntoView({ block: 'nearest' });
    }
  });
});
