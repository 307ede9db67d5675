// "Select everyone on this page": a checkbox that ticks or clears the page's checkboxes of one name. Hidden until
// this script runs, since without it the checkbox would do nothing; it follows lists refreshed in place by htmx.
(function () {
	function wire(root) {
		root.querySelectorAll('[data-select-all]:not([data-wired])').forEach(function (label) {
			label.setAttribute('data-wired', '');
			label.hidden = false;
			var box = label.querySelector('input');
			var name = label.getAttribute('data-select-all');
			box.addEventListener('change', function () {
				box.form.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (each) {
					each.checked = box.checked;
				});
			});
		});
	}
	document.addEventListener('DOMContentLoaded', function () { wire(document); });
	document.addEventListener('htmx:afterSettle', function () { wire(document); });
})();
