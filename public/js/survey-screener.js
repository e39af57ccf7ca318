// The public screener: renders the study's SurveyJS definition, posts the answers once, shows the server's answer.
// Answers are kept in this tab's sessionStorage (never in the URL) so Back, a reload or switching language loses
// nothing; they are removed once the server has them.
// `Survey` is SurveyJS's global, from its bundle that the page loads before this script.
/* global Survey */
(function () {
  'use strict';
  var host = document.getElementById('screener');
  if (!host) return;
  var config = JSON.parse(document.getElementById('screener-data').textContent);
  var texts = JSON.parse(document.getElementById('screener-texts').textContent);
  var result = document.getElementById('screener-result');
  var resultBody = document.getElementById('screener-result-body');
  var retry = document.getElementById('screener-retry');

  // The definitions write Dutch as the default text; English is the 'en' locale.
  Survey.surveyLocalization.defaultLocale = 'nl';
  var model = new Survey.Model(config.definition);
  model.locale = document.documentElement.lang === 'en' ? 'en' : 'nl';
  model.showTitle = false;
  model.showCompletedPage = false;
  // Every keystroke is an answer, so the copy kept for a reload holds what was typed, not only what was left.
  model.textUpdateMode = 'onTyping';
  var saved = restore();
  var submissionId = (saved && saved.submissionId) || newId();
  var pending = null;
  var progress = document.getElementById('screener-progress');
  var progressText = document.getElementById('screener-progress-text');
  var progressBar = document.getElementById('screener-progress-bar');
  if (saved) {
    model.data = saved.data || {};
    var page = saved.page && model.getPageByName(saved.page);
    if (page && page.isVisible) model.currentPage = page;
  }
  var formProblems = window.kwadrantFormProblems(model, document.getElementById('form-problems'));

  function restore() {
    try {
      var copy = JSON.parse(sessionStorage.getItem(config.storageKey) || 'null');
      // Answers to another version of the questions may not fit them: start again rather than guess.
      return copy && copy.version === config.version ? copy : null;
    } catch {
      return null;
    }
  }

  function keep() {
    try {
      sessionStorage.setItem(
        config.storageKey,
        JSON.stringify({
          version: config.version,
          submissionId: submissionId,
          data: model.data,
          page: model.currentPage ? model.currentPage.name : null,
        }),
      );
    } catch {
      /* private mode or full storage: the form still works, only without the copy */
    }
  }

  function forget() {
    try {
      sessionStorage.removeItem(config.storageKey);
    } catch {
      /* nothing kept */
    }
  }

  // Counted over every page of the questionnaire, also those shown only to people who can take part: the total
  // never grows on the way (it used to jump from "4 of 4" to "5 of 6"); someone turned away simply ends early.
  function showProgress() {
    var all = model.pages;
    var step = all.indexOf(model.currentPage) + 1;
    if (model.state !== 'running' || step < 1) {
      progress.hidden = true;
      return;
    }
    progressText.textContent = texts.progress
      .replace('{step}', String(step))
      .replace('{total}', String(all.length))
      .replace('{title}', model.currentPage.processedTitle || '');
    progressBar.max = all.length;
    progressBar.value = step;
    progress.hidden = false;
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map
      .call(b, function (x) {
        return (x + 0x100).toString(16).slice(1);
      })
      .join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function show(nodes, withRetry) {
    resultBody.replaceChildren.apply(resultBody, nodes);
    retry.hidden = !withRetry;
    result.hidden = false;
    result.focus();
  }

  function paragraph(text) {
    var p = document.createElement('p');
    p.textContent = text;
    return p;
  }

  // Problems that are about no question of the form (or a refusal without details), said in the answer box.
  function problems(body, fields) {
    var list = document.createElement('ul');
    var details = body && body.details ? body.details : {};
    fields.forEach(function (field) {
      [].concat(details[field]).forEach(function (message) {
        var li = document.createElement('li');
        li.textContent = typeof message === 'string' ? message : JSON.stringify(message);
        list.appendChild(li);
      });
    });
    if (!list.children.length) list.appendChild(paragraph(body && body.message ? body.message : texts.errorHeading));
    return list;
  }

  function send() {
    show([paragraph(texts.sending)], false);
    fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(pending),
    })
      .then(function (res) {
        return res.json().then(function (body) {
          return { ok: res.ok, body: body };
        });
      })
      .then(function (answer) {
        if (answer.ok) {
          // "Answer the questions below" no longer fits once there are none left.
          var intro = document.getElementById('screener-intro');
          if (intro) intro.hidden = true;
          forget();
          show([paragraph(answer.body.message)], false);
          return;
        }
        // The respondent can correct the answers: the survey reopens with everything filled in, each problem
        // under its question and in the summary above the form, by the question's title.
        model.clear(false, true);
        var details = answer.body && answer.body.details ? answer.body.details : {};
        var rest = formProblems.showServerProblems(details);
        showProgress();
        // The summary says it all when every problem belongs to a question; otherwise the rest is said here.
        if (rest.length > 0 || !Object.keys(details).length)
          show([paragraph(texts.fixAnswers), problems(answer.body, rest)], false);
        else result.hidden = true;
      })
      .catch(function () {
        show([paragraph(texts.networkError)], true);
      });
  }

  retry.addEventListener('click', send);
  model.onValueChanged.add(keep);
  model.onCurrentPageChanged.add(function () {
    keep();
    showProgress();
  });
  model.onComplete.add(function (sender) {
    pending = {
      submissionId: submissionId,
      definitionVersion: config.version,
      locale: sender.locale || 'nl',
      answers: sender.data,
    };
    progress.hidden = true;
    send();
  });
  host.removeAttribute('data-loading');
  model.render(host);
  showProgress();
})();
