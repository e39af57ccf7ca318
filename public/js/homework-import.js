// Homework answers from a file: first a dry run that lists what would happen to each row and every problem, then
// the same file again to import it. The file is sent as the request body (no multipart needed).
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) return;
  var texts = JSON.parse(document.getElementById('import-texts').textContent);
  var fileInput = document.getElementById('import-file');
  var replace = document.getElementById('import-replace');
  var result = document.getElementById('import-result');
  var body = document.getElementById('import-result-body');
  var confirm = document.getElementById('import-confirm');

  var shared = window.kwFileReport;
  var fill = shared.fill;
  var line = shared.line;

  // One text for one, another for more (Dutch and English need no other forms).
  function count(key, n, vars) {
    return fill(n === 1 ? texts[key + 'One'] : texts[key], vars);
  }

  function table(label, columns, rows, extraClass) {
    var headers = columns.map(function (k) {
      return texts[k];
    });
    return shared.table(label, headers, rows, 'import-errors' + (extraClass ? ' ' + extraClass : ''));
  }

  function respondentLink(id) {
    var a = document.createElement('a');
    a.href = form.dataset.endpoint.replace(/^\/api/, '').replace(/\/homework\/import$/, '/respondents/' + id);
    a.textContent = '#' + id;
    return a;
  }

  // The server lists the first problems and counts them all.
  function problems(errors, total) {
    var nodes = [line(texts.problems)];
    if (total > errors.length) nodes.push(line(fill(texts.moreProblems, { shown: errors.length, total: total })));
    nodes.push(
      table(
        texts.problems,
        ['colLine', 'colColumn', 'colValue', 'colReason'],
        errors.map(function (e) {
          return [String(e.line), e.column, e.value || texts.empty, e.reason];
        }),
      ),
    );
    return nodes;
  }

  function planned(report) {
    var nodes = [line(texts.rows)];
    if (report.readable > report.planned.length)
      nodes.push(line(fill(texts.moreRows, { shown: report.planned.length, total: report.readable })));
    nodes.push(
      table(
        texts.rows,
        ['colLine', 'colRespondent', 'colAction'],
        report.planned.map(function (p) {
          return [String(p.line), respondentLink(p.respondentId), texts.actions[p.action] || p.action];
        }),
        'import-plan',
      ),
    );
    return nodes;
  }

  function show(nodes, canConfirm) {
    body.replaceChildren.apply(body, nodes);
    confirm.hidden = !canConfirm;
    result.hidden = false;
    result.focus();
  }

  function send(dryRun) {
    var file = fileInput.files[0];
    if (!file) return;
    var query = new URLSearchParams({ dryRun: String(dryRun), replace: String(replace.checked), fileName: file.name });
    shared
      .postFile(form, file, query)
      .then(function (report) {
        var nodes = [];
        var details = report.details || {};
        if (report.statusCode) {
          var known = report.code && texts.codes[report.code];
          nodes.push(line(known ? fill(known, { rows: details.unreadableRows }) : report.message));
          if (details.errors) nodes.push.apply(nodes, problems(details.errors, details.errorCount));
          return show(nodes, false);
        }
        var counts = {
          n: report.dryRun ? report.readable : report.imported,
          created: report.created,
          replaced: report.replaced,
        };
        nodes.push(line(count(report.dryRun ? 'wouldImport' : 'imported', counts.n, counts)));
        if (report.created) nodes.push(line(count('created', report.created, counts)));
        if (report.replaced) nodes.push(line(count('replaced', report.replaced, counts)));
        if (report.errors.length) nodes.push.apply(nodes, problems(report.errors, report.errorCount));
        if (report.planned.length) nodes.push.apply(nodes, planned(report));
        // Only a clean preview can be imported: all or nothing.
        show(nodes, report.dryRun && !report.errorCount && report.readable > 0);
      })
      .catch(function () {
        show([line(texts.failed)], false);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send(true);
  });
  confirm.addEventListener('click', function () {
    send(false);
  });
  // A preview is of one file with one setting: another choice needs its own preview first.
  fileInput.addEventListener('change', function () {
    confirm.hidden = true;
  });
  replace.addEventListener('change', function () {
    confirm.hidden = true;
  });
})();
