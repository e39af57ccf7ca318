// Codebook import: the chosen file is first checked (a dry run: what would change, or every problem with its
// line and column); only then may it be imported, with the same file, all or nothing.
(function () {
  'use strict';
  var form = document.getElementById('codebook-import-form');
  if (!form) return;
  var texts = JSON.parse(document.getElementById('codebook-import-texts').textContent);
  var result = document.getElementById('codebook-import-result');
  var body = document.getElementById('codebook-import-result-body');
  var confirmButton = document.getElementById('codebook-import-confirm');
  var input = document.getElementById('codebook-file');

  function fill(text, vars) {
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return vars[name] === undefined ? m : String(vars[name]);
    });
  }

  function line(text) {
    var p = document.createElement('p');
    p.textContent = text;
    return p;
  }

  function cell(tag, text, label) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (tag === 'th') c.scope = label ? 'row' : 'col';
    if (label) c.setAttribute('data-label', label);
    return c;
  }

  // One row per problem: a researcher finds each one in the file by its line and column.
  function problemTable(problems, caption) {
    var wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', caption);
    var table = document.createElement('table');
    table.className = 'stack-table import-errors';
    var head = table.createTHead().insertRow();
    ['colLine', 'colWhere', 'colReason'].forEach(function (k) {
      head.appendChild(cell('th', texts[k]));
    });
    var tbody = table.createTBody();
    problems.forEach(function (p) {
      var row = tbody.insertRow();
      row.appendChild(cell('th', p.line === null ? '–' : String(p.line), texts.colLine));
      row.appendChild(cell('td', p.column || p.where || '–', texts.colWhere));
      row.appendChild(cell('td', p.message, texts.colReason));
    });
    wrap.appendChild(table);
    return [line(caption), wrap];
  }

  function show(nodes) {
    body.replaceChildren.apply(body, nodes);
    result.hidden = false;
    result.focus();
  }

  function send(dryRun) {
    var file = input.files[0];
    if (!file) return;
    var query = new URLSearchParams({ dryRun: String(dryRun), fileName: file.name });
    var type = /\.xlsx$/i.test(file.name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : /\.(qdc|xml)$/i.test(file.name)
        ? 'application/xml'
        : 'text/csv';
    confirmButton.hidden = true;
    fetch(form.dataset.endpoint + '?' + query, {
      method: 'POST',
      headers: { 'content-type': type, 'x-csrf-token': form.dataset.csrf, accept: 'application/json' },
      body: file,
    })
      .then(function (res) {
        return res.json();
      })
      .then(function (report) {
        var nodes = [];
        if (report.statusCode) {
          var details = report.details || {};
          if (details.errors) nodes.push.apply(nodes, problemTable(details.errors, texts.problems));
          else nodes.push(line(texts.failed + ' ' + report.message));
        } else {
          nodes.push(line(fill(report.dryRun ? texts.wouldImport : texts.imported, report)));
          if (report.warnings.length) nodes.push.apply(nodes, problemTable(report.warnings, texts.warnings));
          if (report.dryRun) confirmButton.hidden = false;
        }
        show(nodes);
      })
      .catch(function (err) {
        show([line(texts.failed + ' ' + String(err))]);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send(true);
  });
  confirmButton.addEventListener('click', function () {
    send(false);
  });
  input.addEventListener('change', function () {
    confirmButton.hidden = true;
  });
})();
