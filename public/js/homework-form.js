// The homework form: SurveyJS with autosave. Every change is kept on this device at once and saved to the
// server within seconds (after a pause in typing, and at least every few seconds while typing goes on); a save
// that names an older revision gets 409: the form waits, read-only, until the respondent brings both versions
// together (public/js/answer-merge.js), so no word typed in either tab is lost.
// `Survey` is SurveyJS's global, from its bundle that the page loads before this script.
/* global Survey */
(function () {
  'use strict';
  var host = document.getElementById('homework-form');
  if (!host) return;
  var config = JSON.parse(document.getElementById('homework-data').textContent);
  var texts = JSON.parse(document.getElementById('homework-texts').textContent);
  var statusLine = document.getElementById('homework-status');
  var conflict = document.getElementById('homework-conflict');
  var result = document.getElementById('homework-result');
  var resultText = document.getElementById('homework-result-text');
  var editButton = document.getElementById('homework-edit');
  var paper = config.mode === 'paper';

  var DEBOUNCE_MS = 1500;
  // Someone who types without a 1.5 s pause is still saved: the oldest unsaved change waits at most this long.
  var MAX_WAIT_MS = 4000;
  var MAX_RETRY_MS = 30000;
  var revision = config.revision;
  var timer = null;
  var inFlight = null;
  var dirty = false;
  var retryMs = 2000;
  var blocked = false;
  var pendingSince = null;
  // What the server holds at `revision`: the common ancestor when another tab saved in between.
  var base = config.data || {};
  // Set while the page itself moves between pages (showing the sent answers, back to editing): no save for that.
  var quiet = false;

  Survey.surveyLocalization.defaultLocale = 'nl';
  var model = new Survey.Model(config.definition);
  model.locale = document.documentElement.lang === 'en' ? 'en' : 'nl';
  model.showTitle = false;
  model.showCompletedPage = false;
  // The word the letter and the hints use for the last button.
  model.completeText = texts.completeButton;
  // Every keystroke counts as a change, so text is saved while typing and not only when leaving the field.
  model.textUpdateMode = 'onTyping';
  // The faces as drawings: not every device has a font with the emoji of the texts. The word stays beside them
  // (and is what screen readers read); the image itself is decoration.
  var FACES = { '\uD83D\uDE42': 'positief', '\uD83D\uDE10': 'neutraal', '\uD83D\uDE41': 'negatief' };
  model.onTextMarkdown.add(function (_, options) {
    var face = FACES[options.text.slice(0, 2)];
    if (!face) return;
    options.html =
      '<img class="homework-face" src="/assets/img/faces/' +
      face +
      '.svg" alt="" width="28" height="28"> ' +
      escapeHtml(options.text.slice(2).trim());
  });
  model.data = restoreBackup() || config.data || {};
  if (config.currentPage) {
    var page = model.getPageByName(config.currentPage);
    if (page) model.currentPage = page;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  function say(text) {
    statusLine.textContent = text;
  }

  function format(template, vars) {
    return template.replace(/\{(\w+)\}/g, function (m, k) {
      return vars[k] === undefined ? m : vars[k];
    });
  }

  function timeNow() {
    return new Date().toLocaleTimeString(model.locale === 'en' ? 'en-GB' : 'nl-NL', {
      hour: '2-digit',
      minute: '2-digit',
    });
  }

  // The local copy: survives a closed tab, a crash or a lost connection before the server has the change.
  function backup() {
    if (paper || !config.storageKey) return;
    try {
      localStorage.setItem(
        config.storageKey,
        JSON.stringify({ revision: revision, data: model.data, page: model.currentPage && model.currentPage.name }),
      );
    } catch {
      /* private mode or full storage: the server copy still follows */
    }
  }

  function clearBackup() {
    try {
      localStorage.removeItem(config.storageKey);
    } catch {
      /* nothing to clear */
    }
  }

  // A copy made on top of the revision the server still has is newer than the server's: use it (and save it).
  function restoreBackup() {
    if (paper || !config.storageKey || !config.canEdit) return null;
    try {
      var saved = JSON.parse(localStorage.getItem(config.storageKey) || 'null');
      if (saved && saved.revision === config.revision && JSON.stringify(saved.data) !== JSON.stringify(config.data)) {
        if (saved.page) config.currentPage = saved.page;
        dirty = true;
        return saved.data;
      }
    } catch {
      /* unreadable copy: ignore it */
    }
    clearBackup();
    return null;
  }

  function copy(data) {
    return JSON.parse(JSON.stringify(data || {}));
  }

  function schedule(delay) {
    if (paper || blocked || model.mode === 'display') return;
    dirty = true;
    backup();
    if (pendingSince === null) pendingSince = Date.now();
    var wait = Math.min(
      delay === undefined ? DEBOUNCE_MS : delay,
      Math.max(0, pendingSince + MAX_WAIT_MS - Date.now()),
    );
    clearTimeout(timer);
    timer = setTimeout(function () {
      save(false);
    }, wait);
  }

  function save(keepalive) {
    if (!dirty || blocked) return inFlight || Promise.resolve();
    if (inFlight)
      return inFlight.then(function () {
        return save(keepalive);
      });
    dirty = false;
    pendingSince = null;
    clearTimeout(timer);
    say(texts.saving);
    var sent = copy(model.data);
    var payload = JSON.stringify({
      revision: revision,
      data: sent,
      currentPage: model.currentPage ? model.currentPage.name : null,
    });
    // keepalive lets the request finish when the tab is being closed.
    var request = {
      method: 'PUT',
      keepalive: keepalive === true,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: payload,
    };
    inFlight = fetch(config.endpoint + '/draft', request)
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (answer) {
            return { status: res.status, body: answer };
          });
      })
      .then(function (answer) {
        inFlight = null;
        if (answer.status === 200) {
          revision = answer.body.revision;
          base = sent;
          retryMs = 2000;
          backup();
          say(format(texts.savedAt, { time: timeNow() }));
          if (dirty) schedule();
          return;
        }
        handleRefusal(answer);
      })
      .catch(function () {
        inFlight = null;
        dirty = true;
        say(navigator.onLine === false ? texts.offline : texts.saveFailed);
        clearTimeout(timer);
        timer = setTimeout(function () {
          save(false);
        }, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      });
    return inFlight;
  }

  function handleRefusal(answer) {
    var code = answer.body && answer.body.code;
    if (answer.status === 409 && code === 'homework.stale_revision') return showConflict();
    if (answer.status === 409 && code === 'homework.deadline_passed') return closeForm(texts.deadlinePassed);
    if (answer.status === 410 || answer.status === 404) return window.location.reload();
    // Anything else is on our side or temporary: keep the text and try again later.
    dirty = true;
    say(texts.saveFailed);
    clearTimeout(timer);
    timer = setTimeout(function () {
      save(false);
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  /** Everything typed in this window, readable and copyable, so choosing the newer version loses nothing. */
  function unsavedText() {
    return model
      .getAllQuestions()
      .filter(function (q) {
        return !q.isEmpty();
      })
      .map(function (q) {
        var value = q.displayValue;
        if (Array.isArray(value)) value = value.join(', ');
        return q.processedTitle + '\n' + value;
      })
      .join('\n\n');
  }

  // Read-only until the respondent chooses: text typed now would be neither saved nor in the copy below.
  function showConflict() {
    blocked = true;
    clearTimeout(timer);
    say('');
    model.mode = 'display';
    document.getElementById('homework-conflict-heading').textContent = texts.conflictHeading;
    document.getElementById('homework-conflict-text').textContent = texts.conflict;
    document.getElementById('homework-unsaved-label').textContent = texts.conflictYourText;
    document.getElementById('homework-copy-hint').textContent = texts.copyHint;
    document.getElementById('homework-unsaved').value = unsavedText();
    document.getElementById('homework-load-newest').textContent = texts.loadNewest;
    document.getElementById('homework-load-newest').hidden = false;
    conflict.hidden = false;
    conflict.focus();
  }

  // Texts are joined (a line between two stories, " / " in a one-line field); a choice is this tab's.
  function joinerFor(name) {
    var q = model.getQuestionByName(name);
    if (!q) return '\n\n';
    var type = q.getType();
    if (type === 'comment') return '\n\n';
    if (type === 'text') return ' / ';
    return null;
  }

  // The newest version with this tab's own changes on top, saved at once as the next revision.
  function loadNewest() {
    return fetch(config.endpoint, { headers: { accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) return window.location.reload();
        return res.json().then(function (state) {
          var theirs = state.data || {};
          var merged = window.kwadrantMergeAnswers(base, theirs, copy(model.data), joinerFor).data;
          revision = state.revision;
          base = theirs;
          blocked = false;
          model.mode = 'edit';
          model.data = merged;
          // The copy of their own text stays on screen until they leave; only the button goes.
          document.getElementById('homework-load-newest').hidden = true;
          document.getElementById('homework-conflict-text').textContent = texts.merged;
          if (JSON.stringify(merged) !== JSON.stringify(theirs)) schedule(0);
          else backup();
          var first = host.querySelector('input:not([type=hidden]), textarea');
          if (first) first.focus();
        });
      })
      .catch(function () {
        say(texts.saveFailed);
      });
  }

  function closeForm(message) {
    blocked = true;
    clearTimeout(timer);
    model.mode = 'display';
    model.questionsOnPageMode = 'singlePage';
    showResult(message, false);
  }

  function showResult(message, canEdit) {
    resultText.textContent = message;
    editButton.textContent = texts.edit;
    editButton.hidden = !canEdit;
    result.hidden = false;
    result.focus();
  }

  function showAnswers(message, canEdit) {
    quiet = true;
    model.mode = 'display';
    model.questionsOnPageMode = 'singlePage';
    quiet = false;
    showResult(message, canEdit);
  }

  editButton.addEventListener('click', function () {
    quiet = true;
    model.mode = 'edit';
    model.questionsOnPageMode = 'standard';
    model.currentPageNo = 0;
    quiet = false;
    result.hidden = true;
    say(texts.resubmitHint);
    var first = host.querySelector('input:not([type=hidden]), textarea');
    if (first) first.focus();
  });

  document.getElementById('homework-load-newest').addEventListener('click', loadNewest);

  function submit() {
    clearTimeout(timer);
    say(texts.submitting);
    var wait = paper ? Promise.resolve() : save(false);
    return wait.then(function () {
      if (blocked) return;
      var headers = { 'content-type': 'application/json', accept: 'application/json' };
      var url = config.endpoint + '/submit';
      var payload = { revision: revision, data: model.data };
      if (paper) {
        headers['x-csrf-token'] = host.getAttribute('data-csrf');
        url = config.endpoint;
        payload = { data: model.data };
      }
      return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(payload) })
        .then(function (res) {
          return res
            .json()
            .catch(function () {
              return {};
            })
            .then(function (answer) {
              return { status: res.status, body: answer };
            });
        })
        .then(function (answer) {
          if (answer.status === 200) {
            revision = answer.body.revision || revision;
            dirty = false;
            clearBackup();
            say('');
            if (paper) return showAnswers(texts.paperSaved, true);
            return showAnswers(answer.body.late ? texts.submittedLate : texts.submitted, !answer.body.late);
          }
          if (answer.status === 400) return say(texts.fixAnswers);
          handleRefusal(answer);
        })
        .catch(function () {
          say(texts.submitFailed);
        });
    });
  }

  model.onValueChanged.add(function () {
    schedule();
  });
  model.onCurrentPageChanged.add(function () {
    // Only the respondent's own step to another page is worth keeping (to come back there); opening the sent
    // answers saves nothing.
    if (!quiet) schedule(300);
    // Keyboard and screen-reader users continue at the first question of the new page, not at the top of the site.
    setTimeout(function () {
      model.focusFirstQuestion();
    }, 0);
  });
  model.onCompleting.add(function (sender, options) {
    options.allow = false;
    submit();
  });

  // Leaving the page: send what is pending right away (keepalive outlives the tab) and keep the local copy.
  function flush() {
    if (!dirty || blocked || paper) return;
    backup();
    save(true);
  }
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') flush();
  });
  window.addEventListener('online', function () {
    if (dirty) save(false);
  });

  window.kwadrantFormProblems(model, document.getElementById('form-problems'));

  // WCAG 2.4.11: the sticky save line must never cover the field that has focus; the page keeps that much room
  // free at the top when it scrolls a field into view (its height changes with the message and the text size).
  function keepRoomForStatus() {
    document.documentElement.style.scrollPaddingTop = statusLine.offsetHeight + 16 + 'px';
  }
  if (window.ResizeObserver) new ResizeObserver(keepRoomForStatus).observe(statusLine);
  keepRoomForStatus();

  host.removeAttribute('data-loading');
  model.render(host);

  if (!config.canEdit) closeForm(texts.closed);
  else if (config.unsentChanges && !paper) say(texts.unsentChanges);
  else if (config.submittedAt && !paper) showAnswers(config.late ? texts.submittedLate : texts.submitted, !config.late);
  else if (dirty) schedule(0);
})();
