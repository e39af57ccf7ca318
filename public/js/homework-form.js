// The homework form: SurveyJS with autosave. Every change is kept on this device at once and saved to the
// server within seconds; a save that names an older revision gets 409 and the respondent chooses how to go on.
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
  var MAX_RETRY_MS = 30000;
  var revision = config.revision;
  var timer = null;
  var inFlight = null;
  var dirty = false;
  var retryMs = 2000;
  var blocked = false;

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
    options.html = '<img class="homework-face" src="/assets/img/faces/' + face + '.svg" alt="" width="28" height="28"> ' + escapeHtml(options.text.slice(2).trim());
  });
  model.data = restoreBackup() || config.data || {};
  if (config.currentPage) {
    var page = model.getPageByName(config.currentPage);
    if (page) model.currentPage = page;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  function say(text) {
    statusLine.textContent = text;
  }

  function format(template, vars) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return vars[k] === undefined ? m : vars[k]; });
  }

  function timeNow() {
    return new Date().toLocaleTimeString(model.locale === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit' });
  }

  // The local copy: survives a closed tab, a crash or a lost connection before the server has the change.
  function backup() {
    if (paper || !config.storageKey) return;
    try {
      localStorage.setItem(config.storageKey, JSON.stringify({ revision: revision, data: model.data, page: model.currentPage && model.currentPage.name }));
    } catch (e) { /* private mode or full storage: the server copy still follows */ }
  }

  function clearBackup() {
    try { localStorage.removeItem(config.storageKey); } catch (e) { /* nothing to clear */ }
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
    } catch (e) { /* unreadable copy: ignore it */ }
    clearBackup();
    return null;
  }

  function body() {
    return JSON.stringify({ revision: revision, data: model.data, currentPage: model.currentPage ? model.currentPage.name : null });
  }

  function schedule(delay) {
    if (paper || blocked) return;
    dirty = true;
    backup();
    clearTimeout(timer);
    timer = setTimeout(function () { save(false); }, delay === undefined ? DEBOUNCE_MS : delay);
  }

  function save(keepalive) {
    if (!dirty || blocked) return inFlight || Promise.resolve();
    if (inFlight) return inFlight.then(function () { return save(keepalive); });
    dirty = false;
    clearTimeout(timer);
    say(texts.saving);
    // keepalive lets the request finish when the tab is being closed.
    var request = { method: 'PUT', keepalive: keepalive === true, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body() };
    inFlight = fetch(config.endpoint + '/draft', request)
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (answer) { return { status: res.status, body: answer }; });
      })
      .then(function (answer) {
        inFlight = null;
        if (answer.status === 200) {
          revision = answer.body.revision;
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
        timer = setTimeout(function () { save(false); }, retryMs);
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
    timer = setTimeout(function () { save(false); }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  /** Everything typed in this window, readable and copyable, so choosing the newer version loses nothing. */
  function unsavedText() {
    return model.getAllQuestions().filter(function (q) { return !q.isEmpty(); }).map(function (q) {
      var value = q.displayValue;
      if (Array.isArray(value)) value = value.join(', ');
      return q.processedTitle + '\n' + value;
    }).join('\n\n');
  }

  function showConflict() {
    blocked = true;
    clearTimeout(timer);
    say('');
    document.getElementById('homework-conflict-heading').textContent = texts.loadNewest;
    document.getElementById('homework-conflict-text').textContent = texts.conflict;
    document.getElementById('homework-unsaved-label').textContent = texts.conflictYourText;
    document.getElementById('homework-copy-hint').textContent = texts.copyHint;
    document.getElementById('homework-unsaved').value = unsavedText();
    document.getElementById('homework-load-newest').textContent = texts.loadNewest;
    conflict.hidden = false;
    conflict.focus();
  }

  function loadNewest() {
    return fetch(config.endpoint, { headers: { accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) return window.location.reload();
        return res.json().then(function (state) {
          revision = state.revision;
          blocked = false;
          dirty = false;
          model.data = state.data || {};
          backup();
          say(format(texts.savedAt, { time: timeNow() }));
          // The copy of their own text stays on screen until they leave; only the buttons go.
          document.getElementById('homework-load-newest').hidden = true;
          host.querySelector('input, textarea, button') && host.focus();
        });
      })
      .catch(function () { say(texts.saveFailed); });
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
    model.mode = 'display';
    model.questionsOnPageMode = 'singlePage';
    showResult(message, canEdit);
  }

  editButton.addEventListener('click', function () {
    model.mode = 'edit';
    model.questionsOnPageMode = 'standard';
    model.currentPageNo = 0;
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
          return res.json().catch(function () { return {}; }).then(function (answer) { return { status: res.status, body: answer }; });
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
        .catch(function () { say(texts.submitFailed); });
    });
  }

  model.onValueChanged.add(function () { schedule(); });
  model.onCurrentPageChanged.add(function () {
    schedule(300);
    // Keyboard and screen-reader users continue at the first question of the new page, not at the top of the site.
    setTimeout(function () { model.focusFirstQuestion(); }, 0);
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
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); });
  window.addEventListener('online', function () { if (dirty) save(false); });

  host.removeAttribute('data-loading');
  model.render(host);

  if (!config.canEdit) closeForm(texts.closed);
  else if (config.unsentChanges && !paper) say(texts.unsentChanges);
  else if (config.submittedAt && !paper) showAnswers(config.late ? texts.submittedLate : texts.submitted, !config.late);
  else if (dirty) schedule(0);
})();
