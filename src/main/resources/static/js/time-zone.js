// Fills hidden time-zone fields with the browser's zone, so a newcomer's dates start out in their own time.
document.querySelectorAll('[data-browser-time-zone]').forEach((input) => {
  input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
});
