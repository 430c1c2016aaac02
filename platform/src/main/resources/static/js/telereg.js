// Every htmx request carries the CSRF token the page was rendered with.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
  }
});
// Irreversible actions ask first: <form data-confirm="...">, or the one button of a form that is
// irreversible (submit, beside save as draft): <button data-confirm="...">.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var message = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
