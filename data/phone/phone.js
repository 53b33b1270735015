/* phone.js
 *
 * Copyright 2026 The Samarbejde authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Optional: the page works without it, as one form with every question. With it, the form
 * shows one question a page with Back and Next, and keeps a draft of the answers in this
 * phone's own storage (localStorage, never sent anywhere) until they are sent, so a page
 * reloaded or a phone locked loses nothing. It talks to no server.
 */
(function () {
  'use strict';

  var PREFIX = 'samarbejde-draft:';

  function draftKey(role) {
    return PREFIX + window.location.pathname + ':' + role;
  }

  function forget(role) {
    try {
      window.localStorage.removeItem(draftKey(role));
    } catch (e) {
      /* Storage may be off (private browsing): then there is no draft either. */
    }
  }

  function each(list, callback) {
    Array.prototype.forEach.call(list, callback);
  }

  /* A vote form takes as many notes as its data-max says: once that many are ticked, the
   * others cannot be, so the phone never sends a vote the clinic's computer refuses. */
  function limitVotes() {
    var form = document.querySelector('form.meeting-vote');
    if (!form) {
      return;
    }
    var max = parseInt(form.getAttribute('data-max'), 10);
    var boxes = form.querySelectorAll('input[type=checkbox][name=vote]');
    function update() {
      var ticked = 0;
      each(boxes, function (box) {
        if (box.checked) {
          ticked++;
        }
      });
      each(boxes, function (box) {
        box.disabled = !box.checked && ticked >= max;
      });
    }
    if (max > 0) {
      form.addEventListener('change', update);
      update();
    }
  }

  function start() {
    each(document.querySelectorAll('.js-only'), function (element) {
      element.hidden = false;
    });

    var thanks = document.querySelector('[data-clear-draft]');
    if (thanks) {
      forget(thanks.getAttribute('data-clear-draft'));
      return;
    }

    limitVotes();

    var form = document.querySelector('form.questionnaire');
    if (!form || !form.elements.role) {
      return;
    }
    var role = form.elements.role.value;
    var sections = form.querySelectorAll('section.question');
    var privacy = document.querySelector('.privacy');
    var intro = form.querySelector('.intro');
    var send = form.querySelector('.send');
    var current = 0;

    function save() {
      var answers = {};
      each(form.querySelectorAll('input[type=radio]:checked'), function (input) {
        answers[input.name] = input.value;
      });
      try {
        window.localStorage.setItem(draftKey(role), JSON.stringify({ answers: answers, page: current }));
      } catch (e) {
        /* No storage: answering still works, only without a draft. */
      }
    }

    function restore() {
      var draft = null;
      try {
        draft = JSON.parse(window.localStorage.getItem(draftKey(role)) || 'null');
      } catch (e) {
        draft = null;
      }
      if (!draft || typeof draft !== 'object' || !draft.answers) {
        return;
      }
      Object.keys(draft.answers).forEach(function (name) {
        each(form.querySelectorAll('input[type=radio]'), function (input) {
          if (input.name === name && input.value === String(draft.answers[name])) {
            input.checked = true;
          }
        });
      });
      if (typeof draft.page === 'number' && draft.page >= 0 && draft.page < sections.length) {
        current = draft.page;
      }
    }

    /* Back, the question's number, and Next (Submit on the last question). */
    var pager = document.createElement('div');
    pager.className = 'pager';
    var back = document.createElement('button');
    back.type = 'button';
    back.className = 'back';
    back.textContent = form.getAttribute('data-back');
    var next = document.createElement('button');
    next.type = 'button';
    next.className = 'next primary';
    next.textContent = form.getAttribute('data-next');
    var submit = send.querySelector('button');
    submit.classList.add('submit');
    pager.appendChild(back);
    pager.appendChild(next);
    pager.appendChild(submit);
    send.parentNode.replaceChild(pager, send);

    var progress = document.createElement('p');
    progress.className = 'progress';
    progress.setAttribute('aria-live', 'polite');
    form.insertBefore(progress, sections[0]);

    function show(page) {
      current = page;
      each(sections, function (section, i) {
        section.hidden = i !== page;
      });
      var last = page === sections.length - 1;
      back.disabled = page === 0;
      next.hidden = last;
      submit.hidden = !last;
      if (privacy) {
        privacy.hidden = page !== 0;
      }
      if (intro) {
        intro.hidden = page !== 0;
      }
      var n = 0;
      progress.textContent = form.getAttribute('data-progress').replace(/%u/g, function () {
        n += 1;
        return String(n === 1 ? page + 1 : sections.length);
      });
      save();
    }

    function go(page) {
      show(page);
      window.scrollTo(0, 0);
      var heading = sections[page].querySelector('h2');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
      }
    }

    back.addEventListener('click', function () {
      if (current > 0) {
        go(current - 1);
      }
    });
    next.addEventListener('click', function () {
      if (current < sections.length - 1) {
        go(current + 1);
      }
    });
    form.addEventListener('change', save);
    /* Enter in the middle of the questions goes on, rather than sending half of them. */
    form.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && current < sections.length - 1 && event.target.tagName === 'INPUT') {
        event.preventDefault();
        go(current + 1);
      }
    });

    restore();
    form.classList.add('paged');
    show(current);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
