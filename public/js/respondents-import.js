// Sends the chosen respondent file as the request body (no multipart needed) and lists the server's report.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) return;
  var texts = JSON.parse(document.getElementById('import-texts').textContent);
  var result = document.getElementById('import-result');
  var body = document.getElementById('import-result-body');

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

  function cell(tag, text, scope, label) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (scope) c.scope = scope;
    // On a phone the rows stack; the label then says what each value is.
    if (label) c.setAttribute('data-label', label);
    return c;
  }

  // A table, not a list: a researcher goes down the lines and finds each one in the file by line and column.
  function errorList(errors) {
    var wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', texts.problems);
    var table = document.createElement('table');
    table.className = 'import-errors';
    var head = table.createTHead().insertRow();
    ['colLine', 'colColumn', 'colValue', 'colReason'].forEach(function (k) {
      head.appendChild(cell('th', texts[k], 'col'));
    });
    var body = table.createTBody();
    errors.forEach(function (e) {
      var row = body.insertRow();
      row.appendChild(cell('th', String(e.line), 'row', texts.colLine));
      row.appendChild(cell('td', e.column, null, texts.colColumn));
      row.appendChild(cell('td', e.value || texts.empty, null, texts.colValue));
      row.appendChild(cell('td', e.reason, null, texts.colReason));
    });
    wrap.appendChild(table);
    return wrap;
  }

  // The server lists the first problems and counts them all.
  function problems(errors, total) {
    var nodes = [line(texts.problems)];
    if (total > errors.length) nodes.push(line(fill(texts.moreProblems, { shown: errors.length, total: total })));
    nodes.push(errorList(errors));
    return nodes;
  }

  function show(nodes) {
    body.replaceChildren.apply(body, nodes);
    result.hidden = false;
    result.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('import-file').files[0];
    if (!file) return;
    var query = new URLSearchParams({
      dryRun: String(document.getElementById('import-dry-run').checked),
      partial: String(document.getElementById('import-partial').checked),
      fileName: file.name,
    });
    var type = /\.xlsx$/i.test(file.name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv';
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
        var details = report.details || {};
        if (report.statusCode) {
          var known = report.code && texts.codes[report.code];
          nodes.push(line(known ? fill(known, { rows: details.unreadableRows }) : report.message));
          if (details.errors) nodes.push.apply(nodes, problems(details.errors, details.errorCount));
        } else {
          nodes.push(
            line(
              fill(report.dryRun ? texts.wouldImport : texts.imported, {
                n: report.dryRun ? report.readable : report.imported,
              }),
            ),
          );
          if (report.errors.length) nodes.push.apply(nodes, problems(report.errors, report.errorCount));
        }
        show(nodes);
      })
      .catch(function (err) {
        show([line(String(err))]);
      });
  });
})();
