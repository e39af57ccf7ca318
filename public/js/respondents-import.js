// Sends the chosen respondent file as the request body (no multipart needed) and lists the server's report.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) return;
  var texts = JSON.parse(document.getElementById('import-texts').textContent);
  var result = document.getElementById('import-result');
  var body = document.getElementById('import-result-body');

  var shared = window.kwFileReport;
  var fill = shared.fill;
  var line = shared.line;

  // The server lists the first problems and counts them all.
  function problems(errors, total) {
    var nodes = [line(texts.problems)];
    if (total > errors.length) nodes.push(line(fill(texts.moreProblems, { shown: errors.length, total: total })));
    nodes.push(
      shared.table(
        texts.problems,
        [texts.colLine, texts.colColumn, texts.colValue, texts.colReason],
        errors.map(function (e) {
          return [String(e.line), e.column, e.value || texts.empty, e.reason];
        }),
        'import-errors',
      ),
    );
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
    shared
      .postFile(form, file, query)
      .then(function (report) {
        var nodes = [];
        var details = report.details || {};
        if (report.statusCode) {
          var known = report.code && texts.codes[report.code];
          nodes.push(line(known ? fill(known, { rows: details.unreadableRows }) : report.message));
          if (details.errors) nodes.push.apply(nodes, problems(details.errors, details.errorCount));
        } else {
          var n = report.dryRun ? report.readable : report.imported;
          // One row is said in the singular ("1 rij", "1 respondent"), as the homework import does.
          var key = (report.dryRun ? 'wouldImport' : 'imported') + (n === 1 ? 'One' : '');
          nodes.push(line(fill(texts[key], { n: n })));
          if (report.errors.length) nodes.push.apply(nodes, problems(report.errors, report.errorCount));
        }
        show(nodes);
      })
      .catch(function (err) {
        show([line(String(err))]);
      });
  });
})();
