// The pages work without this script; with it, htmx requests that fail (a weak connection at
// the door) are shown as not saved and sent again until they are.
(function () {
  'use strict';
  var RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

  function retryable(element) {
    return element && element.closest && element.closest('[data-retry]');
  }

  function showState(element, state) {
    var holder = retryable(element);
    if (!holder) return;
    holder.setAttribute('data-state', state);
    var status = holder.querySelector('[data-save-status]');
    if (status) {
      status.textContent = state === 'failed' ? document.body.dataset.savingFailed || '' : '';
    }
  }

  function retry(event) {
    var element = event.detail.elt;
    if (!retryable(element)) return;
    showState(element, 'failed');
    var attempt = Number(element.getAttribute('data-attempt') || '0');
    element.setAttribute('data-attempt', String(attempt + 1));
    var delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    window.setTimeout(function () {
      window.htmx.trigger(element, 'retry');
    }, delay);
  }

  document.addEventListener('htmx:sendError', retry);
  document.addEventListener('htmx:timeout', retry);
  document.addEventListener('htmx:responseError', function (event) {
    // A server's refusal (4xx) will not change by sending again; a 5xx or a gateway error may.
    if (event.detail.xhr && event.detail.xhr.status >= 500) retry(event);
    else showState(event.detail.elt, 'refused');
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful) {
      var element = event.detail.elt;
      if (element && element.removeAttribute) element.removeAttribute('data-attempt');
      showState(element, 'saved');
    }
  });
})();
