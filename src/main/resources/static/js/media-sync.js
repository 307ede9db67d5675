// Keeps a transcript beside its video or audio in step with playback: the cue being spoken is marked, and pressing a
// cue (mouse, touch, Enter or Space) seeks there. Without this script the transcript is still there to read.
document.querySelectorAll('[data-media-sync]').forEach((block) => {
  const media = block.querySelector('video, audio');
  const cues = [...block.querySelectorAll('.cue')];
  if (!media || cues.length === 0) return;
  const starts = cues.map((cue) => parseFloat(cue.dataset.start));
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
