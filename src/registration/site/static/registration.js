// Registration form, enhanced: without this script the form posts as an ordinary form and the server
// answers with a page; with it, the form is sent as JSON by fetch() and each error the server names is
// shown next to its field, without a page load. The server checks everything either way.
'use strict';

(function () {
  const form = document.getElementById('registration-form');
  if (!form) return;
  const alertBox = document.getElementById('form-alert');
  const submitButton = form.querySelector('button[type="submit"]');
  const fieldNames = ['username', 'email', 'password', 'confirmPassword', 'affiliation'];

  function clearErrors() {
    for (const name of fieldNames) {
      const input = document.getElementById(name);
      input.classList.remove('is-invalid');
      document.getElementById(name + '-feedback').textContent = '';
    }
    alertBox.hidden = true;
    alertBox.textContent = '';
  }

  // An error about one field goes under that field; one about the whole form into the alert above it.
  function showError(field, message) {
    const input = fieldNames.includes(field) ? document.getElementById(field) : null;
    if (!input) {
      alertBox.textContent = message;
      alertBox.hidden = false;
      return;
    }
    input.classList.add('is-invalid');
    document.getElementById(field + '-feedback').textContent = message;
  }

  function showRegistered(username) {
    const message = document.getElementById('registered-template').content.cloneNode(true);
    for (const element of message.querySelectorAll('[data-username]')) element.textContent = username;
    const mailto = message.querySelector('[data-mailto]');
    const address = mailto.href.slice('mailto:'.length).split('?')[0];
    mailto.href = 'mailto:' + address + '?subject=' +
        encodeURIComponent('Signed HelioCloud user agreement from ' + username);
    form.parentElement.replaceChildren(message);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const data = new FormData(form);
    if (data.get('password') !== data.get('confirmPassword')) {
      showError('confirmPassword', 'The two passwords do not match.');
      return;
    }
    submitButton.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'X-CSRF-Token': data.get('csrf_token'),
        },
        body: JSON.stringify({
          username: data.get('username'),
          email: data.get('email'),
          affiliation: data.get('affiliation'),
          password: data.get('password'),
          confirmPassword: data.get('confirmPassword'),
        }),
      });
      const body = await response.json().catch(() => null);
      if (response.ok) {
        showRegistered(data.get('username'));
        return;
      }
      const errors = body && Array.isArray(body.errors) ? body.errors :
          [{field: body && body.field, message: (body && body.error) ||
              'The registration failed (HTTP ' + response.status + '). Please try again.'}];
      for (const error of errors) showError(error.field, error.message);
      const firstInvalid = form.querySelector('.is-invalid');
      if (firstInvalid) firstInvalid.focus();
    } catch (error) {
      showError('', 'The registration service could not be reached. Check your connection and try again.');
    } finally {
      submitButton.disabled = false;
    }
  });
})();
