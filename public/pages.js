// The pages work without this script. With it, an htmx request from inside `[data-retry]` that
// fails for want of a connection (a weak network at the door) is shown as not saved and sent
// again, with growing pauses, until it goes through; a newer request from the same place
// replaces a pending retry, and a returning connection sends the pending ones at once.
// The place shows its state in `data-state` (saving, failed, refused, saved) and in its
// `[data-save-status]` child, with the text of its `data-text-<state>` attribute if it has one,
// else the page's (`data-saving`, `data-saving-failed`, `data-saved` on the body).
// A page or an htmx answer with problems in its fields puts the focus on the first of them.
(function () {
  'use strict';
  var RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];
  var BODY_TEXTS = { saving: 'saving', failed: 'savingFailed', saved: 'saved' };
  var pending = []; // { holder, element, timer }

  function holderOf(element) {
    var holder = element && element.closest ? element.closest('[data-retry]') : null;
    // A request whose answer replaced its place: the new place has the old one's id.
    if (holder && !holder.isConnected && holder.id) {
      holder = document.getElementById(holder.id);
    }
    return holder;
  }

  function textOf(holder, state) {
    var own = 'data-text-' + state;
    if (holder.hasAttribute(own)) return holder.getAttribute(own);
    return (BODY_TEXTS[state] && document.body.dataset[BODY_TEXTS[state]]) || '';
  }

  function showState(holder, state) {
    if (!holder) return;
    holder.setAttribute('data-state', state);
    var status = holder.querySelector('[data-save-status]');
    if (status) status.textContent = textOf(holder, state);
  }

  function cancelPending(holder) {
    pending = pending.filter(function (entry) {
      if (entry.holder !== holder) return true;
      window.clearTimeout(entry.timer);
      return false;
    });
  }

  function send(element) {
    if (element.isConnected) window.htmx.trigger(element, 'retry');
  }

  function retryLater(element) {
    var holder = holderOf(element);
    // A later tap on the same row took over: the older choice is not sent again.
    if (!holder || !element.hasAttribute('data-pending')) return;
    showState(holder, 'failed');
    var attempt = Number(element.getAttribute('data-attempt') || '0');
    element.setAttribute('data-attempt', String(attempt + 1));
    var entry = { holder: holder, element: element, timer: 0 };
    entry.timer = window.setTimeout(
      function () {
        pending = pending.filter(function (other) {
          return other !== entry;
        });
        send(element);
      },
      RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)],
    );
    cancelPending(holder);
    pending.push(entry);
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    var element = event.detail.elt;
    var holder = holderOf(element);
    if (!holder) return;
    cancelPending(holder);
    holder.querySelectorAll('[data-pending]').forEach(function (other) {
      if (other !== element) {
        other.removeAttribute('data-pending');
        other.removeAttribute('data-attempt');
      }
    });
    element.setAttribute('data-pending', '');
    showState(holder, 'saving');
  });

  document.addEventListener('htmx:sendError', function (event) {
    retryLater(event.detail.elt);
  });
  document.addEventListener('htmx:timeout', function (event) {
    retryLater(event.detail.elt);
  });
  document.addEventListener('htmx:responseError', function (event) {
    // A refusal (4xx) will not change by sending again; a server or gateway error may.
    if (event.detail.xhr && event.detail.xhr.status >= 500) {
      retryLater(event.detail.elt);
    } else {
      event.detail.elt.removeAttribute('data-pending');
      showState(holderOf(event.detail.elt), 'refused');
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    if (!event.detail.successful) return;
    var element = event.detail.elt;
    element.removeAttribute('data-pending');
    element.removeAttribute('data-attempt');
    showState(holderOf(element), 'saved');
  });

  window.addEventListener('online', function () {
    var due = pending;
    pending = [];
    due.forEach(function (entry) {
      window.clearTimeout(entry.timer);
      send(entry.element);
    });
  });

  // A page answered with problems in its fields: the first one gets the focus, so that it is in
  // view (and read out) rather than somewhere below the fold.
  function focusFirstProblem(root) {
    var invalid = root.querySelector('[aria-invalid="true"]');
    if (invalid) invalid.focus();
  }
  document.addEventListener('DOMContentLoaded', function () {
    var main = document.querySelector('main');
    if (main) focusFirstProblem(main);
  });
  // After htmx has settled the answer (and put back the focus it keeps): a row swapped whole is
  // no longer the target it replaced, so the page is searched then.
  document.addEventListener('htmx:afterSettle', function (event) {
    var target = event.detail.target;
    focusFirstProblem(target && target.isConnected ? target : document);
  });
})();
