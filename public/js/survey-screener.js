// The public screener: renders the study's SurveyJS definition, posts the answers once, shows the server's answer.
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
  var submissionId = newId();
  var pending = null;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
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

  function problems(body) {
    var list = document.createElement('ul');
    var details = body && body.details ? body.details : {};
    Object.keys(details).forEach(function (field) {
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
        return res.json().then(function (body) { return { ok: res.ok, body: body }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          // "Answer the questions below" no longer fits once there are none left.
          var intro = document.getElementById('screener-intro');
          if (intro) intro.hidden = true;
          show([paragraph(answer.body.message)], false);
          return;
        }
        // The respondent can correct the answers: the survey reopens with everything filled in.
        show([paragraph(texts.fixAnswers), problems(answer.body)], false);
        model.clear(false, true);
      })
      .catch(function () {
        show([paragraph(texts.networkError)], true);
      });
  }

  retry.addEventListener('click', send);
  model.onComplete.add(function (sender) {
    pending = { submissionId: submissionId, definitionVersion: config.version, locale: sender.locale || 'nl', answers: sender.data };
    send();
  });
  host.removeAttribute('data-loading');
  model.render(host);
})();
